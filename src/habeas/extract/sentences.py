"""Split a report into sentences, keeping character offsets into the original text.

Evidence ranges point into the report's text, so every sentence is a
`(start, end)` slice of it, never a rewritten copy.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from habeas.extract.keywords import compile_for_search
from habeas.ingest.boilerplate import is_boilerplate

# A sentence ends at . ! ? … (optionally followed by closing quotes or brackets)
# before whitespace and an upper-case letter, a digit, a quote or a dash; or at a
# line break. Abbreviations and initials are rejoined afterwards. Compiled so
# the search skips every character that is no stop or line break.
_BOUNDARY = compile_for_search(
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


# A line that opens a list of links to other articles ("Read also: …", «Читайте также»).
_TEASER = re.compile(
    r"^\W*(?:read\s+(?:also|more)|see\s+also|related(?:\s+(?:articles?|news|stories))?|more\s+on\s+this"
    r"|also\s+read|читайте\s+также|читать\s+также|также\s+читайте|смотрите\s+также|по\s+теме"
    r"|похожие\s+материалы"
    r"|həmçinin\s+oxuyun|oxşar\s+xəbərlər|digər\s+xəbərlər)\b\s*[:.…]?",
    re.IGNORECASE,
)
# A photo caption or credit line ("Photo: …", "… Image via X.", «Фото: …»).
_CAPTION_WORDS = "photo|image|фото|foto|şəkil"
_CAPTION = re.compile(
    rf"^\W*(?:{_CAPTION_WORDS})\s*(?::|via|by|credit|courtesy)"
    r"|(?:photo|image)\s+(?:via|by|credit|courtesy)\b"
    # "… Baku. Photo: X", "(Фото: X)", and a credit glued to its caption by the
    # capture ("…в ДушанбеФото: X"): a lower-case letter right before the word.
    rf"|(?:[.|(]\s*|(?<=[a-zа-яёəöüğışç]))(?:{_CAPTION_WORDS})\s*:",
    re.IGNORECASE,
)
# Every branch of the caption holds one of its words, matched with the same flag:
# a line without one is no caption. The words alone are scanned in half the time
# of the caption's branches and their look-behind, which most lines try in vain.
_CAPTION_WORD = re.compile(_CAPTION_WORDS, re.IGNORECASE)
# The lines of an embedded media player ("No media source currently available",
# its "Wait" label, the time codes "0:00 0:04:18 0:00").
_PLAYER = re.compile(
    r"^(?:no\s+media\s+source\s+currently\s+available|\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)*|gözlə|wait|embed|share|ждите)$",
    re.IGNORECASE,
)
_HEADLINE_WORDS = 14
# A closing notice ("© 2024 …") may be long; a closing heading ("Comments (3)") is not.
_NOTICE_WORDS = 30
_END_HEADING_WORDS = 20


@cache
def _end_markers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The lexicons' closing notices and headings of all languages, as two patterns:
    a page's chrome is often in another language than its report."""
    notices: set[str] = set()
    headings: set[str] = set()
    for lang in ("en", "ru", "az"):
        raw = resources.files("habeas.extract.lexicons").joinpath(f"{lang}.toml").read_text("utf-8")
        table = tomllib.loads(raw).get("chrome", {})
        notices.update(table.get("end_notices", []))
        headings.update(table.get("end_headings", []))

    def alternation(words: set[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    notice = re.compile(rf"^\W{{0,3}}(?:{alternation(notices)})", re.IGNORECASE)
    # The heading alone, with a count or a few more words ("Follow us on X"), and no
    # sentence's end; or a list after a colon ("Tags: Baku, courts").
    heading = re.compile(
        rf"^\W{{0,3}}(?:{alternation(headings)})(?!\w)"
        r"(?:(?:\s+[^\s.!?]+){0,3}\s*[:…]?$|\s*:.*[^.!?]$)",
        re.IGNORECASE,
    )
    return notice, heading


def _ends_page(line: str) -> bool:
    """A line from which the rest of a page is its closing furniture."""
    notice, heading = _end_markers()
    words = len(line.split())
    return (words <= _NOTICE_WORDS and notice.match(line) is not None) or (
        words <= _END_HEADING_WORDS and heading.match(line) is not None
    )


_SENTENCE_END = (".", "!", "?", "…", "»", '"', "”", "’", ")", ":")


def is_chrome_line(line: str) -> bool:
    """A line that is page furniture wherever it stands: a teaser heading or a caption."""
    stripped = line.strip()
    return bool(stripped) and (
        _TEASER.match(stripped) is not None
        or (
            len(stripped.split()) <= 25
            and _CAPTION_WORD.search(stripped) is not None
            and _CAPTION.search(stripped) is not None
        )
    )


def _headline_like(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= _HEADLINE_WORDS and not line.rstrip().endswith(_SENTENCE_END)


def _nonblank_lines(text: str) -> list[tuple[int, str]]:
    """Each line that holds text: its start and its stripped text."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            lines.append((pos, line.strip()))
        pos += len(line)
    return lines


def _player_lines(text: str) -> set[int]:
    """Starts of the lines of embedded media players and of the video titles over
    them ("X-ə istefa şüarları- Bakıda etiraz aksiyası" above "No media source
    …"): the title is another item's, not the report's."""
    if "media source" not in text.casefold():
        return set()
    lines = _nonblank_lines(text)
    out: set[int] = set()
    for i, (_, line) in enumerate(lines):
        if not line.casefold().startswith("no media source"):
            continue
        k = i
        while k > 0 and _PLAYER.match(lines[k - 1][1]):
            k -= 1  # the player's own labels above its message
        out.update(s for s, _ in lines[k : i + 1])
        if k > 0 and _headline_like(lines[k - 1][1]):
            out.add(lines[k - 1][0])
        k = i + 1
        while k < len(lines) and _PLAYER.match(lines[k][1]):
            out.add(lines[k][0])
            k += 1
    return out


def _repeated_lines(text: str) -> set[int]:
    """Starts of the lines that repeat an earlier line of the text: the title again
    over the body, a caption captured from both its alt text and its caption, a
    pull quote, the report's own headline among the related links. The first copy
    stays (a caption may be what names the person the lead calls "an activist"),
    so the repeat tells nothing new; and a bare caption right before the same
    line with its credit ("X" then "XФото: Y") is the caption too.
    """
    lines = _nonblank_lines(text)
    seen: set[str] = set()
    out: set[int] = set()
    for i, (start, line) in enumerate(lines):
        if line in seen:
            out.add(start)
            # Twice in a row and no sentence, below the title: a caption ("A
            # rally in Baku, 31 July 2010") whose date is not the report's.
            if i > 1 and lines[i - 1][1] == line and _headline_like(line):
                out.add(lines[i - 1][0])
            continue
        seen.add(line)
        if i + 1 < len(lines):
            after = lines[i + 1][1]
            if len(after) > len(line) and after.startswith(line) and is_chrome_line(after):
                out.add(start)
    return out


def chrome_tail(text: str) -> int:
    """Where the page furniture at the end of a captured text begins (len(text) if none).

    The furniture is a bare teaser heading ("Read also", «Читайте также») and
    what follows it in the last third of the text, or a closing block of two or
    more short lines without a sentence's end, such as a list of headlines.
    A single unfinished line is kept: excerpts often end mid-sentence.
    """
    lines = _nonblank_lines(text)
    cut = len(text)
    third = len(text) * 2 // 3
    for start, line in lines:
        if start < third:
            continue
        # A bare heading ("Related articles") opens a list; "Read more: X" is one link.
        if (_TEASER.match(line) and len(line.split()) <= 4) or _ends_page(line):
            cut = start
            break
    block: list[int] = []
    for start, line in reversed(lines):
        if start >= cut:
            continue
        if not _headline_like(line):
            break
        block.append(start)
    if len(block) >= 2 and len(block) < len(lines):
        cut = min(cut, block[-1])
    if cut < len(text):
        # Before the furniture: teasers, a headline over an excerpt cut with "…".
        before = [(start, line) for start, line in lines if start < cut]
        while len(before) >= 2 and before[-1][1].endswith(("…", "...")):
            if not _headline_like(before[-2][1]):
                break
            cut = before[-2][0]
            before = before[:-2]
    return cut


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order, with offsets; blank-only stretches are skipped.

    Page furniture is not part of the report: the closing furniture
    (`chrome_tail`), caption or teaser lines anywhere and captions captured
    twice (`_repeated_lines`) give no sentences.
    """
    chrome: dict[int, bool] = dict.fromkeys(_player_lines(text) | _repeated_lines(text), True)
    sentences = []
    for s in _split(text[: chrome_tail(text)]):
        line = text.rfind("\n", 0, s.start) + 1
        if line not in chrome:
            whole = _line_of(text, s.start)
            # An appeal ("Become a member…") or a section heading left in a text
            # captured without our HTML filter.
            chrome[line] = is_chrome_line(whole) or is_boilerplate(whole)
        if not chrome[line]:
            sentences.append(s)
    return sentences


def _line_of(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)]


def _split(text: str) -> list[Sentence]:
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
        # Both end in a period: a piece that does not (a line, a question) is not searched.
        tail = chunk.rstrip()[-12:]
        dotted = tail.endswith(".")
        # (the day after it is looked at first: few periods have a number after them)
        month = (
            dotted
            and text[end : end + 4].lstrip()[:1].isdigit()
            and _MONTH_ABBREVIATION.search(tail) is not None
        )
        if (month or (dotted and _ABBREVIATION.search(tail))) and "\n" not in text[end : end + 2]:
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
