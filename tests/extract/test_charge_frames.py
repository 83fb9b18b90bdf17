"""Charges read from their frames ("on charges of A, B and C"), on invented reports."""

from habeas.extract.attributes import find_charges
from habeas.extract.lexicon import fold_case, load_lexicon
from habeas.model import Person

from .helpers import extract, first, person, types


def labels(text: str, lang: str = "en") -> list[str]:
    found = find_charges(text, fold_case(text), load_lexicon(lang))
    return [c.label or "" for c in found]


def test_each_conjunct_of_a_frame_is_one_charge() -> None:
    got = labels("She was arrested on charges of arson, forgery and cattle rustling.")
    assert got == ["arson", "forgery", "cattle rustling"]


def test_adjectives_joined_by_and_share_their_noun() -> None:
    got = labels("He was accused of inciting regional and linguistic discord.")
    assert got == ["inciting regional and linguistic discord"]


def test_a_frame_stops_at_the_next_clause() -> None:
    got = labels("He was suspected of smuggling parrots, local media reported on Friday.")
    assert got == ["smuggling parrots"]


def test_a_time_or_a_possessive_after_for_is_not_an_offence() -> None:
    assert labels("She was arrested for 15 days.") == []
    assert labels("He was jailed for his songs about the mayor.") == []


def test_the_charges_told_after_a_sentence_go_to_it() -> None:
    r = extract(
        "A court sentenced Tural Mirzabeyli to 15 days of administrative detention on Monday. "
        "He was accused of disturbing the peace of a fish market."
    )
    sentence = first(person(r, "Tural Mirzabeyli"), "sentence")
    assert [c.label for c in sentence.charges] == ["disturbing the peace of a fish market"]


def test_russian_frame_and_imputed_offence() -> None:
    got = labels("Ему вменили незаконную ловлю осетров и порчу катера.", "ru")
    assert got == ["незаконную ловлю осетров", "порчу катера"]


def charge_labels(p: Person) -> list[str]:
    return [c.label or "" for e in p.events if e.type.value == "charge" for c in e.charges]


def test_active_accusation_goes_to_every_person_listed() -> None:
    r = extract("Prosecutors accused Farid Velkov, Samir Sollov, and two others of smuggling owls.")
    assert charge_labels(person(r, "Farid Velkov")) == ["smuggling owls"]
    assert charge_labels(person(r, "Samir Sollov")) == ["smuggling owls"]


def test_allegations_and_stands_accused_are_charges() -> None:
    r = extract("Police arrested Farid Velkov on allegations of insulting a miller.")
    assert charge_labels(person(r, "Farid Velkov")) == ["insulting a miller"]
    r = extract("Samir Sollov stands accused of stealing the town clock.")
    assert charge_labels(person(r, "Samir Sollov")) == ["stealing the town clock"]


def test_a_quoted_offence_is_one_charge_whatever_it_holds() -> None:
    got = labels("He was held on the allegation of “insulting bakers and millers” over a post.")
    assert got == ["insulting bakers and millers"]


def test_a_frame_stops_where_a_new_verb_takes_an_object() -> None:
    got = labels("They arrested him on allegations of forgery and transferred him to Narn.")
    assert got == ["forgery"]


def test_a_question_about_charges_is_no_charge() -> None:
    r = extract("Officials did not say on what charges they had detained Farid Velkov.")
    assert all("charge" not in types(p) for p in r.persons)


def test_the_relative_of_a_named_person_is_not_that_person() -> None:
    r = extract(
        "Samir Sollov was detained on Monday. Sollov’s son was accused of breaking the quarantine."
    )
    assert "charge" not in types(person(r, "Samir Sollov"))


def test_a_charge_named_as_a_verdicts_ground_is_no_event_of_its_own() -> None:
    r = extract("A court sentenced Farid Velkov to five years on extortion charges on Monday.")
    p = person(r, "Farid Velkov")
    assert "charge" not in types(p)
    assert [c.label for c in first(p, "sentence").charges] == ["extortion"]
    r = extract("Police arrested Farid Velkov on forgery charges on Monday.")
    assert "charge" in types(person(r, "Farid Velkov"))


def test_a_list_of_people_after_a_frame_is_no_offence() -> None:
    got = labels(
        "He had served a year of a sentence for arson, and activists Farid Velkov and "
        "Samir Sollov were jailed too."
    )
    assert got == ["arson"]


def test_articles_named_by_quoted_titles_are_one_charge_each() -> None:
    got = labels(
        "He was charged under the articles «Theft of geese» and «Insulting a judge "
        "(contempt)» of the Criminal Code."
    )
    assert got == ["Theft of geese", "Insulting a judge (contempt)"]


