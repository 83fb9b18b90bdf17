"""Step 2: each clean token → its comparable forms.

A `NameToken` carries the Latin spelling, the phonetic key, the stem without a
surname suffix (Mirzayev → mirza, Karimli → karim) and, for tokens written in
a script whose names decline (Russian, Azerbaijani, Georgian), the keys the
token could have in the nominative ("Туралу" → tural).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from habeas.identity.given import equivalence_groups
from habeas.identity.normalize import Orthography, RawToken, Script, clean_name
from habeas.identity.tables import load
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

# Case endings (data/structure.toml, as phonetic keys) mapped to the
# nominative endings they may replace ("" = nothing), with the kind of stem
# they follow ("vowel", "consonant" or "" for any).
_CaseTable = tuple[tuple[str, tuple[str, ...], str], ...]


def _case_table(language: str) -> _CaseTable:
    return tuple(
        (e["ending"], tuple(e["nominative"]), e.get("after", ""))
        for e in load("structure")["cases"][language]["endings"]
    )


_RUSSIAN_CASES = _case_table("russian")
_POLISH_CASES = _case_table("polish")
_AZERBAIJANI_CASES = _case_table("azerbaijani")
_TURKIC_CASES = _case_table("turkic")
_TURKIC_SURNAME_CASES = _case_table("turkic_surname")
_TURKIC_SURNAME_STEMS = tuple(load("structure")["cases"]["turkic_surname"]["stems"])
_GEORGIAN_CASES = _case_table("georgian")
# Every ending of a table, to skip a word that ends in none of them at once.
_ENDINGS = {
    id(table): tuple(ending for ending, _, _ in table)
    for table in (_RUSSIAN_CASES, _POLISH_CASES, _AZERBAIJANI_CASES, _TURKIC_CASES, _GEORGIAN_CASES)
}
_TURKIC_SURNAME_ENDINGS = tuple(ending for ending, _, _ in _TURKIC_SURNAME_CASES)
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
    loose_stem: str = field(compare=False)
    has_surname_suffix: bool = field(compare=False)
    initial: bool
    nominatives: frozenset[str] = field(compare=False)
    script: Script = field(compare=False)
    # Written in a script without short vowels (Arabic, Hebrew).
    abjad: bool = field(compare=False, default=False)
    # Given-name equivalence groups of the word as written, and of its
    # nominative readings when it is declined (Паўла → Pavel).
    given_groups: frozenset[int] = field(compare=False, default=frozenset())
    # (key, loose key, stem) of each nominative reading, computed once.
    nominative_forms: tuple[tuple[str, str, str], ...] = field(compare=False, default=())
    declined_groups: frozenset[int] = field(compare=False, default=frozenset())


def surname_stem(key: str) -> tuple[str, bool]:
    """Cut a surname suffix off a phonetic key; say whether one was cut."""
    for suffix in _SURNAME_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            return key[: -len(suffix)], True
    return key, False


def _tables(token: RawToken) -> tuple[_CaseTable, ...]:
    if token.script is Script.CYRILLIC:
        return (_RUSSIAN_CASES,)
    if token.script is Script.GEORGIAN:
        return (_GEORGIAN_CASES,)
    if token.script is not Script.LATIN:
        return ()
    if token.orthography is Orthography.AZERBAIJANI:
        return (_AZERBAIJANI_CASES,)
    if token.orthography is Orthography.POLISH:
        return (_POLISH_CASES,)
    return (_TURKIC_CASES,)


def _fleeting_vowel(base: str) -> str | None:
    # Slavic names lose an e/o before a final consonant when declined:
    # Павел / Павла, Севярынец / Севярынца, Paweł / Pawła.
    if len(base) >= 3 and base[-1] not in _VOWEL_KEYS and base[-2] not in _VOWEL_KEYS:
        return base[:-1] + "e" + base[-1]
    return None


def _nominatives(token: RawToken, key: str) -> frozenset[str]:
    if token.initial or len(key) < 4:
        return frozenset()
    if token.script is Script.LATIN and token.text.endswith(_BALTIC_ENDINGS) and len(key) >= 6:
        # Lithuanian and Latvian add -as/-us/-is to foreign names (Sokolovas).
        cut = 3 if token.text.endswith("ius") else 2
        return frozenset({phonetic_key(to_latin(token.text[:-cut]))})
    forms: set[str] = set()
    slavic = token.script is Script.CYRILLIC or token.orthography is Orthography.POLISH
    for table in _tables(token):
        if not key.endswith(_ENDINGS[id(table)]):
            continue
        for ending, replacements, after in table:
            if not key.endswith(ending):
                continue
            base = key[: -len(ending)]
            if len(base) < 3:
                continue
            if after and (base[-1] in _VOWEL_KEYS) != (after == "vowel"):
                continue
            forms.update(base + r for r in replacements)
            fleeting = _fleeting_vowel(base) if slavic else None
            if fleeting is not None:
                forms.add(fleeting)
    if (
        token.script is Script.LATIN
        and token.orthography is not Orthography.AZERBAIJANI
        and key.endswith(_TURKIC_SURNAME_ENDINGS)
    ):
        for ending, replacements, _ in _TURKIC_SURNAME_CASES:
            base = key[: -len(ending)]
            if key.endswith(ending) and base.endswith(_TURKIC_SURNAME_STEMS) and len(base) >= 5:
                forms.update(base + r for r in replacements)
    forms.discard(key)
    return frozenset(forms)


def _has_surname_mark(key: str) -> bool:
    return len(key) >= 5 and key.endswith(_SURNAME_MARKS)


@lru_cache(maxsize=65536)
def build_token(token: RawToken) -> NameToken:
    """Return every comparable form of one clean token (cached: words recur across names)."""
    latin = to_latin(token.text)
    if token.orthography is Orthography.POLISH and latin.startswith("j"):
        # Polish, Czech and Łacinka j is y (Jan, Jurij), not English j.
        latin = "y" + latin[1:]
    key = phonetic_key(latin)
    stem, _ = surname_stem(key)
    nominatives = _nominatives(token, key)
    groups = frozenset() if token.initial else equivalence_groups((key,))
    return NameToken(
        text=token.text,
        latin=latin,
        key=key,
        consonants=consonant_key(key),
        loose=loose_key(key),
        stem=stem,
        loose_stem=loose_key(stem),
        has_surname_suffix=_has_surname_mark(key),
        initial=token.initial,
        nominatives=nominatives,
        script=token.script,
        abjad=token.script is Script.ARABIC or token.script is Script.HEBREW,
        given_groups=groups,
        declined_groups=equivalence_groups(nominatives) - groups,
        nominative_forms=tuple((f, loose_key(f), surname_stem(f)[0]) for f in sorted(nominatives)),
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
