"""`habeas extract --engine llm`: when the model cannot be used, the user is told so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from habeas.cli.main import main

from .fake_model import Reply, fake_model


def test_a_fallback_to_the_rules_is_said_on_standard_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "r.jsonl"
    text = "Police detained journalist Tamar Velkova in Baku on 3 March 2025."
    report.write_text(json.dumps({"doc_id": "fictional-1", "text": text, "lang": "en"}) + "\n")
    with fake_model([], default=Reply(status=500, raw=b"{}")) as server:
        argv = ["extract", str(report), "--engine", "llm", "--llm-url", server.url]
        assert main([*argv, "--llm-model", "m", "--quiet"]) == 0
    captured = capsys.readouterr()
    (line,) = captured.out.splitlines()
    assert json.loads(line)["engine"].startswith("rules.")
    assert "habeas: fictional-1: llm.v1:m not used" in captured.err
    assert "read by rules." in captured.err
