"""What workers run: plain functions of picklable values, without Django.

Each process builds its extractor once. The ingest preparation reads an
item's text exactly as habeas.web.store.services does, so the extraction
made here is the one the store would have made itself.
"""

from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath
from typing import Any, cast

from habeas import model
from habeas.batch.inputs import Item
from habeas.config import DEFAULT_EXTRACTOR
from habeas.errors import HabeasError
from habeas.extract.engine import Extractor

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


@lru_cache(maxsize=4)
def extractor_from(spec: str) -> Extractor:
    """The extractor `module:factory` names ("" for the default rule engine), once per process."""
    if not spec:
        from habeas.extract.engine import default_extractor

        return default_extractor()
    module_name, _, attr = spec.partition(":")
    return cast(Extractor, getattr(importlib.import_module(module_name), attr)())


# Invented one-line reports, one per language the rule engine reads: extracting them
# loads that language's lexicons and morphology, which the engine does on first use.
_WARM_TEXTS = {
    "en": "Police detained Oren Laskaris in Baku on 3 March 2025.",
    "ru": "Орен Ласкарис был задержан в Баку 3 марта 2025 года.",
    "az": "Oren Laskaris 3 mart 2025-ci ildə Bakıda saxlanılıb.",
}


def warm(spec: str, langs: frozenset[str] | None = None) -> None:
    """Build the extractor in this worker process before its first chunk (a pool's
    initializer); the default rule engine also reads a line in each of `langs`
    (None: every language it reads).

    Russian costs about a second to load (its morphology and name models): an
    English batch should not pay it. A language left out loads in each worker on
    its first report instead."""
    engine = extractor_from(spec)
    if spec not in ("", DEFAULT_EXTRACTOR):
        return  # another engine (a language model...) is not called for nothing
    for lang, text in _WARM_TEXTS.items():
        if langs is None or lang in langs:
            engine.extract(model.Report(doc_id=f"warm-{lang}", text=text, lang=lang))
    if langs is None or "ru" in langs:
        from habeas.extract import ner_ru

        ner_ru.preload()


def languages_of(reports: list[model.Report]) -> frozenset[str] | None:
    """The languages these reports are in, or None where one is not given (it is
    detected from the text, so any language may be needed)."""
    langs = {r.lang for r in reports}
    if None in langs or "" in langs:
        return None
    return frozenset(lang for lang in langs if lang)


def extract_chunk(job: tuple[str, list[model.Report]]) -> list[model.Extraction]:
    """The extraction of every report of a chunk, in order."""
    spec, reports = job
    engine = extractor_from(spec)
    return [engine.extract(r) for r in reports]


@dataclass(frozen=True, slots=True)
class Prepared:
    """An item's text digest and the engine's extraction of it (None when it could not be read)."""

    text_sha256: str | None
    engine: str
    extraction: model.Extraction | None


def _page(item: Item) -> tuple[str, Any]:
    from habeas.ingest.html import looks_like_html

    is_html = (
        item.media_type.lower() in _HTML_TYPES
        or PurePath(item.name).suffix.lower() in _HTML_SUFFIXES
        or looks_like_html(item.data)
    )
    if is_html:
        from habeas.ingest.html import page_to_text

        page = page_to_text(item.data, url=None)
        return page.text, page
    from habeas.ingest.decode import decode_text

    return decode_text(item.data, name=item.name), None


def prepare_chunk(job: tuple[str, list[Item]]) -> list[Prepared]:
    """Read and extract every item of a chunk; an unreadable item is left to the store to reject."""
    spec, batch = job
    engine = extractor_from(spec)
    found = []
    for item in batch:
        try:
            text, page = _page(item)
        except HabeasError:
            found.append(Prepared(None, engine.version, None))
            continue
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        report = model.Report(
            doc_id=f"sha256:{sha[:16]}",
            text=text,
            published=(page.published if page is not None else None) or item.published,
            lang=(page.lang if page is not None else None) or item.lang,
            url=None,
            title=(page.title if page is not None else None) or item.title,
        )
        found.append(Prepared(sha, engine.version, engine.extract(report)))
    return found
