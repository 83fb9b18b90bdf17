"""SnapshotStore: content-addressed, write-once WARC files that verify on read."""

from __future__ import annotations

import datetime
import gzip
import hashlib
import stat
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from habeas.errors import InputError
from habeas.ingest.archive import SnapshotError, SnapshotStore
from habeas.ingest.fetch import fetch

ARTICLE = (Path(__file__).parent / "pages" / "article_en.html").read_bytes()
MOMENT = datetime.datetime(2025, 3, 13, 9, 30, 15, 250000, tzinfo=datetime.UTC)


def _records(path: Path) -> list[Any]:
    with path.open("rb") as stream:
        return [
            (r.rec_type, r.rec_headers, r.http_headers, r.content_stream().read())
            for r in ArchiveIterator(stream)
        ]


def test_a_fetched_page_is_stored_under_its_hash(server: Any, tmp_path: Path) -> None:
    fetched = fetch(server.url("/article"), allow_private=True)
    store = SnapshotStore(tmp_path)

    snap = store.put_response(fetched)

    digest = hashlib.sha256(ARTICLE).hexdigest()
    assert snap.sha256 == digest
    assert snap.path == tmp_path / digest[:2] / digest[2:4] / f"{digest}.warc.gz"
    assert (snap.size, snap.media_type) == (len(ARTICLE), "text/html")
    assert snap.captured_at == fetched.fetched_at
    assert store.open(digest) == ARTICLE


def test_the_response_record_keeps_the_http_exchange(server: Any, tmp_path: Path) -> None:
    fetched = fetch(server.url("/gzip"), allow_private=True)

    snap = SnapshotStore(tmp_path).put_response(fetched)

    (info, response) = _records(snap.path)
    assert info[0] == "warcinfo"
    kind, warc, http, body = response
    assert kind == "response"
    assert warc.get_header("WARC-Target-URI") == server.url("/gzip")
    assert warc.get_header("WARC-IP-Address") == "127.0.0.1"
    assert http.get_statuscode() == "200"
    assert http.get_header("Content-Type") == "text/html; charset=utf-8"
    # The body is stored decoded, so the wire encoding header must not claim gzip.
    assert http.get_header("Content-Encoding") is None
    assert http.get_header("Content-Length") == str(len(ARTICLE))
    assert body == ARTICLE


def test_an_upload_is_a_resource_record(tmp_path: Path) -> None:
    store = SnapshotStore(tmp_path)
    data = b"Ilse Marrow was detained in Veldgrad.\n"

    snap = store.put_upload(
        data, filename="notes on Marrow.txt", media_type="text/plain", captured_at=MOMENT
    )

    (_, (kind, warc, http, body)) = _records(snap.path)
    assert (kind, http, body) == ("resource", None, data)
    assert warc.get_header("WARC-Target-URI") == "urn:habeas:upload:notes%20on%20Marrow.txt"
    assert warc.get_header("Content-Type") == "text/plain"
    assert snap.captured_at == MOMENT
    assert store.get(snap.sha256) == snap


def test_the_same_bytes_twice_keep_the_first_file(tmp_path: Path) -> None:
    store = SnapshotStore(tmp_path)
    first = store.put_upload(b"same", filename="a.txt", media_type="text/plain", captured_at=MOMENT)
    before = first.path.stat()

    later = MOMENT + datetime.timedelta(days=1)
    second = store.put_upload(b"same", filename="b.txt", media_type="text/plain", captured_at=later)

    assert second == first  # describes the stored capture, not the new call
    after = first.path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [first.path.name]


def test_files_are_read_only_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    snap = SnapshotStore(tmp_path).put_upload(
        b"x", filename="x.txt", media_type="text/plain", captured_at=MOMENT
    )
    assert stat.S_IMODE(snap.path.stat().st_mode) == 0o444
    assert [p for p in snap.path.parent.iterdir() if p.name.startswith(".tmp-")] == []


def test_a_tampered_body_is_detected(tmp_path: Path) -> None:
    store = SnapshotStore(tmp_path)
    snap = store.put_upload(
        b"The court sentenced him to 30 days.",
        filename="r.txt",
        media_type="text/plain",
        captured_at=MOMENT,
    )
    original = gzip.decompress(snap.path.read_bytes())
    snap.path.chmod(0o644)
    # Same length, other words, still a well-formed (uncompressed) WARC: only
    # the hash check can notice.
    snap.path.write_bytes(original.replace(b"30 days", b"90 days"))

    with pytest.raises(SnapshotError, match="has been altered"):
        store.open(snap.sha256)


def test_a_corrupt_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    store = SnapshotStore(tmp_path)
    snap = store.put_upload(b"y", filename="y.txt", media_type="text/plain", captured_at=MOMENT)
    snap.path.chmod(0o644)
    for damage in (b"not a warc at all", snap.path.read_bytes()[:40]):
        snap.path.write_bytes(damage)
        with pytest.raises(SnapshotError, match="cannot be read"):
            store.open(snap.sha256)


def test_a_missing_snapshot_and_a_bad_name(tmp_path: Path) -> None:
    store = SnapshotStore(tmp_path)
    with pytest.raises(SnapshotError, match="no snapshot"):
        store.open("0" * 64)
    with pytest.raises(InputError, match="not a SHA-256 hex digest"):
        store.open("../../etc/passwd")


def test_a_capture_time_without_a_zone_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="time zone"):
        SnapshotStore(tmp_path).put_upload(
            b"z",
            filename="z.txt",
            media_type="text/plain",
            captured_at=datetime.datetime(2025, 3, 13, 9, 30),
        )
