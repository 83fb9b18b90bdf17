"""The batch runner: the initializer runs in every worker before any job, results in order."""

from __future__ import annotations

import os

import pytest

_READY: dict[str, int] = {}


def _initialize() -> None:
    _READY["pid"] = os.getpid()


def _job(n: int) -> tuple[int, bool]:
    # Whether this process was initialized before it ran a job.
    return n * n, _READY.get("pid") == os.getpid()


@pytest.mark.parametrize("workers", [1, 2])
def test_every_worker_is_initialized_before_its_first_job(workers: int) -> None:
    from habeas.batch.run import map_ordered

    _READY.clear()
    results = list(map_ordered(_job, range(20), workers=workers, initializer=_initialize))
    assert results == [(n * n, True) for n in range(20)]


def test_warming_the_rule_engine_leaves_its_extractions_unchanged() -> None:
    from habeas.batch.work import extract_chunk, warm
    from habeas.model import Report

    report = Report(
        doc_id="r1", text="Police detained Oren Laskaris in Ganja on 2 May 2025.", lang="en"
    )
    before = extract_chunk(("", [report]))
    warm("")
    assert extract_chunk(("", [report])) == before
