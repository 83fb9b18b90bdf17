"""English shapes found by probing with invented reports (fictional people): the
phrasings a report may use for what the engine already reads in other words."""

from habeas.model import PartialDate, PenaltyKind

from .helpers import extract, first, person, types


def test_an_unknown_name_before_other_passives_of_custody_is_a_person() -> None:
    # neither "Oren" nor "Laskaris" is known as a name: the verb after it is the cue
    for text, etype in (
        ("Oren Laskaris was remanded in custody for two months.", "pretrial_detention"),
        ("Oren Laskaris was placed in pretrial detention for three months.", "pretrial_detention"),
        ("Oren Laskaris was handed a five-year prison sentence on Monday.", "sentence"),
        ("Oren Laskaris was given a five-year prison sentence on Monday.", "sentence"),
        ("Oren Laskaris was taken to a police station on Monday.", "detention"),
        ("Oren Laskaris was found guilty of fraud and sentenced to four years.", "sentence"),
        ("Oren Laskaris was pardoned by the president on Monday.", "release"),
        ("Oren Laskaris was indicted on charges of espionage.", "charge"),
        ("Oren Laskaris was beaten in custody, his lawyer said.", "ill_treatment"),
        ("Oren Laskaris was summoned and detained on Monday.", "detention"),
        # an age or a bracket between, a custody told as a state
        ("Oren Laskaris, 34, was detained on Sunday.", "detention"),
        ("Oren Laskaris (34) was detained on Sunday.", "detention"),
        ("Oren Laskaris has been in prison since 2021.", "detention"),
        ("Oren Laskaris has been missing since Sunday.", "disappearance"),
        ("Oren Laskaris went missing on Sunday.", "disappearance"),
        ("Oren Laskaris disappeared after leaving his home on Sunday.", "disappearance"),
    ):
        r = extract(text)
        assert etype in types(person(r, "Oren Laskaris")), text


def test_an_unknown_name_after_a_courts_order_is_its_object() -> None:
    for text in (
        "A court in Osh remanded Oren Laskaris in custody until 12 May.",
        "The court placed Oren Laskaris under house arrest.",
    ):
        r = extract(text)
        assert types(person(r, "Oren Laskaris")) == ["pretrial_detention"], text


def test_words_that_are_no_name_stay_none_before_those_passives() -> None:
    assert extract("Kanal Trinadtsat was accused of fraud.").persons == ()
    assert extract("Freedom Square was placed under guard.").persons == ()


def test_a_court_ordering_a_named_person_held_is_custody_pending_trial() -> None:
    r = extract("The Yasamal District Court ordered Tahmina Gurbanli held for two months.")
    order = first(person(r, "Tahmina Gurbanli"), "pretrial_detention")
    assert order.penalty is not None and order.penalty.months == 2


def test_a_fine_with_its_currency_before_the_amount() -> None:
    for text, amount, currency in (
        ("Tahmina Gurbanli was fined AZN 300 for disobeying police.", 300, "AZN"),
        ("The court fined Tahmina Gurbanli AZN 1,000 on Monday.", 1000, "AZN"),
        ("Tahmina Gurbanli was fined $200.", 200, "USD"),
    ):
        fine = first(person(extract(text), "Tahmina Gurbanli"), "sentence").penalty
        assert fine is not None and fine.kind is PenaltyKind.FINE, text
        assert (fine.amount, fine.currency) == (amount, currency), text
    # the amount told first stays the fine, the dollars after it its conversion
    r = extract("Tahmina Gurbanli was fined 2,500 manats ($1,470).")
    fine = first(person(r, "Tahmina Gurbanli"), "sentence").penalty
    assert fine is not None and (fine.amount, fine.currency) == (2500, "AZN")


def test_a_fine_ordered_or_imposed_is_a_sentence() -> None:
    for text in (
        "Tahmina Gurbanli was ordered to pay a fine of 200 manats.",
        "The court imposed a fine of 200 manats on Tahmina Gurbanli.",
    ):
        fine = first(person(extract(text), "Tahmina Gurbanli"), "sentence").penalty
        assert fine is not None and fine.amount == 200, text


def test_an_arrest_told_as_happening_again_is_another_episode() -> None:
    for again in (
        "Police detained him again at his home later.",
        "He was arrested a second time in the evening.",
        "He was once more arrested that week.",
    ):
        r = extract(
            "Farid Tagizade was detained on 2 March. He was released after three hours. " + again
        )
        assert types(person(r, "Farid Tagizade")) == ["detention", "release", "detention"], again


def test_again_in_the_next_clause_is_not_the_release_told_once_more() -> None:
    r = extract("Farid Tagizade was released on 3 March. He was freed, but was seized again.")
    assert types(person(r, "Farid Tagizade")) == ["release", "detention"]


def test_an_arrest_told_again_on_its_own_day_is_one_event() -> None:
    r = extract(
        "Farid Tagizade was detained again on 2 March. His detention on 2 March drew criticism."
    )
    assert types(person(r, "Farid Tagizade")) == ["detention"]


def test_appeals_told_in_other_words_are_appeals_with_their_outcome() -> None:
    for text, outcome in (
        (
            "Nigar Zeynalova's appeal against her six-year sentence was rejected on Tuesday.",
            "upheld",
        ),
        (
            "On Tuesday, an appeals court left unchanged the sentence given to Nigar Zeynalova.",
            "upheld",
        ),
        ("Nigar Zeynalova lost her appeal on Tuesday.", "upheld"),
        ("Nigar Zeynalova's sentence was upheld on appeal on Tuesday.", "upheld"),
        ("Nigar Zeynalova's conviction was overturned on Tuesday.", "overturned"),
    ):
        appeal = first(person(extract(text), "Nigar Zeynalova"), "appeal")
        assert appeal.outcome is not None and appeal.outcome.value == outcome, text
        assert appeal.date == PartialDate(2025, 3, 11), text


