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
from dataclasses import dataclass
from enum import Enum

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
    SAME_DAY = "same_day"  # the day of the event before
    NEXT_DAY = "next_day"
    DAYS_LATER = "days_later"
    DAYS_AGO = "days_ago"
    LAST_WEEK = "last_week"


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    kind: DateKind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    offset: int = 0  # days, for DAYS_LATER / DAYS_AGO; weekday number for WEEKDAY

    @property
    def anchored_on_previous(self) -> bool:
        return self.kind in (DateKind.SAME_DAY, DateKind.NEXT_DAY, DateKind.DAYS_LATER)


# Order matters: more specific shapes first; overlapping later matches are dropped.
_ORDER = (
    ("numeric", DateKind.ABSOLUTE),
    ("day_month", DateKind.ABSOLUTE),
    ("month_day", DateKind.ABSOLUTE),
    ("month_year", DateKind.MONTH),
    ("year", DateKind.YEAR),
    ("days_later", DateKind.DAYS_LATER),
    ("days_ago", DateKind.DAYS_AGO),
    ("next_day", DateKind.NEXT_DAY),
    ("same_day", DateKind.SAME_DAY),
    ("yesterday", DateKind.YESTERDAY),
    ("today", DateKind.TODAY),
    ("last_week", DateKind.LAST_WEEK),
    ("weekday", DateKind.WEEKDAY),
)


def _lookup(table: tuple[tuple[WordPattern, int], ...], word: str) -> int | None:
    for pattern, value in table:
        if pattern.fullmatch(word):
            return int(value)
    return None


def find_dates(text: str, lex: Lexicon, *, offset: int = 0) -> list[DateMention]:
    """Date mentions in `text` (a case-folded sentence), with offsets shifted by `offset`.

    Shapes are tried most specific first, each its own pattern: their keyword
    prefilters skip most of them in most sentences, which measured faster than
    one combined pattern.
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for key, kind in _ORDER:
        regex = lex.dates.get(key)
        if regex is None:
            continue
        for m in regex.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            mention = _mention(m.groupdict(), kind, lex, s + offset, e + offset)
            if mention is not None:
                found.append(mention)
                taken.append((s, e))
    found.sort(key=lambda d: d.start)
    return found


def _mention(
    groups: dict[str, str | None], kind: DateKind, lex: Lexicon, start: int, end: int
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
        return DateMention(start, end, kind, offset=weekday)
    if kind in (DateKind.DAYS_LATER, DateKind.DAYS_AGO):
        n = parse_number(groups.get("n") or "", lex)
        if n is None or n != int(n):
            return None
        return DateMention(start, end, kind, offset=int(n))
    return DateMention(start, end, kind, year=year, month=month, day=day)


def resolve(
    mention: DateMention, *, published: dt.date | None, previous: PartialDate | None
) -> PartialDate | None:
    """The date a mention stands for, or None when it cannot be known."""
    kind = mention.kind
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
    if kind in (DateKind.SAME_DAY, DateKind.NEXT_DAY, DateKind.DAYS_LATER):
        base = previous.as_date() if previous else None
        if base is None:
            return previous if kind is DateKind.SAME_DAY else None
        days = {DateKind.SAME_DAY: 0, DateKind.NEXT_DAY: 1}.get(kind, mention.offset)
        return PartialDate.of(base + dt.timedelta(days=days))
    if published is None:
        return None
    if kind is DateKind.TODAY:
        return PartialDate.of(published)
    if kind is DateKind.YESTERDAY:
        return PartialDate.of(published - dt.timedelta(days=1))
    if kind is DateKind.DAYS_AGO:
        return PartialDate.of(published - dt.timedelta(days=mention.offset))
    if kind is DateKind.WEEKDAY:
        back = (published.weekday() - mention.offset) % 7 or 7
        return PartialDate.of(published - dt.timedelta(days=back))
    if kind is DateKind.LAST_WEEK:
        # The whole previous Monday–Sunday week, when it lies in one month.
        monday = published - dt.timedelta(days=published.weekday() + 7)
        sunday = monday + dt.timedelta(days=6)
        if monday.month == sunday.month:
            return PartialDate(monday.year, monday.month)
        return None
    return None


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
