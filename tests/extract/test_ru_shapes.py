"""Russian report shapes met on real pages, each on invented sentences.

Every person here is invented; the sentences were written for these tests.
"""

from __future__ import annotations

from habeas.model import EventType, Extraction, Person

from .helpers import extract as extract_in
from .helpers import person

PUBLISHED = "2025-03-14"  # a Friday


def extract(text: str) -> Extraction:
    return extract_in(text, published=PUBLISHED, lang="ru")


def dates_of(p: Person, etype: EventType) -> list[str | None]:
    return [str(e.date) if e.date else None for e in p.events if e.type is etype]


def test_a_short_sentence_with_an_event_is_not_a_dateline() -> None:
    x = extract("Блогер Пётр Сидоренко осуждён на пять лет. Сидоренко задержали 3 мая 2024 года.")
    assert dates_of(person(x, "Пётр Сидоренко"), EventType.DETENTION) == ["2024-05-03"]


def test_a_list_of_days_in_one_month_dates_the_month() -> None:
    x = extract("Активист Иван Кравчук участвовал в акциях протеста 3, 4 и 11 февраля.")
    assert dates_of(person(x, "Иван Кравчук"), EventType.PROTEST) == ["2025-02"]


def test_an_amount_of_roubles_is_not_a_year() -> None:
    x = extract(
        "Активистку Ольгу Верескову задержали на пикете. "
        "Статья, по которой её судят, предусматривает штраф от 1000 до 2000 рублей."
    )
    events = person(x, "Ольга Верескова").events
    assert all(e.date is None or e.date.year != 2000 for e in events)


def test_a_brutal_detention_is_ill_treatment() -> None:
    x = extract("12 марта силовики жёстко задержали активиста Олега Самойленко у подъезда.")
    p = person(x, "Олег Самойленко")
    assert dates_of(p, EventType.ILL_TREATMENT) == ["2025-03-12"]
    assert dates_of(p, EventType.DETENTION) == ["2025-03-12"]


def test_coming_out_from_under_arrest_is_a_release() -> None:
    x = extract(
        "Активистка Дарья Колосова отсидела 10 суток. "
        "После выхода из-под ареста 9 марта Колосова рассказала об условиях в изоляторе."
    )
    assert dates_of(person(x, "Дарья Колосова"), EventType.RELEASE) == ["2025-03-09"]


def test_a_fine_in_base_units_takes_the_roubles_in_brackets() -> None:
    x = extract(
        "Суд Ленинского района Гродно оштрафовал Антона Лещенко на 20 базовых величин (740 рублей)."
    )
    (fine,) = [e for e in person(x, "Антон Лещенко").events if e.type is EventType.SENTENCE]
    assert fine.penalty is not None
    assert (fine.penalty.kind.value, fine.penalty.amount, fine.penalty.currency) == (
        "fine",
        740,
        "BYR",
    )


def test_a_president_who_speaks_of_rallies_is_not_a_protester() -> None:
    x = extract(
        "Президент страны Аркадий Полесов ещё раз подчеркнул, "
        "что проведение митингов должно быть уведомительным."
    )
    assert x.persons == ()


def test_the_tagger_proposes_a_listed_name_the_dictionary_lacks() -> None:
    x = extract(
        "Суд арестовал на 10 суток троих активистов. "
        "Административные аресты получили Абылкат Утемисов, Ольга Ковалёва и Иван Дроздов."
    )
    assert {"Абылкат Утемисов", "Ольга Ковалёва", "Иван Дроздов"} <= {p.name for p in x.persons}


def test_a_source_quoted_by_an_outlet_is_not_a_detainee() -> None:
    x = extract(
        "Суд арестовал на 10 суток троих активистов, пишет газета со ссылкой на "
        "их соратницу Тамару Зуеву."
    )
    assert "Тамара Зуева" not in {p.name for p in x.persons}


def test_a_list_keeps_names_behind_role_phrases() -> None:
    x = extract(
        "10 марта полицейские задержали координатора движения «Зелёный берег» "
        "Игоря Лапина и независимого журналиста Веру Сотникову."
    )
    for name in ("Игорь Лапин", "Вера Сотникова"):
        assert dates_of(person(x, name), EventType.DETENTION) == ["2025-03-10"]


def test_a_protest_noun_without_a_frame_is_no_ones_protest() -> None:
    x = extract(
        "Активиста Семёна Гуляева задержали 11 марта. "
        "Суд рассмотрит закон о проведении митингов, сообщил Гуляев."
    )
    assert dates_of(person(x, "Семён Гуляев"), EventType.PROTEST) == []
    y = extract("Семёна Гуляева оштрафовали за акцию 2 марта.")
    assert EventType.PROTEST in {e.type for e in person(y, "Семён Гуляев").events}


def test_the_date_of_the_action_is_not_the_date_of_the_fine() -> None:
    x = extract("Суд оштрафовал Семёна Гуляева за акцию 2 марта на 500 рублей.")
    p = person(x, "Семён Гуляев")
    assert dates_of(p, EventType.SENTENCE) == [None]
    assert dates_of(p, EventType.PROTEST) == ["2025-03-02"]


def test_a_sentence_told_by_a_participle() -> None:
    x = extract("Среди освобождённых — Алла Кручинина, приговорённая к одному году колонии.")
    (term,) = [e for e in person(x, "Алла Кручинина").events if e.type is EventType.SENTENCE]
    assert term.penalty is not None and term.penalty.years == 1


def test_the_suspects_brother_is_no_charge() -> None:
    x = extract(
        "Блогера Олега Тимченко задержали 2 марта. "
        "Брат подозреваемого 3 марта рассказал журналистам о задержании."
    )
    assert EventType.CHARGE not in {e.type for e in person(x, "Олег Тимченко").events}
