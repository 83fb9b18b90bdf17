"""A report's text cut at an evidence range, so a template can escape each part and mark one.

The cut is made on the raw text and every part is escaped by the template:
markup is never built from report text, so a report carrying <script> shows
it as text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Highlight:
    before: str
    quote: str
    after: str


def split_at(text: str, start: int, end: int) -> Highlight:
    """`text` in three parts around [start, end); a range outside the text is clamped to it."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return Highlight(text[:start], text[start:end], text[end:])


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
