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


def test_a_detention_told_by_its_participle_keeps_its_date() -> None:
    r = extract(
        "Гордея Мухина, задержанного 8 марта на акции, суд в понедельник оштрафовал "
        "на 10 тысяч рублей.",
        published="2025-03-14",
        lang="ru",
    )
    p = person(r, "Гордей Мухин")
    assert str(first(p, "detention").date) == "2025-03-08"
    assert str(first(p, "sentence").date) == "2025-03-10"


def test_the_detainee_as_a_role_is_no_detention() -> None:
    r = extract(
        "Суд избрал Гордею Мухину меру пресечения. Задержанный будет содержаться в СИЗО.",
        lang="ru",
    )
    assert [e.type.value for e in person(r, "Гордей Мухин").events] == ["pretrial_detention"]


def test_no_such_detainee_is_no_detention() -> None:
    r = extract(
        "Гордея Мухина задержали в Рязани. В изоляторе отвечали, что такой задержанной у них "
        "нет, рассказала его сестра Алина Мухина.",
        lang="ru",
    )
    told = [p for p in r.persons if p.name == "Алина Мухина"]
    assert all(e.type.value != "detention" for p in told for e in p.events)
