"""Russian: the official who acts is no detainee, and a term asked for is no
sentence (invented reports)."""

from habeas.model import Extraction

from .helpers import extract, names, person, types


def ru(text: str) -> Extraction:
    return extract(text, published="2025-03-13", lang="ru")


def test_a_judge_named_with_the_court_after_the_title_is_not_sentenced() -> None:
    r = ru(
        "Судья Ленинского районного суда Казани Айдар Галиев приговорил активиста "
        "Тимура Ахмедзянова к трем годам колонии."
    )
    assert names(r) == {"Тимур Ахмедзянов"}


def test_a_role_and_the_outlet_before_a_name_frame_it() -> None:
    r = ru("Вчера была задержана журналистка телеканала Next TV Айгерим Бекназарова.")
    assert types(person(r, "Айгерим Бекназарова")) == ["detention"]
    assert person(r, "Айгерим Бекназарова").roles == ("journalist",)


def test_the_term_a_prosecutor_asks_for_is_no_sentence() -> None:
    r = ru("Прокурор запросил для Тимура Ахмедзянова пять лет колонии.")
    assert names(r) == set()
    r = ru("Гособвинение запросило для него шесть лет. Тимур Ахмедзянов вину не признает.")
    assert names(r) == set()


def test_the_most_the_law_allows_is_no_sentence() -> None:
    r = ru("Тимуру Ахмедзянову грозит до пяти лет лишения свободы.")
    assert "sentence" not in types(person(r, "Тимур Ахмедзянов"))


def test_a_counted_crowd_right_after_the_verb_is_whom_it_befell() -> None:
    r = ru("Журналист Тимур Ахмедзянов освещал митинг, на котором задержали 30 человек.")
    assert names(r) == set()
    r = extract(
        "Journalist Oren Laskaris covered the rally, where police detained 30 people.",
        lang="en",
    )
    assert names(r) == set()


def test_a_case_against_an_official_is_no_charge_of_the_one_he_beat() -> None:
    r = ru(
        "Следственный комитет возбудил уголовное дело против полицейского, "
        "избившего Тимура Ахмедзянова."
    )
    assert "charge" not in {e.type.value for p in r.persons for e in p.events}


def test_detained_together_with_a_colleague_the_colleague_is_detained_too() -> None:
    r = ru("Тимура Ахмедзянова задержали вместе с его коллегой Олжасом Сейткалиевым.")
    assert types(person(r, "Олжас Сейткалиев")) == ["detention"]


def test_a_lawyer_named_after_his_clients_surname_is_not_the_one_beaten() -> None:
    r = ru(
        "Активиста Намика Гасанлы задержали в воскресенье. Адвокат Гасанлы Захид "
        "Оруджев заявил, что в отделе полиции его подзащитного избили."
    )
    assert names(r) == {"Намик Гасанлы"}
    assert "ill_treatment" in types(person(r, "Намик Гасанлы"))
