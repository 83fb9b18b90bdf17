"""Date expressions in a sentence, and how to resolve them.

A small grammar per language (from the lexicon) instead of a general date
parser: general parsers read ages as years and "30 days" as a date, and anchor
"two days later" on the publication date rather than on the event before.

Resolution happens in two steps: `find_dates` says what a phrase means
("the Tuesday before publication", "two days after the previous event",
"8 March of an unknown year"); `resolve` turns that into a `PartialDate` given
the publication date and the date of the event told just before.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum

from habeas.extract.keywords import text_mask
from habeas.extract.lexicon import Lexicon, WordPattern
from habeas.extract.numbers import parse_number
from habeas.model import PartialDate


class DateKind(Enum):
    ABSOLUTE = "absolute"  # day, month and maybe year given
    MONTH = "month"  # a month (and maybe year) only
    YEAR = "year"
    WEEKDAY = "weekday"  # the last such weekday before publication
    YESTERDAY = "yesterday"
    TODAY = "today"
    # "səhər saatlarında" (in the morning hours): the hour of the day told last,
    # or, when no day was told, of the day of publication
    PART_OF_DAY = "part_of_day"
    SAME_DAY = "same_day"  # the day of the event before
    NEXT_DAY = "next_day"
    DAYS_LATER = "days_later"
    DAYS_AGO = "days_ago"
    # "three days earlier": before the date told last, not before publication
    DAYS_EARLIER = "days_earlier"
    # «накануне» (on the eve): the day before the day told last, or, when none
    # was, before publication
    EVE = "eve"
    LAST_WEEK = "last_week"
    # "the day after his arrest": the day after the detention told last
    DAY_AFTER_ARREST = "day_after_arrest"
    THIS_MONTH = "this_month"  # the month of publication
    LAST_MONTH = "last_month"  # the month before it
    # qualify a year-less date (see _join_year_word)
    LAST_YEAR = "last_year"
    THIS_YEAR = "this_year"


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    kind: DateKind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    offset: int = 0  # days, for DAYS_LATER / DAYS_AGO; weekday number for WEEKDAY
    # "last Friday" (not "on Friday"): in a Friday report, a week before
    past: bool = False
    # "in March last year", «12 марта прошлого года», "ötən ilin martında": a
    # year-less date of the year before publication (1), not the latest such
    # day; «12 мая текущего года»: of the year of publication (0)
    years_back: int | None = None

    @property
    def anchored_on_previous(self) -> bool:
        return self.kind in (
            DateKind.SAME_DAY,
            DateKind.NEXT_DAY,
            DateKind.DAYS_LATER,
            DateKind.DAYS_EARLIER,
            DateKind.DAY_AFTER_ARREST,
        )


# Order matters: more specific shapes first; overlapping later matches are dropped.
_ORDER = (
    ("numeric", DateKind.ABSOLUTE),
    ("day_month", DateKind.ABSOLUTE),
    ("month_day", DateKind.ABSOLUTE),
    ("month_year", DateKind.MONTH),
    ("year", DateKind.YEAR),
    # before the shapes its words hold ("saxlanıldıqdan bir gün sonra")
    ("day_after_arrest", DateKind.DAY_AFTER_ARREST),
    ("days_later", DateKind.DAYS_LATER),
    ("days_ago", DateKind.DAYS_AGO),
    ("day_before_yesterday", DateKind.DAYS_AGO),
    ("days_earlier", DateKind.DAYS_EARLIER),
    ("next_day", DateKind.NEXT_DAY),
    ("same_day", DateKind.SAME_DAY),
    ("yesterday", DateKind.YESTERDAY),
    ("eve", DateKind.EVE),
    ("today", DateKind.TODAY),
    ("part_of_day", DateKind.PART_OF_DAY),
    ("last_week", DateKind.LAST_WEEK),
    ("last_year", DateKind.LAST_YEAR),
    ("this_year", DateKind.THIS_YEAR),
    ("this_month", DateKind.THIS_MONTH),
    ("last_month", DateKind.LAST_MONTH),
    ("weekday", DateKind.WEEKDAY),
)


def _lookup(table: tuple[tuple[WordPattern, int], ...], word: str) -> int | None:
    for pattern, value in table:
        if pattern.fullmatch(word):
            return int(value)
    return None


# Shapes every language writes the same way: ISO dates, and day.month.year.
# The left edge is checked after the first digits, by a lookbehind that reaches
# past them: a pattern that opens with a digit lets the regex engine skip to the
# digits of a sentence, where a leading lookbehind is tried at every position.
_GENERIC = (
    re.compile(
        r"(?P<year>(?:19|20)(?<![\d.-]..)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?![\d-])"
    ),
    re.compile(r"(?P<day>\d(?<![\d.].)\d?)\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d{2})(?!\d)"),
)
# A weekday said as the past one ("last Friday", «в прошлую пятницу», "keçən cümə").
_DIGIT = re.compile(r"\d")  # both shapes need one, as do the lexicon's numeric ones
_PAST_WEEKDAY = re.compile(r"\b(?:last|this\s+past|прошл|минувш|keçən|ötən)", re.IGNORECASE)
# What is left of a dateline once its dates are taken out: times, a source, a
# city, punctuation ("Hengaw; Thursday, April 4, 2024", "13 March 2025 12:40").
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|\(utc[^)]*\)")
_WORD = re.compile(r"[^\W\d_]{2,}")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# A preposition makes a phrase of the date ("on 8 March 2024"), not a dateline.
_PREPOSITION = frozenset(
    [
        "on",
        "in",
        "at",
        "since",
        "until",
        "by",
        "from",
        "of",
        "to",
        "after",
        "before",
        "во",
        "до",
        "по",
        "на",
        "от",
        "со",
    ]
)


# The shapes a lexicon has, in `_ORDER`, per lexicon (kept alive here, so its id
# is not reused): every sentence asks for them.
_SHAPES: dict[int, tuple[Lexicon, tuple[tuple[str, DateKind, WordPattern], ...]]] = {}


def _shapes(lex: Lexicon) -> tuple[tuple[str, DateKind, WordPattern], ...]:
    entry = _SHAPES.get(id(lex))
    if entry is None or entry[0] is not lex:
        if len(_SHAPES) > 16:
            _SHAPES.clear()
        shapes = tuple((k, kind, lex.dates[k]) for k, kind in _ORDER if k in lex.dates)
        entry = _SHAPES[id(lex)] = (lex, shapes)
    return entry[1]


def find_dates(
    text: str, lex: Lexicon, *, offset: int = 0, dateline: bool = True
) -> list[DateMention]:
    """Date mentions in `text` (a case-folded sentence), with offsets shifted by `offset`.

    Shapes are tried most specific first, each its own pattern: their keyword
    prefilters skip most of them in most sentences, which measured faster than
    one combined pattern. A weekday next to a full date names that date's day
    ("Thursday, April 4", "18 August (Monday)") and is dropped. A dateline (a
    sentence that is a date and little else: a source, a time) tells when the
    page was written, not when anything happened, so it gives no date. With
    `dateline` false (the caller knows the sentence tells an event: «Его
    задержали 29 июля 2023 года.» is as short as a dateline) that test is skipped.
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(mention: DateMention | None, s: int, e: int) -> None:
        if mention is not None:
            found.append(mention)
            taken.append((s, e))

    digit = _DIGIT.search(text) is not None
    for generic in _GENERIC if digit else ():
        for m in generic.finditer(text):
            s, e = m.span()
            add(_mention(m.groupdict(), DateKind.ABSOLUTE, lex, s + offset, e + offset), s, e)
    mask = text_mask(text)
    for key, kind, regex in _shapes(lex):
        # finditer's first tests, made here without a call (see rules._all_triggers)
        # and with the digit test done once for all shapes
        if (regex.bit and not mask & regex.bit) or (regex.digit and not digit):
            continue
        for m in regex.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if s and text[s - 1].isdigit():
                continue  # "25 March" inside "2025 March 13"
            past = kind is DateKind.WEEKDAY and bool(_PAST_WEEKDAY.search(m.group()))
            groups = m.groupdict()
            if key == "day_before_yesterday":
                groups["n"] = "2"
            add(_mention(groups, kind, lex, s + offset, e + offset, past=past), s, e)
    for regex, month, day in lex.holidays:
        if regex.bit and not mask & regex.bit:
            continue
        for m in regex.finditer(text):
            s, e = m.span()
            # "on 8 March, International Women's Day" tells one day, not two
            if any(s < te and ts < e for ts, te in taken) or any(
                (d.month, d.day) == (month, day) for d in found
            ):
                continue
            add(DateMention(s + offset, e + offset, DateKind.ABSOLUTE, month=month, day=day), s, e)
    found.sort(key=lambda d: d.start)
    if found and dateline and _is_dateline(text, found, offset) and not _labelled(text, lex):
        return []
    found = _drop_hours_of_days(_join_year_word(found, text, offset), text, offset)
    return _drop_weekdays_of_dates(_days_of_ranges(found, text, offset), text, offset)


