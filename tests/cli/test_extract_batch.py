"""`habeas extract --workers N` and `--dask ADDRESS` print what one process prints."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from habeas.cli.main import main

STORIES = (
    "Police detained journalist Tamar Velkova in Baku on 3 March 2025.",
    "A court sentenced Oren Laskaris to 30 days of administrative detention on 4 March 2025.",
    "Mira Dashenko was released on 9 April 2025 after serving her term.",
)


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as running:
        yield running.scheduler_address


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    assert main(["extract", "--quiet", *argv]) == 0
    return capsys.readouterr().out.splitlines()


def test_workers_and_dask_give_the_same_lines_in_the_same_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cluster: str
) -> None:
    reports = tmp_path / "reports.jsonl"
    reports.write_text(
        "".join(
            json.dumps({"doc_id": f"r{i}", "text": STORIES[i % 3], "lang": "en"}) + "\n"
            for i in range(75)
        )
    )
    one = _run(capsys, str(reports))

    assert len(one) == 75
    assert any("Velkova" in line for line in one)
    assert _run(capsys, str(reports), "--workers", "2") == one
    assert _run(capsys, str(reports), "--dask", cluster) == one


@pytest.mark.parametrize("batch", [["--workers", "2"], ["--dask", "tcp://127.0.0.1:9"]])
def test_a_model_engine_is_not_silently_replaced_by_the_rules_on_workers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], batch: list[str]
) -> None:
    reports = tmp_path / "reports.jsonl"
    reports.write_text(json.dumps({"doc_id": "r1", "text": STORIES[0], "lang": "en"}) + "\n")
    argv = ["extract", str(reports), "--engine", "llm", "--llm-url", "http://127.0.0.1:9", *batch]
    assert main(argv) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "--workers and --dask run the rule engine only" in captured.err
