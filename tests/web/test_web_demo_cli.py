"""`habeas demo` never overwrites a real case store, and `habeas serve` refuses a bad port."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _habeas(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HABEAS_")}
    env["HABEAS_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "habeas.cli.main", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_demo_refuses_a_directory_holding_real_data(tmp_path: Path) -> None:
    database = tmp_path / "habeas.sqlite3"
    database.write_bytes(b"real case data")

    done = _habeas("demo", "--no-serve", home=tmp_path)

    assert done.returncode == 2
    assert "holds a case store not made by `habeas demo`" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert database.read_bytes() == b"real case data"


def test_serve_refuses_a_port_out_of_range(tmp_path: Path) -> None:
    done = _habeas("serve", "--port", "70000", home=tmp_path)

    assert done.returncode == 2
    assert "70000 is not a port number" in done.stderr
