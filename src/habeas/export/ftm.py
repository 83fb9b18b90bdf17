"""FollowTheMoney entities: a Person, an Event per event, an Article per source, and the
Documentation entities that link each article to the person and events it documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from followthemoney import model as ftm_model

from habeas.export.records import Record

_PREFIX = "habeas"


def _entity(schema: str, *parts: str) -> Any:
    entity = ftm_model.make_entity(schema)
    entity.make_id(_PREFIX, schema, *parts)
    return entity


def entities(records: Iterable[Record]) -> Iterator[dict[str, Any]]:
    """Each entity once, as FtM's JSON dict."""
    seen: set[str] = set()
    for r in records:
        person = _entity("Person", r.id)
        person.add("name", r.person.name)
        if r.country:
            person.add("country", r.country.lower())
        for role in r.person.roles:
            person.add("position", role)
        person.add("topics", "role.pol" if "politician" in r.person.roles else None)
        yield person.to_dict()
        articles: dict[str, Any] = {}
        for s in r.sources:
            article = _entity("Article", s.id)
            article.add("title", s.title or None)
            article.add("publishedAt", s.published.isoformat() if s.published else None)
            article.add("publisher", s.publisher or None)
            article.add("sourceUrl", list(s.urls))
            articles[s.id] = article
            if article.id not in seen:
                seen.add(article.id)
                yield article.to_dict()
            doc = _entity("Documentation", s.id, r.id)
            doc.add("document", article.id)
            doc.add("entity", person.id)
            yield doc.to_dict()
        for i, event in enumerate(r.person.events):
            ev = _entity("Event", r.id, str(i))
            ev.add("name", f"{event.type.value}: {r.person.name}")
            ev.add("date", str(event.date) if event.date else None)
            ev.add("location", event.place or None)
            ev.add("summary", event.detail or None)
            ev.add("involved", person.id)
            ev.add("keywords", event.type.value)
            if event.authority:
                ev.add("organizer", event.authority)
            for c in event.charges:
                ev.add("keywords", " ".join(x for x in (c.code, c.article, c.label) if x))
            yield ev.to_dict()
            for sid in r.event_sources[i] if i < len(r.event_sources) else ():
                if sid in articles:
                    doc = _entity("Documentation", sid, r.id, str(i))
                    doc.add("document", articles[sid].id)
                    doc.add("entity", ev.id)
                    yield doc.to_dict()
