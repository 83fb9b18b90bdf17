"""Literal words a pattern cannot match without, to skip it cheaply.

A regular expression whose match must contain one of a few literal strings
("detain", "arrest", "custody") need not run on a sentence that contains none
of them: `str.__contains__` is far cheaper than a regex scan, and most
sentences of a report carry no event. The strings are read off the compiled
pattern's parse tree, so lexicon authors write patterns as they like and the
prefilter stays correct by construction.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Collection
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


# A run of literal pieces ("ма[йяеюём]", "дн(?:я|ей|ень)") is spelled out
# while it has at most this many spellings: "мая" is a keyword where "ма" is
# too short to be one.
_SPELLINGS = 32


def _spellings(op: Any, av: Any) -> frozenset[str] | None:
    """Every string a match of one item can be, when there are few: a literal,
    a small class of literals, or groups and alternations of those. Zero-width
    items spell the empty string; None for anything else."""
    if op is c.LITERAL:
        return frozenset([_literal(av)])
    if op is c.IN:
        if not all(iop is c.LITERAL for iop, _ in av) or len(av) > _SPELLINGS:
            return None
        return frozenset(_literal(iav) for _, iav in av)
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return frozenset([""])
    if op is c.SUBPATTERN:
        return _sequence_spellings(av[-1])
    if op is c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            spelled = _sequence_spellings(alt)
            if spelled is None:
                return None
            out |= spelled
        return frozenset(out) if len(out) <= _SPELLINGS else None
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[1] <= 2:
        inner = _sequence_spellings(av[2])
        if inner is None:
            return None
        once = frozenset([""])
        out = set(once) if av[0] == 0 else set()
        for times in range(1, av[1] + 1):
            once = frozenset(a + b for a in once for b in inner)
            if times >= av[0]:
                out |= once
        return frozenset(out) if len(out) <= _SPELLINGS else None
    return None


def _sequence_spellings(items: Any) -> frozenset[str] | None:
    out = frozenset([""])
    for op, av in items:
        spelled = _spellings(op, av)
        if spelled is None:
            return None
        out = frozenset(a + b for a in out for b in spelled)
        if len(out) > _SPELLINGS:
            return None
    return out


def _fewest(keywords: frozenset[str]) -> frozenset[str]:
    """The same test with fewer keywords: a text holding "september" holds "sep"."""
    return frozenset(k for k in keywords if not any(o != k and o in k for o in keywords))


def _requirement(items: Any) -> frozenset[str] | None:
    """A set of strings one of which every match of `items` (a sequence) contains."""
    candidates: list[frozenset[str]] = []
    run = frozenset([""])  # the spellings of the items since the last unspellable one

    def end_run() -> None:
        nonlocal run
        if run != {""}:
            candidates.append(_fewest(run))
        run = frozenset([""])

    for op, av in items:
        spelled = _spellings(op, av)
        if spelled is not None:
            grown = frozenset(a + b for a in run for b in spelled)
            if len(grown) > _SPELLINGS:
                end_run()
                grown = spelled
            run = grown
            continue
        end_run()
        if op is c.SUBPATTERN:
            req = _requirement(av[-1])
            if req is not None:
                candidates.append(req)
        elif op is c.BRANCH:
            alternatives = [_requirement(alt) for alt in av[1]]
            if all(a is not None for a in alternatives):
                candidates.append(_fewest(frozenset().union(*alternatives)))  # type: ignore[arg-type]
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


# A lexicon pattern is read by several of the functions here, and then by
# re.compile twice (its plain and its word-start copy): a pattern is parsed
# once for the functions here, which only read the tree.
@functools.lru_cache(maxsize=1024)
def _parse(pattern: str, flags: int) -> Any:
    """The parse tree (a sequence of items); None when re's parser is not there or
    fails, or when some part ignores case: its literals are then no keywords."""
    if sre_parse is None or flags & re.IGNORECASE or _CASELESS.search(pattern):
        return None
    try:
        return sre_parse.parse(pattern, flags)
    except Exception:
        return None


# An inline flag group that turns case-insensitivity on: "(?i)", "(?i:", "(?si-x:".
_CASELESS = re.compile(r"\(\?[aLmsux]*i[aLmsux]*(?:-[imsx]+)?[:)]")


def required_keywords(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` contains; None when unknown."""
    tree = _parse(pattern, flags)
    req = _requirement(tree) if tree is not None else None
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
    tree = _parse(pattern, flags)
    if tree is None:
        return None
    try:
        f, nullable = _first(tree)
    except Exception:
        return None
    return f if f and not nullable else None


