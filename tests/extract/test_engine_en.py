"""The rule engine on short English reports about invented people, one phenomenon each."""

import pytest

from habeas.model import LegalCode, PenaltyKind

from .helpers import extract, first, names, person, types


def test_a_list_of_detainees_each_gets_the_event() -> None:
    r = extract(
        "Police detained three activists on Saturday: Orkhan Dadashli, Leyla Zeynalova "
        "and Kamran Veliyev."
    )
    assert names(r) == {"Orkhan Dadashli", "Leyla Zeynalova", "Kamran Veliyev"}
    for p in r.persons:
        assert str(first(p, "detention").date) == "2025-03-08"


def test_surname_only_and_pronoun_refer_back() -> None:
    r = extract(
        "Journalist Ramin Askerli was detained on 3 March. Askerli was released the next day. "
        "He said officers had beaten him."
    )
    p = person(r, "Ramin Askerli")
    assert types(p) == ["detention", "release", "ill_treatment"]
    assert str(first(p, "release").date) == "2025-03-04"


def test_people_who_only_speak_are_not_listed() -> None:
    r = extract(
        "Blogger Nijat Hasanzade was detained on Monday. 'He did nothing wrong,' his mother, "
        "Sevda Hasanzade, said. His lawyer, Elnur Rustamov, told reporters he would appeal."
    )
    assert names(r) == {"Nijat Hasanzade"}


def test_an_unnamed_group_is_not_listed() -> None:
    r = extract("Police detained at least twelve people near the square on Sunday.")
    assert r.persons == ()


def test_negated_events_are_not_events() -> None:
    r = extract("Journalist Farid Mehdiyev, whose term ended on Friday, was not released.")
    assert "release" not in [t for p in r.persons for t in types(p)]


def test_administrative_detention_with_article_and_code() -> None:
    r = extract(
        "On Monday the Sabail District Court sentenced activist Ulvi Tahirov to 20 days of "
        "administrative detention for disobeying the police under Article 510 of the Code of "
        "Administrative Offences."
    )
    e = first(person(r, "Ulvi Tahirov"), "sentence")
    assert e.penalty is not None and e.penalty.kind is PenaltyKind.ADMINISTRATIVE_DETENTION
    assert e.penalty.days == 20
    assert e.authority == "Sabail District Court"
    assert str(e.date) == "2025-03-10"
    assert [(c.article, c.code) for c in e.charges] == [("510", LegalCode.ADMINISTRATIVE)]


def test_each_person_takes_the_term_after_their_name() -> None:
    r = extract(
        "The court sentenced the editor Aynur Qasimova to eight and a half years in prison and "
        "her deputy Tofig Babayev to six years."
    )
    assert person(r, "Aynur Qasimova").events[0].penalty.years == 8.5  # type: ignore[union-attr]
    assert person(r, "Tofig Babayev").events[0].penalty.years == 6  # type: ignore[union-attr]


def test_fines_and_their_currency() -> None:
    r = extract("The court fined activist Nazrin Abbasova 1,500 manats.")
    penalty = first(person(r, "Nazrin Abbasova"), "sentence").penalty
    assert penalty is not None and penalty.kind is PenaltyKind.FINE
    assert (penalty.amount, penalty.currency) == (1500, "AZN")


def test_pretrial_detention_in_months() -> None:
    r = extract(
        "The Khatai District Court ordered economist Rashad Mammadli held for four months "
        "pending trial."
    )
    e = first(person(r, "Rashad Mammadli"), "pretrial_detention")
    assert e.penalty is not None and e.penalty.months == 4


def test_every_event_points_at_its_sentence() -> None:
    text = "Activist Elvin Guliyev was detained on 2 March. He was released on 4 March."
    r = extract(text)
    for e in person(r, "Elvin Guliyev").events:
        assert e.evidence is not None
        quote = text[e.evidence[0] : e.evidence[1]]
        assert "Guliyev" in quote or "He was released" in quote


def test_a_repeated_fact_is_one_event() -> None:
    r = extract(
        "Activist Samir Huseynov was sentenced to 30 days of administrative detention. "
        "Huseynov had been sentenced to 30 days of administrative detention by the Nasimi "
        "District Court, his friends said."
    )
    p = person(r, "Samir Huseynov")
    assert types(p) == ["sentence"]
    assert p.events[0].authority == "Nasimi District Court"


def test_members_named_after_a_group_event_get_it() -> None:
    r = extract(
        "At least six people walked free on Saturday under a pardon. Among them were "
        "journalist Kenan Aliyev and activist Samira Huseynova."
    )
    for name in ("Kenan Aliyev", "Samira Huseynova"):
        assert str(first(person(r, name), "release").date) == "2025-03-08"


def test_a_possible_term_is_not_a_sentence() -> None:
    r = extract(
        "Investigators charged blogger Vugar Rzayev with smuggling, which carries up to "
        "eight years in prison."
    )
    assert types(person(r, "Vugar Rzayev")) == ["charge"]


def test_a_detention_centre_is_not_a_detention_order() -> None:
    r = extract(
        "Reporter Nigar Mammadova has spent seven months in the Baku Pretrial Detention Centre."
    )
    assert "pretrial_detention" not in [t for p in r.persons for t in types(p)]


def test_a_relative_listed_with_others_is_one_of_them() -> None:
    r = extract("Police detained residents Aygun Rahimova and her son Elnur Rahimov on Sunday.")
    assert names(r) == {"Aygun Rahimova", "Elnur Rahimov"}


def test_an_undated_event_shares_the_date_of_its_scene() -> None:
    r = extract(
        "Police on Saturday broke up a rally outside the ministry. Activist Ilham Novruzov "
        "was pushed into a police van."
    )
    assert str(first(person(r, "Ilham Novruzov"), "detention").date) == "2025-03-08"


def test_time_served_of_a_longer_term_is_not_the_term() -> None:
    r = extract(
        "Journalist Orkhan Bagirov, who had served two years of a six-year sentence, "
        "walked free on Saturday under a pardon."
    )
    penalty = first(person(r, "Orkhan Bagirov"), "sentence").penalty
    assert penalty is not None and penalty.years == 6


@pytest.mark.parametrize(
    "new_term",
    # the unit of the new term may be left to the old one's
    ["to three years.", "to three.", "to three on 4 March."],
)
def test_a_reduced_term_is_the_new_one(new_term: str) -> None:
    r = extract(
        "The Baku Court of Appeal on Tuesday reduced the sentence of activist Lala Ismayilova "
        f"from five years {new_term}"
    )
    p = person(r, "Lala Ismayilova")
    assert first(p, "appeal").outcome is not None
    assert first(p, "sentence").penalty.years == 3  # type: ignore[union-attr]


def test_terms_given_respectively() -> None:
    r = extract(
        "In May the court found Elgun Aliyev and Sabina Rzayeva guilty and sentenced them to "
        "six and four years respectively."
    )
    assert first(person(r, "Elgun Aliyev"), "sentence").penalty.years == 6  # type: ignore[union-attr]
    assert first(person(r, "Sabina Rzayeva"), "sentence").penalty.years == 4  # type: ignore[union-attr]


def test_a_term_served_before_release_is_the_sentence() -> None:
    r = extract("Activist Ramil Safarov walked free on Wednesday after serving 30 days.")
    penalty = first(person(r, "Ramil Safarov"), "sentence").penalty
    assert penalty is not None and penalty.days == 30
