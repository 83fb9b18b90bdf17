"""Exports from the case store: the public view or everything a viewer may see, audited."""

from __future__ import annotations

import io
from typing import Any

from habeas.export import FORMATS, write
from habeas.export.records import Record
from habeas.web.public.view import internal_records, public_records


def records(*, public: bool) -> list[Record]:
    return public_records() if public else internal_records()


def export_text(fmt: str, *, public: bool, actor: Any) -> tuple[str, int]:
    """The export as text and its number of lines; every non-public export is in the audit log."""
    from habeas.web.audit.chain import record as audit
    from habeas.web.audit.models import AuditAction

    out = io.StringIO()
    chosen = records(public=public)
    lines = write(fmt, chosen, out)
    if not public:
        audit(
            actor,
            AuditAction.EXPORT,
            f"export:{fmt}",
            {"format": fmt, "persons": len(chosen), "lines": lines, "public": public},
        )
    return out.getvalue(), lines


def media_type(fmt: str) -> tuple[str, str]:
    _, media, ext = FORMATS[fmt]
    return media, ext
