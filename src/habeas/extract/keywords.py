"""Literal words a pattern cannot match without, to skip it cheaply.

A regular expression whose match must contain one of a few literal strings
("detain", "arrest", "custody") need not run on a sentence that contains none
of them: `str.__contains__` is far cheaper than a regex scan, and most
sentences of a report carry no event. The strings are read off the compiled
pattern's parse tree, so lexicon authors write patterns as they like and the
prefilter stays correct by construction.
"""

from __future__ import annotations

import re
from typing import Any

# re's parser is private API, stable in substance across CPython 3.11–3.13; if
# it changes, `required_keywords` returns None and patterns simply always run.
try:
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    sre_parse = None
    c = None

MIN_LENGTH = 3


def _literal(code: int) -> str:
    return chr(code)


def _requirement(items: Any) -> frozenset[str] | None:
    """A set of strings one of which every match of `items` (a sequence) contains."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is c.LITERAL:
            run.append(_literal(av))
            continue
        end_run()
        if op is c.SUBPATTERN:
            req = _requirement(av[-1])
            if req is not None:
                candidates.append(req)
        elif op is c.BRANCH:
            alternatives = [_requirement(alt) for alt in av[1]]
            if all(a is not None for a in alternatives):
                candidates.append(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            req = _requirement(av[2])
            if req is not None:
                candidates.append(req)
    end_run()
    good = [s for s in candidates if s and min(len(x) for x in s) >= MIN_LENGTH]
    if not good:
        return None
    # The most selective: longest shortest keyword, then fewest keywords.
    return max(good, key=lambda s: (min(len(x) for x in s), -len(s)))


def required_keywords(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` contains; None when unknown."""
    if sre_parse is None:
        return None
    try:
        tree = sre_parse.parse(pattern, flags)
    except Exception:
        return None
    req = _requirement(list(tree))
    return tuple(sorted(req)) if req else None


_WHITESPACE = frozenset(" \t\n\r\f\v\u00a0\u2009\u202f")
_DIGITS = frozenset("0123456789")


def _first(items: Any) -> tuple[frozenset[str] | None, bool]:
    """The characters a match of `items` can start with, and whether it can be empty."""
    chars: set[str] = set()
    for op, av in items:
        f, nullable = _first_item(op, av)
        if f is None:
            return None, False
        chars |= f
        if not nullable:
            return frozenset(chars), False
    return frozenset(chars), True


def _first_item(op: Any, av: Any) -> tuple[frozenset[str] | None, bool]:
    if op is c.LITERAL:
        return frozenset([chr(av)]), False
    if op is c.IN:
        out: set[str] = set()
        for iop, iav in av:
            if iop is c.LITERAL:
                out.add(chr(iav))
            elif iop is c.RANGE and iav[1] - iav[0] < 200:
                out.update(chr(x) for x in range(iav[0], iav[1] + 1))
            elif iop is c.CATEGORY and iav is c.CATEGORY_SPACE:
                out |= _WHITESPACE
            elif iop is c.CATEGORY and iav is c.CATEGORY_DIGIT:
                out |= _DIGITS
            else:
                return None, False
        return frozenset(out), False
    if op is c.SUBPATTERN:
        return _first(av[-1])
    if op is c.BRANCH:
        chars: set[str] = set()
        nullable = False
        for alt in av[1]:
            f, n = _first(alt)
            if f is None:
                return None, False
            chars |= f
            nullable = nullable or n
        return frozenset(chars), nullable
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        f, n = _first(av[2])
        return f, n or av[0] == 0
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return frozenset(), True  # zero width
    return None, False


