"""English mechanisms of the fourth quality round: what reaches unseen reports,
on invented sentences."""

from habeas.model import PartialDate

from .helpers import extract, first, names, person, types


def test_a_verdict_told_as_later_does_not_take_the_arrest_day() -> None:
    r = extract(
        "Police detained the activist Tural Mirzayev in Ganja on 4 March. "
        "A court later fined him 300 manats."
    )
    p = person(r, "Tural Mirzayev")
    assert first(p, "detention").date == PartialDate(2025, 3, 4)
    assert first(p, "sentence").date is None
    r = extract(
        "Police detained the activist Tural Mirzayev in Ganja on 4 March. "
        "He was subsequently sentenced to 15 days of administrative detention."
    )
    assert first(person(r, "Tural Mirzayev"), "sentence").date is None


def test_a_verdict_told_right_after_the_arrest_still_takes_its_day() -> None:
    r = extract(
        "Police detained the activist Tural Mirzayev in Ganja on 4 March. "
        "A court fined him 300 manats."
    )
    assert first(person(r, "Tural Mirzayev"), "sentence").date == PartialDate(2025, 3, 4)


def test_a_charge_told_as_its_own_fact_is_not_copied_into_the_verdict() -> None:
    r = extract(
        "Nigar Sadiqli was detained on charges of smuggling and sentenced to four years in prison."
    )
    p = person(r, "Nigar Sadiqli")
    assert [c.label for c in first(p, "charge").charges] == ["smuggling"]
    assert first(p, "sentence").charges == ()


def test_charges_told_after_the_verdict_are_the_verdict_s() -> None:
    r = extract("Nigar Sadiqli was sentenced to four years in prison on charges of smuggling.")
    assert [c.label for c in first(person(r, "Nigar Sadiqli"), "sentence").charges] == ["smuggling"]


def test_charges_brought_against_a_list_in_the_passive_charge_each_member() -> None:
    r = extract("Charges were brought against Tural Mirzayev and Leyla Sadigova on 5 March.")
    for name in ("Tural Mirzayev", "Leyla Sadigova"):
        assert first(person(r, name), "charge").date == PartialDate(2025, 3, 5)


def labels(r: object, name: str, etype: str) -> list[str | None]:
    return [c.label for c in first(person(r, name), etype).charges]  # type: ignore[arg-type]


def test_a_charge_list_goes_on_after_an_article_in_brackets() -> None:
    r = extract(
        "Leyla Sadigova was charged with smuggling (Article 206.3.2 of the Criminal Code), "
        "tax evasion and money laundering."
    )
    assert labels(r, "Leyla Sadigova", "charge") == ["smuggling", "tax evasion", "money laundering"]


def test_a_name_after_the_brackets_is_not_an_offence() -> None:
    r = extract(
        "Blogger Leyla Sadigova was given ten days for disobeying police (Article 535 of the "
        "Code of Administrative Offences) and poet Samir Talibov six days on the same charge."
    )
    for name in ("Leyla Sadigova", "Samir Talibov"):
        assert labels(r, name, "sentence") == ["disobeying police"]


def test_each_article_takes_the_offence_told_nearest_before_it() -> None:
    r = extract(
        "Leyla Sadigova was charged with hooliganism (Article 221.3) and resisting police "
        "(Article 315)."
    )
    charges = first(person(r, "Leyla Sadigova"), "charge").charges
    assert [(c.label, c.article) for c in charges] == [
        ("hooliganism", "221.3"),
        ("resisting police", "315"),
    ]


def test_a_first_verdict_told_after_the_reduction_is_not_the_new_term() -> None:
    r = extract(
        "An appeals court has cut the sentence of Tural Mirzayev to three years. "
        "Mirzayev was jailed in February on charges of fraud."
    )
    sentences = [e for e in person(r, "Tural Mirzayev").events if e.type.value == "sentence"]
    assert len(sentences) == 2
    new, old = sentences
    assert new.penalty is not None and new.penalty.years == 3 and new.date is None
    assert old.penalty is None and old.date == PartialDate(2025, 2)


def test_a_court_of_appeal_that_frees_someone_is_no_request() -> None:
    told = {
        "On 3 June 2023 the Ganja Court of Appeal released him, replacing the remaining "
        "term with a suspended sentence.": PartialDate(2023, 6, 3),
        "The appeals court freed him on Monday.": PartialDate(2025, 3, 10),
    }
    for text, day in told.items():
        p = person(extract("Samir Talibov was jailed in 2021. " + text), "Samir Talibov")
        assert first(p, "release").date == day


