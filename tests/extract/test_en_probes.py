"""English mechanisms found by probing the engine with invented sentences
(fictional people) in the style of news on detentions."""

from habeas.model import PartialDate

from .helpers import extract, first, person, types


def test_a_date_nearer_another_events_verb_is_not_taken_over_a_date_of_its_own() -> None:
    r = extract("Leyla Mustafayeva was detained on Feb. 3 and sentenced to 30 days the next day.")
    p = person(r, "Leyla Mustafayeva")
    assert first(p, "detention").date == PartialDate(2025, 2, 3)
    assert first(p, "sentence").date == PartialDate(2025, 2, 4)


def test_not_heard_from_since_is_a_disappearance() -> None:
    r = extract(
        "Blogger Salman Dadayev was abducted in September and has not been heard from since."
    )
    assert "disappearance" in types(person(r, "Salman Dadayev"))


def test_a_weekday_after_a_charge_label_is_not_part_of_it() -> None:
    r = extract("Opposition figure Andranik Tevosyan was charged with treason on Tuesday.")
    charge = first(person(r, "Andranik Tevosyan"), "charge")
    assert [c.label for c in charge.charges] == ["treason"]


def test_an_official_before_an_active_decision_verb_does_it_and_is_not_its_target() -> None:
    r = extract(
        "Asylbek Daulbayev was detained in Shymkent on 3 March. "
        "Judge Arman Bekturov sentenced Daulbayev to five years on Monday."
    )
    assert "sentence" in types(person(r, "Asylbek Daulbayev"))
    assert "Arman Bekturov" not in {p.name for p in r.persons}


def test_a_quoted_offence_after_a_prison_term_is_the_charge() -> None:
    r = extract(
        "A court in Shymkent sentenced Asylbek Daulbayev to five years in prison for "
        '"inciting social discord".'
    )
    sentence = first(person(r, "Asylbek Daulbayev"), "sentence")
    assert [c.label for c in sentence.charges] == ["inciting social discord"]


def test_a_kyrgyz_patronymic_in_lower_case_ends_the_name_and_keeps_the_list_going() -> None:
    r = extract(
        "Police detained Aizhan Toktobek kyzy and Nurbek Asanaliev on 15 January. "
        "Toktobek kyzy was later placed in pretrial detention for two months."
    )
    p = person(r, "Aizhan Toktobek kyzy")
    assert types(p) == ["detention", "pretrial_detention"]
    assert types(person(r, "Nurbek Asanaliev")) == ["detention"]
    assert len(r.persons) == 2


def test_the_day_of_a_telling_does_not_date_what_is_told() -> None:
    for told in (
        "On Monday, his lawyer told OC Media that Mirzoyev had been beaten in custody.",
        "His lawyer said on Monday that Mirzoyev had been beaten in custody.",
        "He told RFE/RL on Wednesday that police had beaten him.",
    ):
        r = extract("Rauf Mirzoyev was detained on 1 March. " + told)
        p = person(r, "Rauf Mirzoyev")
        assert first(p, "detention").date == PartialDate(2025, 3, 1)
        assert first(p, "ill_treatment").date is None, told


def test_companions_joined_by_alongside_or_along_with_share_the_event() -> None:
    for text in (
        "Nurlan Gahramanov was arrested in December 2023 alongside colleagues "
        "Elnara Gasimli and Hafiz Babayev.",
        "Nurlan Gahramanov, along with Elnara Gasimli and Hafiz Babayev, was arrested "
        "in December 2023.",
    ):
        r = extract(text)
        for name in ("Nurlan Gahramanov", "Elnara Gasimli", "Hafiz Babayev"):
            assert first(person(r, name), "detention").date == PartialDate(2023, 12), text


def test_an_alias_told_with_known_as_is_the_same_person_even_in_a_headline() -> None:
    r = extract(
        "Journalist Nurlan Libreli sentenced to nine years\n\n"
        "A court has sentenced journalist Nurlan Gahramanov, known as Nurlan Libreli, "
        "to nine years in prison."
    )
    assert [p.name for p in r.persons] == ["Nurlan Gahramanov"]


def test_a_long_apposition_does_not_keep_a_companion_out_of_the_event() -> None:
    r = extract(
        "Nurlan Gahramanov, a freelance journalist who reported for Toplum TV, was "
        "arrested in December 2023 alongside colleagues Elnara Gasimli and Hafiz Babayev."
    )
    for name in ("Nurlan Gahramanov", "Elnara Gasimli", "Hafiz Babayev"):
        assert "detention" in types(person(r, name))


def test_charges_of_an_unnamed_crowd_told_next_are_not_given_to_the_decisions_before() -> None:
    r = extract(
        "Nika Gvaradze was sentenced to eight months. "
        "The Interior Ministry said 12 people had been detained for petty hooliganism."
    )
    assert first(person(r, "Nika Gvaradze"), "sentence").charges == ()


def test_a_decision_told_later_than_a_date_does_not_take_it() -> None:
    r = extract(
        "Opposition leader Nika Gvaradze, who was detained in December and later "
        "sentenced to eight months, was released on Friday."
    )
    p = person(r, "Nika Gvaradze")
    assert first(p, "detention").date == PartialDate(2024, 12)
    assert first(p, "sentence").date is None


def test_the_owner_of_an_appeal_told_after_the_court_verb_is_the_appellant() -> None:
    for text in (
        "The Supreme Court rejected Rustam Ibraimov's appeal on Tuesday.",
        "The Baku Court of Appeal upheld Rustam Ibraimov's sentence on Tuesday.",
    ):
        r = extract(text)
        assert first(person(r, "Rustam Ibraimov"), "appeal").date == PartialDate(2025, 3, 11)


def test_among_them_opens_the_list_of_an_unnamed_groups_named_members() -> None:
    r = extract("Hundreds of people were detained on Sunday, among them student Nurlan Gahramov.")
    assert first(person(r, "Nurlan Gahramov"), "detention").date == PartialDate(2025, 3, 9)


def test_protests_sparked_by_an_arrest_are_others_not_the_detainees() -> None:
    r = extract("The arrest of Gulnara Bazhenova on Monday sparked protests in Almaty.")
    assert types(person(r, "Gulnara Bazhenova")) == ["detention"]


def test_a_hyphenated_given_name_with_a_capital_after_the_hyphen_is_kept_whole() -> None:
    r = extract("Police arrested Mohammad-Reza Faghani on Saturday.")
    assert [p.name for p in r.persons] == ["Mohammad-Reza Faghani"]


def test_an_unknown_name_right_before_a_passive_event_verb_is_a_person() -> None:
    r = extract("His lawyer said that Duman Mukhammedkarim was detained on Monday.")
    assert first(person(r, "Duman Mukhammedkarim"), "detention").date == PartialDate(2025, 3, 10)
    r = extract("Kanal Trinadtsat was fined 5,000 manat.")
    assert r.persons == ()