# A day told as one end of a span of days ("between 14 and 15 July", "20–21 June",
# «с 14 по 15 июля», "July 14-15"): the other end right before or after it.
_SPAN_BEFORE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|—|and|to|until|till|through|по)\s*$")
_SPAN_AFTER = re.compile(r"\s*(?:-|–|—|and|to|until|till|through)\s*\d{1,2}\b")


def _days_of_ranges(found: list[DateMention], text: str, offset: int) -> list[DateMention]:
    """A day that ends or opens a span of days ("between 14 and 15 July") names no
    one day of the span: it is told as its month, as the gold tells "6-8 mart"."""
    out = []
    for i, d in enumerate(found):
        if d.kind is DateKind.ABSOLUTE and d.day is not None:
            start, end = d.start - offset, d.end - offset
            span = _SPAN_BEFORE.search(text[max(0, start - 16) : start])
            # "July 14-15" (the day told last), not "14 July - 15 August" (two dates)
            after = _SPAN_AFTER.match(text, end) if text[end - 1].isdigit() else None
            nxt = found[i + 1].start - offset if i + 1 < len(found) else len(text)
            if span or (after and after.end() <= nxt):
                d = replace(d, kind=DateKind.MONTH, day=None)
        out.append(d)
    return out


def _drop_hours_of_days(found: list[DateMention], text: str, offset: int) -> list[DateMention]:
    """A "today" right after another day ("həmin gün səhər saatlarında", "on 5
    May in the morning hours") tells the hour of that day, not another day."""
    out: list[DateMention] = []
    for d in found:
        before = out[-1] if out else None
        if (
            d.kind in (DateKind.TODAY, DateKind.PART_OF_DAY)
            and before is not None
            and not text[before.end - offset : d.start - offset].strip(" ,")
        ):
            continue
        out.append(d)
    return out


