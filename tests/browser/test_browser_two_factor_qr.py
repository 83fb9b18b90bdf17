"""The second factor's set-up page shows a QR code from our own origin, under the strict CSP."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from browser_support import App, server_env


def test_the_setup_page_shows_the_qr_code_without_csp_violation(browser: Any, app: App) -> None:
    # A new editor: their role needs a second factor they have not set up yet.
    home = app.home
    assert home is not None
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "habeas.cli.main",
            "users",
            "add",
            "qr-editor",
            "--role",
            "editor",
            "--password-stdin",
        ],
        input="a long enough passphrase for qr\n",
        env=server_env(home),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    images: list[Any] = []
    page.on("response", lambda r: images.append(r) if r.url.endswith("qr.svg") else None)
    try:
        page.goto(app.url + "/")
        page.fill("#id_username", "qr-editor")
        page.fill("#id_password", "a long enough passphrase for qr")
        page.click("button[type=submit]")
        page.wait_for_url("**/accounts/two-factor/setup/**")
        qr = page.locator("img[data-qr]")
        qr.wait_for()
        page.wait_for_load_state("networkidle")
        width = page.evaluate("() => document.querySelector('img[data-qr]').naturalWidth")
        src = qr.get_attribute("src")
    finally:
        context.close()

    assert src is not None and src.startswith("/")  # our origin, not data: or another host
    assert width > 100  # the SVG loaded and was drawn
    (response,) = images
    assert response.status == 200
    assert response.headers["content-type"] == "image/svg+xml"
    assert response.headers["cache-control"] == "no-store"
    assert [m for m in messages if "Content Security Policy" in m] == []
