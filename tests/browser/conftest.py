"""End-to-end tests: the real `habeas serve` in a subprocess, driven in Debian's headless chromium.

No browser is downloaded: Playwright launches /usr/bin/chromium (apt-get install chromium).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HABEAS_")}
    env["HABEAS_HOME"] = str(home)
    # The fixed extractor of the web tests, so these tests do not pin the rule engine's output.
    env["HABEAS_EXTRACTOR"] = "web_extractor:WebTestExtractor"
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "tests" / "web"), env.get("PYTHONPATH", "")])
    return env


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent: apt-get install chromium to run browser tests")
    pytest.importorskip("playwright.sync_api", reason="playwright (the Python package) is absent")
    home = tmp_path_factory.mktemp("habeas-browser")
    habeas = [sys.executable, "-m", "habeas.cli.main"]
    made = subprocess.run(
        [*habeas, "demo", "--no-serve"],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    password = re.search(r"with the password (\S+)", made.stdout)
    assert password is not None, made.stdout + made.stderr
    server = subprocess.Popen(
        [*habeas, "serve", "--port", "0"],
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        found = re.search(r"serving on (http://\S+)/", line)
        assert found is not None, line
        yield App(found.group(1), password.group(1))
    finally:
        server.terminate()
        server.wait(timeout=10)


# Module scope, not session: Playwright's sync API runs an event loop in this
# thread while it is open, and Django refuses database calls from a thread with a
# running loop, so the browser must be closed before other tests use the ORM.
@pytest.fixture(scope="module")
def browser(app: App) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, app: App) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(app.url + "/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", app.password)
    page.click("button[type=submit]")
    page.wait_for_url(app.url + "/")
    yield page
    context.close()
