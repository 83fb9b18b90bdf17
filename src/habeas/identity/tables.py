"""The identity data files (identity/data/*.toml), read once and checked.

The letter tables, the spellings folded in keys, the name structure and the
given-name equivalences are data, so each can be reviewed, sourced and
tested on its own; this module only loads them.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

_PACKAGE = "habeas.identity"


@cache
def load(name: str) -> dict[str, Any]:
    """Return the parsed data file `data/<name>.toml` (cached)."""
    raw = resources.files(_PACKAGE).joinpath("data", f"{name}.toml").read_text("utf-8")
    return tomllib.loads(raw)


def letter_table(script: str) -> dict[str, str]:
    """One script's letter → Latin table from scripts.toml."""
    table = load("scripts")[script]
    for letter, latin in table.items():
        if len(letter) != 1 or not latin.isascii():
            raise ValueError(f"scripts.toml [{script}]: bad entry {letter!r} = {latin!r}")
    return dict(table)


def sound_folds() -> tuple[tuple[str, str], ...]:
    """The ordered (spelling, sound) folds of conventions.toml."""
    return tuple((f["spelling"], f["sound"]) for f in load("conventions")["folds"])


def letter_folds() -> dict[str, str]:
    """The one-letter folds of conventions.toml."""
    return dict(load("conventions")["letters"])
