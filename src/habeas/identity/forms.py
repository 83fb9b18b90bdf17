"""Step 2: each clean token → its comparable forms.

A `NameToken` carries the Latin spelling, the phonetic key, the stem without a
surname suffix (Mirzayev → mirza, Karimli → karim) and, for tokens written in
a script whose names decline (Russian, Azerbaijani, Georgian), the keys the
token could have in the nominative ("Туралу" → tural).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from habeas.identity.normalize import RawToken, Script, clean_name
from habeas.identity.translit import consonant_key, loose_key, phonetic_key, to_latin

# Surname suffix families, as phonetic keys, longest first. Only these are cut
# to find a stem, so "Mirza", "Mirzayev" and "Mirzayeva" share the stem "mirza".
_SURNAME_SUFFIXES = (
    "skaia", "ckaia", "ieva", "iev", "ova", "eva", "ina", "aia", "ska", "ski",
    "ov", "ev", "in", "li", "lu", "zada", "zade", "ii", "i",
)  # fmt: skip
# Endings that, on their own, mark a word as a surname (not a given name).
_SURNAME_MARKS = (
    "ov", "ev", "ova", "eva", "in", "ina", "ii", "aia", "ski", "ska", "li", "lu", "zada",
    "zade", "ian", "ienko", "enko", "svili", "dze", "ia", "uk", "ic", "ici", "ogl",
)  # fmt: skip

# Case endings, as phonetic keys, mapped to the nominative endings they may
# replace ("" = nothing). Russian: -у/-а/-е/-ой/-ым/-ом/-ю; Azerbaijani
# (after a vowel): -nı/-nın/-ya/-da/-dan; Georgian adds a nominative -i.
_CaseTable = tuple[tuple[str, tuple[str, ...]], ...]
_RUSSIAN_CASES: _CaseTable = (
    ("oi", ("a",)), ("ei", ("a", "")), ("im", ("",)), ("om", ("",)), ("em", ("",)),
    ("iu", ("ia", "")), ("u", ("", "a")), ("a", ("",)), ("e", ("", "a")),
)  # fmt: skip
_AZERBAIJANI_CASES: _CaseTable = (
    ("nin", ("",)), ("nun", ("",)), ("ni", ("",)), ("nu", ("",)), ("ia", ("",)),
    ("dan", ("",)), ("da", ("",)),
)  # fmt: skip
_AZERBAIJANI_LETTERS = frozenset("əışğçöü")
_BALTIC_ENDINGS = ("as", "us", "is", "ys", "ius")
_VOWEL_KEYS = frozenset("aeiou")


@dataclass(frozen=True, slots=True)
class NameToken:
    """One word of a name in all the forms the comparison looks at.

    Equal and hashed by its text and initial flag alone, because the other
    fields follow from them; that keeps the comparison cache cheap.
    """

    text: str
    latin: str = field(compare=False)
    key: str = field(compare=False)
    consonants: str = field(compare=False)
    loose: str = field(compare=False)
    stem: str = field(compare=False)
    has_surname_suffix: bool = field(compare=False)
    initial: bool
    nominatives: frozenset[str] = field(compare=False)
    script: Script = field(compare=False)


def surname_stem(key: str) -> tuple[str, bool]:
    """Cut a surname suffix off a phonetic key; say whether one was cut."""
    for suffix in _SURNAME_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            return key[: -len(suffix)], True
    return key, False


def _nominatives(token: RawToken, key: str) -> frozenset[str]:
    if token.initial or len(key) < 4:
        return frozenset()
    if token.script is Script.LATIN and token.text.endswith(_BALTIC_ENDINGS) and len(key) >= 6:
        # Lithuanian and Latvian add -as/-us/-is to foreign names (Sokolovas).
        cut = 3 if token.text.endswith("ius") else 2
        return frozenset({phonetic_key(to_latin(token.text[:-cut]))})
    table: _CaseTable
    if token.script is Script.CYRILLIC:
        table = _RUSSIAN_CASES
    elif token.script is Script.LATIN and _AZERBAIJANI_LETTERS.intersection(token.text):
        table = _AZERBAIJANI_CASES
    elif token.script is Script.GEORGIAN:
        table = (("i", ("",)),)
    else:
        return frozenset()
    forms: set[str] = set()
    for ending, replacements in table:
        if key.endswith(ending):
            base = key[: -len(ending)]
            # Azerbaijani adds -nı/-ya only after a vowel (İsmayılova-nı).
            if table is _AZERBAIJANI_CASES and (not base or base[-1] not in _VOWEL_KEYS):
                continue
            forms.update(base + r for r in replacements if len(base) >= 3)
    return frozenset(forms)


def _has_surname_mark(key: str) -> bool:
    return len(key) >= 5 and key.endswith(_SURNAME_MARKS)


@lru_cache(maxsize=65536)
def build_token(token: RawToken) -> NameToken:
    """Return every comparable form of one clean token (cached: words recur across names)."""
    latin = to_latin(token.text)
    key = phonetic_key(latin)
    stem, _ = surname_stem(key)
    return NameToken(
        text=token.text,
        latin=latin,
        key=key,
        consonants=consonant_key(key),
        loose=loose_key(key),
        stem=stem,
        has_surname_suffix=_has_surname_mark(key),
        initial=token.initial,
        nominatives=_nominatives(token, key),
        script=token.script,
    )


@dataclass(frozen=True, slots=True)
class PreparedName:
    """A name ready for comparison, or the reason it cannot be compared."""

    tokens: tuple[NameToken, ...]
    problem: str | None


@lru_cache(maxsize=65536)
def prepare_name(raw: str) -> PreparedName:
    """Clean, transliterate and key `raw` (cached: a store compares names many times)."""
    clean = clean_name(raw)
    if clean.problem is not None:
        return PreparedName((), clean.problem)
    tokens = tuple(build_token(t) for t in clean.tokens)
    if not any(t.key for t in tokens if not t.initial):
        return PreparedName((), "the name has no letters that can be transliterated")
    return PreparedName(tuple(t for t in tokens if t.key), None)
