"""A report's text cut at evidence ranges, so a template can escape each part and mark some.

The cut is made on the raw text and every part is escaped by the template:
markup is never built from report text, so a report carrying <script> shows
it as text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass


def split_marked(text: str, *, open_mark: str, close_mark: str) -> list[tuple[str, bool]]:
    """`text` as (part, marked) pairs, for a snippet whose matches SQLite wrapped in marks."""
    parts: list[tuple[str, bool]] = []
    rest = text
    while rest:
        head, found, tail = rest.partition(open_mark)
        if head:
            parts.append((head, False))
        if not found:
            break
        quote, _, rest = tail.partition(close_mark)
        if quote:
            parts.append((quote, True))
    return parts


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of report text and the evidence spans covering it (empty: not evidence)."""

    text: str
    marks: tuple[str, ...] = ()  # a label per covering span, e.g. "event-12 penalty"

    @property
    def marked(self) -> bool:
        return bool(self.marks)


def split_spans(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Segment]:
    """`text` cut at every (start, end, label) span; overlapping spans give a segment both labels.

    Ranges outside the text are clamped to it; the template escapes every part.
    """
    clamped = []
    for start, end, label in spans:
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
        if end > start:
            clamped.append((start, end, label))
    cuts = sorted({0, len(text), *(s for s, _, _ in clamped), *(e for _, e, _ in clamped)})
    segments = []
    for left, right in itertools.pairwise(cuts):
        labels = tuple(dict.fromkeys(lab for s, e, lab in clamped if s <= left and right <= e))
        segments.append(Segment(text[left:right], labels))
    return segments
