"""Incommunicado custody (ANNOTATION rule 8) in English: officials who will not
say where a detainee is, told apart from denied contact (fictional people)."""

import pytest

from .helpers import extract, person, types


@pytest.mark.parametrize(
    "told",
    [
        "Police had not told the family where he was being held.",
        "Officers refused to tell his family where he was taken.",
        "The ministry would not say where the journalist was.",
        "Investigators didn't inform his lawyer of his whereabouts.",
    ],
)
def test_officials_who_do_not_say_where_he_is_make_a_disappearance(told: str) -> None:
    r = extract(f"Oren Laskaris was detained in Baku on 4 March. {told}")
    assert types(person(r, "Oren Laskaris")) == ["detention", "disappearance"]


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        ("The ministry did not say where the money came from.", ["detention"]),
        ("He was denied contact with family.", ["detention", "ill_treatment"]),
    ],
)
def test_other_silences_are_no_disappearance(told: str, expected: list[str]) -> None:
    r = extract(f"Oren Laskaris was detained in Baku on 4 March. {told}")
    assert types(person(r, "Oren Laskaris")) == expected
