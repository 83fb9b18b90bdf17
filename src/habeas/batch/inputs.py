"""Items to ingest from paths: files, directories (recursively), JSON Lines and WARC files."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from habeas.errors import HabeasError, InputError
from habeas.model import report_from_json

_JSON_LINES = (".jsonl", ".ndjson")
_WARC = (".warc", ".warc.gz")


@dataclass(frozen=True, slots=True)
class Item:
    """One input to capture: its bytes and what is known of it."""

    name: str  # the filename it is stored under; also names it in messages
    data: bytes
    media_type: str = ""
    published: dt.date | None = None
    lang: str | None = None
    title: str | None = None


def items(paths: Iterable[str], *, max_bytes: int) -> Iterator[Item | InputError]:
    """Every item in `paths`, in a stable order, with an error in place of each bad one."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            for file in files:
                yield from _of_file(file, max_bytes=max_bytes)
        elif path.is_file():
            yield from _of_file(path, max_bytes=max_bytes)
        else:
            yield InputError(f"{name}: no such file or directory")


def _of_file(path: Path, *, max_bytes: int) -> Iterator[Item | InputError]:
    lower = path.name.lower()
    try:
        if lower.endswith(_JSON_LINES):
            yield from _json_lines(path)
        elif lower.endswith(_WARC):
            yield from _warc(path, max_bytes=max_bytes)
        elif path.stat().st_size > max_bytes:
            yield InputError(f"{path}: larger than the limit of {max_bytes} bytes")
        else:
            yield Item(name=path.name, data=path.read_bytes())
    except OSError as exc:
        yield InputError(f"{path}: cannot be read ({exc.strerror})")


def _json_lines(path: Path) -> Iterator[Item | InputError]:
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            label = f"{path.name}, line {number}"
            try:
                report = report_from_json(json.loads(raw), default_id=f"{path.stem}-{number}")
            except (ValueError, HabeasError) as exc:
                yield InputError(f"{label}: {exc}")
                continue
            if not report.text.strip():
                yield InputError(f"{label}: the report's text is empty")
                continue
            yield Item(
                name=f"{path.name}#{report.doc_id}"[:255],
                data=report.text.encode("utf-8"),
                media_type="text/plain",
                published=report.published,
                lang=report.lang,
                title=report.title,
            )


def _warc(path: Path, *, max_bytes: int) -> Iterator[Item | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type not in ("response", "resource"):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or path.name
                http = record.http_headers
                if http is not None and not (http.get_statuscode() or "").startswith("2"):
                    continue
                data = record.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield InputError(f"{uri}: larger than the limit of {max_bytes} bytes")
                    continue
                kind = (http.get_header("Content-Type") if http is not None else None) or (
                    record.rec_headers.get_header("Content-Type") or ""
                )
                yield Item(name=uri[-255:], data=data, media_type=kind.split(";")[0].strip())
        except (ArchiveLoadFailed, EOFError, ValueError):
            yield InputError(f"{path}: not a readable WARC file")
