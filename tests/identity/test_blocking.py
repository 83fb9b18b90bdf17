"""Blocking keys: names that match share a key; unrelated names mostly do not."""

from __future__ import annotations

import pytest

from habeas.identity import blocking_keys

from .test_match_names import SAME


@pytest.mark.parametrize(("a", "b"), SAME)
def test_matching_names_share_a_key(a: str, b: str) -> None:
    assert blocking_keys(a) & blocking_keys(b)


def test_unrelated_names_share_no_key() -> None:
    assert not blocking_keys("Tural Mirzayev") & blocking_keys("Gunel Hajiyeva")


def test_keys_are_short_strings() -> None:
    keys = blocking_keys("Günel Vaqif qızı Hacıyeva")
    assert keys
    assert all(isinstance(k, str) and len(k) <= 5 for k in keys)
