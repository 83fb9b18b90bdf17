"""Recognising denial of medication and of contact in an ill_treatment detail.

The words are data (keywords.toml, one list per language), loaded and checked
on first use rather than at import.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

from habeas.errors import LexiconError

_LANGUAGES = ("en", "ru", "az")


class Subject(StrEnum):
    """What a detainee was denied, as far as alerts care."""

    MEDICATION = "medication"
    CONTACT = "contact"


@dataclass(frozen=True, slots=True)
class DenialWords:
    """Compiled word lists: one pattern per subject, and one for the denial itself."""

    subjects: dict[Subject, re.Pattern[str]]
    denial: re.Pattern[str]


def fold(text: str) -> str:
    """Case-fold for matching; the Turkic dotted capital İ folds to a plain i."""
    return text.replace("İ", "i").casefold()


def _pattern(words: list[str]) -> re.Pattern[str]:
    alternatives = sorted({fold(w) for w in words}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in alternatives) + ")")


def _words(table: object, section: str) -> list[str]:
    if not isinstance(table, dict) or section not in table:
        raise LexiconError(f"timeline keywords have no [{section}] section")
    entry = table[section]
    words: list[str] = []
    for lang in _LANGUAGES:
        values = entry.get(lang) if isinstance(entry, dict) else None
        if not isinstance(values, list) or not values:
            raise LexiconError(f"timeline keywords [{section}] need a non-empty list for {lang!r}")
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise LexiconError(f"timeline keywords [{section}].{lang} must be non-empty strings")
        words.extend(values)
    return words


def parse_denial_words(text: str) -> DenialWords:
    """Validate and compile keyword data in the keywords.toml form."""
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"timeline keywords are not valid TOML: {exc}") from None
    return DenialWords(
        subjects={s: _pattern(_words(table, s.value)) for s in Subject},
        denial=_pattern(_words(table, "denial")),
    )


@cache
def denial_words() -> DenialWords:
    """The packaged keyword lists, loaded once."""
    source = resources.files("habeas.timeline").joinpath("keywords.toml")
    return parse_denial_words(source.read_text(encoding="utf-8"))


def mentions_denial(detail: str | None, subject: Subject) -> bool:
    """Whether an ill_treatment detail says the person was denied `subject`."""
    if not detail:
        return False
    words = denial_words()
    text = fold(detail)
    return bool(words.subjects[subject].search(text) and words.denial.search(text))
