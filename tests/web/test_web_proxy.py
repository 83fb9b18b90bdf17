"""Finding 4: behind a TLS proxy, `habeas serve` believes X-Forwarded-* only from that proxy.

The real server (`habeas serve`, waitress) on loopback; the test is the proxy.
"""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def _serving(home: Path, **env: str) -> Iterator[int]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HABEAS_")}
    clean |= {"HABEAS_HOME": str(home), "HABEAS_HTTPS": "1", **env}
    process = subprocess.Popen(
        [sys.executable, "-m", "habeas.cli.main", "serve", "--port", "0"],
        env=clean,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert "serving on http://127.0.0.1:" in line, line + (
            process.stderr.read() if process.stderr else ""
        )
        yield int(line.rsplit(":", 1)[1].split("/")[0])
    finally:
        process.terminate()
        process.wait(timeout=20)


def _get(port: int, headers: dict[str, str]) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        connection.request("GET", "/accounts/login/", headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location") or ""
    finally:
        connection.close()


HTTPS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.5"}


def test_the_proxys_https_header_ends_the_redirect(tmp_path: Path) -> None:
    with _serving(tmp_path, HABEAS_BEHIND_PROXY="1") as port:
        forwarded = _get(port, HTTPS)
        plain = _get(port, {})

    assert forwarded[0] == 200  # the login page itself, no redirect loop
    assert plain == (301, f"https://127.0.0.1:{port}/accounts/login/")


def test_the_header_from_anyone_but_the_proxy_is_ignored(tmp_path: Path) -> None:
    # The proxy is elsewhere: a client on loopback cannot claim TLS.
    with _serving(tmp_path, HABEAS_BEHIND_PROXY="1", HABEAS_PROXY_ADDRESS="192.0.2.10") as port:
        assert _get(port, HTTPS)[0] == 301


def test_without_behind_proxy_the_header_is_ignored(tmp_path: Path) -> None:
    with _serving(tmp_path) as port:
        assert _get(port, HTTPS)[0] == 301
