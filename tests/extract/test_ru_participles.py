"""Russian participles after a name: an earlier verdict told by one, and the
name's case told by the verb or participle that agrees with it (invented)."""

from habeas.model import Extraction

from .helpers import extract, first, names, person


def ru(text: str) -> Extraction:
    return extract(text, published="2025-03-13", lang="ru")


def test_an_earlier_verdict_told_by_a_participle_is_a_sentence_of_its_own_day() -> None:
    r = ru("Тимур Ахмедзянов, ранее осужденный на пять лет, вышел на свободу в 2020 году.")
    p = person(r, "Тимур Ахмедзянов")
    verdict = first(p, "sentence")
    assert verdict.penalty is not None and verdict.penalty.years == 5
    assert verdict.date is None
    assert str(first(p, "release").date) == "2020"


def test_a_participle_after_the_comma_tells_a_womans_nominative() -> None:
    r = ru("Алеся Шлыкова, приговоренная к двум годам колонии, вышла на свободу 3 марта.")
    assert names(r) == {"Алеся Шлыкова"}


def test_a_participle_in_the_genitive_tells_a_mans_genitive() -> None:
    r = ru("Руслана Осипова, задержанного в субботу, отпустили.")
    assert names(r) == {"Руслан Осипов"}
