"""Language data for the rule engine, loaded from one TOML file per language.

A lexicon is data, not code: adding a language means adding
`lexicons/<code>.toml`. Loading validates the file and compiles its patterns
once; a malformed file fails loudly with the section that is wrong.

Patterns are matched against `fold_case(text)` rather than with
re.IGNORECASE: case-insensitive matching defeats the regex engine's
literal-prefix search and made extraction several times slower. Patterns are
lower-cased on loading. Court and place patterns, where capitals matter, run
on the original text with their case kept.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from habeas.errors import LexiconError
from habeas.extract.keywords import (
    WORD_START,
    alternative_masks,
    compile_for_search,
    keyword_alternatives,
    mask_bit,
    needs_digit,
    required_keywords,
    text_mask,
    with_start_guard,
)
from habeas.model import EventType

FLAGS = re.UNICODE
WORD = r"[^\W\d_]"
NEVER = "(?!x)x"
_DIGIT = re.compile(r"\d")
_ANSWERS_LIMIT = 4096
# An exhausted iterator, shared: it stays empty whoever reads it.
_NOTHING: Iterator[re.Match[str]] = iter(())


def fold_case(text: str) -> str:
    """Lower case with offsets kept: every character maps to exactly one character.

    str.lower() turns only "İ" (U+0130) into two characters; it becomes "i".
    """
    return text.replace("İ", "I").lower()


def _lower_pattern(pattern: str) -> str:
    """A pattern's letters in lower case, leaving escapes (\\S, \\W) and (?P<…>) alone."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if pattern.startswith(("(?P<", "(?P="), i):
            end = pattern.find(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i : end + 1])
            i = end + 1
            continue
        out.append(c.lower())
        i += 1
    return "".join(out)


