"""Russian dates told apart from their event, on invented reports."""

from .helpers import extract, first, person


def test_a_later_sentence_dates_the_decision() -> None:
    r = extract(
        "Тверской суд избрал Гордею Мухину меру пресечения в виде заключения под стражу. "
        "Об этом сообщил адвокат Фома Кривцов. "
        "Решение вчера принял судья Тверского районного суда.",
        published="2025-03-13",
        lang="ru",
    )
    assert str(first(person(r, "Гордей Мухин"), "pretrial_detention").date) == "2025-03-12"


def test_a_participles_date_is_its_own() -> None:
    r = extract(
        "Адвокат напомнила, что 1 июня административное дело в отношении Тихона Дымова, "
        "возбужденное 16 мая по статье 20.2 КоАП, было прекращено.",
        published="2025-06-14",
        lang="ru",
    )
    assert str(first(person(r, "Тихон Дымов"), "charge").date) == "2025-05-16"


def test_the_day_a_hearing_is_put_off_to_dates_nothing() -> None:
    r = extract(
        "Ленинский суд перенес на 17 июня процесс в отношении организатора пикета Тихона Дымова.",
        published="2025-06-14",
        lang="ru",
    )
    assert first(person(r, "Тихон Дымов"), "protest").date is None


def test_a_case_told_before_its_passive_verb_is_a_charge() -> None:
    r = extract(
        "Полиция задержала Тихона Дымова у мэрии. Административное дело в отношении "
        "задержанного активиста и его товарища было возбуждено по статье 20.2 КоАП.",
        lang="ru",
    )
    charge = first(person(r, "Тихон Дымов"), "charge")
    assert [c.article for c in charge.charges] == ["20.2"]
