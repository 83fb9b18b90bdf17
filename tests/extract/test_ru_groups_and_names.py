"""Russian group nouns and women's names the dictionary misreads, on invented reports."""

import re

from habeas.extract.lexicon import load_lexicon
from habeas.extract.people import People

from .helpers import extract, first, names, person, types


def test_a_plural_role_noun_means_the_group_named_last() -> None:
    r = extract(
        "Активист Гордей Мухин, журналист Фома Кривцов и активист Ян Дымов отсидели по "
        "10 суток за пикет у мэрии 3 марта. После выхода из-под ареста 13 марта "
        "активисты рассказали о холоде в камерах.",
        published="2025-03-14",
        lang="ru",
    )
    for name in ("Гордей Мухин", "Фома Кривцов", "Ян Дымов"):
        assert str(first(person(r, name), "release").date) == "2025-03-13"


def test_only_the_nominative_plural_is_a_definite_group() -> None:
    # «8 журналистов приговорены»: a counted group of its own, not the one named last
    cue = re.compile(load_lexicon("ru").extra["definite_group"], re.IGNORECASE)
    assert cue.search("гражданские активисты рассказали")
    assert cue.search("задержанные были отпущены")
    assert not cue.search("8 гражданских журналистов приговорены")


def test_an_undeclined_given_name_before_a_womans_surname_in_ой() -> None:
    text = (
        "Бахытжан Сарсенбаева пожаловалась на холод. "
        "По словам Бахытжан Сарсенбаевой, её задержали у мэрии."
    )
    entities = People(text, load_lexicon("ru")).entities
    assert [e.name for e in entities] == ["Бахытжан Сарсенбаева"]
    assert entities[0].gender == "f"


def test_a_brother_keeps_his_surname_beside_his_sisters_oblique_form() -> None:
    r = extract(
        "Полиция задержала Егора Лунина. Вместе с Алиной Луниной его отвезли в отдел полиции.",
        lang="ru",
    )
    assert "Егор Лунин" in names(r)


COUNTED = (
    "Суд в Твери арестовал на 10 суток {n} активистов, участников пикета у мэрии. "
    "Административные аресты получили Гордей Мухин, Фома Кривцов и Тихон Дымов."
)


def test_as_many_names_as_the_counted_group_are_its_members() -> None:
    r = extract(COUNTED.format(n="троих"), lang="ru")
    for name in ("Гордей Мухин", "Фома Кривцов", "Тихон Дымов"):
        p = person(r, name)
        penalty = first(p, "sentence").penalty
        assert penalty is not None and penalty.days == 10
        assert "protest" in types(p)


def test_a_count_that_disagrees_gives_the_group_to_no_one() -> None:
    r = extract(COUNTED.format(n="двоих"), lang="ru")
    p = person(r, "Фома Кривцов")
    assert first(p, "sentence").penalty is None
    assert "protest" not in types(p)


def test_a_relative_named_by_a_given_name_bears_the_family_surname() -> None:
    r = extract(
        "Силовики задержали Ольгу Серову и её брата Егора 3 мая в автобусе.",
        published="2025-05-05",
        lang="ru",
    )
    for name in ("Ольга Серова", "Егор Серов"):
        assert str(first(person(r, name), "detention").date) == "2025-05-03"


def test_a_kin_word_without_a_name_adds_no_one() -> None:
    r = extract("Силовики задержали Ольгу Серову и её брата 3 мая.", lang="ru")
    assert names(r) == {"Ольга Серова"}


def test_a_pronoun_after_an_event_noun_means_the_events() -> None:
    r = extract(
        "Суд оштрафовал Гордея Мухина и Фому Кривцова за пикеты у мэрии. "
        "Тихон Дымов получил штраф за пикет 8 марта. "
        "За участие в них были арестованы и другие.",
        lang="ru",
    )
    for name in ("Гордей Мухин", "Фома Кривцов"):
        assert "detention" not in types(person(r, name))
