"""A content-addressed store of captured bytes, one gzipped WARC file per body.

A snapshot is named by the SHA-256 of the captured body, so capturing the
same bytes twice is harmless and a file's name proves what it holds. Files
are written once, atomically, and never replaced: a re-capture with other
bytes is another file.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import io
import os
import re
import tempfile
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from habeas import __version__
from habeas.errors import HabeasError, InputError
from habeas.ingest.fetch import Fetched

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# The stored body is the decoded payload (see Fetched.body), so headers that
# describe the wire encoding would make the record lie about its own bytes.
_WIRE_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})
_PAYLOAD_RECORDS = ("response", "resource")


class SnapshotError(HabeasError):
    """A snapshot is missing or does not hold what its name promises."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A stored capture: `sha256` of the body, its WARC file and what it held."""

    sha256: str
    path: Path
    size: int
    media_type: str
    captured_at: datetime.datetime


class SnapshotStore:
    """Gzipped WARC files under `root/ab/cd/<sha256>.warc.gz`."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        """Return where the snapshot of `sha256` lives (whether or not it exists)."""
        if not _SHA256.match(sha256):
            raise InputError(f"{sha256!r} is not a SHA-256 hex digest")
        return self.root / sha256[:2] / sha256[2:4] / f"{sha256}.warc.gz"

    def put_response(self, fetched: Fetched) -> Snapshot:
        """Store a fetched page as a `response` record; return the stored snapshot.

        When the same body is already stored the existing file is kept as is
        and described instead.
        """
        from warcio.statusandheaders import StatusAndHeaders

        headers = [(k, v) for k, v in fetched.headers if k.lower() not in _WIRE_HEADERS]
        headers.append(("Content-Length", str(len(fetched.body))))
        http_headers = StatusAndHeaders(
            f"{fetched.status} {fetched.reason}".strip(),
            headers,
            protocol=fetched.http_version or "HTTP/1.1",
        )
        extra = {"WARC-IP-Address": fetched.peer_address} if fetched.peer_address else {}
        return self._put(
            fetched.body,
            uri=fetched.final_url,
            record_type="response",
            media_type=fetched.media_type,
            captured_at=fetched.fetched_at,
            http_headers=http_headers,
            extra=extra,
        )

    def put_upload(
        self, data: bytes, *, filename: str, media_type: str, captured_at: datetime.datetime
    ) -> Snapshot:
        """Store uploaded bytes as a `resource` record; return the stored snapshot."""
        return self._put(
            data,
            uri="urn:habeas:upload:" + urllib.parse.quote(filename, safe=""),
            record_type="resource",
            media_type=media_type,
            captured_at=captured_at,
            http_headers=None,
            extra={},
        )

    def open(self, sha256: str) -> bytes:
        """Return the body stored under `sha256`, after checking it still hashes to it."""
        body, _, _ = self._read(self.path_for(sha256), sha256=sha256)
        return body

    def get(self, sha256: str) -> Snapshot:
        """Describe the stored snapshot of `sha256` (its body is verified on the way)."""
        path = self.path_for(sha256)
        body, media_type, captured_at = self._read(path, sha256=sha256)
        return Snapshot(sha256, path, len(body), media_type, captured_at)

    def _put(
        self,
        body: bytes,
        *,
        uri: str,
        record_type: str,
        media_type: str,
        captured_at: datetime.datetime,
        http_headers: object,
        extra: dict[str, str],
    ) -> Snapshot:
        sha256 = hashlib.sha256(body).hexdigest()
        path = self.path_for(sha256)
        if path.exists():
            return self.get(sha256)
        data = _warc_bytes(
            body,
            uri=uri,
            record_type=record_type,
            media_type=media_type,
            captured_at=captured_at,
            http_headers=http_headers,
            extra=extra,
            filename=path.name,
        )
        _write_once(path, data)
        return self.get(sha256)

    def _read(self, path: Path, *, sha256: str) -> tuple[bytes, str, datetime.datetime]:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        if not path.exists():
            raise SnapshotError(f"no snapshot {sha256} in {self.root}")
        try:
            with path.open("rb") as stream:
                for record in ArchiveIterator(stream):
                    if record.format != "warc":
                        # warcio reads stray text as an old ARC record; ours are WARC.
                        raise SnapshotError(f"snapshot {sha256} cannot be read: not a WARC file")
                    if record.rec_type not in _PAYLOAD_RECORDS:
                        continue
                    body = record.content_stream().read()
                    media_type = record.rec_headers.get_header("WARC-Habeas-Media-Type") or ""
                    date = record.rec_headers.get_header("WARC-Date") or ""
                    break
                else:
                    raise SnapshotError(f"snapshot {sha256} cannot be read: it holds no body")
        except (ArchiveLoadFailed, OSError, EOFError, ValueError):
            raise SnapshotError(f"snapshot {sha256} cannot be read: the file is damaged") from None
        if hashlib.sha256(body).hexdigest() != sha256:
            raise SnapshotError(f"snapshot {sha256} has been altered: its body no longer matches")
        return body, media_type, _parse_warc_date(date)


def _warc_bytes(
    body: bytes,
    *,
    uri: str,
    record_type: str,
    media_type: str,
    captured_at: datetime.datetime,
    http_headers: object,
    extra: dict[str, str],
    filename: str,
) -> bytes:
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True, warc_version="1.1")
    info = writer.create_warcinfo_record(
        filename, {"software": f"habeas/{__version__} (warcio)", "format": "WARC File Format 1.1"}
    )
    writer.write_record(info)
    headers = {
        "WARC-Date": _warc_date(captured_at),
        # Kept apart from Content-Type, which for a response record is the
        # WARC's own "application/http" and not the captured document's type.
        "WARC-Habeas-Media-Type": media_type,
        **extra,
    }
    record = writer.create_warc_record(
        uri,
        record_type,
        payload=io.BytesIO(body),
        length=len(body),
        warc_content_type=media_type if record_type == "resource" else "",
        warc_headers_dict=headers,
        http_headers=http_headers,
    )
    writer.write_record(record)
    return buffer.getvalue()


def _write_once(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".warc.gz")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temp.chmod(0o444)
        # A hard link refuses to replace an existing name, unlike os.replace:
        # if another process stored the same bytes first, its file stays.
        with contextlib.suppress(FileExistsError):
            os.link(temp, path)
        _fsync_dir(path.parent)
    finally:
        temp.unlink(missing_ok=True)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _warc_date(moment: datetime.datetime) -> str:
    if moment.tzinfo is None:
        raise InputError("a capture time must carry its time zone")
    utc = moment.astimezone(datetime.UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _parse_warc_date(value: str) -> datetime.datetime:
    try:
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise SnapshotError(f"a snapshot has an unreadable WARC-Date {value!r}") from None
