"""`habeas match`: one verdict, or JSON Lines in and out with per-line errors."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from habeas.cli import match
from habeas.errors import InputError


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="habeas")
    match.register(parser.add_subparsers())
    args = parser.parse_args(["match", *argv])
    return int(args.func(args))


def test_two_names_print_one_json_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["Туралу Мирзаеву", "Tural Mirzayev"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    verdict = json.loads(out[0])
    assert verdict["same"] is True
    assert verdict["score"] == round(verdict["score"], 3)
    assert set(verdict) == {"same", "score"}


def test_different_people(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["Tural Mirzayev", "Gunel Mirzayeva"]) == 0
    assert json.loads(capsys.readouterr().out)["same"] is False


def test_pairs_file_keeps_fields_and_reports_bad_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        '{"a": "Tural Mirzayev", "b": "Турал Мирзаев", "id": 7}\n'
        "not json\n"
        '{"a": "Tural Mirzayev"}\n'
        '{"a": "", "b": "Tural"}\n'
        '{"a": "Tural Mirzayev", "b": "Elvin Mirzayev"}\n',
        encoding="utf-8",
    )
    assert _run(["--pairs", str(pairs)]) == 1
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [(r.get("id"), r["same"]) for r in rows] == [(7, True), (None, False)]
    errors = captured.err.splitlines()
    assert all(e.startswith(f"habeas: {pairs}, line ") for e in errors)
    assert [e.split(", line ")[1].split(":")[0] for e in errors] == ["2", "3", "4"]


def test_pairs_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('{"a": "T. Mirzayev", "b": "Tural Mirzayev"}\n'))
    assert _run(["--pairs", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["same"] is True


def test_missing_file_and_wrong_arity_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Cannot read"):
        _run(["--pairs", str(tmp_path / "absent.jsonl")])
    with pytest.raises(InputError, match="exactly two"):
        _run(["Tural Mirzayev"])