class WordPattern:
    """A compiled pattern, by default matched as whole words (no letter right before or after).

    The right edge is a lookahead inside the pattern; the left edge is checked
    here, because a leading lookbehind also defeats the literal-prefix search.
    A pattern without such a fast start gets the lookbehind in its `scan` copy
    (see keywords.WORD_START); the check here still runs for other scripts.
    """

    __slots__ = (
        "alternative_bits",
        "alternatives",
        "answers",
        "bit",
        "digit",
        "prefilter",
        "regex",
        "scan",
        "words",
    )

    def __init__(self, regex: re.Pattern[str], *, words: bool = True) -> None:
        self.words = words
        guarded = with_start_guard(regex.pattern, regex.flags)
        self.regex = re.compile(guarded, regex.flags) if guarded != regex.pattern else regex
        # finditer's own copy skips positions inside a word; `regex` stays as it
        # was, since callers match it at positions of their choosing.
        self.scan = (
            compile_for_search(regex.pattern, regex.flags, behind=WORD_START)
            if words
            else compile_for_search(regex.pattern, regex.flags)
        )
        keywords = required_keywords(regex.pattern, regex.flags)
        # One scan for "any of these literals" is cheaper than a loop of `in` tests.
        self.prefilter = (
            re.compile("|".join(re.escape(k) for k in sorted(keywords, key=len, reverse=True)))
            if keywords
            else None
        )
        self.bit = mask_bit(keywords) if self.prefilter is not None else 0
        # A pattern every match of which holds a digit skips the sentences without one.
        self.digit = needs_digit(regex.pattern, regex.flags)
        # Stronger, and only asked when the bit is there: see keywords.py.
        self.alternatives = (
            alternative_masks(keyword_alternatives(regex.pattern, regex.flags)) if self.bit else ()
        )
        self.alternative_bits = 0
        for need in self.alternatives:
            self.alternative_bits |= need
        self.answers: dict[int, bool] = {}

    def possible(self, text: str) -> bool:
        """False when `text` lacks every word the pattern needs (see keywords.py),
        or the digit it needs."""
        # The keyword bit rules out most patterns in most sentences, and costs
        # a dict lookup; the digit test is a regex scan, so it goes second.
        if self.bit:
            mask = text_mask(text)
            if not mask & self.bit:
                return False
            if self.digit and _DIGIT.search(text) is None:
                return False
            if not self.alternatives:
                return True
            # Only the bits of the alternatives' keywords matter, and few of them
            # occur together: the answer is kept per combination of those bits
            # (a pattern has up to hundreds of alternatives to try).
            present = mask & self.alternative_bits
            found = self.answers.get(present)
            if found is None:
                if len(self.answers) > _ANSWERS_LIMIT:
                    self.answers.clear()
                found = self.answers[present] = any(
                    present & need == need for need in self.alternatives
                )
            return found
        if self.digit and _DIGIT.search(text) is None:
            return False
        return self.prefilter is None or self.prefilter.search(text) is not None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        # Most calls are ruled out by `possible`: answering them without making
        # a generator is measurably cheaper, as a report makes hundreds of them.
        if not self.possible(text):
            return _NOTHING
        return self._scan(text)

    def _scan(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        search = self.scan.search
        while True:
            m = search(text, pos)
            if m is None:
                return
            start = m.start()
            if self.words and start and text[start - 1].isalpha():
                pos = start + 1
                continue
            yield m
            pos = m.end() if m.end() > start else start + 1

    def search(self, text: str) -> re.Match[str] | None:
        # As finditer, a pattern ruled out answers without making a generator;
        # so does a first hit at a word's start, which most are.
        if not self.possible(text):
            return None
        m = self.scan.search(text)
        if m is None or not self.words:
            return m
        start = m.start()
        if not start or not text[start - 1].isalpha():
            return m
        return next(self._scan(text, start + 1), None)

    def match(self, text: str) -> re.Match[str] | None:
        return self.regex.match(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.regex.fullmatch(text)


@lru_cache(maxsize=256)
def keyword_gate(regex: re.Pattern[str]) -> WordPattern:
    """The keyword test of a lexicon pattern kept as a plain regex (see
    WordPattern.possible): a sentence it rules out has no match of `regex`."""
    return WordPattern(regex, words=False)


@dataclass(frozen=True, slots=True)
class Trigger:
    type: EventType
    target: str  # "before", "after" or "near"
    regex: WordPattern
    # words right before a hit that make it no event of this type ("since the rally")
    not_after: re.Pattern[str] | None = None
    # a charge named as the ground of something else ("arrested on bribery
    # charges"): no event of its own when a court decision is told in the sentence
    ground: bool = False
    # an event only of a name told before it in its clause, never of a pronoun or
    # the story's last subject («Y — к пяти годам»: no name, no verdict)
    named: bool = False


@dataclass(frozen=True, slots=True)
class Role:
    name: str
    victim: bool
    regex: WordPattern


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    name: str
    months: tuple[tuple[WordPattern, int], ...]
    weekdays: tuple[tuple[WordPattern, int], ...]
    numbers: tuple[tuple[WordPattern, float], ...]
    num: str  # a regex fragment matching a number in digits or words
    fractions: tuple[tuple[WordPattern, float], ...]
    multipliers: tuple[tuple[WordPattern, float], ...]
    dates: dict[str, WordPattern]
    # fixed-date days by name ("International Women's Day" → 3, 8)
    holidays: tuple[tuple[WordPattern, int, int], ...]
    units: tuple[tuple[WordPattern, str, float], ...]
    unit: str  # a regex fragment matching any unit word
    currencies: tuple[tuple[WordPattern, str], ...]
    currency: str
    triggers: tuple[Trigger, ...]
    penalties: tuple[tuple[WordPattern, str], ...]
    penalty_defaults: dict[str, str]
    penalty_cues: tuple[tuple[WordPattern, str], ...]
    bare_term: WordPattern | None
    bare_pair: WordPattern | None  # "six and four years"
    # "X got 14 days and Y eight": a number that repeats the term before it
    bare_elided: WordPattern | None
    bare_term_for_name: re.Pattern[str] | None  # "14 days for X": the term before a name
    ill_treatment_details: tuple[tuple[WordPattern, str], ...]
    negation: re.Pattern[str] | None
    # Russian also negates after the verb («задержан не был»): matched at the trigger's end
    negation_after: re.Pattern[str] | None
    speech: WordPattern
    speaker_before: re.Pattern[str]  # "according to" right before a name
    speaker_inverted: re.Pattern[str]  # "…, said" right before a name that ends the clause
    roles: tuple[Role, ...]
    # All roles in one pattern, a named group each: one search instead of one per role.
    role_any: WordPattern
    role_victim: dict[str, bool]
    no_relation: re.Pattern[str]
    anaphora: dict[str, WordPattern]
    not_names: frozenset[str]
    charges: tuple[tuple[WordPattern, str], ...]
    codes: tuple[tuple[WordPattern, str], ...]
    article: re.Pattern[str] | None
    charge_label: re.Pattern[str] | None
    # "on charges of", "suspected of": the offence's name follows (or, with a
    # group `label`, is inside the match); it runs to `charge_frame_end` and
    # its conjuncts, split at `charge_split`, are one charge each.
    charge_frame: re.Pattern[str] | None
    charge_frame_end: re.Pattern[str] | None
    charge_split: re.Pattern[str] | None
    charge_lead: re.Pattern[str] | None  # words dropped from a label's start ("the")
    charge_not_start: re.Pattern[str] | None  # a time or a reason, not an offence
    charge_not_inside: re.Pattern[str] | None  # a clause ran on ("news reports said")
    charge_adjective: re.Pattern[str] | None  # "ethnic and religious hatred" is one
    authority: tuple[WordPattern, ...]
    place: tuple[WordPattern, ...]
    duration: tuple[WordPattern, ...]
    outcomes: tuple[tuple[WordPattern, str], ...]
    group_noun: WordPattern  # "41 people", "several activists"
    group_noun_end: re.Pattern[str]  # a group noun right before a trigger ("traders protesting")
    term_cue: WordPattern  # a unit, currency or penalty word: no penalty without one
    list_fillers: frozenset[str]
    clause_boundary: re.Pattern[str]
    relative_clause: re.Pattern[str] | None
    same_charge: re.Pattern[str] | None
    membership: re.Pattern[str] | None  # "among them", at the start of a sentence
    addressee: re.Pattern[str] | None  # "told (journalist)" right before a name
    subordinate: re.Pattern[str] | None  # "after", "before": a clause with its own time
    # Matched on "<words before a term>\0<words after it>": a term that is not the penalty.
    superseded_term: re.Pattern[str] | None
    respectively: re.Pattern[str] | None  # "six and four years respectively"
    subset: re.Pattern[str] | None  # "some of them": a part of a group, no one in particular
    # "all three", "the journalists", «всех задержанных»: the last named group,
    # with its size in group `n` when the reference gives one
    group_reference: re.Pattern[str] | None
    decision_words: re.Pattern[str] | None
    extra: dict[str, Any]


def _alternation(keys: list[str]) -> str:
    # Longest first, so "a hundred" wins over "a". A leading \b is dropped: word
    # patterns check the left edge themselves, and a leading assertion keeps the
    # regex engine from skipping quickly to where a match can start.
    return "|".join(
        f"(?:{k[2:] if k.startswith(chr(92) + 'b') else k})"
        for k in sorted(keys, key=len, reverse=True)
    )


def _compile(
    pattern: str, where: str, *, template: dict[str, str] | None = None, cased: bool = False
) -> re.Pattern[str]:
    if template:
        for key, value in template.items():
            pattern = pattern.replace("{" + key + "}", f"(?:{value})")
    try:
        # Most of these are searched for in sentences: see compile_for_search.
        return compile_for_search(pattern if cased else _lower_pattern(pattern), FLAGS)
    except re.error as exc:
        raise LexiconError(f"bad pattern in {where}: {exc}: {pattern!r}") from None


def _holiday(pattern: str, value: Any, source: str) -> tuple[WordPattern, int, int]:
    where = f"{source}: [holidays]"
    found = re.fullmatch(r"(\d{2})-(\d{2})", value) if isinstance(value, str) else None
    if found is None or not (1 <= int(found[1]) <= 12 and 1 <= int(found[2]) <= 31):
        raise LexiconError(f'{where}: {pattern!r} must map to a day as "MM-DD", not {value!r}')
    return _words(pattern, where), int(found[1]), int(found[2])


def _words(pattern: str, where: str, template: dict[str, str] | None = None) -> WordPattern:
    """A pattern matched as whole words (no letter directly before or after)."""
    return WordPattern(_compile(rf"(?:{pattern})(?!{WORD})", where, template=template))


def _table(data: dict[str, Any], section: str) -> dict[str, Any]:
    value = data.get(section, {})
    if not isinstance(value, dict):
        raise LexiconError(f"section [{section}] must be a table")
    return value


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where} must be a list of strings")
    return value


def parse_lexicon(data: dict[str, Any], *, source: str = "<lexicon>") -> Lexicon:
    """Validate and compile a lexicon read from TOML."""
    lang = data.get("lang")
    if not isinstance(lang, str) or not lang:
        raise LexiconError(f"{source}: 'lang' must be a language code")

    months = _table(data, "months")
    weekdays = _table(data, "weekdays")
    numbers = _table(data, "numbers")
    num = rf"\d+(?:[.,]\d+)?|{_alternation(list(numbers))}"
    tmpl = {
        "month": _alternation(list(months)) or "(?!x)x",
        "weekday": _alternation(list(weekdays)) or "(?!x)x",
        "num": num,
    }
    units = _table(data, "units")
    unit = _alternation(list(units))
    currencies = _table(data, "currencies")
    currency = _alternation(list(currencies))
    tmpl["unit"] = unit
    tmpl["currency"] = currency

    triggers: list[Trigger] = []
    for i, entry in enumerate(data.get("triggers", [])):
        where = f"{source}: triggers[{i}]"
        try:
            etype = EventType(entry.get("type"))
        except ValueError:
            raise LexiconError(f"{where}: unknown event type {entry.get('type')!r}") from None
        target = entry.get("target", "near")
        if target not in ("before", "after", "near"):
            raise LexiconError(f"{where}: target must be before, after or near")
        pats = _strings(entry.get("patterns"), f"{where}.patterns")
        before = _strings(entry.get("not_after", []), f"{where}.not_after")
        not_after = _compile(rf"(?:{_alternation(before)})$", where) if before else None
        ground = bool(entry.get("ground", False))
        regex = _words(_alternation(pats), where, tmpl)
        named = bool(entry.get("named", False))
        triggers.append(Trigger(etype, target, regex, not_after, ground, named))

    roles = []
    for name, spec in _table(data, "roles").items():
        pats = _strings(spec.get("patterns"), f"{source}: roles.{name}")
        roles.append(Role(name, bool(spec.get("victim", True)), _words(_alternation(pats), name)))

    def pairs(section: str) -> tuple[tuple[WordPattern, Any], ...]:
        return tuple(
            (_words(k, f"{source}: [{section}]", tmpl), v) for k, v in _table(data, section).items()
        )

    def patterns(section: str, *, cased: bool = False) -> tuple[WordPattern, ...]:
        # Matched anywhere (not as whole words), but with the keyword prefilter:
        # every sentence with an event asks for its court, place and duration.
        spec = _table(data, section)
        return tuple(
            WordPattern(
                _compile(p, f"{source}: [{section}]", template=tmpl, cased=cased), words=False
            )
            for p in _strings(spec.get("patterns", []), f"{source}: [{section}].patterns")
        )

    def one(section: str, key: str) -> re.Pattern[str] | None:
        value = _table(data, section).get(key)
        return _compile(value, f"{source}: [{section}].{key}", template=tmpl) if value else None

    neg = _table(data, "negation").get("before")
    neg_after = _table(data, "negation").get("after")
    extra = _table(data, "extra")
    groups = _strings(extra.get("group_nouns", []), f"{source}: extra.group_nouns")
    decision = _strings(extra.get("decision_words", []), f"{source}: extra.decision_words")

    def optional(key: str) -> re.Pattern[str] | None:
        value = extra.get(key)
        return _compile(value, f"{source}: extra.{key}") if value else None

    anaphora = {
        # An empty list must match nothing, not everything.
        k: _words(_alternation(_strings(v, f"{source}: anaphora.{k}")) or NEVER, k)
        for k, v in _table(data, "anaphora").items()
    }
    dates = {k: _words(v, f"{source}: dates.{k}", tmpl) for k, v in _table(data, "dates").items()}
    unit_rows = []
    for k, v in units.items():
        if not (isinstance(v, list) and len(v) == 2):
            raise LexiconError(f"{source}: units.{k} must be [unit, factor]")
        unit_rows.append((_words(k, "units"), str(v[0]), float(v[1])))

    return Lexicon(
        lang=lang,
        name=str(data.get("name", lang)),
        months=pairs("months"),
        weekdays=pairs("weekdays"),
        numbers=pairs("numbers"),
        num=num,
        fractions=pairs("fractions"),
        multipliers=pairs("multipliers"),
        dates=dates,
        holidays=tuple(_holiday(k, v, source) for k, v in _table(data, "holidays").items()),
        units=tuple(unit_rows),
        unit=unit,
        currencies=pairs("currencies"),
        currency=currency,
        triggers=tuple(triggers),
        penalties=tuple(
            (WordPattern(_compile(p, f"{source}: penalties", template=tmpl), words=False), kind)
            for kind, pats in _table(data, "penalties").items()
            for p in _strings(pats, f"{source}: penalties.{kind}")
        ),
        penalty_defaults={str(k): str(v) for k, v in _table(data, "penalty_defaults").items()},
        penalty_cues=pairs("penalty_cues"),
        bare_term=_words(_table(data, "bare_term")["pattern"], "bare_term", tmpl)
        if "pattern" in _table(data, "bare_term")
        else None,
        bare_pair=_words(_table(data, "bare_term")["pair"], "bare_term.pair", tmpl)
        if "pair" in _table(data, "bare_term")
        else None,
        bare_elided=_words(_table(data, "bare_term")["elided"], "bare_term.elided", tmpl)
        if "elided" in _table(data, "bare_term")
        else None,
        bare_term_for_name=_compile(_table(data, "bare_term")["term_for_name"], "bare_term.for")
        if "term_for_name" in _table(data, "bare_term")
        else None,
        ill_treatment_details=pairs("ill_treatment_details"),
        negation=_compile(rf"(?:{_alternation(_strings(neg, 'negation'))})$", "negation")
        if neg
        else None,
        negation_after=_compile(
            rf"(?:{_alternation(_strings(neg_after, 'negation.after'))})", "negation.after"
        )
        if neg_after
        else None,
        speech=_words(
            _alternation(_strings(_table(data, "speech").get("patterns", []), "speech")), "speech"
        ),
        speaker_before=_compile(
            rf"(?:{_table(data, 'speech').get('before_name') or NEVER})\s*$", "speech.before_name"
        ),
        speaker_inverted=_compile(
            rf"(?<!{WORD})(?:{_table(data, 'speech').get('inverted') or NEVER})\s*$",
            "speech.inverted",
        ),
        roles=tuple(roles),
        role_any=WordPattern(
            _compile(
                "|".join(f"(?P<r{i}>{r.regex.regex.pattern})" for i, r in enumerate(roles))
                or NEVER,
                "roles",
            )
        ),
        role_victim={r.name: r.victim for r in roles},
        no_relation=_compile(
            _alternation(_strings(_table(data, "no_relation").get("patterns", []), "no_relation"))
            or NEVER,
            "no_relation",
        ),
        anaphora=anaphora,
        not_names=frozenset(
            w.casefold() for w in _strings(_table(data, "not_names").get("words", []), "not_names")
        ),
        charges=pairs("charge_labels"),
        codes=pairs("codes"),
        article=one("charges", "article"),
        charge_label=one("charges", "label"),
        charge_frame=one("charges", "frame"),
        charge_frame_end=one("charges", "frame_end"),
        charge_split=one("charges", "split"),
        charge_lead=one("charges", "lead"),
        charge_not_start=one("charges", "not_start"),
        charge_not_inside=one("charges", "not_inside"),
        charge_adjective=one("charges", "adjective"),
        # Court and place names are told apart by their capitals: case matters.
        authority=patterns("authority", cased=True),
        place=patterns("place", cased=True),
        duration=patterns("duration"),
        outcomes=pairs("outcomes"),
        term_cue=_words(
            _alternation([unit, currency, *_table(data, "penalty_cues")]), "penalty prefilter", tmpl
        ),
        group_noun=_words(
            # not a possessive: "International Women's Day" is no group
            rf"(?:{num}|several|many|dozens|hundreds|some|other|\w+)\s+(?:{_alternation(groups)})(?!['’])"
            if groups
            else NEVER,
            "extra.group_nouns",
        ),
        group_noun_end=_compile(
            rf"(?<!{WORD})(?:{_alternation(groups)})\s+(?:(?:were|was|are|is|have|had|been)\s+)?$"
            if groups
            else NEVER,
            "extra.group_nouns",
        ),
        list_fillers=frozenset(w.casefold() for w in _strings(extra.get("list_fillers", []), "x")),
        clause_boundary=_compile(
            extra.get("clause_boundary") or r";|\s[—–]\s", "extra.clause_boundary"
        ),
        relative_clause=optional("relative_clause"),
        same_charge=optional("same_charge"),
        membership=optional("membership"),
        addressee=optional("addressee"),
        subordinate=optional("subordinate"),
        superseded_term=optional("superseded_term"),
        respectively=optional("respectively"),
        subset=_compile(extra["subset"], "extra.subset", template=tmpl)
        if extra.get("subset")
        else None,
        group_reference=_compile(extra["group_reference"], "extra.group_reference", template=tmpl)
        if extra.get("group_reference")
        else None,
        decision_words=_compile(_alternation(decision), "extra.decision_words")
        if decision
        else None,
        extra=extra,
    )


@cache
def load_lexicon(lang: str) -> Lexicon:
    """The bundled lexicon for a language code ("en", "ru", "az"), compiled once per process."""
    try:
        files = resources.files("habeas.extract.lexicons")
        raw = files.joinpath(f"{lang}.toml").read_text("utf-8")
    except FileNotFoundError:
        raise LexiconError(f"no lexicon for language {lang!r}") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"lexicons/{lang}.toml is not valid TOML: {exc}") from None
    return parse_lexicon(data, source=f"lexicons/{lang}.toml")


def role_of(lex: Lexicon, match: re.Match[str]) -> str:
    """The role a match of `lex.role_any` stands for."""
    return lex.roles[int((match.lastgroup or "r0")[1:])].name


def is_role_word(lex: Lexicon, word: str) -> bool:
    return lex.role_any.fullmatch(word) is not None
