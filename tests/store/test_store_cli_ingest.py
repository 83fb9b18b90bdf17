"""`habeas ingest` on URLs, files and stdin, and its one-line errors."""

from __future__ import annotations

import io
import socket
import time
from pathlib import Path

import pytest
from store_support import Page, Site, article, counts

from habeas.cli.main import main

STORY = article(
    "Activist held in the capital",
    "Police detained Nadira Velikhanli outside her home on Monday evening, her colleagues said.",
    "Officers did not say why she was taken to the station, and her lawyer was not allowed in.",
    "Nadira Velikhanli was released on Wednesday after two nights in custody, friends reported.",
)
PLAIN = "Ruslan Ostapchuk was detained at a picket on Sunday and released the same evening.\n"
NOTHING_STORED = {"reports": 0, "sources": 0, "persons": 0, "events": 0, "feeds": 0}


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_ingest_a_url_then_again(
    site: Site, allow_private: None, capsys: pytest.CaptureFixture[str]
) -> None:
    site.pages["/story"] = Page(STORY)

    assert main(["ingest", site.url("/story")]) == 0
    first = capsys.readouterr().out.strip()
    assert main(["ingest", site.url("/story")]) == 0
    second = capsys.readouterr().out.strip()

    report_id = first.split("#")[1].split(":")[0]
    assert first == f"stored report #{report_id}: 1 person, 2 suggested events"
    assert second == f"already known: report #{report_id}"
    assert counts()["reports"] == 1


def test_the_stored_source_keeps_the_capture(site: Site, allow_private: None) -> None:
    from habeas.web.store.models import Source

    site.pages["/story"] = Page(STORY)
    main(["ingest", site.url("/story")])

    source = Source.objects.select_related("report").get()
    assert (source.url, source.http_status, source.media_type) == (
        site.url("/story"),
        200,
        "text/html",
    )
    assert Path(source.snapshot_path).is_file()
    assert source.report.publisher == "127.0.0.1"
    assert "Nadira Velikhanli" in source.report.text
    assert "Home" not in source.report.text  # the page's navigation is not the report


def test_ingest_an_html_file_and_a_text_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "story.html").write_bytes(STORY)
    (tmp_path / "note.txt").write_text(PLAIN, encoding="utf-8")

    code = main(["ingest", str(tmp_path / "story.html"), str(tmp_path / "note.txt")])

    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert [line.split(":")[1].strip() for line in lines] == [
        "1 person, 2 suggested events",
        "1 person, 2 suggested events",
    ]
    assert counts()["reports"] == 2


def test_ingest_stdin_with_hints(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from habeas.web.store.models import Report

    stdin = io.TextIOWrapper(io.BytesIO(PLAIN.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)

    code = main(["ingest", "-", "--published", "2025-03-09", "--lang", "en", "--title", "A note"])

    assert code == 0
    assert capsys.readouterr().out.startswith("stored report #")
    report = Report.objects.get()
    assert (str(report.published), report.lang, report.title) == ("2025-03-09", "en", "A note")


def _fails(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["ingest", *args])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert counts() == NOTHING_STORED
    return lines[0]


def test_an_unreachable_url(allow_private: None, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/story"
    line = _fails([url], capsys)
    assert line.startswith("habeas: ") and url in line


def test_a_loopback_url_without_permission(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.pages["/story"] = Page(STORY)

    line = _fails([site.url("/story")], capsys)

    assert site.url("/story") in line
    assert site.hits == []  # refused before connecting


def test_a_private_address_is_refused_without_a_connection(
    capsys: pytest.CaptureFixture[str],
) -> None:
    started = time.monotonic()
    line = _fails(["http://10.0.0.1/story"], capsys)
    # A refusal decided from the address alone is immediate; a connection attempt
    # to an unrouted address would take until the timeout.
    assert time.monotonic() - started < 2
    assert "10.0.0.1" in line


def test_a_page_that_is_not_html(
    site: Site, allow_private: None, capsys: pytest.CaptureFixture[str]
) -> None:
    site.pages["/logo"] = Page(b"\x89PNG\r\n\x1a\n" + bytes(200), content_type="image/png")
    assert "image/png" in _fails([site.url("/logo")], capsys)


def test_a_file_over_the_size_cap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from django.test import override_settings

    (tmp_path / "big.txt").write_text(PLAIN * 10, encoding="utf-8")
    with override_settings(HABEAS_MAX_BYTES=100):
        line = _fails([str(tmp_path / "big.txt")], capsys)
    assert line.startswith("habeas: ") and "big.txt" in line


def test_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.txt"
    assert _fails([str(missing)], capsys) == f"habeas: {missing}: no such file"


def test_one_bad_input_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "note.txt").write_text(PLAIN, encoding="utf-8")

    code = main(["ingest", str(tmp_path / "nope.txt"), str(tmp_path / "note.txt")])

    captured = capsys.readouterr()
    assert code == 2
    assert "nope.txt: no such file" in captured.err
    assert captured.out.startswith("stored report #")
    assert counts()["reports"] == 1
