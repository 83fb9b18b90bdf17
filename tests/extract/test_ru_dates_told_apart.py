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