def _digit_item(op: Any, av: Any) -> bool:
    if op is c.LITERAL:
        return chr(av).isdecimal()  # what \d matches
    if op is c.IN:
        return bool(av) and all(
            (iop is c.LITERAL and chr(iav).isdecimal())
            or (iop is c.RANGE and ord("0") <= iav[0] <= iav[1] <= ord("9"))
            or (iop is c.CATEGORY and iav is c.CATEGORY_DIGIT)
            for iop, iav in av
        )
    if op is c.SUBPATTERN:
        return _digit_sequence(av[-1])
    if op is c.BRANCH:
        return all(_digit_sequence(alt) for alt in av[1])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        return bool(av[0] >= 1 and _digit_sequence(av[2]))
    return False  # lookarounds and the rest: not counted on


def _digit_sequence(items: Any) -> bool:
    return any(_digit_item(op, av) for op, av in items)


def needs_digit(pattern: str, flags: int = 0) -> bool:
    """Whether every match of `pattern` holds a digit ("(\\d{1,2}) марта", a year).

    Such patterns have no keyword of letters to be skipped by, and sentences
    without a digit are most of a report.
    """
    tree = _parse(pattern, flags)
    if tree is None:
        return False
    try:
        return _digit_sequence(tree)
    except Exception:
        return False


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


def compile_for_search(pattern: str, flags: int = 0, *, behind: str = "") -> re.Pattern[str]:
    """`pattern` (after `behind`, as `with_start_guard` puts it) compiled for
    scanning a text with search or finditer.

    A lookahead guard still costs a call into the matcher at every position of
    the text. The regex engine has a cheaper way, which it takes by itself for
    a pattern that starts with a character class: the set of characters a match
    can start with, kept in the compiled pattern's info block, which the search
    loop tests before it tries a position. Here that set is put there for any
    pattern whose first characters are known. The matches are the same as the
    guarded pattern's; where re's internals are not as expected, it is the
    guarded pattern. A pattern that starts with a literal keeps `behind` too
    when its first characters are known: "he" inside "the" then fails in the
    regex engine instead of being found and thrown away by the caller.
    """
    fast = _has_fast_start(pattern, flags)
    if fast and not behind:
        return re.compile(pattern, flags)
    chars = first_characters(pattern, flags)
    if chars:
        compiled = _with_start_set(f"{behind}(?:{pattern})" if behind else pattern, flags, chars)
        if compiled is not None:
            return compiled
    if fast:
        return re.compile(pattern, flags)
    return re.compile(with_start_guard(pattern, flags, behind=behind), flags)


def _with_start_set(pattern: str, flags: int, chars: frozenset[str]) -> re.Pattern[str] | None:
    """`pattern` compiled as re.compile does, with `chars` as the info block's start set."""
    try:
        import _sre
        from re import _compiler  # type: ignore[attr-defined]

        tree = sre_parse.parse(pattern, flags)
        low, high = tree.getwidth()
        if low == 0:
            return None  # a match may be empty: it starts with no character
        flags = tree.state.flags | flags
        # The info block is read off the pattern's first item: a pattern that
        # starts with the class of `chars`, as wide as this one, gives it.
        start = sre_parse.SubPattern(
            tree.state, [(c.IN, [(c.LITERAL, ord(ch)) for ch in sorted(chars)])]
        )
        start.width = (low, high)
        code: list[int] = []
        _compiler._compile_info(code, start, flags)
        if code[0] != _compiler.INFO or not code[2] & _compiler.SRE_INFO_CHARSET:
            return None
        _compiler._compile(code, tree.data, flags)
        code.append(_compiler.SUCCESS)
        indexgroup: list[str | None] = [None] * tree.state.groups
        for name, index in tree.state.groupdict.items():
            indexgroup[index] = name
        compiled: re.Pattern[str] = _sre.compile(
            pattern, flags, code, tree.state.groups - 1, tree.state.groupdict, tuple(indexgroup)
        )
        return compiled
    except Exception:
        return None


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


