"""HTML page → article text, title, publication date and language.

trafilatura does the heavy lifting (boilerplate removal, metadata). Before it,
boxes whose class or id names them as chrome it does not know ("promo",
"read-also", "membership") are cut; after it, a small post-filter drops the
in-article appeals and comment headings it keeps, using the phrase lists in
`habeas.ingest.boilerplate`.
"""

from __future__ import annotations

import codecs
import datetime
import re
from dataclasses import dataclass
from typing import Any

from habeas.errors import InputError
from habeas.extract.sentences import chrome_tail, is_chrome_line
from habeas.ingest.boilerplate import fold as _fold
from habeas.ingest.boilerplate import is_boilerplate
from habeas.ingest.decode import LEGACY_ENCODINGS

# Enough of a page to find its <meta charset> and opening tags.
_SNIFF_BYTES = 4096

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_HTML_MARKERS = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<title[\s>]"
    rb"|<article[\s>]|<div[\s>]|<p[\s>]",
    re.IGNORECASE,
)
# When nothing else is left trafilatura returns the menu ("Home", "Politics");
# a page is accepted only when some paragraph is at least a short sentence.
_MIN_SENTENCE_WORDS = 4
_LANG_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_].*)?$")
# Class or id words of page boxes that are not the article and that trafilatura
# keeps (it already cuts "related", "share", "teaser", "comments", <aside>,
# <figcaption>…). Matched as whole space-, hyphen- or underscore-separated parts, so
# "tag-baku" on a WordPress <article> or "photo" inside "article-photo-text"
# never match; and a box holding most of the page's text is never cut.
_CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:subscribe|subscription|newsletter|promo|donate|donation|membership"
    r"|paywall|read-?also|also-?read|read-?more|more-?news|news-?list|incut|gallery"
    r"|(?:image|photo)-?credit|credits?|tags|author-?bio|cookies?|banner|advert\w*)(?=$|[\s_-])",
    re.IGNORECASE,
)
_CHROME_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class PageText:
    """The readable part of a web page.

    `text` holds the article's paragraphs separated by one blank line.
    `lang` is a lower-case primary language subtag ("en", "ru", "az") when the
    page declares one.
    """

    text: str
    title: str | None
    published: datetime.date | None
    lang: str | None


def looks_like_html(data: bytes) -> bool:
    """Return True when the start of `data` looks like an HTML document or fragment."""
    head = data[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    head = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if not head.startswith(b"<"):
        return False
    return _HTML_MARKERS.search(head) is not None


def page_to_text(
    html: bytes | str, *, url: str | None = None, encoding: str | None = None
) -> PageText:
    """Extract the article of an HTML page with its title, date and language.

    `encoding` is the charset the server declared, if any; otherwise the page's
    own declaration and then detection decide. Raises InputError when the page
    has no article text.
    """
    # Imported here: trafilatura and lxml take a noticeable time to load.
    import trafilatura
    from trafilatura.utils import load_html

    prefix = f"{url}: " if url else ""
    source = html if isinstance(html, str) else _decode_html(html, declared=encoding)
    if not source.strip():
        raise InputError(f"{prefix}the page is empty")
    tree = load_html(source)
    if tree is None:
        # trafilatura rejects bare fragments ("<p>…</p>"); give them a document.
        tree = load_html(f"<html><body>{source}</body></html>")
    if tree is None:
        raise InputError(f"{prefix}the page could not be parsed as HTML")
    lang = _declared_lang(tree)
    _cut_chrome_boxes(tree)
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        # No guessing from the body text: htmldate's extensive search takes a
        # "© 2025" footer for a publication date, and a wrong date silently
        # shifts every relative date in the report. Missing is better than wrong.
        date_extraction_params={
            "original_date": True,
            "extensive_search": False,
            "max_date": datetime.date.today().isoformat(),
        },
    )
    raw = _field(doc, "text")
    title = _clean_title(_field(doc, "title"))
    paragraphs = _article_paragraphs(raw or "", title=title)
    if not any(len(p.split()) >= _MIN_SENTENCE_WORDS for p in paragraphs):
        raise InputError(f"{prefix}no article text could be extracted from the page")
    return PageText(
        text="\n\n".join(paragraphs),
        title=title,
        published=_parse_date(_field(doc, "date")),
        lang=lang or _normalise_lang(_field(doc, "language")),
    )


