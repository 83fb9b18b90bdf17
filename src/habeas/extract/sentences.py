"""Split a report into sentences, keeping character offsets into the original text.

Evidence ranges point into the report's text, so every sentence is a
`(start, end)` slice of it, never a rewritten copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? … (optionally followed by closing quotes or brackets)
# before whitespace and an upper-case letter, a digit, a quote or a dash; or at a
# line break. Abbreviations and initials are rejoined afterwards.
_BOUNDARY = re.compile(
    r"""(?:[.!?…]+["'»”’)\]]*)(?=\s+["'«“‘(\[—–-]?[\dA-ZÀ-ÖØ-ÞƏŞÇĞÜÖİА-ЯЁІЎЄҐ])"""
    r"""|\n\s*""",
)
# Words that end in a period without ending the sentence ("No. 9", "Art. 510",
# "ст. 20.3.3", "г. Баку", "St. Petersburg", "Feb. 13"), and single-letter initials.
_ABBREVIATION = re.compile(
    r"(?:\b(?:No|Nos|Art|Arts|St|Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Jr|Sr|vs|etc|approx|ca|cf"
    r"|ст|ч|п|г|гг|ул|им|т|д|пр|просп|р|тыс|млн|руб|коп|св|им|проф|доц|инж"
    r"|mad|küç)\.|\b[A-ZА-ЯƏŞÇĞÜÖİ]\.)$",
    re.IGNORECASE,
)
# A month abbreviation before a number ("Feb. 13", "Sept. 2"): the date goes on.
_MONTH_ABBREVIATION = re.compile(
    r"\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|янв|февр?|апр|авг|сент?|окт|нояб?|дек)\.$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order, with offsets; blank-only stretches are skipped."""
    pieces: list[tuple[int, int]] = []
    last = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end() if m.group().strip() else m.start()
        pieces.append((last, end))
        last = m.end()
    pieces.append((last, len(text)))

    sentences: list[Sentence] = []
    paragraph = 0
    pending: tuple[int, int] | None = None
    for start, end in pieces:
        if pending is not None:
            start = pending[0]
            pending = None
        chunk = text[start:end]
        # Only the last few characters can hold an abbreviation: no need to scan it all.
        tail = chunk.rstrip()[-12:]
        month = _MONTH_ABBREVIATION.search(tail) and text[end : end + 4].lstrip()[:1].isdigit()
        if (month or _ABBREVIATION.search(tail)) and "\n" not in text[end : end + 2]:
            pending = (start, end)
            continue
        # Trim whitespace while keeping offsets exact.
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        s, e = start + lead, end - trail
        if s >= e:
            continue
        if sentences and "\n\n" in text[sentences[-1].end : s]:
            paragraph += 1
        sentences.append(Sentence(s, e, text[s:e], paragraph))
    if pending is not None:
        s, e = pending
        chunk = text[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        sentences.append(Sentence(s + lead, e, text[s + lead : e], paragraph))
    return sentences