def test_replacing_the_remaining_term_is_a_reduction_on_appeal() -> None:
    r = extract(
        "Samir Talibov was jailed in 2021. In May the Court of Appeal replaced the "
        "remaining term with a suspended sentence."
    )
    appeal = first(person(r, "Samir Talibov"), "appeal")
    assert appeal.outcome is not None and appeal.outcome.value == "reduced"


def test_a_request_or_an_appeal_to_free_someone_frees_no_one() -> None:
    r = extract("Samir Talibov was detained on 2 March. His lawyer filed an appeal to release him.")
    assert "release" not in types(person(r, "Samir Talibov"))


def test_placed_in_a_holding_cell_is_a_detention() -> None:
    r = extract("Blogger Samir Talibov was placed in a temporary holding cell on Monday.")
    assert first(person(r, "Samir Talibov"), "detention").date == PartialDate(2025, 3, 10)


def test_placed_in_pretrial_detention_stays_the_court_s_order() -> None:
    r = extract("The court placed Samir Talibov in pretrial detention for four months.")
    assert types(person(r, "Samir Talibov")) == ["pretrial_detention"]


def test_an_official_before_an_active_verb_is_not_its_object_told_by_a_pronoun() -> None:
    r = extract(
        "Police detained Oktay Rzali on Monday. Judge Farid Mammadli sentenced him to "
        "ten days, and prosecutor Anar Huseynli charged him with hooliganism."
    )
    assert "Farid Mammadli" not in names(r) and "Anar Huseynli" not in names(r)
    assert {"sentence", "charge"} <= set(types(person(r, "Oktay Rzali")))


def test_a_pardon_frees_whom_it_names_or_points_to_not_the_one_who_pardons() -> None:
    r = extract("President Amil Qasimov pardoned Oktay Rzali and Leyla Sadigova on 6 March.")
    assert names(r) == {"Oktay Rzali", "Leyla Sadigova"}
    r = extract("Oktay Rzali was jailed in 2022. President Amil Qasimov pardoned him on 6 March.")
    assert names(r) == {"Oktay Rzali"}
    assert first(person(r, "Oktay Rzali"), "release").date == PartialDate(2025, 3, 6)


def test_the_object_pronoun_of_an_active_verb_is_not_its_subject() -> None:
    r = extract("Oktay Rzali was at home. Police officer Kamal Rustamov detained him on Monday.")
    assert names(r) == {"Oktay Rzali"}


def test_the_judge_named_after_by_does_not_undergo_the_sentence() -> None:
    r = extract("Oktay Rzali was sentenced by Judge Farid Mammadli to ten days.")
    assert names(r) == {"Oktay Rzali"}


def test_a_higher_court_s_acquittal_and_its_review_of_an_appeal_are_appeals() -> None:
    r = extract("Oktay Rzali was acquitted by the Supreme Court on 10 March.")
    appeal = first(person(r, "Oktay Rzali"), "appeal")
    assert appeal.outcome is not None and appeal.outcome.value == "overturned"
    r = extract(
        "In February the Ganja City Court, following the consideration of the blogger "
        "Oktay Rzali's appeal, kept him in custody."
    )
    assert first(person(r, "Oktay Rzali"), "appeal").date == PartialDate(2025, 2)


def test_since_after_an_active_arrest_verb_starts_a_campaign_not_the_arrest() -> None:
    r = extract(
        "Authorities have arrested at least 20 reporters since November 2023, including "
        "Oktay Rzali."
    )
    assert first(person(r, "Oktay Rzali"), "detention").date is None
    r = extract("Oktay Rzali has been held since November 2023.")
    assert first(person(r, "Oktay Rzali"), "detention").date == PartialDate(2023, 11)


def test_a_prison_verdict_joined_to_a_dated_arrest_does_not_take_its_day() -> None:
    r = extract(
        "In May 2019, Oktay Rzali was detained on charges of fraud and sentenced to six "
        "years in prison."
    )
    p = person(r, "Oktay Rzali")
    assert first(p, "detention").date == PartialDate(2019, 5)
    assert first(p, "sentence").date is None
    r = extract("Oktay Rzali was detained on 4 March and sentenced to ten days.")
    assert first(person(r, "Oktay Rzali"), "sentence").date == PartialDate(2025, 3, 4)


def test_jailed_before_a_role_word_describes_someone_it_is_no_verdict() -> None:
    r = extract("Nigar Sadiqova, the wife of jailed reporter Oktay Rzayev, was detained on Monday.")
    assert types(person(r, "Nigar Sadiqova")) == ["detention"]
    assert "Oktay Rzayev" not in names(r)


def test_a_term_of_probation_is_a_suspended_sentence() -> None:
    r = extract("Oktay Rzali was sentenced to two years of probation.")
    penalty = first(person(r, "Oktay Rzali"), "sentence").penalty
    assert penalty is not None and penalty.kind.value == "suspended_sentence"
    assert penalty.years == 2


