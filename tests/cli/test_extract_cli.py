"""`habeas extract` end to end: inputs of every kind, and bad input of every kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from habeas.cli.main import main

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "habeas" / "examples" / "report-en.txt"
REPORT = (
    "Police in Ganja detained blogger Tural Qasimli on 3 March. He was released two days later."
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["extract", "--quiet", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_plain_text_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "report.txt"
    f.write_text(REPORT, "utf-8")
    code, out, _ = run(capsys, str(f), "--published", "2025-03-10")
    assert code == 0
    doc = json.loads(out)
    assert doc["doc_id"] == "report" and doc["engine"] == "rules.v2"
    [person] = doc["persons"]
    assert person["name"] == "Tural Qasimli"
    assert [(e["type"], e.get("date")) for e in person["events"]] == [
        ("detention", "2025-03-03"),
        ("release", "2025-03-05"),
    ]
    start, end = person["events"][0]["evidence"]
    assert REPORT[start:end].startswith("Police in Ganja")


def test_html_page_takes_its_date_and_drops_boilerplate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = f"""<!doctype html><html lang="en"><head><title>Blogger held</title>
    <meta property="article:published_time" content="2025-03-10T09:00:00Z"></head><body>
    <nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
    <article><h1>Blogger held</h1><p>{REPORT}</p>
    <p>His friends say he was detained for his videos about the city's budget.</p></article>
    <aside><h3>Related articles</h3><ul><li><a href="/x">Another story</a></li></ul></aside>
    </body></html>"""
    f = tmp_path / "page.html"
    f.write_text(page, "utf-8")
    code, out, _ = run(capsys, str(f))
    assert code == 0
    doc = json.loads(out)
    assert doc["lang"] == "en"
    events = doc["persons"][0]["events"]
    assert events[1]["date"] == "2025-03-05"  # "two days later" from 3 March


def test_json_lines_batch_keeps_going_after_a_bad_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "batch.jsonl"
    good = {"doc_id": "a", "published": "2025-03-10", "lang": "en", "text": REPORT}
    f.write_text(
        json.dumps(good)
        + "\n{not json\n"
        + json.dumps({"doc_id": "b", "text": ""})
        + "\n"
        + json.dumps({**good, "doc_id": "c"})
        + "\n",
        "utf-8",
    )
    code, out, err = run(capsys, str(f))
    assert code == 1
    assert [json.loads(line)["doc_id"] for line in out.splitlines()] == ["a", "c"]
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert "batch.jsonl, line 2: not valid JSON" in lines[0]
    assert "batch.jsonl, line 3" in lines[1] and "empty" in lines[1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ],
)
def test_bad_files_get_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    code, out, err = run(capsys, str(f))
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "bad.txt" in err and message in err
    assert "Traceback" not in err


def test_a_report_over_the_size_cap_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "huge.txt"
    f.write_text("Police detained a man. " * 450_000, "utf-8")  # about 10 MB
    code, out, err = run(capsys, str(f))
    assert code != 0 and out == ""
    assert "huge.txt" in err and "MB" in err


def test_missing_file_and_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(tmp_path / "nope.txt"), str(tmp_path))
    assert code != 0
    assert "nope.txt: no such file" in err and "is a directory" in err


def test_bad_published_date(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(EXAMPLE), "--published", "13/03/2025")
    assert code == 2 and "13/03/2025" in err and "Traceback" not in err


def test_table_format_reads_as_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(EXAMPLE), "--published", "2026-11-20", "--format", "table")
    assert code == 0
    assert "Tarlan Gurbanzade (activist)" in out
    assert "administrative detention 25 days" in out
    assert "Nargiz Aslanova" not in out.split("“")[0]  # the lawyer is not a listed person
