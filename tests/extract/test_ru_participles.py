"""Russian participles after a name: an earlier verdict told by one, and the
name's case told by the verb or participle that agrees with it (invented)."""

from habeas.model import Extraction

from .helpers import extract, names


def ru(text: str) -> Extraction:
    return extract(text, published="2025-03-13", lang="ru")


def test_a_participle_after_the_comma_tells_a_womans_nominative() -> None:
    r = ru("Алеся Шлыкова, приговоренная к двум годам колонии, вышла на свободу 3 марта.")
    assert names(r) == {"Алеся Шлыкова"}


def test_a_participle_in_the_genitive_tells_a_mans_genitive() -> None:
    r = ru("Руслана Осипова, задержанного в субботу, отпустили.")
    assert names(r) == {"Руслан Осипов"}