@functools.lru_cache(maxsize=1024)
def _has_fast_start(pattern: str, flags: int) -> bool:
    """Whether the compiled pattern already starts with a literal or character set."""
    try:
        from re import _compiler  # type: ignore[attr-defined]

        code = _compiler._code(_parse(pattern, flags), flags)
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
# A run of letters longer than any word is not looked up piece by piece (that
# costs its length times the keyword lengths): the text then rules nothing out.
_LONG_WORD = 64
# Texts are kept until they hold this many characters in all: a report's
# sentences are asked about in several passes, and whole reports can be long.
_TEXT_CACHE_CHARS = 1_000_000


class _MaskTable:
    """Letter-only keywords and the bits of the keyword sets that hold them.

    A table is never changed once built: registering keywords drops it and the
    next lookup takes a new one, so a lookup racing a lexicon load in another
    thread sees a whole table, which has the bits of every pattern made before.
    """

    __slots__ = ("bits", "lengths", "text_chars", "texts", "tokens", "words")

    def __init__(self, bits: dict[str, int]) -> None:
        self.bits = bits
        self.lengths = sorted({len(k) for k in bits})
        self.words: dict[str, int] = {}
        self.tokens: dict[str, int] = {}
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

    def token_mask(self, token: str) -> int:
        mask = 0
        words = self.words
        for word in _LETTERS.findall(token):
            if len(word) > _LONG_WORD:
                return -1  # every bit: no pattern is ruled out
            m = words.get(word)
            if m is None:
                if len(words) > _CACHE_LIMIT:
                    words.clear()
                m = words[word] = self.word_mask(word)
            mask |= m
        return mask

    def text_mask(self, text: str) -> int:
        # A run of letters never holds a space, so it lies inside one of the
        # text's tokens between spaces: the text's mask is that of its tokens,
        # kept per token ("detained,", "(police"). str.split is several times
        # cheaper than finding the runs of letters of the whole text.
        mask = 0
        tokens = self.tokens
        for token in text.split():
            m = tokens.get(token)
            if m is None:
                if len(tokens) > _CACHE_LIMIT:
                    tokens.clear()
                m = tokens[token] = self.token_mask(token)
            mask |= m
        if self.text_chars > _TEXT_CACHE_CHARS:
            self.texts.clear()
            self.text_chars = 0
        self.texts[text] = mask
        self.text_chars += len(text)
        return mask


# Every keyword set registered so far, with its bit, and the keywords' bits.
# Registering only adds to these (a lexicon registers hundreds of patterns);
# the table for lookups is copied from them when one is next needed.
_LOCK = threading.Lock()
_SETS: dict[frozenset[str], int] = {}
_BITS: dict[str, int] = {}
_TABLE: _MaskTable | None = None


def _letter_run(keyword: str) -> str | None:
    """The keyword itself when it is all letters, else its longest run of letters
    (None when that run is too short to be worth a lookup)."""
    runs = _LETTERS.findall(keyword)
    best = max(runs, key=len, default="")
    return best if len(best) >= MIN_LENGTH or best == keyword else None


def _register(sets: list[frozenset[str]]) -> list[int]:
    """The bit of each set of letter runs; a new set gets the next bit."""
    global _TABLE
    out = []
    with _LOCK:
        for keywords in sets:
            bit = _SETS.get(keywords)
            if bit is None:
                bit = _SETS[keywords] = 1 << len(_SETS)
                for k in keywords:
                    _BITS[k] = _BITS.get(k, 0) | bit
            out.append(bit)
        _TABLE = None
    return out


def _table() -> _MaskTable:
    global _TABLE
    with _LOCK:
        if _TABLE is None:
            _TABLE = _MaskTable(dict(_BITS))
        return _TABLE


def _runs(keywords: Collection[str]) -> frozenset[str] | None:
    runs = [r for k in keywords if (r := _letter_run(k)) is not None]
    return frozenset(runs) if runs and len(runs) == len(keywords) else None


