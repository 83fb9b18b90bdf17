"""English shapes found by probing with invented reports (fictional people): the
phrasings a report may use for what the engine already reads in other words."""

from .helpers import extract, person, types


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
