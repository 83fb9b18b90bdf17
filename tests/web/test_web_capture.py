"""Capture in the browser: paste, URL, upload; clear messages for bad input, nothing half-saved."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from web_support import client_for, held_story

PAGES: dict[str, tuple[str, bytes]] = {
    "/story": (
        "text/html; charset=utf-8",
        b"<html><head><title>Held</title></head><body><article><p>"
        + held_story("Zaur Qasimli", "Qasimli").encode()
        + b"</p></article></body></html>",
    ),
    "/photo": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
}


@pytest.fixture
def site() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path not in PAGES:
                self.send_error(404)
                return
            kind, body = PAGES[self.path]
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _counts() -> tuple[int, int, int]:
    from habeas.web.store.models import Event, Person, Report

    return Report.objects.count(), Person.objects.count(), Event.objects.count()


def test_a_pasted_report_is_stored_once() -> None:
    client = client_for("bob")
    form = {"paste-text": held_story("Zaur Qasimli", "Qasimli"), "paste-published": "2025-03-13"}

    first = client.post("/capture/paste/", form, follow=True).content.decode()
    second = client.post("/capture/paste/", form, follow=True).content.decode()

    assert "Stored report #" in first and "1 person, 2 suggested events" in first
    assert "Already known: report #" in second
    assert _counts() == (1, 1, 2)


def test_an_empty_paste_is_refused_in_the_page() -> None:
    response = client_for("bob").post("/capture/paste/", {"paste-text": "   "})

    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert _counts() == (0, 0, 0)


def test_a_private_address_is_refused_before_any_fetch(site: str) -> None:
    response = client_for("bob").post("/capture/url/", {"url-url": site + "/story"})

    assert response.status_code == 400
    assert "private" in response.content.decode() or "loopback" in response.content.decode()
    assert _counts() == (0, 0, 0)


@override_settings(HABEAS_ALLOW_PRIVATE_FETCH=True)
def test_a_page_is_captured_by_its_address(site: str) -> None:
    response = client_for("bob").post("/capture/url/", {"url-url": site + "/story"}, follow=True)

    assert "Stored report #" in response.content.decode()
    assert _counts()[0] == 1


@override_settings(HABEAS_ALLOW_PRIVATE_FETCH=True)
@pytest.mark.parametrize(("path", "message"), [("/photo", "image/png, not HTML"), ("/gone", "404")])
def test_a_page_that_is_not_an_article_is_explained(site: str, path: str, message: str) -> None:
    response = client_for("bob").post("/capture/url/", {"url-url": site + path})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert _counts() == (0, 0, 0)


@override_settings(HABEAS_ALLOW_PRIVATE_FETCH=True)
def test_an_unreachable_address_is_explained() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]

    response = client_for("bob").post("/capture/url/", {"url-url": f"http://127.0.0.1:{port}/x"})

    assert response.status_code == 400
    assert 'class="errorlist"' in response.content.decode()
    assert _counts() == (0, 0, 0)


@override_settings(HABEAS_MAX_BYTES=100)
def test_a_file_too_large_is_refused_whole() -> None:
    big = SimpleUploadedFile("big.txt", b"x" * 101, content_type="text/plain")

    response = client_for("bob").post("/capture/upload/", {"upload-files": [big]})

    assert response.status_code == 400
    assert "big.txt: larger than the limit of 100 bytes; nothing was stored." in (
        response.content.decode()
    )
    assert _counts() == (0, 0, 0)


def test_several_files_are_captured_with_progress() -> None:
    files = [
        SimpleUploadedFile("a.txt", held_story("Zaur Qasimli", "Qasimli").encode()),
        SimpleUploadedFile("b.txt", b"\xff\xfe\x00\x00binary\x00\x00"),
        SimpleUploadedFile("c.txt", held_story("Rena Abbasova", "Abbasova").encode()),
    ]
    client = client_for("bob")

    response = client.post("/capture/upload/", {"upload-files": files})
    assert response.status_code == 302
    batch_url = response["Location"]
    page = client.get(batch_url).content.decode()
    assert "<progress" in page
    for _ in range(100):
        fragment = client.get(batch_url, HTTP_HX_REQUEST="true").content.decode()
        if 'data-finished="true"' in fragment:
            break
        time.sleep(0.05)

    assert "3 of 3 files done." in fragment
    assert "<strong>b.txt</strong>: failed" in fragment
    assert 'hx-trigger="every 1s"' not in fragment  # polling stops when done
    assert _counts()[0] == 2


def test_a_batch_is_private_to_its_owner() -> None:
    files = [SimpleUploadedFile(n, held_story("Zaur Qasimli", n).encode()) for n in "xy"]
    response = client_for("bob").post("/capture/upload/", {"upload-files": files})

    assert client_for("alice").get(response["Location"]).status_code == 404


def test_detect_stores_the_language_of_the_text() -> None:
    from habeas.web.store.models import Report

    form = {"paste-text": held_story("Zaur Qasimli", "Qasimli"), "paste-lang": ""}
    page = client_for("bob").post("/capture/paste/", form, follow=True)

    assert Report.objects.get(pk=_report_id(page)).lang == "en"
    assert "<dd>English</dd>" in page.content.decode()


def _report_id(page: Any) -> int:
    """The report a capture redirected to (a batch of an earlier test may still be storing)."""
    url = page.redirect_chain[-1][0]
    return int(url.rstrip("/").rsplit("/", 1)[1])


def test_a_report_in_a_language_we_cannot_read_is_stored_unread() -> None:
    from habeas.web.store.models import Report

    # Georgian, invented: "Police detained Zaur Qasimli at his home. The court jailed him."
    text = "პოლიციამ ზაურ ყასიმლი სახლში დააკავა. სასამართლომ ის ოცდაათი დღით დააპატიმრა."
    page = client_for("bob").post("/capture/paste/", {"paste-text": text}, follow=True)
    body = page.content.decode()

    assert "it is in Georgian, which habeas cannot read, so nothing was extracted" in body
    assert "data-unread" in body
    report = Report.objects.get(pk=_report_id(page))
    assert report.lang == "ka"
    assert not report.evidence.exists()


def test_a_large_paste_within_the_cap_reaches_the_form() -> None:
    # 5.6 MB, over Django's 2.5 MB default for a request body, under the 10 MB cap.
    text = held_story("Zaur Qasimli", "Qasimli") + ("The hearing went on. " * 270_000)
    assert len(text.encode()) > 5_600_000
    page = client_for("bob").post("/capture/paste/", {"paste-text": text}, follow=True)

    assert page.status_code == 200
    assert "Stored report #" in page.content.decode()


@override_settings(HABEAS_MAX_BYTES=1000)
def test_a_paste_over_the_cap_is_refused_in_the_form() -> None:
    text = held_story("Zaur Qasimli", "Qasimli") * 20
    response = client_for("bob").post("/capture/paste/", {"paste-text": text})

    assert response.status_code == 400
    assert "too large" in response.content.decode()
    assert "the limit is 1,000 bytes" in response.content.decode()
    assert _counts() == (0, 0, 0)
