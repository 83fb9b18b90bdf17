"""Blocking keys: names that match meet through their keys; unrelated names do not."""

from __future__ import annotations

import pytest

from habeas.identity import blocking_keys

from .test_match_names import SAME


def _meet(a: str, b: str) -> bool:
    # The store indexes `stored` keys and looks a new name up by `sought` keys.
    return bool(blocking_keys(a).sought & blocking_keys(b).stored)


@pytest.mark.parametrize(("a", "b"), SAME)
def test_matching_names_meet_either_way(a: str, b: str) -> None:
    assert _meet(a, b)
    assert _meet(b, a)


def test_unrelated_names_do_not_meet() -> None:
    assert not _meet("Tural Mirzayev", "Gunel Hajiyeva")
    assert not _meet("Gunel Hajiyeva", "Tural Mirzayev")


def test_full_names_with_other_given_names_do_not_meet() -> None:
    # The keys join a surname to the other word's first letter, so the block
    # of a common surname is split by given name.
    assert not _meet("Tural Mirzayev", "Elvin Mirzayev")


def test_surname_alone_meets_full_names_both_ways() -> None:
    assert _meet("Mirzayev", "Tural Mirzayev")
    assert _meet("Tural Mirzayev", "Mirzayev")
    assert _meet("Т. Мирзаев", "Tural Mirzayev")


def test_a_dropped_h_still_meets() -> None:
    assert _meet("Seymur Hasili", "Сеймур Асили")


def test_keys_are_short_strings() -> None:
    keys = blocking_keys("Günel Vaqif qızı Hacıyeva")
    assert keys.stored and keys.sought
    assert all(isinstance(k, str) and len(k) <= 8 for k in keys.stored | keys.sought)
