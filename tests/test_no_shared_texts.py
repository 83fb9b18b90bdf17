"""No report text from ../shared/eval is copied into the repository.

The shared reports are third-party texts kept beside the repository for
development and benchmarks only; tests and lexicons use sentences we invent.
The check looks for any run of 20 words of a shared report inside a tracked
file. Shorter runs are not proof of copying: the names of statutes ("Article
23.34 of the Administrative Code, violation of the order of holding mass
events") and stock phrases run to 18 words and are quoted on purpose.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "eval"
RUN = 20
_WORD = re.compile(r"\w+")
_TEXT_SUFFIXES = {
    ".py",
    ".md",
    ".toml",
    ".txt",
    ".json",
    ".jsonl",
    ".html",
    ".yaml",
    ".cfg",
    ".csv",
}


def _runs(text: str) -> Iterator[str]:
    words = _WORD.findall(text.lower())
    for i in range(len(words) - RUN + 1):
        yield " ".join(words[i : i + RUN])


def _shared_texts() -> list[tuple[str, str]]:
    out = []
    for name in ("real", "dev"):
        path = SHARED / name / "reports.jsonl"
        if not path.exists():
            pytest.skip(f"{path} is absent: the shared evaluation set is not beside the repository")
        with path.open(encoding="utf-8") as lines:
            out += [(r["doc_id"], r["text"]) for r in map(json.loads, lines)]
    return out


def _copies(files: Iterable[tuple[str, str]], reports: list[tuple[str, str]]) -> list[str]:
    seen: dict[str, str] = {}
    for name, text in files:
        for run in _runs(text):
            seen.setdefault(run, name)
    found = []
    for doc_id, text in reports:
        for run in _runs(text):
            if run in seen:
                found.append(f"{seen[run]} holds 20 words of {doc_id}: {run[:60]}…")
                break
    return found


def _tracked_texts() -> list[tuple[str, str]]:
    listed = subprocess.run(
        ["git", "-C", str(REPO), "ls-files"], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    out = []
    for name in listed:
        path = REPO / name
        if path.suffix in _TEXT_SUFFIXES and path.is_file():
            try:
                out.append((name, path.read_text(encoding="utf-8")))
            except UnicodeDecodeError:
                continue
    return out


def test_no_tracked_file_holds_a_run_of_a_shared_report() -> None:
    reports = _shared_texts()
    assert _copies(_tracked_texts(), reports) == []


def test_the_check_finds_a_copied_sentence() -> None:
    reports = _shared_texts()
    doc_id, text = reports[len(reports) // 2]
    words = _WORD.findall(text)
    planted = "An invented line before. " + " ".join(words[5 : 5 + RUN + 3]) + " and after."
    found = _copies([("tests/planted.py", planted)], reports)
    assert any(doc_id in line for line in found)
