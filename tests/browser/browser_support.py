"""What the browser tests share: the app's address and login, TOTP codes, the server's env.

Kept out of conftest.py so that tests import it by a name no other test
directory uses (several directories have a conftest module).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass(frozen=True)
class App:
    url: str
    password: str  # of the user "admin"
    totp_secret: str  # base32, of admin's authenticator device
    home: Path | None = None  # HABEAS_HOME of the instance, for CLI commands beside it


def totp(secret: str, *, at: float | None = None) -> str:
    """The six-digit RFC 6238 code (SHA-1, 30 s) an authenticator app shows for `secret`."""
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(base64.b32decode(secret), counter.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def server_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HABEAS_")}
    env["HABEAS_HOME"] = str(home)
    # The fixed extractor of the web tests, so these tests do not pin the rule engine's output.
    env["HABEAS_EXTRACTOR"] = "web_extractor:WebTestExtractor"
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "tests" / "web"), env.get("PYTHONPATH", "")])
    return env


@contextmanager
def running_demo(home: Path, env: dict[str, str]) -> Iterator[App]:
    """`habeas demo --no-serve` in `home`, then `habeas serve` on a free port, until the end."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent: apt-get install chromium to run browser tests")
    pytest.importorskip("playwright.sync_api", reason="playwright (the Python package) is absent")
    habeas = [sys.executable, "-m", "habeas.cli.main"]
    made = subprocess.run(
        [*habeas, "demo", "--no-serve"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    password = re.search(r"with the password (\S+)", made.stdout)
    secret = re.search(r"TOTP secret ([A-Z2-7]+)", made.stdout)
    assert password is not None and secret is not None, made.stdout + made.stderr
    server = subprocess.Popen(
        [*habeas, "serve", "--port", "0"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        found = re.search(r"serving on (http://\S+)/", line)
        assert found is not None, line
        yield App(found.group(1), password.group(1), secret.group(1), home)
    finally:
        server.terminate()
        server.wait(timeout=10)
