"""Step 2: each clean token → its comparable forms.

A `NameToken` carries the Latin spelling, the phonetic key, the stem without a
surname suffix (Mirzayev → mirza, Karimli → karim) and, for tokens written in
a script whose names decline (Russian, Azerbaijani, Georgian), the keys the
token could have in the nominative ("Туралу" → tural).
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import metadata, resources

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


# The stored form of a prepared name (`encode_prepared`): tokens apart by RS,
# fields apart by US; token texts are letters and keys are a-z, so neither occurs.
_TOKENS, _FIELDS, _PROBLEM = "\x1e", "\x1f", "!"
_SCRIPTS = {s.value: s for s in Script}
# What a prepared name is computed from: a stored one made by other code or
# data would silently change identity decisions, so any change to these
# files (or to the Unicode and ICU tables under them) makes it unused.
_SOURCES = ("normalize.py", "translit.py", "forms.py", "given.py", "tables.py")


@cache
def prepared_fingerprint() -> str | None:
    """A digest of the code and data `prepare_name` depends on; None when they cannot be read."""
    digest = hashlib.sha256(unicodedata.unidata_version.encode())
    try:
        package = resources.files("habeas.identity")
        for name in _SOURCES:
            digest.update(package.joinpath(name).read_bytes())
        data = package.joinpath("data")
        for entry in sorted(data.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".toml"):
                digest.update(entry.name.encode() + entry.read_bytes())
        digest.update(metadata.version("normality").encode())
        digest.update(metadata.version("PyICU").encode())
    except (OSError, metadata.PackageNotFoundError):
        return None
    return digest.hexdigest()[:16]


def _words_of(values: frozenset[str] | frozenset[int]) -> str:
    return " ".join(sorted(map(str, values)))


def clear_decoded() -> None:
    """Forget the decoded stored names and tokens."""
    decode_prepared.cache_clear()
    _DECODED.clear()


def _encode_token(t: NameToken) -> str:
    flags = f"{int(t.has_surname_suffix)}{int(t.initial)}{int(t.abjad)}"
    forms = ";".join(",".join(f) for f in t.nominative_forms)
    return _FIELDS.join(
        (
            t.text, t.latin, t.key, t.consonants, t.loose, t.stem, t.loose_stem, flags,
            t.script.value, _words_of(t.nominatives), _words_of(t.given_groups), forms,
            _words_of(t.declined_groups),
        )
    )  # fmt: skip


def encode_prepared(prepared: PreparedName) -> str:
    """`prepared` as text to keep with its stored name; "" when the code cannot be fingerprinted."""
    stamp = prepared_fingerprint()
    if stamp is None:
        return ""
    if prepared.problem is not None:
        return stamp + _PROBLEM + prepared.problem
    return stamp + _TOKENS.join(map(_encode_token, prepared.tokens))


def _ints(text: str) -> frozenset[int]:
    return frozenset(map(int, text.split())) if text else frozenset()


# Tokens recur across names far more than names do: each stored token is decoded once.
_DECODED: dict[str, NameToken] = {}


def _decode_token(text: str) -> NameToken:
    found = _DECODED.get(text)
    if found is not None:
        return found
    (word, latin, key, consonants, loose, stem, loose_stem, flags, script, nominatives,
     groups, forms, declined) = text.split(_FIELDS)  # fmt: skip
    token = NameToken(
        text=word,
        latin=latin,
        key=key,
        consonants=consonants,
        loose=loose,
        stem=stem,
        loose_stem=loose_stem,
        has_surname_suffix=flags[0] == "1",
        initial=flags[1] == "1",
        nominatives=frozenset(nominatives.split()),
        script=_SCRIPTS[script],
        abjad=flags[2] == "1",
        given_groups=_ints(groups),
        nominative_forms=tuple(
            (f[0], f[1], f[2]) for f in (form.split(",") for form in forms.split(";") if form)
        ),
        declined_groups=_ints(declined),
    )
    if len(_DECODED) < 65536:
        _DECODED[text] = token
    return token


@lru_cache(maxsize=65536)
def decode_prepared(stored: str) -> PreparedName | None:
    """The prepared name kept by `encode_prepared`, or None when it was made by other code."""
    stamp = prepared_fingerprint()
    if stamp is None or not stored.startswith(stamp):
        return None
    body = stored[len(stamp) :]
    if body.startswith(_PROBLEM):
        return PreparedName((), body[1:])
    if not body:
        return PreparedName((), None)
    return PreparedName(tuple(_decode_token(t) for t in body.split(_TOKENS)), None)
