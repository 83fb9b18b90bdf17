"""Blocking keys: names that match meet through their keys; unrelated names do not."""

from __future__ import annotations

import pytest

from habeas.identity import blocking_keys
from habeas.identity.blocking import (
    CandidateIndex,
    lookup_order,
    rank_candidates,
)

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
    # The store's key column holds 32 characters.
    keys = blocking_keys("Günel Vaqif qızı Hacıyeva")
    assert keys.stored and keys.sought
    assert all(isinstance(k, str) and len(k) <= 12 for k in keys.stored | keys.sought)


def _fine(name: str) -> set[str]:
    return {k for k in blocking_keys(name).stored if k.startswith("p:")}


def test_word_pair_keys_split_a_surname_by_given_name() -> None:
    assert _fine("Tural Mirzayev") & _fine("Мирзаев Турал")
    # Same surname, given names that share a first letter: only the coarse key.
    assert not _fine("Tural Mirzayev") & _fine("Timur Mirzayev")
    assert _meet("Tural Mirzayev", "Timur Mirzayev")


def test_word_pair_keys_join_forms_of_one_given_name() -> None:
    # Sasha and Aleksandr share no letters, only a given-name group.
    assert _fine("Sasha Petrov") & _fine("Aleksandr Petrov")


def test_an_initial_has_a_block_of_its_own() -> None:
    initial = {k for k in blocking_keys("T. Mirzayev").stored if k.startswith("i:")}
    assert initial
    assert initial & blocking_keys("Tural Mirzayev").sought
    assert not {k for k in blocking_keys("Tural Mirzayev").stored if k.startswith("i:")}


def test_lookup_reads_the_rarest_keys_within_the_budget() -> None:
    sizes = {"k:big": 900, "p:rare": 3, "p:few": 40, "w:none": 0}
    assert lookup_order(sizes, budget=100) == ["p:rare", "p:few"]
    assert lookup_order(sizes, budget=942) == ["p:rare", "p:few"]
    assert lookup_order(sizes, budget=943) == ["p:rare", "p:few", "k:big"]
    # Nothing small: the rarest block alone (read only up to the budget).
    assert lookup_order({"w:a": 5000, "w:b": 7000}, budget=100) == ["w:a"]
    assert lookup_order({}, budget=100) == []


def test_candidates_sharing_the_rarest_keys_come_first() -> None:
    assert rank_candidates([(3, [1, 2, 3]), (2, [3, 4]), (2, [3, 2])], limit=2) == [2, 3]
    assert rank_candidates([(3, [5, 6, 7])], limit=10) == [5, 6, 7]
    # One rare key outweighs many common ones; ties go to the lowest id.
    common = [(200, range(200)) for _ in range(5)]
    assert rank_candidates([*common, (2, [150, 199])], limit=1) == [150]
    assert rank_candidates([*common, (1, [201])], limit=1) == [201]


def test_a_lookup_stays_bounded_in_a_huge_block_and_finds_the_match() -> None:
    # 2,000 invented Mirzayevs whose given names start with t, one Tural among them.
    given = ("Timur", "Togrul", "Tahir", "Tofiq", "Teymur")
    index = CandidateIndex()
    for number in range(2000):
        index.add(number, blocking_keys(f"{given[number % 5]} Mirzayev").stored)
    index.add(2000, blocking_keys("Турал Мирзаев").stored)
    index.add(2001, blocking_keys("T. Mirzayev").stored)
    found = index.candidates(blocking_keys("Tural Mirzayev").sought, limit=50, budget=500)
    assert 2000 in found and 2001 in found
    assert len(found) <= 50
    # A surname alone is legitimately many: at most `limit`, whatever the store.
    assert len(index.candidates(blocking_keys("Mirzayev").sought, limit=50, budget=500)) == 50
