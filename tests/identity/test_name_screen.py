"""NameScreen turns a candidate away only when the full comparison would too."""

from __future__ import annotations

from itertools import product

import pytest

from habeas.identity.forms import prepare_name
from habeas.identity.match import NameScreen, match_prepared

from .test_match_names import DIFFERENT, SAME
from .test_prepared_forms import NAMES
from .test_region_names import APART
from .test_region_names import SAME as REGION_SAME

# Every invented name of the identity tests, each against every other, in both orders.
POOL = sorted(
    {name for pair in (*SAME, *DIFFERENT, *REGION_SAME, *APART) for name in pair[:2]} | set(NAMES)
)


def test_the_screen_never_turns_away_a_name_that_matches() -> None:
    screens = {a: NameScreen(prepare_name(a)) for a in POOL}
    admitted = refused = 0
    for a, b in product(POOL, POOL):
        same = match_prepared(prepare_name(a), prepare_name(b)).same
        admits = screens[a].admits(prepare_name(b))
        assert admits or not same, (a, b)
        admitted += admits
        refused += not admits
    # It is a screen, not a pass-through: most pairs of different people stop here.
    assert refused > admitted


@pytest.mark.parametrize(
    "other",
    ["Rəşad Əliyev", "Рашад Алиев", "Rashad Aliyev", "Aliyev Rashad", "R. Aliyev", "Aliyev"],
)
def test_spellings_scripts_initials_and_a_surname_alone_pass(other: str) -> None:
    assert NameScreen(prepare_name("Rashad Aliyev")).admits(prepare_name(other))


def test_a_diminutive_passes_through_the_given_name_equivalences() -> None:
    screen = NameScreen(prepare_name("Aleksandr Tarkhanov"))
    assert screen.admits(prepare_name("Sasha Tarkhanov"))
    assert screen.admits(prepare_name("Саша Тарханов"))


@pytest.mark.parametrize(
    "relative",
    ["Elvin Aliyev", "Rashad Mammadov", "Aliyeva", "Rashida Aliyeva", "Aliyev Elvin"],
)
def test_relatives_sharing_only_a_surname_or_a_given_name_are_turned_away(relative: str) -> None:
    screen = NameScreen(prepare_name("Rashad Aliyev"))
    assert not match_prepared(prepare_name("Rashad Aliyev"), prepare_name(relative)).same
    assert not screen.admits(prepare_name(relative))


def test_a_name_that_cannot_be_compared_is_turned_away() -> None:
    assert not NameScreen(prepare_name("123")).admits(prepare_name("Rashad Aliyev"))
    assert not NameScreen(prepare_name("Rashad Aliyev")).admits(prepare_name("x"))
