"""Bad input to the JSON-reading commands: one clear line, a non-zero exit, bounded output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from habeas.cli.main import main

DEEP = "[" * 100_000 + "]" * 100_000
DEEP_OBJECT = '{"a": ' + DEEP + ', "b": "x"}'


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("text", [DEEP, DEEP_OBJECT])
def test_deeply_nested_json_to_status_is_bad_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    f = tmp_path / "deep.json"
    f.write_text(text, "utf-8")
    code, out, err = run(capsys, "status", str(f), "--today", "2025-01-01")

    assert code == 2 and out == ""
    assert "internal error" not in err and "RecursionError" not in err
    assert err.count("\n") == 1 and "nested too deeply" in err


def test_deeply_nested_json_to_match_pairs_is_bad_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "pairs.jsonl"
    f.write_text(DEEP_OBJECT + "\n", "utf-8")
    code, _, err = run(capsys, "match", "--pairs", str(f))

    assert code == 1
    assert err == f"habeas: {f}, line 1: nested too deeply\n"


def test_deeply_nested_json_to_extract_is_bad_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "reports.jsonl"
    f.write_text(DEEP_OBJECT + "\n", "utf-8")
    code, _, err = run(capsys, "extract", "--quiet", str(f))

    assert code == 1 and "nested too deeply" in err and "internal error" not in err


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_an_empty_file_to_status_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    f = tmp_path / "persons.jsonl"
    f.write_text(content, "utf-8")
    code, out, err = run(capsys, "status", str(f))

    assert code == 2 and out == ""
    assert err == f"habeas: {f} is empty: no persons to assess\n"


def test_an_empty_file_to_match_pairs_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "pairs.jsonl"
    f.write_text("\n", "utf-8")
    code, out, err = run(capsys, "match", "--pairs", str(f))

    assert code == 2 and out == ""
    assert err == f"habeas: {f} is empty: no pairs to match.\n"


def test_many_bad_lines_give_a_bounded_number_of_error_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = json.dumps({"a": "Tural Mirzayev", "b": "Мирзаев Турал"}, ensure_ascii=False)
    f = tmp_path / "pairs.jsonl"
    f.write_text(good + "\n" + "not json\n" * 5000 + good + "\n", "utf-8")
    code, out, err = run(capsys, "match", "--pairs", str(f))

    lines = err.splitlines()
    assert code == 1
    assert len(out.splitlines()) == 2  # the good lines are still matched
    assert len(lines) == 21
    assert lines[0].startswith(f"habeas: {f}, line 2: ")
    assert lines[-1] == f"habeas: {f}: 4980 more bad lines not shown (5000 in all)"


def test_many_bad_persons_to_status_are_bounded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "persons.jsonl"
    f.write_text('{"x": 1}\n' * 300, "utf-8")
    code, _, err = run(capsys, "status", str(f))

    assert code == 2
    assert len(err.splitlines()) == 21 and "(300 in all)" in err
