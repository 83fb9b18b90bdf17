"""Numbers written in digits or words ("30", "7,5", "eight and a half", "трём", "dörd")."""

from __future__ import annotations

import re

from habeas.extract.lexicon import Lexicon

_DIGITS = re.compile(r"^\d+(?:[.,]\d+)?$")
_GROUPED = re.compile(r"^\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+$")


def parse_number(text: str, lex: Lexicon) -> float | None:
    """A term length or a count: "30", "7,5", "eight and a half", "twenty-five"."""
    s = " ".join(text.strip().lower().split())
    if not s:
        return None
    fraction = 0.0
    for pattern, value in lex.fractions:
        m = pattern.search(s)
        if m:
            fraction = float(value)
            s = (s[: m.start()] + s[m.end() :]).strip()
            break
    if _DIGITS.match(s):
        return float(s.replace(",", ".")) + fraction
    total = 0.0
    for part in re.split(r"[\s-]+", s):
        word = _word(part, lex)
        if word is None:
            # "twenty five" is two words; anything else unknown is not a number.
            return None
        total += word
    return total + fraction if s else None


# The value of each word asked about, per lexicon's number words (kept alive here,
# so its id is not reused): the same words recur, and trying every number
# pattern on a word that is none was most of the cost.
_WORDS: dict[int, tuple[object, dict[str, float | None]]] = {}
_WORDS_LIMIT = 20_000


def _word(word: str, lex: Lexicon) -> float | None:
    entry = _WORDS.get(id(lex.numbers))
    if entry is None or entry[0] is not lex.numbers:
        entry = _WORDS[id(lex.numbers)] = (lex.numbers, {})
    known = entry[1]
    if word in known:
        return known[word]
    if len(known) > _WORDS_LIMIT:
        known.clear()
    value = known[word] = _word_value(word, lex)
    return value


def _word_value(word: str, lex: Lexicon) -> float | None:
    if _DIGITS.match(word):
        return float(word.replace(",", "."))
    for pattern, value in lex.numbers:
        if pattern.fullmatch(word):
            return float(value)
    return None


def parse_amount(text: str, lex: Lexicon, *, multiplier: str | None = None) -> float | None:
    """A sum of money: "5,000", "150 000", "1.500", "40" with "тысяч", "300"."""
    s = text.strip()
    if _GROUPED.match(s):
        value: float | None = float(re.sub(r"\D", "", s))
    else:
        value = parse_number(s, lex)
    if value is None:
        return None
    if multiplier:
        for pattern, factor in lex.multipliers:
            if pattern.fullmatch(multiplier.strip()):
                value *= float(factor)
                break
    return value
