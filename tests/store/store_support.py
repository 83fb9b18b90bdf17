"""Helpers for the case store's tests: row counts, a local web site, pages and feeds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from habeas.model import Event, EventType, Extraction, Person, Report

HERE = Path(__file__).resolve().parent
EXTRACTOR = "fictional_extractor:FixedNameExtractor"


def counts() -> dict[str, int]:
    from habeas.web.store import models as m

    return {
        "reports": m.Report.objects.count(),
        "sources": m.Source.objects.count(),
        "persons": m.Person.objects.count(),
        "events": m.Event.objects.count(),
        "feeds": m.Feed.objects.count(),
    }


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0


@dataclass
class Site:
    """A local web site: set `pages[path]`; `url(path)` is its address."""

    port: int
    pages: dict[str, Page] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def article(title: str, *paragraphs: str) -> bytes:
    """An HTML news page with a title and paragraphs of body text."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Fictional News</footer></body></html>"
    ).encode()


def rss(site: Site, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Story {p}</title><link>{site.url(p)}</link><guid>{site.url(p)}</guid>"
        "<pubDate>Tue, 11 Mar 2025 09:00:00 GMT</pubDate></item>"
        for p in paths
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>Fictional Wire</title><link>{site.url('/')}</link>"
        f"<description>Invented news</description>{items}</channel></rss>"
    ).encode()


_LINE = re.compile(r"(?P<name>[^,.]+), (?P<role>\w+), was detained in (?P<place>[^.]+)\.")


class LineExtractor:
    """Reads "NAME, ROLE, was detained in PLACE." so that two spellings of one
    invented name arrive as two persons (for identity resolution tests)."""

    version = "test.lines.v1"

    def extract(self, report: Report) -> Extraction:
        persons = tuple(
            Person(
                name=m["name"].strip(),
                roles=(m["role"],),
                events=(
                    Event(
                        type=EventType.DETENTION, place=m["place"], evidence=(m.start(), m.end())
                    ),
                ),
            )
            for m in _LINE.finditer(report.text)
        )
        return Extraction(doc_id=report.doc_id, persons=persons, engine=self.version)


def ingest_lines(text: str) -> None:
    from habeas.web.store.services import ingest_text

    ingest_text(text, name=f"{abs(hash(text))}.txt", extractor=LineExtractor())
