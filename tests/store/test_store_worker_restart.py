"""A worker killed mid-batch loses nothing: the next run stores every entry exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from store_support import EXTRACTOR, HERE, Page, Site, article, rss

ENTRIES = [f"/slow/{n}" for n in range(1, 7)]


def _habeas(*args: str) -> list[str]:
    return [sys.executable, "-m", "habeas.cli.main", *args]


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db, timeout=30) as conn:
        return conn.execute(sql).fetchall()


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    return int(_rows(db, "SELECT count(*) FROM store_report")[0][0])


def test_a_killed_worker_loses_nothing(site: Site, tmp_path: Path) -> None:
    for n, path in enumerate(ENTRIES, start=1):
        site.pages[path] = Page(
            article(
                f"Slow story {n}",
                f"Ruslan Ostapchuk was detained again, for the {n}th time, his family said today.",
                f"Entry {n}: the officers gave no reason and took his phone and his documents.",
            ),
            delay=0.4,
        )
    site.pages["/feed.xml"] = Page(rss(site, ENTRIES), content_type="application/rss+xml")
    # Its own SQLite file, read here with sqlite3, even when the suite runs on PostgreSQL.
    env = {
        **{k: v for k, v in os.environ.items() if k != "HABEAS_DATABASE_URL"},
        "HABEAS_HOME": str(tmp_path),
        "HABEAS_ALLOW_PRIVATE_FETCH": "1",
        "HABEAS_EXTRACTOR": EXTRACTOR,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")])),
    }
    db = tmp_path / "habeas.sqlite3"
    subprocess.run(_habeas("feeds", "add", site.url("/feed.xml")), env=env, check=True)

    log = (tmp_path / "worker.log").open("wb")
    worker = subprocess.Popen(_habeas("worker"), env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 60
        while _stored(db) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    stored_when_killed = _stored(db)
    assert 2 <= stored_when_killed < len(ENTRIES)

    subprocess.run(_habeas("worker", "--burst"), env=env, check=True, capture_output=True)

    per_url = _rows(db, "SELECT url, count(*) FROM store_source GROUP BY url")
    assert sorted(per_url) == sorted((site.url(p), 1) for p in ENTRIES)
    assert _stored(db) == len(ENTRIES)
    assert _rows(db, "SELECT DISTINCT state FROM store_feeditem") == [("stored",)]
