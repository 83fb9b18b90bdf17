"""Charges read from their frames ("on charges of A, B and C"), on invented reports."""

from habeas.extract.attributes import find_charges
from habeas.extract.lexicon import fold_case, load_lexicon

from .helpers import extract, first, person


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