# What may stand between a date and "last year" that qualifies it ("March of last year").
_YEAR_GAP = re.compile(r"[\s,]*(?:of\s+)?")


_YEAR_WORDS = {DateKind.LAST_YEAR: 1, DateKind.THIS_YEAR: 0}


def _join_year_word(found: list[DateMention], text: str, offset: int) -> list[DateMention]:
    """A "last year" right before or after a year-less day or month is that
    date's year. Alone it gives no date: "during last year" is a period, and a
    year told of the background would end a report's one-day episode."""
    if not any(d.kind in _YEAR_WORDS for d in found):
        return found
    used: set[int] = set()
    for i, d in enumerate(found):
        if d.kind not in (DateKind.ABSOLUTE, DateKind.MONTH) or d.year is not None:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(found) or j in used or found[j].kind not in _YEAR_WORDS:
                continue
            a, b = (found[j], d) if j < i else (d, found[j])
            if _YEAR_GAP.fullmatch(text[a.end - offset : b.start - offset]):
                found[i] = replace(d, years_back=_YEAR_WORDS[found[j].kind])
                used.add(j)
                break
    return [d for d in found if d.kind not in _YEAR_WORDS]


def _labelled(text: str, lex: Lexicon) -> bool:
    """Whether a short date line is a record's field ("Imprisoned: September 7,
    2011" in a prison census): it dates the event the record tells, not the page."""
    label = lex.extra.get("dated_label")
    return isinstance(label, str) and re.match(label, text) is not None


