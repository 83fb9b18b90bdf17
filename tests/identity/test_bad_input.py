"""Bad names get a clear answer, never a crash."""

from __future__ import annotations

import pytest

from habeas.errors import InputError
from habeas.identity import blocking_keys, match_names


@pytest.mark.parametrize("empty", ["", "   ", "\n\t"])
def test_empty_name_is_an_input_error(empty: str) -> None:
    with pytest.raises(InputError, match="empty"):
        match_names(empty, "Tural Mirzayev")
    with pytest.raises(InputError, match="empty"):
        match_names("Tural Mirzayev", empty)
    with pytest.raises(InputError, match="empty"):
        blocking_keys(empty)


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("T", "only initials"),
        ("T.", "only initials"),
        ("Т. М.", "only initials"),
        ("12345", "no letters"),
        ("!!! ??? ---", "no letters"),
        ("2024-03-08, 10:00", "no letters"),
        ("Mirzaев", "mixes letters"),
        ("Tural Мirzayev", "mixes letters"),
        ("Tural Mirzayev " * 40, "longer than"),
        ("x" * 500, "longer than"),
        ("a b c d e f g h i j k l m n", "more than"),
    ],
)
def test_unusable_name_is_different_with_reason(bad: str, reason: str) -> None:
    for a, b in ((bad, "Tural Mirzayev"), ("Tural Mirzayev", bad), (bad, bad)):
        result = match_names(a, b)
        assert result.same is False
        assert result.score == 0.0
        assert reason in result.reasons[0]
    keys = blocking_keys(bad)
    assert keys.stored == keys.sought == frozenset()


@pytest.mark.parametrize(
    "odd",
    ["🙂 Tural", "Tural\u200bMirzayev", "ТУРАЛ МИРЗАЕВ", "tural-mirzayev", "(Tural)", "Ⅻ", "ǅ"],
)
def test_odd_but_readable_names_do_not_crash(odd: str) -> None:
    result = match_names(odd, "Tural Mirzayev")
    assert isinstance(result.same, bool)
    assert 0.0 <= result.score <= 1.0
