"""Azerbaijani probes: short invented sentences in the style of the press, one per
behaviour of the engine they once broke (fictional people throughout)."""

from __future__ import annotations

from .helpers import names, person, types
from .test_lexicon_az import az


def test_an_active_verb_reaches_a_long_list_of_objects() -> None:
    r = az("Polis Kamran Rzayevi, Anar Səfərlini və Orxan Babayevi saxlayıb.")
    assert names(r) == {"Kamran Rzayev", "Anar Səfərli", "Orxan Babayev"}
    for name in names(r):
        assert types(person(r, name)) == ["detention"]


def test_taken_by_the_police_from_home_is_a_detention() -> None:
    r = az("Polis əməkdaşları Kamran Rzayevi dünən evindən götürüb.")
    assert types(person(r, "Kamran Rzayev")) == ["detention"]


def test_an_institution_in_the_plural_opening_the_sentence_is_not_part_of_a_name() -> None:
    r = az("Polislər Ramin Məmmədovu döyüb.")
    assert types(person(r, "Ramin Məmmədov")) == ["ill_treatment"]


def test_a_street_named_after_someone_is_not_a_person() -> None:
    r = az(
        "Fəal Fuad Qəniyevin dediyinə görə, Zərifə Əliyeva küçəsində yol gedərkən mülki "
        "geyimli şəxslər onları ağ rəngli avtomobilə mindirərək Binəqədiyə aparıblar."
    )
    assert "Zərifə Əliyeva" not in names(r)