def _drop_weekdays_of_dates(found: list[DateMention], text: str, offset: int) -> list[DateMention]:
    full = [d for d in found if d.kind is DateKind.ABSOLUTE]
    if not full:
        return found

    def beside(w: DateMention) -> bool:
        for d in full:
            gap = text[w.end - offset : d.start - offset] if w.end <= d.start else ""
            gap = gap or (text[d.end - offset : w.start - offset] if d.end <= w.start else "x")
            if len(gap) <= 3 and not gap.strip(" ,()"):
                return True
        return False

    return [d for d in found if d.kind is not DateKind.WEEKDAY or not beside(d)]


def _is_dateline(text: str, found: list[DateMention], offset: int) -> bool:
    if all(d.kind is not DateKind.ABSOLUTE for d in found) or len(text) > 80:
        return False
    rest = text
    if any(d.kind not in (DateKind.ABSOLUTE, DateKind.WEEKDAY) for d in found):
        return False
    for d in reversed(found):
        rest = rest[: d.start - offset] + " " + rest[d.end - offset :]
    if not _YEAR.search(text):
        return False  # "on 8 March" alone is a phrase, not a dateline
    rest = _TIME.sub(" ", rest)
    rest = _YEAR.sub(" ", rest)  # "2014 August 18": the year before the date
    words = _WORD.findall(rest)
    return len(words) <= 2 and not _PREPOSITION & set(words) and not re.search(r"\d{2}", rest)


def _mention(
    groups: dict[str, str | None],
    kind: DateKind,
    lex: Lexicon,
    start: int,
    end: int,
    *,
    past: bool = False,
) -> DateMention | None:
    year = int(groups.get("year") or 0) or None
    if year is not None and year < 100:
        year += 2000
    month: int | None = None
    if groups.get("month"):
        raw = groups["month"] or ""
        month = int(raw) if raw.isdigit() else _lookup(lex.months, raw)
        if month is None or not 1 <= month <= 12:
            return None
    day = int(groups.get("day") or 0) or None
    if day is not None and not 1 <= day <= 31:
        return None
    if kind is DateKind.WEEKDAY:
        weekday = _lookup(lex.weekdays, groups.get("weekday") or "")
        if weekday is None:
            return None
        return DateMention(start, end, kind, offset=weekday, past=past)
    if kind in (DateKind.DAYS_LATER, DateKind.DAYS_AGO, DateKind.DAYS_EARLIER):
        # "a week later", «неделю назад» (one week, no number), "the day before"
        n = parse_number((groups.get("n") or "").strip(), lex)
        if groups.get("oneweek"):
            n = 7
        elif groups.get("oneday"):
            n = 1
        elif n is not None and groups.get("week"):
            n *= 7
        if n is None or n != int(n):
            return None
        return DateMention(start, end, kind, offset=int(n))
    return DateMention(start, end, kind, year=year, month=month, day=day)


