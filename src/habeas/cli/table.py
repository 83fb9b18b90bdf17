"""A readable summary of an extraction, for a person at a terminal."""

from __future__ import annotations

from habeas.model import Event, Extraction, Report, penalty_to_json


def _penalty(event: Event) -> str:
    p = event.penalty
    if p is None:
        return ""
    data = penalty_to_json(p)
    kind = data.pop("kind").replace("_", " ")
    if "amount" in data:
        return f"{kind} {data['amount']:g} {data.get('currency', '')}".rstrip()
    length = ", ".join(f"{v:g} {k}" for k, v in data.items())
    return f"{kind} {length}".strip()


def _line(event: Event, text: str) -> str:
    parts = [f"{event.date or '—'!s:<10}", f"{event.type.value:<19}"]
    extra = [
        _penalty(event),
        event.authority or "",
        event.place or "",
        "; ".join((c.article and f"art. {c.article}") or c.label or "" for c in event.charges),
        event.outcome.value if event.outcome else "",
        event.detail or "",
        f"{event.duration_hours:g} h" if event.duration_hours is not None else "",
    ]
    parts.append(" · ".join(x for x in extra if x))
    line = "    " + " ".join(parts).rstrip()
    if event.evidence:
        quote = " ".join(text[event.evidence[0] : event.evidence[1]].split())
        if len(quote) > 110:
            quote = quote[:107] + "…"
        line += f"\n{'':34}“{quote}”"
    return line


def render_extraction(result: Extraction, report: Report) -> str:
    title = report.title or result.doc_id
    head = f"{title} ({result.lang or '?'}, published {report.published or 'unknown'})"
    lines = [head, "=" * min(len(head), 100)]
    if not result.persons:
        lines.append("  no detained, charged or sentenced person found")
    for person in result.persons:
        roles = f" ({', '.join(person.roles)})" if person.roles else ""
        lines.append(f"  {person.name}{roles}")
        lines.extend(_line(e, report.text) for e in person.events)
    return "\n".join(lines) + "\n\n"
