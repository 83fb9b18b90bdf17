"""Person names in a report: find the runs of capitalised words that may be
names, and the records for a name mention and for one person.

No statistical model here: a name is a run of capitalised words that looks like
a name (a known given name, a surname ending, a role word before it), checked
against the lexicon's list of capitalised words that are never names. Folding
(spelling keys, Azerbaijani case endings) is in `folding`, the Russian
nominative in `morph_ru`, the statistical Russian recogniser in `ner_ru`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from habeas.extract.folding import (
    SURNAME_ENDINGS,
    given_names,
    has_surname_ending,
    strip_az_case,
    token_key,
)
from habeas.extract.lexicon import Lexicon, is_role_word
from habeas.extract.morph_ru import RussianMorphology

__all__ = [
    "SURNAME_ENDINGS",
    "Entity",
    "NameMention",
    "RussianMorphology",
    "find_name_runs",
    "given_names",
    "has_surname_ending",
    "strip_az_case",
    "token_key",
]

_UPPER = "A-ZÀ-ÖØ-ÞƏŞÇĞÜÖİĀĒĪŌŪŽŠČА-ЯЁІЇЄЎҐӘҒҚҢӨҰҮҺ"
_LOWER = "a-zß-öø-ÿəşçğıöüāēīōūžščа-яёіїєўґәғқңөұүһʼ'’-"
_TOKEN = re.compile(rf"[{_UPPER}][{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)*|[{_UPPER}]\.")
# Particles allowed inside a name: Azerbaijani/Turkic patronymic markers and Western particles.
_PARTICLES = frozenset(
    (
        "qızı", "qizi", "kızı", "kyzy", "gyzy", "oğlu", "oglu", "ogly", "ugli", "uulu", "uly",
        "кызы", "оглы", "оглу", "улы", "уулу",
        "de", "da", "di", "van", "von", "der", "del", "la", "le", "bin", "ibn",
    )
)  # fmt: skip
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(slots=True)
class NameMention:
    start: int
    end: int
    tokens: tuple[str, ...]  # as written, possessive stripped
    possessive: bool = False


@dataclass(slots=True)
class Entity:
    """One person within one report."""

    id: int
    tokens: tuple[str, ...]  # display tokens, nominative
    keys: tuple[str, ...]
    gender: str | None = None  # "m", "f" or None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    no_relation: bool = False

    @property
    def name(self) -> str:
        return " ".join(self.tokens)

    @property
    def surname_key(self) -> str:
        return self.keys[-1]

    @property
    def given_key(self) -> str | None:
        return self.keys[0] if len(self.keys) > 1 else None


def _is_name_word(token: str, lex: Lexicon) -> bool:
    low = token.casefold()
    if low in lex.not_names or len(token) < 2 or token.endswith("."):
        return token.endswith(".") and len(token) == 2  # an initial
    return not is_role_word(lex, low)


_PARTICLE_GAP = re.compile(
    r"[ \t]+(?:" + "|".join(sorted(_PARTICLES, key=len, reverse=True)) + r")[ \t]+$", re.IGNORECASE
)


def find_name_runs(text: str, lex: Lexicon) -> list[NameMention]:
    """Runs of capitalised name-like words, as written (not yet judged as names).

    Only capitalised words are visited (a regex finds them), so the cost grows
    with the number of names and proper nouns, not with the length of the text.
    Two words are in one run when only spaces, or a patronymic particle
    ("qızı", "oglu"), stand between them.
    """
    runs: list[NameMention] = []
    current: list[tuple[int, int, str]] = []

    def flush() -> None:
        if current and current[0][2].endswith(".") and len(current) == 1:
            current.clear()  # "R." alone is not a name
        if current:
            toks = [c[2] for c in current]
            last = toks[-1]
            possessive = last.endswith(("'s", "’s"))
            toks[-1] = _POSSESSIVE.sub("", last) if possessive else last
            runs.append(NameMention(current[0][0], current[-1][1], tuple(toks), possessive))
        current.clear()

    for m in _TOKEN.finditer(text):
        s, e = m.span()
        if s and text[s - 1].isalpha():
            continue  # inside a word ("McDonald" is one word)
        if e < len(text) and (text[e].isalnum() or text[e] == "_"):
            continue
        word = m.group()
        if not _is_name_word(_POSSESSIVE.sub("", word), lex):
            flush()
            continue
        if current:
            gap = text[current[-1][1] : s]
            if gap.strip(" \t") and not _PARTICLE_GAP.match(gap):
                flush()
            elif "'" in current[-1][2][-2:] or "’" in current[-1][2][-2:]:
                flush()  # "Heydarov's Rauf": a possessive ends a name
        if word.endswith((".",)) and len(word) > 2:
            word = word[:-1]
            e -= 1
        current.append((s, e, word))
    flush()
    return runs