def resolve(
    mention: DateMention, *, published: dt.date | None, previous: PartialDate | None
) -> PartialDate | None:
    """The date a mention stands for, or None when it cannot be known."""
    kind = mention.kind
    if mention.years_back is not None:
        if published is None:
            return None
        mention = replace(mention, year=published.year - mention.years_back)
    if kind is DateKind.ABSOLUTE and mention.month and mention.day:
        year = mention.year or _infer_year(mention.month, mention.day, published, previous)
        if year is None:
            return None
        try:
            return PartialDate(year, mention.month, mention.day)
        except ValueError:
            return None
    if kind is DateKind.MONTH and mention.month:
        year = mention.year
        if year is None:
            anchor = published or (previous.earliest() if previous else None)
            if anchor is None:
                return None
            year = anchor.year if mention.month <= anchor.month else anchor.year - 1
        return PartialDate(year, mention.month)
    if kind is DateKind.YEAR and mention.year:
        return PartialDate(mention.year)
    if kind is DateKind.DAY_AFTER_ARREST:
        kind = DateKind.NEXT_DAY  # the caller passes the arrest's date as `previous`
    if kind in (DateKind.SAME_DAY, DateKind.NEXT_DAY, DateKind.DAYS_LATER, DateKind.DAYS_EARLIER):
        base = previous.as_date() if previous else None
        if base is None:
            return previous if kind is DateKind.SAME_DAY else None
        days = {DateKind.SAME_DAY: 0, DateKind.NEXT_DAY: 1}.get(kind, mention.offset)
        if kind is DateKind.DAYS_EARLIER:
            days = -days
        return PartialDate.of(base + dt.timedelta(days=days))
    if kind is DateKind.PART_OF_DAY and previous is not None and previous.day:
        return previous
    if kind is DateKind.EVE and previous is not None and previous.day:
        return PartialDate.of(previous.earliest() - dt.timedelta(days=1))
    if published is None:
        return None
    if kind in (DateKind.TODAY, DateKind.PART_OF_DAY):
        return PartialDate.of(published)
    if kind in (DateKind.YESTERDAY, DateKind.EVE):
        return PartialDate.of(published - dt.timedelta(days=1))
    if kind is DateKind.DAYS_AGO:
        return PartialDate.of(published - dt.timedelta(days=mention.offset))
    if kind is DateKind.WEEKDAY:
        # "On Friday" in a Friday report is that day; "last Friday" a week before.
        back = (published.weekday() - mention.offset) % 7 or (7 if mention.past else 0)
        return PartialDate.of(published - dt.timedelta(days=back))
    if kind is DateKind.THIS_MONTH:
        return PartialDate(published.year, published.month)
    if kind is DateKind.LAST_MONTH:
        before = published.replace(day=1) - dt.timedelta(days=1)
        return PartialDate(before.year, before.month)
    if kind is DateKind.LAST_WEEK:
        # The whole previous Monday–Sunday week, when it lies in one month.
        monday = published - dt.timedelta(days=published.weekday() + 7)
        sunday = monday + dt.timedelta(days=6)
        if monday.month == sunday.month:
            return PartialDate(monday.year, monday.month)
        return None
    return None


def before_publication(value: PartialDate | None, published: dt.date | None) -> PartialDate | None:
    """`value`, unless it lies after publication: a report tells what has happened,
    so a day after it is a hearing set, a term's end ("his sentence ends in 2029")
    or a year guessed wrong, and no event's date (the gold dates none so)."""
    if value is not None and published is not None and value.earliest() > published:
        return None
    return value


def _infer_year(
    month: int, day: int, published: dt.date | None, previous: PartialDate | None
) -> int | None:
    """The year of a year-less "8 March": the latest one not well after publication."""
    anchor = published or (previous.earliest() if previous else None)
    if anchor is None:
        return None
    try:
        candidate = dt.date(anchor.year, month, day)
    except ValueError:
        return anchor.year
    # Reports tell the past; a date more than a few weeks ahead belongs to last year.
    if candidate > anchor + dt.timedelta(days=45):
        return anchor.year - 1
    return anchor.year


def single_episode_date(
    mentions: Iterable[DateMention], *, published: dt.date | None
) -> PartialDate | None:
    """The one day a report's dates all name, when they name only one.

    A report that tells a single dated episode ("today a march ended with the
    detention of dozens … among those detained were …") dates every event it
    narrates with that day, however many paragraphs later. With two or more
    days, or none, there is no such date. Relative mentions anchored on an
    earlier event are left out: they follow from the others.
    """
    days: set[PartialDate] = set()
    for m in mentions:
        if m.anchored_on_previous:
            continue
        value = before_publication(resolve(m, published=published, previous=None), published)
        if value is None:
            continue
        if value.day is None:
            return None  # a month or a year: the report spans more than a day
        days.add(value)
        if len(days) > 1:
            return None
    return next(iter(days)) if days else None