def _cut_chrome_boxes(tree: Any) -> None:
    """Remove the elements whose class or id names them as page chrome."""
    boxes = [
        el
        for el in tree.iter()
        if isinstance(el.tag, str)
        and _CHROME_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}")
    ]
    if not boxes:
        return
    whole = _visible_length(tree)
    for el in boxes:
        parent = el.getparent()
        if parent is None or _visible_length(el) > whole * _CHROME_SHARE:
            continue
        # The text after the box belongs to its parent's flow: keep it.
        if el.tail:
            previous = el.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)


_INVISIBLE = frozenset({"script", "style", "noscript", "template"})


def _visible_length(root: Any) -> int:
    """Characters of text under `root` a reader sees: a page's inline scripts can
    outweigh its article, and must not make the article's wrapper look small."""
    total = 0
    for el in root.iter():
        # Comments have a non-string tag; their text is not shown either.
        shown = isinstance(el.tag, str) and el.tag.lower() not in _INVISIBLE
        if shown and el.text:
            total += len(el.text.strip())
        if el is not root and el.tail:
            total += len(el.tail.strip())
    return total


def _field(doc: Any, name: str) -> str | None:
    if doc is None:
        return None
    value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
    return value if isinstance(value, str) and value.strip() else None


def _decode_html(data: bytes, *, declared: str | None) -> str:
    # Order follows the HTML standard's sniffing: BOM, transport charset, <meta>,
    # then a guess. trafilatura alone would skip the <meta> declaration.
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    meta = _META_CHARSET.search(data[:_SNIFF_BYTES])
    candidates = [declared, meta.group(1).decode("ascii") if meta else None, "utf-8"]
    for candidate in candidates:
        if candidate:
            try:
                return data.decode(_codec_name(candidate))
            except (LookupError, UnicodeDecodeError):
                continue
    from charset_normalizer import from_bytes

    best = from_bytes(data[: _SNIFF_BYTES * 4], cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is not None:
        try:
            return data.decode(best.encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    # A page with a few bad bytes is still worth reading; the loss is marked.
    return data.decode("utf-8", errors="replace")


def _codec_name(label: str) -> str:
    # Browsers read "iso-8859-1" and "ascii" as windows-1252 (WHATWG encoding spec).
    name = codecs.lookup(label.strip()).name
    if name.startswith("utf-16"):
        # A page whose bytes reached this point has no BOM, so it is not UTF-16
        # whatever its <meta> says; browsers read it as UTF-8.
        return "utf-8"
    return "cp1252" if name in {"latin-1", "iso8859-1", "ascii"} else name


def _declared_lang(tree: Any) -> str | None:
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for xpath in (
        "//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')"
        "='content-language']/@content",
        "//meta[@name='language' or @name='lang']/@content",
        "//meta[@property='og:locale']/@content",
    ):
        candidates.extend(str(v) for v in tree.xpath(xpath))
    for candidate in candidates:
        lang = _normalise_lang(candidate)
        if lang:
            return lang
    return None


def _normalise_lang(value: str | None) -> str | None:
    if not value:
        return None
    match = _LANG_TAG.match(value.strip().split(",")[0].strip())
    return match.group(1).lower() if match else None


def _parse_date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clean_title(title: str | None) -> str | None:
    return " ".join(title.split()) if title else None


def _article_paragraphs(raw: str, *, title: str | None) -> list[str]:
    paragraphs = [" ".join(line.split()) for line in raw.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    # Teasers, headline lists and captions around the article are not the report.
    joined = "\n".join(paragraphs)
    cut, at = chrome_tail(joined), 0
    kept = []
    for p in paragraphs:
        if at >= cut:
            break
        kept.append(p)
        at += len(p) + 1
    paragraphs = [p for p in kept if not is_boilerplate(p) and not is_chrome_line(p)]
    # trafilatura repeats the <h1> as the first line; the title is kept apart.
    if paragraphs and title and _fold(paragraphs[0]) == _fold(title):
        paragraphs = paragraphs[1:]
    return paragraphs
