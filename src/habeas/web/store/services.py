"""Every write to the case store: capturing reports and storing the engine's suggestions.

The flow for one input: bytes → text → "do we know this text?" → extractor →
snapshot → one transaction that stores the report, its source, the persons
and their suggested events with evidence and versions. A failure anywhere
before the commit stores nothing in the database; the snapshot file may stay,
which is harmless because snapshots are content-addressed and never change.

Idempotence: a text already stored (same SHA-256 of the extracted text) is
"already known": the extractor does not run again and no person or event is
added. If the bytes came from a URL or file not yet recorded for it, a new
Source row is linked to the existing report, so every place a text was seen
stays on record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import PurePath
from typing import Any, cast
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from habeas import model
from habeas.config import DEFAULT_EXTRACTOR
from habeas.errors import HabeasError, InputError
from habeas.extract.engine import Extractor
from habeas.extract.language import detect_language, language_name, readable
from habeas.web.store.merges import merge_persons, undo_merge
from habeas.web.store.models import Event, Evidence, NameForm, Person, Report, Script, Source
from habeas.web.store.queries import event_fields
from habeas.web.store.resolution import resolve_person
from habeas.web.store.versions import edit_event, edit_person, history, restore, set_event_status

__all__ = [
    "IngestOutcome",
    "IngestResult",
    "edit_event",
    "edit_person",
    "history",
    "ingest_bytes",
    "ingest_text",
    "ingest_url",
    "load_extractor",
    "max_bytes",
    "merge_persons",
    "resolve_person",
    "restore",
    "script_of",
    "set_event_status",
    "undo_merge",
]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


class IngestOutcome(StrEnum):
    STORED = "stored"
    KNOWN = "known"


@dataclass(frozen=True, slots=True)
class IngestResult:
    outcome: IngestOutcome
    report_id: int
    source_id: int
    persons: int = 0
    events: int = 0
    # the language code, when it is one habeas cannot read (nothing was extracted)
    unread_lang: str = ""

    def describe(self) -> str:
        """One line for a user: what happened to this input."""
        if self.outcome is IngestOutcome.KNOWN:
            return f"already known: report #{self.report_id}"
        if self.unread_lang:
            return (
                f"stored report #{self.report_id}: it is in {language_name(self.unread_lang)}, "
                "which habeas cannot read, so nothing was extracted"
            )
        return (
            f"stored report #{self.report_id}: {_count(self.persons, 'person')}, "
            f"{self.events} suggested {'event' if self.events == 1 else 'events'}"
        )


@dataclass(frozen=True, slots=True)
class _Page:
    text: str
    title: str | None
    published: dt.date | None
    lang: str | None


@dataclass(frozen=True, slots=True)
class _Origin:
    url: str = ""
    final_url: str = ""
    filename: str = ""
    http_status: int | None = None
    media_type: str = ""


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@lru_cache(maxsize=4)
def _extractor_from(spec: str) -> Extractor:
    if ":" not in spec:
        from habeas.extract.engine import named_extractor

        return named_extractor(spec)
    module_name, _, attr = spec.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise HabeasError(f"the extractor {spec!r} cannot be loaded ({exc})") from exc
    return cast(Extractor, factory())


def max_bytes() -> int:
    """The largest input, in bytes, that the store captures (HABEAS_MAX_BYTES)."""
    return int(settings.HABEAS_MAX_BYTES)


def load_extractor() -> Extractor:
    """The extractor named by HABEAS_EXTRACTOR, built once per process."""
    return _extractor_from(str(settings.HABEAS_EXTRACTOR))


def engine_disclosure() -> str:
    """Which engine reads captured reports and where their texts go, in one sentence."""
    spec = str(settings.HABEAS_EXTRACTOR)
    if spec in ("llm", "combined"):
        from habeas.extract.llm_endpoint import destination, load_llm_settings

        try:
            where = destination(load_llm_settings())
        except HabeasError as exc:
            return f"The {spec} engine is chosen but cannot be used: {exc}."
        return f"Reports are read by the {spec} engine: {where}."
    if spec in ("rules", DEFAULT_EXTRACTOR):
        return "Reports are read by the rule engine on this server; no report text leaves it."
    return f"Reports are read by the engine {spec}, configured by the operator."


def script_of(name: str) -> str:
    """The writing system of a name: latin, cyrillic, georgian, or mixed (several or other)."""
    found: set[str] = set()
    for ch in name:
        if not ch.isalpha():
            continue
        char_name = unicodedata.name(ch, "")
        if char_name.startswith("LATIN"):
            found.add(Script.LATIN)
        elif char_name.startswith("CYRILLIC"):
            found.add(Script.CYRILLIC)
        elif char_name.startswith("GEORGIAN"):
            found.add(Script.GEORGIAN)
        else:
            found.add(Script.MIXED)
    return found.pop() if len(found) == 1 else Script.MIXED


# ------------------------------------------------------------------ entry points


def ingest_url(
    url: str,
    *,
    extractor: Extractor | None = None,
    published: dt.date | None = None,
    lang: str | None = None,
    title: str | None = None,
) -> IngestResult:
    """Fetch a page and store it; `published`, `lang` and `title` fill what the page lacks."""
    from habeas.ingest.fetch import fetch
    from habeas.ingest.html import looks_like_html

    fetched = fetch(
        url,
        max_bytes=max_bytes(),
        allow_private=bool(settings.HABEAS_ALLOW_PRIVATE_FETCH),
    )
    if fetched.status >= 400:
        raise InputError(f"the server answered HTTP {fetched.status}")
    media_type = (fetched.media_type or "").split(";")[0].strip().lower()
    if media_type in _HTML_TYPES or (
        media_type in ("", "application/octet-stream") and looks_like_html(fetched.body)
    ):
        page = _from_html(fetched.body, url=fetched.final_url, encoding=fetched.charset)
    elif media_type == "text/plain":
        page = _from_plain(fetched.body, name=url)
    else:
        raise InputError(f"the page is {media_type or 'of no stated type'}, not HTML or plain text")
    origin = _Origin(
        url=url,
        final_url=fetched.final_url,
        http_status=fetched.status,
        media_type=media_type,
    )

    def snapshot() -> Any:
        return _snapshots().put_response(fetched)

    return _store(page, origin, snapshot, extractor=extractor, hints=(published, lang, title))


def ingest_bytes(
    data: bytes,
    *,
    filename: str,
    media_type: str | None = None,
    extractor: Extractor | None = None,
    published: dt.date | None = None,
    lang: str | None = None,
    title: str | None = None,
) -> IngestResult:
    """Store an uploaded file (HTML or plain text); `filename` names it in the store."""
    from habeas.ingest.decode import check_size
    from habeas.ingest.html import looks_like_html

    check_size(len(data), limit=max_bytes(), name=filename)
    is_html = (
        (media_type or "").lower() in _HTML_TYPES
        or PurePath(filename).suffix.lower() in _HTML_SUFFIXES
        or looks_like_html(data)
    )
    page = _from_html(data, url=None) if is_html else _from_plain(data, name=filename)
    kind = "text/html" if is_html else "text/plain"
    origin = _Origin(filename=filename, media_type=kind)
    captured_at = timezone.now()

    def snapshot() -> Any:
        return _snapshots().put_upload(
            data, filename=filename, media_type=kind, captured_at=captured_at
        )

    return _store(page, origin, snapshot, extractor=extractor, hints=(published, lang, title))


def ingest_text(
    text: str,
    *,
    name: str,
    extractor: Extractor | None = None,
    published: dt.date | None = None,
    lang: str | None = None,
    title: str | None = None,
) -> IngestResult:
    """Store a report given as text (e.g. pasted); `name` identifies it like a filename."""
    return ingest_bytes(
        text.encode("utf-8"),
        filename=name,
        media_type="text/plain",
        extractor=extractor,
        published=published,
        lang=lang,
        title=title,
    )


# ------------------------------------------------------------------ the steps


def _from_html(data: bytes, *, url: str | None, encoding: str | None = None) -> _Page:
    from habeas.ingest.html import page_to_text

    page = page_to_text(data, url=url, encoding=encoding)
    if not page.text.strip():
        raise InputError("no article text was found in the page")
    return _Page(page.text, page.title, page.published, page.lang)


def _from_plain(data: bytes, *, name: str) -> _Page:
    from habeas.ingest.decode import decode_text

    return _Page(decode_text(data, name=name), None, None, None)


def _snapshots() -> Any:
    from habeas.ingest.archive import SnapshotStore

    return SnapshotStore(settings.HABEAS_SNAPSHOT_DIR)


def _publisher(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _store(
    page: _Page,
    origin: _Origin,
    snapshot: Any,
    *,
    extractor: Extractor | None,
    hints: tuple[dt.date | None, str | None, str | None],
) -> IngestResult:
    published = page.published or hints[0]
    # The form's "detect" is no hint: the text says which language it is in.
    lang = page.lang or hints[1] or detect_language(page.text)
    title = page.title or hints[2]
    text_sha256 = hashlib.sha256(page.text.encode("utf-8")).hexdigest()
    extraction = None
    unread = "" if readable(lang) else lang
    # A lexicon of another language would find nonsense: such a report is stored unread.
    if not unread and not Report.objects.filter(text_sha256=text_sha256).exists():
        engine = extractor if extractor is not None else load_extractor()
        report_in = model.Report(
            doc_id=f"sha256:{text_sha256[:16]}",
            text=page.text,
            published=published,
            lang=lang,
            url=origin.final_url or origin.url or None,
            title=title,
        )
        extraction = (engine.version, engine.extract(report_in))
    snap = snapshot()
    with transaction.atomic():
        report, created = Report.objects.get_or_create(
            text_sha256=text_sha256,
            defaults={
                "text": page.text,
                "title": title or "",
                "published": published,
                "lang": lang or "",
                "publisher": _publisher(origin.final_url or origin.url),
            },
        )
        source, _ = Source.objects.get_or_create(
            sha256=snap.sha256,
            url=origin.url,
            filename=origin.filename,
            defaults={
                "report": report,
                "final_url": origin.final_url,
                "captured_at": snap.captured_at,
                "http_status": origin.http_status,
                "media_type": origin.media_type,
                "snapshot_path": str(snap.path),
            },
        )
        # Another process may have stored the same text since the check above;
        # its suggestions stand and ours are dropped.
        if not created:
            return IngestResult(IngestOutcome.KNOWN, report.pk, source.pk)
        if extraction is None:
            return IngestResult(IngestOutcome.STORED, report.pk, source.pk, unread_lang=unread)
        persons, events = _store_extraction(report, *extraction)
    return IngestResult(IngestOutcome.STORED, report.pk, source.pk, persons, events)


def _store_extraction(report: Any, engine: str, extraction: model.Extraction) -> tuple[int, int]:
    from habeas.web.store.resolution import Arriving
    from habeas.web.store.versions import record_many

    why = f"suggested by {engine} from report #{report.pk}"
    n_events = 0
    for found in extraction.persons:
        person = Person.objects.create(display_name=found.name, roles=list(found.roles))
        NameForm.objects.create(
            person=person, name=found.name, script=script_of(found.name), report=report
        )
        rows = _store_events(person, found.events, report=report, engine=engine)
        record_many([person, *rows], engine=engine, why=why)
        n_events += len(rows)
        # After the events, so their places and dates count as context; what was just
        # written is handed over rather than read back.
        resolve_person(person.pk, arriving=Arriving.of(person, [found.name], rows))
    return len(extraction.persons), n_events


def _store_events(
    person: Any, events: Sequence[model.Event], *, report: Any, engine: str
) -> list[Any]:
    """One person's suggested events and their evidence, in two inserts (no signals:
    a suggestion changes no status, see habeas.web.alerts.signals)."""
    rows, quotes = [], []
    for event in events:
        rows.append(
            Event(
                person=person,
                **event_fields(event),
                made_by_engine=("+".join(event.found_by) if event.found_by else engine)[:64],
            )
        )
        if event.evidence is not None:
            start, end = event.evidence
            if not 0 <= start < end <= len(report.text):
                raise HabeasError(
                    f"the extractor {engine} pointed to characters {start}-{end}, "
                    f"outside the report's {len(report.text)} characters"
                )
        quotes.append(event.evidence)
    Event.objects.bulk_create(rows)
    Evidence.objects.bulk_create(
        Evidence(
            event=row, report=report, start=span[0], end=span[1], quote=report.text[slice(*span)]
        )
        for row, span in zip(rows, quotes, strict=True)
        if span is not None
    )
    return rows