def test_the_ground_of_an_arrest_is_a_charge_beside_a_sentence() -> None:
    # "detained on charges of X and sentenced": the charging is told as its own fact
    r = extract(
        "In January 2015, Farid Aliyev was detained on charges of drug trafficking "
        "and sentenced to six years in prison.",
        published="2024-05-10",
    )
    assert types(person(r, "Farid Aliyev")) == ["detention", "charge", "sentence"]
    r = extract(
        "Farid Aliyev was sentenced to six years on charges of drug trafficking.",
        published="2024-05-10",
    )
    assert types(person(r, "Farid Aliyev")) == ["sentence"]


def test_a_charging_told_after_a_remand_is_not_the_remand_orders() -> None:
    r = extract(
        "On 4 March a court sent Kamran Velisoy to pretrial detention for three months. "
        "Velisoy is accused of selling forged ferry tickets."
    )
    p = person(r, "Kamran Velisoy")
    assert first(p, "pretrial_detention").charges == ()
    assert [c.label for c in first(p, "charge").charges] == ["selling forged ferry tickets"]


def test_charges_told_after_a_decision_of_another_month_are_a_new_charge() -> None:
    r = extract(
        "In April, a court sentenced Samir Sollov to two years in prison. "
        "In July, prosecutors charged Sollov with arson."
    )
    assert first(person(r, "Samir Sollov"), "sentence").charges == ()


def test_charges_told_after_go_only_to_the_one_they_name() -> None:
    r = extract(
        "On 2 May a court sentenced Kamran Velisoy and Farid Velkov to 10 days each. "
        "Velkov was accused of painting slogans on a bridge."
    )
    assert first(person(r, "Kamran Velisoy"), "sentence").charges == ()
    sentence = first(person(r, "Farid Velkov"), "sentence")
    assert [c.label for c in sentence.charges] == ["painting slogans on a bridge"]


def test_a_bare_label_an_articles_label_says_is_one_charge() -> None:
    r = extract(
        "On 2 May a court found Farid Velkov guilty of disobeying the police and sentenced "
        "him to 10 days. Velkov was sentenced to 10 days under Article 535 (disobeying "
        "lawful demands of the police) of the Code of Administrative Offences."
    )
    sentence = first(person(r, "Farid Velkov"), "sentence")
    assert [(c.article, c.label) for c in sentence.charges] == [
        ("535", "disobeying lawful demands of the police")
    ]


def test_two_chargings_of_other_offences_are_two_charge_events() -> None:
    r = extract(
        "Kamran Velisoy was charged with stealing a tractor. "
        "He was also charged with forging a passport."
    )
    charges = [e.charges for e in person(r, "Kamran Velisoy").events if e.type.value == "charge"]
    assert [[c.label for c in cs] for cs in charges] == [
        ["stealing a tractor"],
        ["forging a passport"],
    ]
    # an article told without its offence may be the offence told before
    r = extract("Kamran Velisoy was charged with hooliganism. He was charged under Article 221.")
    assert types(person(r, "Kamran Velisoy")) == ["charge"]


def test_charges_told_at_two_triggers_of_a_sentence_stay_with_their_own() -> None:
    r = extract(
        "Kamran Velisoy, who was sentenced to two years for arson, and Farid Velkov, "
        "who was charged with forging a passport, were transferred to another prison."
    )
    sentence = first(person(r, "Kamran Velisoy"), "sentence")
    assert [c.label for c in sentence.charges] == ["arson"]
    charge = first(person(r, "Farid Velkov"), "charge")
    assert [c.label for c in charge.charges] == ["forging a passport"]


def test_a_list_of_offences_goes_on_past_an_item_with_an_article() -> None:
    got = labels("She was found guilty of fraud, the forgery of a deed, and cattle rustling.")
    assert got == ["fraud", "forgery of a deed", "cattle rustling"]
    # ", the" opening a new clause still ends the frame
    assert labels("He was charged with arson, the ministry and the police said.") == ["arson"]


def test_a_frame_stops_at_the_deed_the_charge_was_for() -> None:
    assert labels("He was charged with hooliganism for a post about the governor.") == [
        "hooliganism"
    ]
    assert labels("They were convicted of fraud for selling forged ferry tickets.") == ["fraud"]
    # "calling for" belongs to the offence
    assert labels("She was charged with calling for a general strike.") == [
        "calling for a general strike"
    ]


def test_a_charge_of_an_organisation_or_an_official_is_not_the_detainees() -> None:
    for told in (
        "His newspaper was charged with tax evasion.",
        "The officer who detained him was later charged with bribery.",
        "The authorities accused his foundation of tax evasion.",
    ):
        r = extract("Kamran Velisoy was detained on Monday. " + told)
        assert types(person(r, "Kamran Velisoy")) == ["detention"], told
    # the officials who accuse him are not the accused
    r = extract("Kamran Velisoy was detained on Monday. Police officers accused him of arson.")
    assert "charge" in types(person(r, "Kamran Velisoy"))
