"""Russian behaviours found by probing the engine with invented sentences in the
style of news on detentions (Kazakhstan, Kyrgyzstan, Azerbaijan, Chechnya, Belarus).
Every person here is fictional."""

import pytest

from .helpers import extract, first, names, person


def ru(text: str, published: str = "2024-03-19"):
    return extract(text, published=published, lang="ru")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Суд приговорил активиста Каната Амренова к 20 суткам ареста.", "Канат Амренов"),
        ("Каната Амренова задержали 18 марта.", "Канат Амренов"),
        ("Суд назначил Канату Амренову 15 суток ареста.", "Канат Амренов"),
    ],
)
def test_a_given_name_outside_the_dictionary_in_an_oblique_case(text: str, name: str) -> None:
    # «Каната» is a common noun to the dictionary; its stem is a gazetteer given
    # name and the surname after it stands in the same case.
    assert names(ru(text)) == {name}


def test_an_oblique_common_noun_before_a_place_is_not_a_given_name() -> None:
    assert names(ru("Полиция задержала у Каната Иртыш троих активистов.")) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Полиция задержала Гульжан Ермекову.", "Гульжан Ермекова"),
        ("Полиция задержала Жулдыз Абдрахманову у акимата.", "Жулдыз Абдрахманова"),
    ],
)
def test_an_undeclined_given_name_before_a_surname_in_u_is_a_woman(text: str, name: str) -> None:
    # A man's given name ending in a consonant would decline («Гульжану Ермекову»).
    assert names(ru(text)) == {name}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Суд оштрафовал Мохуббат Гасанову на 50 тысяч рублей.", "Мохуббат Гасанова"),
        ("Полиция задержала Канышай Мамыркулову.", "Канышай Мамыркулова"),
    ],
)
def test_a_given_name_no_list_knows_before_a_surname_in_a_case(text: str, name: str) -> None:
    # Outside a list: the tagger's person span is trusted when the surname has a
    # Russian case ending and the given name is unknown to the dictionary.
    assert names(ru(text)) == {name}


def test_a_byline_with_an_unknown_given_name_is_no_person() -> None:
    assert names(ru("Мохуббат Гасанова, Кавказский узел. Полиция задержала активистов.")) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Полиция задержала Тофига Гасанлы.", "Тофиг Гасанлы"),
        ("Суд приговорил Тофика Ягублу к 9 годам лишения свободы.", "Тофик Ягублу"),
        ("Полиция задержала Севиндж Вагифгызы.", "Севиндж Вагифгызы"),
    ],
)
def test_azerbaijani_surnames_in_cyrillic(text: str, name: str) -> None:
    assert names(ru(text)) == {name}


def test_a_son_named_after_the_kin_word_keeps_his_name_in_a() -> None:
    r = ru("Сулейман Магомедов сказал, что его сына Абдуллу задержали.")
    assert "Абдулла Магомедов" in names(r)


def test_an_extension_until_a_date_is_not_dated_by_its_end() -> None:
    p = person(ru("Суд продлил арест Ивану Петрову до 13 мая."), "Иван Петров")
    assert first(p, "pretrial_detention").date is None
    p = person(ru("Суд 18 марта продлил арест Ивану Петрову до 13 мая."), "Иван Петров")
    assert str(first(p, "pretrial_detention").date) == "2024-03-18"


def test_a_fine_after_the_article_it_was_imposed_under() -> None:
    r = ru("Суд оштрафовал Ивана Петрова по статье 20.3.3 КоАП на 30 тысяч рублей.")
    penalty = first(person(r, "Иван Петров"), "sentence").penalty
    assert penalty is not None and penalty.amount == 30000 and penalty.currency == "RUB"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Суд оштрафовал Ерлана Калиева на 100 МРП (369 200 тенге).", 369200),
        ("Суд оштрафовал активиста Ерлана Калиева по части 1 статьи 488 КоАП РК на 50 МРП.", None),
    ],
)
def test_a_fine_in_kazakh_monthly_index_units(text: str, amount: int | None) -> None:
    penalty = first(person(ru(text), "Ерлан Калиев"), "sentence").penalty
    assert penalty is not None and penalty.kind.value == "fine" and penalty.amount == amount


@pytest.mark.parametrize(
    "text",
    [
        "Ивана Петрова обвиняют по части 8 статьи 20.2 КоАП РФ.",
        "Ивана Петрова подозревают по статье 274 УК РК.",
    ],
)
def test_accused_under_an_article(text: str) -> None:
    charge = first(person(ru(text), "Иван Петров"), "charge")
    assert charge.charges and charge.charges[0].article in ("20.2", "274")


def test_a_court_arresting_a_list_of_names_for_days() -> None:
    r = ru("Суд арестовал Ерлана Калиева и Болота Темирова на 10 суток каждого.")
    for name in ("Ерлан Калиев", "Болот Темиров"):
        penalty = first(person(r, name), "sentence").penalty
        assert penalty is not None and penalty.days == 10


def test_a_month_before_a_name_is_no_womans_role_noun() -> None:
    # «марта» parses as the name Марта too; it must not make «Ерлана» a woman.
    assert names(ru("18 марта Ерлана Калиева отпустили.")) == {"Ерлан Калиев"}


@pytest.mark.parametrize(
    "text",
    [
        "С Канатом Амреновым нет связи.",
        "Каната Амренова нет на связи с 16 марта.",
        "О судьбе Каната Амренова ничего не известно.",
    ],
)
def test_no_contact_is_a_disappearance(text: str) -> None:
    assert "disappearance" in [e.type.value for e in person(ru(text), "Канат Амренов").events]


def test_a_name_before_kyzy_is_a_womans() -> None:
    r = ru("Суд арестовал Макбала Тажибек кызы на два месяца.")
    assert names(r) == {"Макбала Тажибек"}


def test_the_source_after_kak_soobshchil_is_a_speaker() -> None:
    r = ru("Как сообщил адвокат Руслан Мирзоев, Ислама Хасаева избили в отделе полиции.")
    assert names(r) == {"Ислам Хасаев"}
    # a speaker telling of themselves keeps their events
    r = ru("Как сообщил Ерлан Калиев, его задержали 16 марта.")
    assert names(r) == {"Ерлан Калиев"}


def test_a_date_word_before_sud_is_not_the_courts_name() -> None:
    p = person(ru("Сегодня суд арестовал Ивана Петрова на 10 суток."), "Иван Петров")
    assert first(p, "sentence").authority is None
    p = person(ru("Мещанский суд Москвы арестовал Ивана Петрова на 10 суток."), "Иван Петров")
    assert first(p, "sentence").authority == "Мещанский суд Москвы"


def test_a_place_in_the_genitive_before_a_name_is_not_part_of_it() -> None:
    r = ru("Жительницу Грозного Мадину Умаеву задержали 5 марта.")
    assert names(r) == {"Мадина Умаева"}
    assert names(ru("Иванова Ивана Петровича задержали.")) == {"Иванов Иван Петрович"}


def test_two_decisions_in_one_sentence_each_keep_their_term() -> None:
    r = ru(
        "Суд арестовал Ерлана Калиева на 15 суток, а Айгуль Тлеужанову оштрафовал"
        " на 100 тысяч тенге."
    )
    arrest = first(person(r, "Ерлан Калиев"), "sentence").penalty
    fine = first(person(r, "Айгуль Тлеужанова"), "sentence").penalty
    assert arrest is not None and arrest.days == 15
    assert fine is not None and fine.amount == 100000
