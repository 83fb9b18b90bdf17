"""Trigger frames beyond the plain verbs, on invented sentences (item 4 of issue 10)."""

from habeas.model import PenaltyKind

from .helpers import extract, first, names, person, types


def test_a_preventive_measure_in_the_form_of_arrest_is_pretrial_detention() -> None:
    r = extract(
        "The court chose a preventive measure in the form of arrest for Samir Gasimli "
        "for four months."
    )
    event = first(person(r, "Samir Gasimli"), "pretrial_detention")
    assert event.penalty is not None and event.penalty.months == 4


def test_imposed_a_detention_of_months_is_pretrial() -> None:
    r = extract("The district court imposed a 3-month detention on Samir Gasimli on Tuesday.")
    event = first(person(r, "Samir Gasimli"), "pretrial_detention")
    assert event.penalty is not None and event.penalty.kind is PenaltyKind.PRETRIAL_DETENTION


def test_arrested_for_days_is_the_sentence_not_a_detention() -> None:
    r = extract("Samir Gasimli was arrested for 12 days on Monday.")
    p = person(r, "Samir Gasimli")
    assert types(p) == ["sentence"]
    assert p.events[0].penalty is not None and p.events[0].penalty.days == 12


def test_a_range_of_years_is_what_the_law_allows_not_a_sentence() -> None:
    r = extract("Samir Gasimli faces 4 to 9 years in prison.")
    assert all("sentence" not in types(p) for p in r.persons)
    r = extract("Ивану Сомову грозит от 3 до 7 лет лишения свободы.", lang="ru")
    assert all("sentence" not in types(p) for p in r.persons)


def test_suspected_of_and_a_case_opened_against_are_charges() -> None:
    r = extract("Samir Gasimli is suspected of forging ballots.")
    assert [c.label for c in first(person(r, "Samir Gasimli"), "charge").charges] == [
        "forging ballots"
    ]
    r = extract("A criminal case was opened against Samir Gasimli under Article 301.2.")
    assert first(person(r, "Samir Gasimli"), "charge").charges[0].article == "301.2"


def test_an_amended_sentence_is_an_appeal_with_the_new_term() -> None:
    r = extract(
        "The appeals court amended the sentence of Samir Gasimli on Friday, reducing it "
        "to two years."
    )
    p = person(r, "Samir Gasimli")
    assert first(p, "appeal").outcome is not None and first(p, "appeal").outcome.value == "reduced"
    assert first(p, "sentence").penalty is not None


def test_inclusion_frames_and_penalty_nouns() -> None:
    r = extract("Among the detainees were Samir Gasimli and Nigar Huseynli.")
    assert names(r) == {"Samir Gasimli", "Nigar Huseynli"}
    r = extract("Samir Gasimli and Nigar Huseynli received administrative penalties.")
    assert all(types(p) == ["sentence"] for p in r.persons) and len(r.persons) == 2


def test_unable_to_contact_a_named_person_is_a_disappearance() -> None:
    r = extract("His family has been unable to contact Samir Gasimli since Monday.")
    assert types(person(r, "Samir Gasimli")) == ["disappearance"]


def test_an_alias_in_brackets_does_not_break_a_list() -> None:
    r = extract("Samir Gasimli, Nigar Huseynli (Nina) and Tofig Rahimli were detained on Monday.")
    assert names(r) == {"Samir Gasimli", "Nigar Huseynli", "Tofig Rahimli"}


def test_nominal_frames_reach_the_person_named() -> None:
    r = extract(
        "Before his arrest in May 2021, Samir Gasimli worked for a local newspaper. "
        "Nigar Huseynli's disappearance was reported on 2 March."
    )
    assert str(first(person(r, "Samir Gasimli"), "detention").date) == "2021-05"
    assert types(person(r, "Nigar Huseynli")) == ["disappearance"]


def test_an_arrest_warrant_is_no_detention() -> None:
    r = extract("A court issued his arrest warrant, Samir Gasimli said.")
    assert r.persons == ()


def test_a_term_in_two_units_is_one_penalty() -> None:
    r = extract("Samir Gasimli was sentenced to 4 years and 3 months in prison.")
    penalty = first(person(r, "Samir Gasimli"), "sentence").penalty
    assert penalty is not None and penalty.months == 51 and penalty.years is None
    r = extract(
        "The court ordered Samir Gasimli to be held in pretrial detention for three months "
        "and five days."
    )
    penalty = first(person(r, "Samir Gasimli"), "pretrial_detention").penalty
    assert penalty is not None and (penalty.months, penalty.days) == (3, 5)


