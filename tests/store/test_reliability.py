"""A killed `habeas ingest` leaves no half-saved report; two writers never corrupt SQLite."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from store_support import EXTRACTOR, HERE

EVENTS_PER_REPORT = 15
CONFIRM = """
from habeas.web.bootstrap import setup
setup()
from habeas.web.store.models import Event, EventStatus
from habeas.web.store.services import set_event_status
set_event_status(Event.objects.order_by("id").first(), EventStatus.CONFIRMED, user=None,
                 why="checked by phone")
"""


def _env(home: Path) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if k != "HABEAS_DATABASE_URL"},
        "HABEAS_HOME": str(home),
        "HABEAS_EXTRACTOR": EXTRACTOR,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")])),
    }


def _habeas(*args: str) -> list[str]:
    return [sys.executable, "-m", "habeas.cli.main", *args]


def _reports(folder: Path, count: int, *, tag: str = "") -> list[str]:
    """`count` report files, each naming one person in many sentences (so many rows to write)."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for n in range(count):
        lines = [
            f"Ruslan Ostapchuk was detained in district {k} of town {tag}{n}, witnesses said."
            for k in range(EVENTS_PER_REPORT)
        ]
        path = folder / f"report-{tag}{n:03}.txt"
        path.write_text(" ".join(lines), encoding="utf-8")
        names.append(str(path))
    return names


def _query(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db, timeout=30) as conn:
        return conn.execute(sql).fetchall()


def _count(db: Path, table: str) -> int:
    try:
        return int(_query(db, f"SELECT count(*) FROM {table}")[0][0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def _assert_whole(db: Path) -> None:
    """Every stored report has all its events, evidence and versions; nothing dangles."""
    per_report = _query(
        db,
        "SELECT r.id, count(v.id) FROM store_report r "
        "LEFT JOIN store_evidence v ON v.report_id = r.id GROUP BY r.id",
    )
    assert {n for _, n in per_report} == {EVENTS_PER_REPORT}
    assert _query(
        db, "SELECT count(*) FROM store_report WHERE id NOT IN (SELECT report_id FROM store_source)"
    ) == [(0,)]
    assert _query(
        db, "SELECT count(*) FROM store_event WHERE id NOT IN (SELECT event_id FROM store_evidence)"
    ) == [(0,)]
    assert _query(
        db,
        "SELECT count(*) FROM store_event WHERE id NOT IN "
        "(SELECT object_id FROM store_version WHERE object_type = 'event')",
    ) == [(0,)]
    assert _query(db, "PRAGMA integrity_check") == [("ok",)]


def test_a_killed_ingest_leaves_whole_reports_and_resumes(tmp_path: Path) -> None:
    home, env = tmp_path / "home", _env(tmp_path / "home")
    db = home / "habeas.sqlite3"
    # Enough reports that the batch cannot finish while a count waits on its lock.
    files = _reports(tmp_path / "in", 80)
    subprocess.run(_habeas("ingest", files[0]), env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, "-c", CONFIRM], env=env, check=True, capture_output=True)
    confirmed = _query(db, "SELECT id FROM store_event WHERE status = 'confirmed'")

    batch = subprocess.Popen(
        _habeas("ingest", *files), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while _count(db, "store_report") < 4 and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        batch.send_signal(signal.SIGKILL)
        batch.wait()
    killed_at = _count(db, "store_report")
    assert 4 <= killed_at < len(files), "the batch should be killed in the middle"
    _assert_whole(db)
    assert _query(db, "SELECT id FROM store_event WHERE status = 'confirmed'") == confirmed

    again = subprocess.run(_habeas("ingest", *files), env=env, capture_output=True, text=True)

    assert again.returncode == 0, again.stderr
    assert again.stdout.count("already known") >= killed_at
    _assert_whole(db)
    assert _count(db, "store_report") == len(files)
    assert _query(db, "SELECT count(*), count(DISTINCT filename) FROM store_source") == [
        (len(files), len(files))
    ]
    assert _query(db, "SELECT id FROM store_event WHERE status = 'confirmed'") == confirmed
    verify = subprocess.run(_habeas("audit", "verify"), env=env, capture_output=True, text=True)
    assert verify.returncode == 0, verify.stderr


def test_two_writers_at_once_both_succeed(tmp_path: Path) -> None:
    home, env = tmp_path / "home", _env(tmp_path / "home")
    db = home / "habeas.sqlite3"
    subprocess.run(_habeas("audit", "verify"), env=env, check=True, capture_output=True)
    first = _reports(tmp_path / "a", 8, tag="a")
    second = _reports(tmp_path / "b", 8, tag="b")

    writers = [
        subprocess.Popen(
            _habeas("ingest", *files),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for files in (first, second)
    ]
    results = [w.communicate(timeout=300) for w in writers]

    assert [w.returncode for w in writers] == [0, 0], [err for _, err in results]
    assert _count(db, "store_report") == 16
    assert _query(db, "PRAGMA journal_mode") == [("wal",)]
    _assert_whole(db)
    # The two writers' audit entries interleave, yet form one unbroken chain.
    verify = subprocess.run(_habeas("audit", "verify"), env=env, capture_output=True, text=True)
    assert verify.returncode == 0, verify.stderr
