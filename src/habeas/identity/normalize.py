"""Step 1: a raw name string → clean tokens in given-name-first order.

Cleaning folds case, drops apostrophes and bracketed asides, splits initials
("T.Mirzəyev" → "t", "mirzəyev"), reads "Surname, Given" order and removes
patronymics ("Vaqif qızı", "Вагифович"). A patronymic marker with no
surname after it is kept as the surname ("Aida Nurbek kyzy"), because
Kyrgyz names use it that way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

from habeas.errors import InputError
from habeas.identity.tables import load

MAX_NAME_CHARS = 200
MAX_TOKENS = 12


class Script(Enum):
    """The writing system of one token."""

    LATIN = "latin"
    CYRILLIC = "cyrillic"
    GEORGIAN = "georgian"
    ARMENIAN = "armenian"
    ARABIC = "arabic"
    HEBREW = "hebrew"
    GREEK = "greek"
    OTHER = "other"


class Orthography(Enum):
    """The Latin spelling a name is written in, where its letters show it.

    It decides which case endings a word may carry: Azerbaijani and Turkish
    letters (ə, ı, ş…) mean Azerbaijani suffixes (Zahidin), Polish, Czech and
    Łacinka letters (ł, ś, č, cz, sz…) mean Slavic ones (Pawła).
    """

    PLAIN = "plain"
    AZERBAIJANI = "azerbaijani"
    POLISH = "polish"


@dataclass(frozen=True, slots=True)
class RawToken:
    """One word of a name as written (lower case), with its script."""

    text: str
    script: Script
    initial: bool
    orthography: Orthography = Orthography.PLAIN


@dataclass(frozen=True, slots=True)
class CleanName:
    """A name cut into tokens, or the reason it cannot be compared."""

    tokens: tuple[RawToken, ...]
    problem: str | None = None


# Patronymic markers and endings (data/structure.toml).
_STRUCTURE = load("structure")["patronymic"]
_PATRONYMIC_MARKERS = frozenset(_STRUCTURE["markers"])
# Slavic patronymics are one word, perhaps declined (Pawłowicza).
_SLAVIC_PATRONYMIC = re.compile(
    "(?:"
    + "|".join(sorted(map(re.escape, _STRUCTURE["endings"]), key=len, reverse=True))
    + ")(?:"
    + "|".join(sorted(map(re.escape, _STRUCTURE["endings_declined"]), key=len, reverse=True))
    + ")?$"
)

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_APOSTROPHES = re.compile("['\u2018\u2019\u02bc\u02bb`\u00b4\"\u201c\u201d\u00ab\u00bb]")


def script_of(ch: str) -> Script:
    """Return the script of one letter."""
    code = ord(ch)
    if code < 0x2B0 or 0x1E00 <= code <= 0x1EFF:
        return Script.LATIN
    if 0x400 <= code <= 0x52F:
        return Script.CYRILLIC
    if 0x10A0 <= code <= 0x10FF or 0x1C90 <= code <= 0x1CBF:
        return Script.GEORGIAN
    if 0x530 <= code <= 0x58F:
        return Script.ARMENIAN
    if 0x600 <= code <= 0x6FF or 0x750 <= code <= 0x77F:
        return Script.ARABIC
    if 0x590 <= code <= 0x5FF:
        return Script.HEBREW
    if 0x370 <= code <= 0x3FF:
        return Script.GREEK
    return Script.OTHER


class _LetterScripts(dict[str, Script | None]):
    """Character → its script (None for a non-letter), filled as characters are met.

    A name uses a few dozen distinct characters, so looking each up here is
    cheaper than classifying every character of every name again.
    """

    def __missing__(self, ch: str) -> Script | None:
        script = script_of(ch) if ch.isalpha() else None
        self[ch] = script
        return script


_LETTER_SCRIPTS = _LetterScripts()


def _token_script(word: str) -> Script | None:
    """Return the script of a word, or None when its letters mix scripts."""
    if word.isascii():
        return Script.LATIN
    scripts = set(map(_LETTER_SCRIPTS.__getitem__, word))
    scripts.discard(None)
    if len(scripts) != 1:
        return None
    return scripts.pop()


def _fold_case(text: str) -> str:
    # "İ".lower() leaves a combining dot behind; both capitals read as i.
    text = text.replace("İ", "i").replace("I", "i")
    return unicodedata.normalize("NFC", text).lower()


class _Separators(dict[int, int | str]):
    """A `str.translate` table turning separators into spaces, filled as characters are met.

    Separators are punctuation, symbols and spaces; letters, digits and
    marks stay (Thai and Devanagari vowels are marks inside a word), and so
    does the full stop, which marks initials.
    """

    def __missing__(self, code: int) -> int | str:
        ch = chr(code)
        value: int | str = code if ch == "." or unicodedata.category(ch)[0] in "LMN" else " "
        self[code] = value
        return value


_SEPARATORS = _Separators()


def _letters_and_marks(piece: str) -> str:
    return "".join(ch for ch in piece if unicodedata.category(ch)[0] in "LM")


def _words(text: str) -> tuple[list[tuple[str, bool]], bool]:
    """Split into (word, is_initial) pairs; the flag says "Surname, Given" order."""
    text = _APOSTROPHES.sub("", _BRACKETS.sub(" ", text))
    text = text.replace("-", "").replace("\u2010", "").replace("\u2011", "")
    head, comma, tail = text.partition(",")
    surname_first = bool(comma and head.strip() and tail.strip())
    if surname_first:
        text = f"{tail} {head}"
    text = text.replace(",", " ").translate(_SEPARATORS)
    words: list[tuple[str, bool]] = []
    for chunk in text.split():
        pieces = [p for p in chunk.split(".") if p]
        for index, piece in enumerate(pieces):
            # isalpha() is exactly "every character is a letter (L*)".
            letters = piece if piece.isalpha() else _letters_and_marks(piece)
            if not letters:
                continue
            dotted = index < len(pieces) - 1 or chunk.endswith(".")
            words.append((letters, len(letters) == 1 or (dotted and len(letters) <= 2)))
    return words, surname_first


def _drop_patronymics(words: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    kept = list(words)
    for i in range(len(kept) - 1, 0, -1):
        word = kept[i][0]
        if word not in _PATRONYMIC_MARKERS:
            continue
        has_surname = len(kept) - 2 >= 2
        if has_surname:
            del kept[i - 1 : i + 1]
        else:
            # "Aida Nurbek kyzy": the patronymic is the surname.
            del kept[i]
        break
    if len(kept) > 2:
        # Given-first order puts the patronymic second ("Алексей Анатольевич
        # Навальный"), surname-first order last; Belarusian and Serbian
        # surnames share the -vich ending, so only one word goes.
        for j in (1, len(kept) - 1):
            if _SLAVIC_PATRONYMIC.search(kept[j][0]):
                del kept[j]
                break
    return kept


_AZERBAIJANI_LETTERS = frozenset("əışğçöü")
_POLISH_LETTERS = frozenset("łśćńźżŭčšžęąř")
_POLISH_DIGRAPHS = ("cz", "sz", "rz")


def orthography_of(words: list[str]) -> Orthography:
    """Return the Latin orthography the words of one name show (PLAIN when none)."""
    letters = set("".join(words))
    if letters & _AZERBAIJANI_LETTERS:
        return Orthography.AZERBAIJANI
    if letters & _POLISH_LETTERS or any(d in w for w in words for d in _POLISH_DIGRAPHS):
        return Orthography.POLISH
    return Orthography.PLAIN


def clean_name(raw: str) -> CleanName:
    """Cut `raw` into tokens; raise InputError when it is empty or not a string.

    Names that cannot be compared (too long, no letters, a token mixing
    scripts) come back with `problem` set instead of raising, so a batch of
    pairs keeps going.
    """
    if not isinstance(raw, str) or not raw.strip():
        raise InputError("A name to match is empty.")
    if len(raw) > MAX_NAME_CHARS:
        return CleanName((), f"the name is longer than {MAX_NAME_CHARS} characters")
    words, _ = _words(_fold_case(raw))
    if not words:
        return CleanName((), "the name has no letters")
    tokens = []
    kept = _drop_patronymics(words)
    orthography = orthography_of([w for w, _ in words])
    for word, initial in kept:
        script = _token_script(word)
        if script is None:
            return CleanName((), f"the word {word!r} mixes letters of different scripts")
        tokens.append(RawToken(word, script, initial, orthography))
    if len(tokens) > MAX_TOKENS:
        return CleanName((), f"the name has more than {MAX_TOKENS} words")
    if all(t.initial for t in tokens):
        return CleanName((), "the name has only initials")
    return CleanName(tuple(tokens))