def test_hyphenated_halves_and_days_in_jail() -> None:
    r = extract("On 2 March Samir Gasimli was given a seven-and-a-half year prison sentence.")
    penalty = first(person(r, "Samir Gasimli"), "sentence").penalty
    assert penalty is not None and penalty.years == 7.5
    r = extract("Samir Gasimli was sentenced to 15 days in jail on Monday.")
    penalty = first(person(r, "Samir Gasimli"), "sentence").penalty
    assert penalty is not None and penalty.kind is PenaltyKind.ADMINISTRATIVE_DETENTION


def test_russian_inclusion_frames_and_served_terms() -> None:
    r = extract(
        "Среди освобожденных — Ольга Сомова, приговоренная к двум годам лишения свободы.",
        lang="ru",
    )
    assert types(person(r, "Ольга Сомова")) == ["release", "sentence"]
    r = extract("Активистка Ольга Сомова отсидела 15 суток за организацию митинга.", lang="ru")
    penalty = first(person(r, "Ольга Сомова"), "sentence").penalty
    assert penalty is not None and penalty.days == 15
    r = extract("Директора канала Ивана Сомова водворили в СИЗО.", lang="ru")
    assert types(person(r, "Иван Сомов")) == ["detention"]


def test_a_rally_a_person_is_only_linked_to_is_no_protest() -> None:
    r = extract("Teymur Novruzlu was detained in connection with the rally on the square.")
    assert "protest" not in types(person(r, "Teymur Novruzlu"))
    r = extract("Police dispersed the rally and detained Teymur Novruzlu.")
    assert "protest" not in types(person(r, "Teymur Novruzlu"))
    r = extract("Teymur Novruzlu joined the rally on Sunday and was detained.")
    assert "protest" in types(person(r, "Teymur Novruzlu"))


def test_a_higher_court_acquitting_is_an_appeal_overturned() -> None:
    r = extract("The Supreme Court on Thursday acquitted Teymur Novruzlu of all charges.")
    event = first(person(r, "Teymur Novruzlu"), "appeal")
    assert event.outcome is not None and event.outcome.value == "overturned"
    assert str(event.date) == "2025-03-13"


def test_a_sentence_only_if_convicted_is_none() -> None:
    r = extract("Farid Velkov was charged with forgery. If convicted he faces 12 years in prison.")
    assert "sentence" not in types(person(r, "Farid Velkov"))


def test_sent_to_pretrial_custody_is_pretrial_detention_with_its_term() -> None:
    r = extract("On Monday a court sent Samir Sollov to pretrial custody for three months.")
    event = first(person(r, "Samir Sollov"), "pretrial_detention")
    assert event.penalty is not None and event.penalty.months == 3


def test_a_hyphened_term_before_a_noun_that_is_no_penalty_is_not_one() -> None:
    r = extract(
        "An activist who protested against a two-day summit, Samir Sollov, has been "
        "sentenced to 15 days in jail."
    )
    event = first(person(r, "Samir Sollov"), "sentence")
    assert event.penalty is not None and event.penalty.days == 15


def test_months_in_a_pretrial_detention_centre_are_a_pretrial_term() -> None:
    r = extract(
        "On March 9, a court sentenced Samir Sollov to four months in a pre-trial detention center."
    )
    event = first(person(r, "Samir Sollov"), "pretrial_detention")
    assert event.penalty is not None and event.penalty.kind is PenaltyKind.PRETRIAL_DETENTION
    assert event.penalty.months == 4


def test_arrested_by_a_court_decision_until_a_date_is_pretrial_from_its_own_day() -> None:
    r = extract(
        "On March 22, Samir Gasimli was arrested by a court decision until the end of "
        "the investigation, May 19.",
        published="2025-03-24",
    )
    p = person(r, "Samir Gasimli")
    assert types(p) == ["pretrial_detention"]
    assert str(first(p, "pretrial_detention").date) == "2025-03-22"


def test_a_remand_without_a_term_still_names_the_measure() -> None:
    r = extract("On 5 March a court remanded Samir Gasimli in custody.")
    penalty = first(person(r, "Samir Gasimli"), "pretrial_detention").penalty
    assert penalty is not None and penalty.kind is PenaltyKind.PRETRIAL_DETENTION
    r = extract("On 5 March a court placed Samir Gasimli under house arrest.")
    penalty = first(person(r, "Samir Gasimli"), "pretrial_detention").penalty
    assert penalty is not None and penalty.kind is PenaltyKind.HOUSE_ARREST