def test_a_sentence_reduced_in_the_passive_gives_the_new_term() -> None:
    r = extract("Nigar Zeynalova's sentence was reduced to four years on appeal on Tuesday.")
    p = person(r, "Nigar Zeynalova")
    assert types(p) == ["appeal", "sentence"]
    new = first(p, "sentence").penalty
    assert new is not None and new.years == 4


def test_the_verdict_an_appeal_upheld_was_not_passed_on_the_appeals_day() -> None:
    for text in (
        "The court of appeal on Tuesday upheld the verdict sentencing Nigar Zeynalova to "
        "six years in prison.",
        "On Tuesday the Supreme Court upheld the lower court's ruling that sentenced "
        "Nigar Zeynalova to six years.",
    ):
        p = person(extract(text), "Nigar Zeynalova")
        assert first(p, "appeal").date == PartialDate(2025, 3, 11), text
        assert first(p, "sentence").date is None, text


def test_convicts_pardoned_as_a_crowd_are_the_named_members_told_next() -> None:
    for text in (
        "The president pardoned 150 convicts on Monday. "
        "Among them were Nigar Zeynalova and Farid Tagizade.",
        "On Monday, 150 inmates were pardoned. Among them were Nigar Zeynalova and Farid Tagizade.",
    ):
        r = extract(text)
        for name in ("Nigar Zeynalova", "Farid Tagizade"):
            assert first(person(r, name), "release").date == PartialDate(2025, 3, 10), text


def test_a_legal_action_threatened_is_no_ill_treatment() -> None:
    assert extract("Ilkin Rustamzade was threatened with arrest.").persons == ()
    r = extract("Ilkin Rustamzade was detained and threatened with violence in custody.")
    assert "ill_treatment" in types(person(r, "Ilkin Rustamzade"))


def test_the_term_prosecutors_seek_is_no_sentence() -> None:
    assert (
        extract("Prosecutors are seeking a seven-year sentence for Ilkin Rustamzade.").persons == ()
    )
    r = extract(
        "Prosecutors sought seven years in prison for Ilkin Rustamzade, "
        "but the court sentenced him to five years."
    )
    term = first(person(r, "Ilkin Rustamzade"), "sentence").penalty
    assert term is not None and term.years == 5


def test_a_verb_with_no_subject_of_its_own_goes_on_with_the_clauses() -> None:
    r = extract("Ilkin Rustamzade was detained while protesting outside the court on Monday.")
    assert types(person(r, "Ilkin Rustamzade")) == ["detention", "protest"]
    r = extract("Ilkin Rustamzade was arrested on Monday but released hours later.")
    release = first(person(r, "Ilkin Rustamzade"), "release")
    assert release.date == PartialDate(2025, 3, 10)
    # covering a rally while detained is no part in it
    r = extract("Ilkin Rustamzade was detained on Monday while covering the rally.")
    assert types(person(r, "Ilkin Rustamzade")) == ["detention"]


def test_a_family_that_does_not_know_where_he_is_tells_a_disappearance() -> None:
    r = extract(
        "Ilkin Rustamzade was detained on Monday. "
        "His family still does not know where he is being held."
    )
    assert types(person(r, "Ilkin Rustamzade")) == ["detention", "disappearance"]
    r = extract(
        "Ilkin Rustamzade was detained on Monday. "
        "His lawyer doesn't know where the hearing will be."
    )
    assert types(person(r, "Ilkin Rustamzade")) == ["detention"]


def test_unknown_names_sharing_a_surname_are_a_family() -> None:
    r = extract("Oren Laskaris and his wife, Mira Laskaris, were detained on Sunday.")
    for name in ("Oren Laskaris", "Mira Laskaris"):
        assert types(person(r, name)) == ["detention"]


def test_suspended_before_a_hyphened_term_makes_it_suspended() -> None:
    for text in (
        "Ilkin Rustamzade was sentenced to a suspended three-year prison term.",
        "Ilkin Rustamzade was handed a suspended three-year sentence.",
    ):
        term = first(person(extract(text), "Ilkin Rustamzade"), "sentence").penalty
        assert term is not None and term.kind is PenaltyKind.SUSPENDED_SENTENCE, text
        assert term.years == 3, text


def test_the_day_of_a_statement_does_not_date_the_clause_it_reports() -> None:
    for told, etype in (
        ("In a statement on Monday, the group said Elnur Hasanli had been detained.", "detention"),
        ("On Monday, his lawyer said Elnur Hasanli had been beaten.", "ill_treatment"),
    ):
        r = extract("Ilkin Rustamzade was sentenced on 5 March. " + told)
        assert first(person(r, "Elnur Hasanli"), etype).date is None, told


def test_an_unknown_name_closed_by_an_apposition_is_still_in_the_list() -> None:
    r = extract(
        "Oren Laskaris, a journalist, and Vilen Marduk, a blogger, were detained on Sunday."
    )
    for name in ("Oren Laskaris", "Vilen Marduk"):
        assert first(person(r, name), "detention").date == PartialDate(2025, 3, 9)
