"""Names outside the gazetteer in English and Azerbaijani text, and capitalised
runs that are no person. Invented sentences and fictional people only."""

from __future__ import annotations

from habeas.extract.lexicon import load_lexicon
from habeas.extract.names import is_org_word
from habeas.extract.people import People

from .helpers import extract, person, types


def names(text: str, lang: str = "en") -> list[str]:
    return [e.name for e in People(text, load_lexicon(lang)).entities]


def test_an_unknown_name_said_twice_with_a_passive_verb_is_a_person() -> None:
    text = (
        "Security forces detained a young man in the city. Qorvan Teshbil was arrested "
        "at his home and taken to an undisclosed location. The family of Qorvan Teshbil "
        "has had no news since."
    )
    assert names(text) == ["Qorvan Teshbil"]


def test_named_in_quotes_is_a_cue() -> None:
    text = 'On Monday a man named "Davud Kaltemir," from the north, was arrested.'
    assert names(text) == ["Davud Kaltemir"]


def test_an_unknown_capitalised_pair_without_cues_is_not_a_person() -> None:
    assert names("The ceremony was held at Marble Gardens near the river.") == []


def test_a_headline_word_written_lowercase_elsewhere_is_cut() -> None:
    text = (
        "Rauf Zelimov Sentenced to 15 Days\n\nThe activist was sentenced to 15 days "
        "of administrative arrest on Monday."
    )
    assert names(text) == ["Rauf Zelimov"]


def test_a_party_word_before_a_name_said_again_alone_is_cut() -> None:
    text = (
        "The court sentenced a member of the Party of Justice and Welfare Tarlan Qodeyev "
        "to 30 days. Tarlan Qodeyev denied the charge."
    )
    assert names(text) == ["Tarlan Qodeyev"]


def test_an_institution_is_never_a_person() -> None:
    text = "O, Baş Mütəşəkkil Cinayətkarlıqla Mübarizə İdarəsində saxlanılıb."
    assert names(text, "az") == []
    assert is_org_word("İdarəsində")
    assert not is_org_word("Tarlan")


def test_a_given_name_with_swapped_letters_is_the_same_person() -> None:
    text = (
        "Məhkəmə Ələsgər Qurbanlının şikayətini təmin etməyib. Əlsəgər Qurbanlı həbsdə saxlanılır."
    )
    assert len(People(text, load_lexicon("az")).entities) == 1


def test_same_given_key_keeps_different_names_apart() -> None:
    from habeas.extract.folding import same_given_key

    assert same_given_key("alasgar", "alsagar")
    assert not same_given_key("ali", "alim")
    assert not same_given_key("kamran", "markan")


def test_a_run_listed_with_names_is_a_name_though_nothing_else_says_so() -> None:
    text = "The three students are Kamran Veliyev, Zoltar Qunne and Tural Mirzabeyli."
    assert names(text) == ["Kamran Veliyev", "Zoltar Qunne", "Tural Mirzabeyli"]
    # an institution listed beside a name stays no person
    assert names("Kamran Veliyev and Baku State University were named.") == ["Kamran Veliyev"]


def test_words_that_vary_before_the_same_two_words_are_not_the_name() -> None:
    text = (
        "Dissident Zoltar Qunnayev detained\n\n"
        "The court sentenced a member of the Party of Hope and Prosperity Zoltar Qunnayev."
    )
    assert names(text) == ["Zoltar Qunnayev"]


def test_a_person_spelt_two_ways_is_named_as_the_text_spells_them_most() -> None:
    text = (
        "Kamran Veliyev freed\n\nKamran Valiyev was released on Monday. "
        "Kamran Valiyev had spent two years in prison."
    )
    assert names(text) == ["Kamran Valiyev"]


def test_an_initial_before_a_surname_that_looks_like_a_given_name() -> None:
    # "G. Zahid" after "Ganimat Zahid": the surname has no surname ending and is a
    # given name elsewhere, yet the initial and the full form make it that person
    r = extract(
        "Journalist Ganimat Zahid was jailed in 2007. Yesterday police detained "
        "G. Zahid and S. Kerimov in Baku.",
        published="2024-05-10",
    )
    assert "detention" in types(person(r, "Ganimat Zahid"))
