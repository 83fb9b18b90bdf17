"""Long commands draw a progress line on a terminal's standard error, and none with --quiet."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _run_on_a_terminal(argv: list[str], home: Path) -> tuple[int, str, str]:
    """Run `habeas ARGV` with standard error on a pseudo-terminal; (status, stdout, stderr)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HABEAS_")}
    env["HABEAS_HOME"] = str(home)
    env["HABEAS_BACKUP_PASSPHRASE"] = "a passphrase for the progress test"
    env["HABEAS_EXTRACTOR"] = "fictional_extractor:FixedNameExtractor"
    env["PYTHONPATH"] = os.pathsep.join(
        [str(REPO / "src"), str(REPO / "tests" / "store"), env.get("PYTHONPATH", "")]
    )
    master, slave = pty.openpty()
    # A new pseudo-terminal is 0 columns wide; a real one has a size.
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "habeas.cli.main", *argv],
        stdout=subprocess.PIPE,
        stderr=slave,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    os.close(slave)
    err = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed (Linux raises EIO)
            break
        if not chunk:
            break
        err += chunk
    os.close(master)
    assert proc.stdout is not None
    out = proc.stdout.read().decode()
    return proc.wait(timeout=60), out, err.decode(errors="replace")


@pytest.fixture
def reports(tmp_path: Path) -> list[str]:
    files = []
    for n in range(20):
        f = tmp_path / f"r{n}.txt"
        f.write_text(f"Ruslan Ostapchuk{n} was detained at a picket on Sunday.\n", "utf-8")
        files.append(str(f))
    return files


def test_ingest_shows_count_rate_and_time_left_on_a_terminal(
    tmp_path: Path, reports: list[str]
) -> None:
    code, out, err = _run_on_a_terminal(["ingest", "--lang", "en", *reports], tmp_path / "h")

    assert code == 0, err
    assert len(out.splitlines()) == 20  # the results stay on stdout, untouched
    # count, then [elapsed<time left, rate]
    line = re.compile(r"ingest: +\d+%\|[^|]*\| \d+/20 \[\d\d:\d\d<\d\d:\d\d, +[\d.]+ inputs/s\]")
    assert line.search(err), err
    assert "20 inputs: 20 reports stored, 0 already known, 0 failed" in err


def test_quiet_draws_no_progress_line(tmp_path: Path, reports: list[str]) -> None:
    code, out, err = _run_on_a_terminal(
        ["ingest", "--quiet", "--lang", "en", *reports], tmp_path / "h"
    )

    assert code == 0
    assert len(out.splitlines()) == 20
    assert err == ""


def test_no_progress_line_when_stderr_is_not_a_terminal(tmp_path: Path, reports: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HABEAS_")}
    env["HABEAS_HOME"] = str(tmp_path / "h")
    env["HABEAS_EXTRACTOR"] = "fictional_extractor:FixedNameExtractor"
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), str(REPO / "tests" / "store")])
    done = subprocess.run(
        [sys.executable, "-m", "habeas.cli.main", "ingest", "--lang", "en", *reports],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )

    assert done.returncode == 0
    assert "\r" not in done.stderr and "%" not in done.stderr
    assert done.stderr == "habeas: 20 inputs: 20 reports stored, 0 already known, 0 failed\n"


def _bar(what: str, unit: str, total: int | None = None) -> re.Pattern[str]:
    count = rf"\d+/{total}" if total is not None else r"\d+/\d+"
    return re.compile(rf"{what}: +\d+%\|[^|]*\| {count} \[\d\d:\d\d<\d\d:\d\d, +[\d.]+ {unit}/s\]")


def _confirm_everything_and_make_it_due(home: Path) -> None:
    # `alerts check` looks only at persons whose stored status is due: confirm every
    # suggestion through the services, then make every stored status due today.
    script = (
        "from habeas.web.bootstrap import setup; setup()\n"
        "from habeas.web.store.models import Event, PersonStatus\n"
        "from habeas.web.store.versions import set_event_status\n"
        "for e in Event.objects.all(): set_event_status(e, 'confirmed', user=None, why='test')\n"
        "import datetime as dt\n"
        "PersonStatus.objects.update(look_again_on=dt.date(2025, 6, 1))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("HABEAS_")}
    env["HABEAS_HOME"] = str(home)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), str(REPO / "tests" / "store")])
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=120)


def test_alerts_check_backup_and_restore_show_progress(tmp_path: Path, reports: list[str]) -> None:
    home = tmp_path / "h"
    code, _, err = _run_on_a_terminal(["ingest", "--quiet", "--lang", "en", *reports], home)
    assert code == 0, err
    _confirm_everything_and_make_it_due(home)

    code, out, err = _run_on_a_terminal(["alerts", "check", "--today", "2025-06-01"], home)
    assert code == 0, err
    assert _bar("alerts check", "persons", 20).search(err), err
    assert out.startswith("checked 20 persons")

    backup = tmp_path / "b.habeas"
    code, out, err = _run_on_a_terminal(["backup", str(backup)], home)
    assert code == 0, err
    assert _bar("backup", "parts").search(err), err
    assert out.startswith(f"wrote {backup}")

    # A restore needs the keys of the instance the backup came from (docs/security.md).
    shutil.copytree(home / "keys", tmp_path / "empty" / "keys")
    code, out, err = _run_on_a_terminal(["restore", str(backup)], tmp_path / "empty")
    assert code == 0, err
    assert _bar("restore", "parts").search(err), err

    code, out, err = _run_on_a_terminal(["backup", "--quiet", str(tmp_path / "c")], home)
    assert code == 0 and err == ""
