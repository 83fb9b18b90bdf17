"""Finding 6: the instance makes its own secret key on first run; `serve` refuses the public one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _run(code: list[str], home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HABEAS_")}
    clean |= {"HABEAS_HOME": str(home), "DJANGO_SETTINGS_MODULE": "habeas.web.settings"}
    return subprocess.run(
        [sys.executable, *code],
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


SHOW_KEY = [
    "-c",
    "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)",
]


def test_first_run_makes_a_private_key_and_keeps_it(tmp_path: Path) -> None:
    from habeas.config import INSECURE_SECRET_KEY

    first = _run(SHOW_KEY, tmp_path)
    again = _run(SHOW_KEY, tmp_path)
    other = _run(SHOW_KEY, tmp_path / "another")

    assert first.returncode == 0, first.stderr
    key = first.stdout.strip()
    assert len(key) >= 50 and key != INSECURE_SECRET_KEY
    assert again.stdout.strip() == key  # the same instance keeps its key
    assert other.stdout.strip() != key  # another instance has its own
    key_file = tmp_path / "keys" / "secret_key"
    assert key_file.read_text().strip() == key
    assert key_file.stat().st_mode & 0o077 == 0
    for name in ("data.keys", "audit.key"):
        assert (tmp_path / "keys" / name).stat().st_mode & 0o077 == 0


def test_serve_refuses_the_public_default_key(tmp_path: Path) -> None:
    from habeas.config import INSECURE_SECRET_KEY

    done = _run(
        ["-m", "habeas.cli.main", "serve", "--port", "0"],
        tmp_path,
        HABEAS_SECRET_KEY=INSECURE_SECRET_KEY,
    )

    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "habeas: HABEAS_SECRET_KEY is the public default key: unset it (the instance makes "
        "its own) or set a long random one\n"
    )