def first_characters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters every match of `pattern` starts with; None when any may."""
    if sre_parse is None:
        return None
    try:
        f, nullable = _first(list(sre_parse.parse(pattern, flags)))
    except Exception:
        return None
    return f if f and not nullable else None


def with_start_guard(pattern: str, flags: int = 0, *, behind: str = "") -> str:
    """`pattern` behind a lookahead for its possible first characters.

    The regex engine skips ahead quickly only for patterns that start with a
    literal or a character class; an alternation of groups ("(?:was|were)\\s+…")
    makes it try every branch at every position. A leading `(?=[…])` makes a
    position that cannot start a match fail at the first test. `behind`, a
    lookbehind, is put after it, for the same reason: see `WORD_START`.
    """
    if _has_fast_start(pattern, flags):
        return pattern
    chars = first_characters(pattern, flags)
    if not chars or len(chars) > 40:
        return f"{behind}(?:{pattern})" if behind else pattern
    cls = "".join(sorted(re.escape(ch) for ch in chars))
    return f"(?=[{cls}]){behind}(?:{pattern})"


def _letter_ranges() -> str:
    """The letters (str.isalpha) below U+0800 (Latin, Greek, Cyrillic, …) and of
    U+1E00–U+1FFF (Vietnamese, polytonic Greek), as character class ranges."""
    runs: list[tuple[int, int]] = []
    for code in (*range(0x0800), *range(0x1E00, 0x2000)):
        if not chr(code).isalpha():
            continue
        if runs and runs[-1][1] == code - 1:
            runs[-1] = (runs[-1][0], code)
        else:
            runs.append((code, code))
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in runs)


# A match of a whole-word pattern must not start right after a letter. Said in
# the pattern, a position inside a word fails at once instead of after every
# branch was tried, and most positions of a text are inside words. Only
# letters of the scripts the lexicons are written in are listed: each of them
# is a letter to str.isalpha(), so the lookbehind never refuses a position the
# caller's own isalpha() test would accept, and that test still catches the
# letters of other scripts.
WORD_START = f"(?<![{_letter_ranges()}])"


def _has_fast_start(pattern: str, flags: int) -> bool:
    """Whether the compiled pattern already starts with a literal or character set."""
    try:
        from re import _compiler  # type: ignore[attr-defined]

        code = _compiler._code(sre_parse.parse(pattern, flags), flags)
        # An INFO block's third word holds SRE_INFO_PREFIX (1), LITERAL (2), CHARSET (4).
        return bool(code[0] == _compiler.INFO and code[2] & 0b111)
    except Exception:
        return False


# ---------------------------------------------------------------- keyword masks
#
# Testing a pattern's keywords with its own small regex costs one scan of the
# sentence per pattern, and a sentence is asked about by some forty patterns
# (triggers, dates, penalties, charges). Most keywords are plain words or parts
# of words, so instead every word of a sentence is looked up once, in a table
# of which patterns have a keyword inside that word, and the sentence's bits
# are kept for all the patterns that ask next. A keyword of letters only lies
# inside one run of letters of the text, so "some keyword of the pattern
# occurs in the text" and "the pattern's bit is in the mask" are the same test.
# A keyword with other characters ("sit-in") stands in the table by its
# longest run of letters: a text holding the keyword holds that run too.

_LETTERS = re.compile(r"[^\W\d_]+")
_CACHE_LIMIT = 20_000  # words
# Texts are kept until they hold this many characters in all: a report's
# sentences are asked about in several passes, and whole reports can be long.
_TEXT_CACHE_CHARS = 1_000_000


class _MaskTable:
    """Letter-only keywords and the bits of the patterns that need them.

    A table is never changed once built: registering a pattern makes a new one,
    so a lookup racing a lexicon load in another thread sees a whole table.
    """

    __slots__ = ("bits", "lengths", "nbits", "text_chars", "texts", "words")

    def __init__(self, bits: dict[str, int], nbits: int) -> None:
        self.bits = bits
        self.nbits = nbits
        self.lengths = sorted({len(k) for k in bits})
        self.words: dict[str, int] = {}
        self.texts: dict[str, int] = {}
        self.text_chars = 0

    def word_mask(self, word: str) -> int:
        mask = 0
        bits = self.bits
        n = len(word)
        for size in self.lengths:
            if size > n:
                break
            for i in range(n - size + 1):
                found = bits.get(word[i : i + size])
                if found:
                    mask |= found
        return mask

    def text_mask(self, text: str) -> int:
        mask = 0
        words = self.words
        for word in _LETTERS.findall(text):
            m = words.get(word)
            if m is None:
                if len(words) > _CACHE_LIMIT:
                    words.clear()
                m = words[word] = self.word_mask(word)
            mask |= m
        if self.text_chars > _TEXT_CACHE_CHARS:
            self.texts.clear()
            self.text_chars = 0
        self.texts[text] = mask
        self.text_chars += len(text)
        return mask


_TABLE = _MaskTable({}, 0)


def _letter_run(keyword: str) -> str | None:
    """The keyword itself when it is all letters, else its longest run of letters
    (None when that run is too short to be worth a lookup)."""
    runs = _LETTERS.findall(keyword)
    best = max(runs, key=len, default="")
    return best if len(best) >= MIN_LENGTH or best == keyword else None


def mask_bit(keywords: tuple[str, ...] | None) -> int:
    """A new pattern's bit, its keywords entered in the table; 0 when a keyword
    has no run of letters to stand for it (the pattern keeps its regex prefilter).

    Every bit is below the current table's `nbits`, since a table only grows."""
    global _TABLE
    runs = [r for k in keywords or () if (r := _letter_run(k)) is not None]
    if not keywords or len(runs) != len(keywords):
        return 0
    table = _TABLE
    bit = 1 << table.nbits
    bits = dict(table.bits)
    for k in runs:
        bits[k] = bits.get(k, 0) | bit
    _TABLE = _MaskTable(bits, table.nbits + 1)
    return bit


def text_mask(text: str) -> int:
    """The bits of the patterns whose keywords (or their letter runs) `text` holds."""
    table = _TABLE
    mask = table.texts.get(text)
    return table.text_mask(text) if mask is None else mask