def mask_bit(keywords: tuple[str, ...] | None) -> int:
    """A pattern's bit, its keywords entered in the table; 0 when a keyword has
    no run of letters to stand for it (the pattern keeps its regex prefilter)."""
    runs = _runs(keywords or ())
    return _register([runs])[0] if runs else 0


def alternative_masks(alternatives: list[Conjunction] | None) -> tuple[int, ...]:
    """Each alternative as the bits of its keyword sets, all of which a text
    must have; () when some alternative needs nothing the table can hold."""
    conjunctions = []
    for conj in alternatives or ():
        # A set the table cannot hold is left out: the test only gets weaker.
        sets = [runs for s in sorted(conj, key=sorted) if (runs := _runs(s)) is not None]
        if not sets:
            return ()
        conjunctions.append(sets)
    flat = _register([s for sets in conjunctions for s in sets])
    out, i = [], 0
    for sets in conjunctions:
        need = 0
        for bit in flat[i : i + len(sets)]:
            need |= bit
        out.append(need)
        i += len(sets)
    return tuple(dict.fromkeys(out))


def text_mask(text: str) -> int:
    """The bits of the patterns whose keywords (or their letter runs) `text` holds."""
    table = _TABLE or _table()
    mask = table.texts.get(text)
    return table.text_mask(text) if mask is None else mask


def forget_texts() -> None:
    """Empty the masks kept per text (the benchmark's cold passes; see bench_extract)."""
    table = _TABLE
    if table is not None:
        table.texts.clear()
        table.text_chars = 0


# ---------------------------------------------------------------- alternatives
#
# One set of keywords per pattern is a weak test for a pattern that joins many
# phrasings ("was detained", "police took … away", "bundled into a car"): any
# sentence with "police" or "was…" passes. So the pattern is also read as
# alternatives, each a group of keywords that must all occur ("bundled" and
# "car"), one alternative per branch of its alternations.

#: a conjunction: every one of its keyword sets has a keyword in the match
Conjunction = frozenset[frozenset[str]]
_MAX_ALTERNATIVES = 256


def _selectivity(keywords: frozenset[str]) -> tuple[int, int]:
    return min(len(k) for k in keywords), -len(keywords)


def _collapse(alternatives: list[Conjunction]) -> list[Conjunction]:
    """One conjunction implied by any of `alternatives`: each one's best set, joined."""
    if not all(alternatives):
        return [frozenset()]
    joined = frozenset().union(*(max(a, key=_selectivity) for a in alternatives))
    return [frozenset([joined])]


def _bounded(alternatives: list[Conjunction]) -> list[Conjunction]:
    unique = list(dict.fromkeys(alternatives))
    return unique if len(unique) <= _MAX_ALTERNATIVES else _collapse(unique)


def _both(a: list[Conjunction], b: list[Conjunction]) -> list[Conjunction]:
    return _bounded([x | y for x in a for y in b])


def _alternatives(items: Any) -> list[Conjunction]:
    """Conjunctions one of which every match of `items` (a sequence) satisfies."""
    out: list[Conjunction] = [frozenset()]
    run: list[str] = []

    def end_run() -> list[Conjunction]:
        word = "".join(run)
        run.clear()
        return _both(out, [frozenset([frozenset([word])])]) if len(word) >= MIN_LENGTH else out

    for op, av in items:
        if op is c.LITERAL:
            run.append(_literal(av))
            continue
        out = end_run()
        if op is c.SUBPATTERN:
            out = _both(out, _alternatives(av[-1]))
        elif op is c.BRANCH:
            branches = [conj for alt in av[1] for conj in _alternatives(alt)]
            if all(branches):  # a branch that needs nothing makes the whole need nothing
                out = _both(out, _bounded(branches))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            out = _both(out, _alternatives(av[2]))
    return end_run()


def keyword_alternatives(pattern: str, flags: int = 0) -> list[Conjunction] | None:
    """Conjunctions of keyword sets one of which every match of `pattern`
    satisfies; None when some match may need no keyword at all."""
    tree = _parse(pattern, flags)
    found = _alternatives(tree) if tree is not None else None
    return found if found and all(found) else None
