"""Given names: the gazetteer's list, and the equivalences of data/given_names.toml.

The gazetteer answers one question: can a Russian word ending in -а be a
woman's given name in the nominative ("Руслана") rather than the genitive of
a man's ("Турала")? Both readings are spelled alike, so only the list of
names people actually carry can tell them apart.

The equivalence groups pair forms of one given name that spelling rules
cannot reach: Belarusian and Russian forms (Zmitser / Dmitry, Volha / Olga),
diminutives (Sasha / Aleksandr), exonyms (Paul / Pavel).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

from habeas.identity.tables import load
from habeas.identity.translit import phonetic_key, to_latin

_GAZETTEER = ("habeas.extract.lexicons", "given_names.txt")
_APOSTROPHES = str.maketrans("", "", "'\u2019\u02bc")


def _key(name: str) -> str:
    text = name.translate(_APOSTROPHES).replace("İ", "i").replace("I", "i").lower()
    return phonetic_key(to_latin(text))


@cache
def given_name_keys() -> frozenset[str]:
    """The phonetic keys of every given name in the gazetteer (empty when it is absent)."""
    package, filename = _GAZETTEER
    try:
        raw = resources.files(package).joinpath(filename).read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return frozenset()
    return frozenset(
        _key(word)
        for line in raw.splitlines()
        if line.strip() and not line.startswith("#")
        for word in line.split()
    )


@cache
def _equivalence_index() -> dict[str, frozenset[int]]:
    index: dict[str, set[int]] = {}
    for number, group in enumerate(load("given_names")["group"]):
        for form in group["forms"]:
            index.setdefault(_key(form), set()).add(number)
    return {key: frozenset(groups) for key, groups in index.items()}


def equivalence_groups(keys: Iterable[str]) -> frozenset[int]:
    """The given-name groups (data/given_names.toml) any of these phonetic keys belongs to."""
    index = _equivalence_index()
    found: set[int] = set()
    for key in keys:
        found.update(index.get(key, ()))
    return frozenset(found)


@cache
def group_initials(groups: frozenset[int]) -> frozenset[str]:
    """The first letters of the keys of every form of these groups (for blocking keys)."""
    table = load("given_names")["group"]
    return frozenset(_key(form)[:1] for g in groups for form in table[g]["forms"])
