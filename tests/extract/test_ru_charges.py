"""Russian charges: imputed offences, verdict frames and a report-wide article,
on invented reports."""

from habeas.extract.attributes import find_charges
from habeas.extract.lexicon import fold_case, load_lexicon
from habeas.model import Extraction

from .helpers import extract, first, names, person, types


def ru(text: str, published: str = "2025-03-13") -> Extraction:
    return extract(text, published=published, lang="ru")


def labels(text: str) -> list[str]:
    return [c.label or "" for c in find_charges(text, fold_case(text), load_lexicon("ru"))]


def test_an_imputed_offence_is_a_charge_event() -> None:
    r = ru(
        "В Тамбове задержали активиста Гордея Мухина. "
        "Мухину вменили часть 2 статьи 20.2 КоАП («Нарушение порядка проведения пикета»)."
    )
    charge = first(person(r, "Гордей Мухин"), "charge")
    assert [c.article for c in charge.charges] == ["20.2"]


def test_a_case_opened_about_an_act_is_against_no_one() -> None:
    r = ru(
        "Журналиста Фому Кривцова задержали в Рязани. "
        "Ранее сообщалось, что возбуждено уголовное дело в отношении газеты по факту клеветы."
    )
    assert "charge" not in types(person(r, "Фома Кривцов"))


def test_the_offence_after_a_term_of_prison_or_a_verdict() -> None:
    assert labels("Её осудили на год лишения свободы за участие в акции у мэрии.") == [
        "участие в акции у мэрии"
    ]
    assert labels('Его осудили на 2 года колонии общего режима за "порчу шлагбаума".') == [
        "порчу шлагбаума"
    ]
    assert labels("Суд признал его виновным в клевете и краже велосипеда.") == [
        "клевете",
        "краже велосипеда",
    ]


def test_one_article_told_of_no_one_goes_to_every_decision() -> None:
    r = ru(
        "В Твери продолжились суды над участниками шествия; судят по статье 20.2 КоАП "
        "(нарушение порядка проведения шествия). Суд оштрафовал Елисея Громова на 20 тысяч "
        "рублей. Святослава Дымова суд оштрафовал на 15 тысяч рублей."
    )
    for name in ("Елисей Громов", "Святослав Дымов"):
        sentence = first(person(r, name), "sentence")
        assert [c.article for c in sentence.charges] == ["20.2"]


def test_an_article_told_of_one_person_stays_theirs() -> None:
    r = ru(
        "Суд осудил Елисея Громова по статье 342 УК на два года колонии. "
        "Святослава Дымова приговорили к трём годам колонии."
    )
    assert first(person(r, "Святослав Дымов"), "sentence").charges == ()


def test_two_articles_are_not_given_to_anyone_else() -> None:
    r = ru(
        "Дела возбуждены по статьям 20.2 и 19.3 КоАП. "
        "Суд оштрафовал Елисея Громова на 20 тысяч рублей."
    )
    assert first(person(r, "Елисей Громов"), "sentence").charges == ()


def test_an_offence_imputed_right_after_a_decision_is_its_ground() -> None:
    r = ru(
        "В Караколе суд арестовал на 10 суток двух активистов. "
        "Административные аресты получили Тимур Ахмедзянов и Олжас Сейткали. "
        "Им вменили участие в несанкционированном митинге (статья 488 КоАП)."
    )
    for name in ("Тимур Ахмедзянов", "Олжас Сейткали"):
        p = person(r, name)
        assert "charge" not in types(p)
        assert [c.article for c in first(p, "sentence").charges] == ["488"]


def test_an_offence_imputed_after_an_arrest_and_a_decision_is_a_charge() -> None:
    r = ru(
        "8 марта полиция задержала активиста Тимура Ахмедзянова. "
        "Позже суд арестовал Ахмедзянова на 10 суток. "
        "Ему вменили часть 2 статьи 20.2 КоАП."
    )
    p = person(r, "Тимур Ахмедзянов")
    assert [c.article for c in first(p, "charge").charges] == ["20.2"]
    assert [c.article for c in first(p, "sentence").charges] == ["20.2"]


def test_a_verdict_without_its_offence_takes_the_article_of_the_case() -> None:
    r = ru(
        "В мае против блогера Назара Ибрагимова возбудили уголовное дело по статье 280 УК "
        "(публичные призывы к экстремизму). "
        "Во вторник суд приговорил Ибрагимова к двум годам колонии."
    )
    verdict = first(person(r, "Назар Ибрагимов"), "sentence")
    assert [c.article for c in verdict.charges] == ["280"]


def test_a_court_arrest_without_a_term_is_the_custody_it_orders() -> None:
    r = ru(
        "8 марта полиция задержала блогера Назара Ибрагимова. "
        "Басманный суд Москвы арестовал Ибрагимова."
    )
    assert types(person(r, "Назар Ибрагимов")) == ["detention", "pretrial_detention"]
    r = ru("Суд арестовал блогера Назара Ибрагимова на 15 суток.")
    assert types(person(r, "Назар Ибрагимов")) == ["sentence"]


def test_becoming_a_defendant_of_a_case_is_a_charge() -> None:
    r = ru("В марте блогер Назар Ибрагимов стал фигурантом дела по статье 207.3 УК.")
    charge = first(person(r, "Назар Ибрагимов"), "charge")
    assert [c.article for c in charge.charges] == ["207.3"]
    assert names(ru("Фигурант дела Назар Ибрагимов рассказал о давлении.")) == set()
