"""Template filters that put stored event fields into words."""

from __future__ import annotations

from typing import Any

from django import template

from habeas import model
from habeas.errors import HabeasError
from habeas.web.review.casefile import date_words, penalty_words

register = template.Library()


def penalty(value: Any) -> str:
    """A stored penalty (the contract's JSON form) in words; empty when there is none."""
    if not value:
        return ""
    try:
        return penalty_words(model.penalty_from_json(value))
    except HabeasError:
        return ""


def charges(value: Any) -> str:
    """Stored charges as "label (art. 535.1 CC)", joined by semicolons."""
    parts = []
    for charge in value or ():
        text = str(charge.get("label") or "")
        if charge.get("article"):
            code = f" {charge['code']}" if charge.get("code") else ""
            text = f"{text} (art. {charge['article']}{code})".strip()
        parts.append(text)
    return "; ".join(p for p in parts if p)


def day(value: Any) -> str:
    """A stored date ("2025-03-10", "2025-03", "2025") as "10 March 2025"; "undated" if empty."""
    if not value:
        return "undated"
    try:
        return date_words(model.PartialDate.parse(str(value)))
    except HabeasError:
        return str(value)


def words(value: Any) -> str:
    """A vocabulary value ("ill_treatment") as words ("ill treatment")."""
    return str(value or "").replace("_", " ")


def roles(value: Any) -> str:
    """Stored role codes ("opposition_member") as words, comma-separated; "" when none."""
    return ", ".join(words(r) for r in value or ())


def language(value: Any) -> str:
    """A report's language code in words; "language not known" when none was stored."""
    from habeas.extract.language import language_name

    code = str(value or "")
    return language_name(code) if code else "language not known"


def origin(report: Any) -> str:
    """Where a report came from: its publisher, else pasted or uploaded (with the file's name)."""
    if report.publisher:
        return str(report.publisher)
    for source in report.sources.all():
        if source.url:
            return str(source.url)
        if source.filename.startswith("pasted by "):
            return "pasted"
        if source.filename:
            return f"uploaded file {source.filename}"
    return "origin not recorded"


for _filter in (penalty, charges, day, words, roles, language, origin):
    register.filter(_filter.__name__, _filter)
