"""What the browser tests share: the app's address and login, TOTP codes, the server's env.

Kept out of conftest.py so that tests import it by a name no other test
directory uses (several directories have a conftest module).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import time
from dataclasses import dataclass
from pathlib import Path

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
