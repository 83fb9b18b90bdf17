"""A prepared name kept as text (stored with each name form) reads back as the same name."""

from __future__ import annotations

import dataclasses

import pytest

from habeas.identity.forms import clear_decoded, decode_prepared, encode_prepared, prepare_name
from habeas.identity.match import match_names, match_prepared

# Invented people, in every script and shape the matcher handles, and names it refuses.
NAMES = [
    "Tural Mirzəyev",
    "Турал Мирзаеву",
    "Aida Nurbek kyzy",
    "Гүнел Һаҹыева",
    "ლევან კაპანაძე",
    "Mirzaev, Tural",
    "T. Mirzəyev",
    "Zaur Džavadzade",
    "احمد رضا",
    "123",
    "x",
    "ab" * 150,
]


@pytest.mark.parametrize("name", NAMES)
def test_a_kept_prepared_name_decodes_to_the_same_tokens(name: str) -> None:
    prepared = prepare_name(name)
    kept = encode_prepared(prepared)
    clear_decoded()
    decoded = decode_prepared(kept)
    assert decoded is not None
    assert decoded.problem == prepared.problem
    assert len(decoded.tokens) == len(prepared.tokens)
    for got, want in zip(decoded.tokens, prepared.tokens, strict=True):
        for f in dataclasses.fields(want):
            assert getattr(got, f.name) == getattr(want, f.name), (name, f.name)


def test_matching_kept_forms_gives_the_same_verdict_as_matching_names() -> None:
    for a in NAMES:
        for b in NAMES:
            kept_b = decode_prepared(encode_prepared(prepare_name(b)))
            assert kept_b is not None
            assert match_prepared(prepare_name(a), kept_b) == match_names(a, b)


def test_a_form_kept_by_other_identity_code_is_not_used() -> None:
    kept = encode_prepared(prepare_name("Tural Mirzəyev"))
    assert decode_prepared("0" * 16 + kept[16:]) is None
    assert decode_prepared("") is None