def test_a_remand_told_twice_is_one_decision_with_its_term() -> None:
    r = extract(
        "On 5 March a court remanded Samir Gasimli in custody. "
        "Gasimli was remanded for two months pending trial."
    )
    events = person(r, "Samir Gasimli").events
    (event,) = [e for e in events if e.type.value == "pretrial_detention"]
    assert event.penalty is not None and event.penalty.months == 2
    assert str(event.date) == "2025-03-05"


def test_compensation_ordered_from_a_government_is_no_sentence() -> None:
    r = extract(
        "Samir Gasimli was detained in 2019. In December the European Court of Human Rights "
        "ordered the Azerbaijani government to pay Gasimli 13,000 euros."
    )
    assert types(person(r, "Samir Gasimli")) == ["detention"]


def test_a_call_to_drop_charges_tells_no_charging() -> None:
    r = extract(
        "Police detained Samir Gasimli on 3 March. The authorities should release Gasimli "
        "and drop all politically motivated charges against him."
    )
    assert "charge" not in types(person(r, "Samir Gasimli"))
    r = extract("Police detained Samir Gasimli on 3 March. The charges against him were read out.")
    assert "charge" in types(person(r, "Samir Gasimli"))


def test_custody_told_as_a_state_is_no_new_order() -> None:
    r = extract("Police detained Samir Gasimli on 3 March. He remains in detention pending trial.")
    assert types(person(r, "Samir Gasimli")) == ["detention"]
    r = extract(
        "Police detained Samir Gasimli on 3 March. While he was in pretrial detention, "
        "prosecutors also accused him of fraud."
    )
    assert "pretrial_detention" not in types(person(r, "Samir Gasimli"))


def test_sent_back_to_prison_is_custody_again() -> None:
    r = extract(
        "Samir Gasimli, serving a prison sentence, was released for three days to attend "
        "a funeral. On 8 March he was sent back to prison."
    )
    assert str(first(person(r, "Samir Gasimli"), "detention").date) == "2025-03-08"


def test_the_month_march_is_no_protest() -> None:
    # triggers match the lower-cased text, so "March" the month looks like the verb
    r = extract("In late March, police detained Farid Aliyev in Baku.", published="2024-05-10")
    assert types(person(r, "Farid Aliyev")) == ["detention"]
    r = extract("Farid Aliyev joined the march and was detained.", published="2024-05-10")
    assert "protest" in types(person(r, "Farid Aliyev"))


def test_charged_without_its_offence_is_a_charge() -> None:
    r = extract(
        "Farid Aliyev was sentenced to two years. Aliyev, who was arrested and charged "
        "in March, will appeal.",
        published="2024-05-10",
    )
    assert "charge" in types(person(r, "Farid Aliyev"))
    r = extract("Farid Aliyev was released without being charged.", published="2024-05-10")
    assert "charge" not in types(person(r, "Farid Aliyev"))


def test_taken_to_a_named_police_station_is_a_detention() -> None:
    for text in (
        "Farid Aliyev was taken to the Nasimi district police department.",
        "Farid Aliyev was brought to the police station.",
    ):
        assert types(person(extract(text, published="2024-05-10"), "Farid Aliyev")) == ["detention"]


def test_a_pardon_is_a_release() -> None:
    r = extract("Farid Aliyev was pardoned by the president on Friday.", published="2024-05-10")
    assert types(person(r, "Farid Aliyev")) == ["release"]
    assert not extract("Farid Aliyev asked to be pardoned.", published="2024-05-10").persons


def test_a_forced_confession_is_ill_treatment() -> None:
    r = extract("Farid Aliyev was forced to sign a confession.", published="2024-05-10")
    assert first(person(r, "Farid Aliyev"), "ill_treatment").detail == "forced confession"


def test_accusing_him_of_is_a_charge() -> None:
    r = extract(
        "Authorities arrested Farid Aliyev, accusing him of treason.", published="2024-05-10"
    )
    assert "charge" in types(person(r, "Farid Aliyev"))


def test_the_one_who_pardons_is_not_released() -> None:
    r = extract(
        "President Ilham Aliyev pardoned journalist Farid Mammadov on Friday.",
        published="2024-05-10",
    )
    assert "Ilham Aliyev" not in names(r)