def test_a_relative_whose_apposition_runs_to_the_verb_is_its_subject() -> None:
    r = extract("Nigar Sadiqova, the wife of the reporter Oktay Rzayev, was detained on Monday.")
    assert first(person(r, "Nigar Sadiqova"), "detention").date == PartialDate(2025, 3, 10)


def test_an_offence_named_after_a_dash_behind_the_article_is_its_label() -> None:
    r = extract(
        "Oktay Rzayev was found guilty under Article 23.34 of the Administrative Code – "
        "violation of the order of holding mass events, and fined 300 manats."
    )
    (charge,) = first(person(r, "Oktay Rzayev"), "sentence").charges
    assert (charge.label, charge.article) == (
        "violation of the order of holding mass events",
        "23.34",
    )


def test_a_full_stop_inside_the_quote_is_not_part_of_the_offence() -> None:
    r = extract('Oktay Rzayev was sentenced to 15 days for "organizing an unsanctioned rally."')
    assert labels(r, "Oktay Rzayev", "sentence") == ["organizing an unsanctioned rally"]


def test_the_offence_after_an_active_charge_with_a_name_between() -> None:
    r = extract("Prosecutors charged Oktay Rzayev with inciting hatred on 3 March.")
    assert labels(r, "Oktay Rzayev", "charge") == ["inciting hatred"]


def test_a_quoted_offence_before_its_article_in_brackets_is_its_label() -> None:
    r = extract(
        'Oktay Rzayev was charged with "calls against the state" (Article 281.2 of the '
        "Criminal Code)."
    )
    (charge,) = first(person(r, "Oktay Rzayev"), "charge").charges
    assert (charge.label, charge.article) == ("calls against the state", "281.2")


def test_a_list_read_across_an_active_verb_gives_the_event_to_its_object() -> None:
    r = extract("Amil Qasimov pardoned journalist Oktay Rzayev and blogger Nigar Sadiqova.")
    assert names(r) == {"Oktay Rzayev", "Nigar Sadiqova"}


def test_released_pending_trial_is_no_custody_order() -> None:
    r = extract("Oktay Rzayev was released pending trial on Monday.")
    assert types(person(r, "Oktay Rzayev")) == ["release"]


def test_not_heard_from_since_the_arrest_is_a_disappearance_of_the_one_not_heard() -> None:
    r = extract(
        "Oktay Rzayev was detained on 3 March. His lawyer Elchin Sadigov has not heard "
        "from him since."
    )
    assert names(r) == {"Oktay Rzayev"}
    assert "disappearance" in types(person(r, "Oktay Rzayev"))


def test_a_speaker_who_complains_of_torture_underwent_it() -> None:
    r = extract("Oktay Rzayev complained of torture at the hearing on Monday.")
    assert first(person(r, "Oktay Rzayev"), "ill_treatment").detail == "tortured"


def test_people_named_among_the_detainees_of_a_rally_did_not_protest() -> None:
    r = extract(
        "Police detained at least five people during a rally in Ganja on Saturday.\n\n"
        "Among those detained were activists Oktay Rzayev and Nigar Sadiqova."
    )
    for name in ("Oktay Rzayev", "Nigar Sadiqova"):
        assert types(person(r, name)) == ["detention"]


def test_an_extension_of_a_named_list_keeps_its_term() -> None:
    r = extract(
        "The court on Monday extended the pretrial detention of journalists Oktay Rzayev "
        "and Nigar Sadiqova by three months."
    )
    for name in ("Oktay Rzayev", "Nigar Sadiqova"):
        p = person(r, name)
        assert types(p) == ["pretrial_detention"]
        term = first(p, "pretrial_detention").penalty
        assert term is not None and term.kind.value == "pretrial_detention" and term.months == 3


def test_the_detention_extended_is_no_new_arrest() -> None:
    r = extract("The court on Monday extended the detention of Oktay Rzayev.")
    assert types(person(r, "Oktay Rzayev")) == ["pretrial_detention"]


def test_denied_medical_care_is_ill_treatment() -> None:
    r = extract("Nigar Sadiqova was detained in May. She has been denied medical care.")
    assert first(person(r, "Nigar Sadiqova"), "ill_treatment").detail == "denied medication"


def test_the_offence_stops_at_the_date_told_after_it() -> None:
    told = {
        "Oktay Rzayev was convicted of hooliganism in October 2022.": "sentence",
        "Oktay Rzayev was charged with hooliganism on 12 May.": "charge",
    }
    for text, etype in told.items():
        assert labels(extract(text), "Oktay Rzayev", etype) == ["hooliganism"]
