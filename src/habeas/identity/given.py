"""Known given names, as phonetic keys, from the extractor's gazetteer.

The matcher needs them for one question only: can a Russian word ending in -а
be a woman's given name in the nominative ("Руслана") rather than the
genitive of a man's ("Турала")? Both readings are spelled alike, so only the
list of names people actually carry can tell them apart.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

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
