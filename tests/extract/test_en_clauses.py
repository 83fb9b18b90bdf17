"""English mechanisms of the generalisation round: what one clause of a
sentence says is kept to that clause's person (fictional people)."""

import pytest

from habeas.model import PartialDate, PenaltyKind

from .helpers import extract, first, person, types


def test_a_term_in_one_clause_is_not_given_to_the_person_of_the_next() -> None:
    r = extract(
        "Oren Laskaris was jailed for five years while Nijat Vantosh received a suspended sentence."
    )
    jailed = first(person(r, "Oren Laskaris"), "sentence").penalty
    suspended = first(person(r, "Nijat Vantosh"), "sentence").penalty
    assert jailed is not None and (jailed.kind, jailed.years) == (PenaltyKind.PRISON, 5)
    assert suspended is not None
    assert (suspended.kind, suspended.years) == (PenaltyKind.SUSPENDED_SENTENCE, None)


def test_a_term_after_for_is_no_offence() -> None:
    r = extract("Oren Laskaris was jailed for five years on Monday.")
    assert first(person(r, "Oren Laskaris"), "sentence").charges == ()


def test_a_conviction_told_after_two_terms_gives_its_charges_to_the_last_one() -> None:
    r = extract(
        "Oren Laskaris, who is serving a two-year prison term, says he did not write the post, "
        "and has been sentenced to another six years. "
        "The court convicted Laskaris on charges of espionage."
    )
    sentences = [e for e in person(r, "Oren Laskaris").events if e.type.value == "sentence"]
    by_years = {e.penalty.years: e for e in sentences if e.penalty is not None}
    assert [c.label for c in by_years[6].charges] == ["espionage"]
    assert by_years[2].charges == ()


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Police detained journalist Oren Laskaris on 4 March.", "detention"),
        # the verb right before and the term right after frame the name
        ("The court sentenced Oren Laskaris to five years on 4 March.", "sentence"),
        ("A judge fined Oren Laskaris 500 manats on 4 March.", "sentence"),
        # the verb right before and the object's end right after: a place, a date, "and"
        ("Police detained Oren Laskaris in Ganja on 4 March.", "detention"),
        ("Police detained Oren Laskaris on 4 March.", "detention"),
        ("On 4 March police arrested Oren Laskaris and Nijat Vantosh.", "detention"),
        # the verb further back, a role word right before, the object's end after
        ("Police detained Meydan TV journalist Oren Laskaris on 4 March.", "detention"),
        # an apposition between the name and its passive
        ("Oren Laskaris, a Meydan TV journalist, was detained on 4 March.", "detention"),
        # a case brought against the run, and the object's end after it
        ("A criminal case was opened against Oren Laskaris on 4 March.", "charge"),
    ],
)
def test_a_name_outside_the_gazetteer_framed_by_an_active_decision_is_a_person(
    text: str, etype: str
) -> None:
    assert first(person(extract(text), "Oren Laskaris"), etype).date is not None


def test_capitalised_words_after_an_arrest_verb_are_no_person_without_a_frame() -> None:
    # "Freedom Square" is followed by a noun, not by the object's end
    assert extract("Police detained Freedom Square protesters on 4 March.").persons == ()
    assert extract("Police detained activists at Freedom Square on 4 March.").persons == ()
    assert extract("A case was opened against Meydan TV on 4 March.").persons == ()


def test_members_named_among_those_still_held_get_the_groups_arrest() -> None:
    r = extract(
        "Eight activists were detained in Baku on 4 March. "
        "Among those still held are Oren Laskaris and Nijat Vantosh."
    )
    for name in ("Oren Laskaris", "Nijat Vantosh"):
        assert first(person(r, name), "detention").date is not None


def test_a_term_served_is_not_dated_by_the_release_that_ends_it() -> None:
    r = extract(
        "Oren Laskaris was sentenced to 30 days of administrative detention on 2 February. "
        "He walked free on Thursday after serving 30 days."
    )
    p = person(r, "Oren Laskaris")
    assert [e.date for e in p.events if e.type.value == "sentence"] == [PartialDate(2025, 2, 2)]
    assert first(p, "release").date == PartialDate(2025, 3, 13)


@pytest.mark.parametrize(
    "text",
    [
        "Oren Laskaris was detained on Monday. A court fined the Vantor Foundation 5,000 manats.",
        "Vantor Media was charged with smuggling, and its director Oren Laskaris was detained "
        "on Monday.",
    ],
)
def test_what_befalls_an_institution_is_not_given_to_a_person(text: str) -> None:
    assert types(person(extract(text), "Oren Laskaris")) == ["detention"]


def test_a_person_named_after_an_institution_before_the_verb_is_its_object() -> None:
    r = extract("Police detained Vantor TV journalist Tural Laskaris on 4 March.")
    assert types(person(r, "Tural Laskaris")) == ["detention"]


def test_taking_someone_to_the_police_station_after_other_words_is_a_detention() -> None:
    r = extract(
        "On Monday, officers came to the flat of the blogger and took his mother "
        "Leyla Karimova to the police station."
    )
    assert first(person(r, "Leyla Karimova"), "detention").date is not None


def test_the_day_of_a_ruling_on_an_arrest_is_not_the_arrests() -> None:
    r = extract(
        "Oren Laskaris was detained in May 2014. In December, the European Court "
        "ruled that Laskaris's arrest was illegal."
    )
    p = person(r, "Oren Laskaris")
    assert [e.date for e in p.events if e.type.value == "detention"] == [PartialDate(2014, 5)]


def test_not_saying_on_what_charges_someone_was_detained_tells_the_detention() -> None:
    r = extract(
        "The authorities did not say on what charges they had detained blogger Tural Laskaris."
    )
    assert types(person(r, "Tural Laskaris")) == ["detention"]


def test_an_undated_charge_of_another_offence_told_later_is_a_second_charging() -> None:
    r = extract(
        "Police arrested Oren Laskaris on allegations of insulting a neighbour. "
        "Later, while Laskaris was in pretrial detention, investigators also accused him "
        "of damaging a shop window."
    )
    assert types(person(r, "Oren Laskaris")).count("charge") == 2


def test_a_criminal_case_told_with_its_article_before_the_verb_is_a_charge() -> None:
    r = extract(
        "On 23 June, a criminal case under article 205 of the Criminal Code (arson) "
        "was instigated against Tural Laskaris."
    )
    assert types(person(r, "Tural Laskaris")) == ["charge"]
