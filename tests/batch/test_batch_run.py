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


_LOADED_IN: list[int] = []


def _load() -> None:
    _LOADED_IN.append(os.getpid())


def _loaded_before_fork(n: int) -> bool:
    # The first pid recorded is where the initializer ran first: the parent, when
    # workers are forked from a process that loaded the engine already.
    return bool(_LOADED_IN) and _LOADED_IN[0] != os.getpid()


def test_forked_workers_start_with_what_the_parent_loaded() -> None:
    import gc
    import multiprocessing

    from habeas.batch.run import map_ordered

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("workers are not forked on this platform: each loads for itself")
    _LOADED_IN.clear()
    assert all(map_ordered(_loaded_before_fork, range(8), workers=2, initializer=_load))
    assert [os.getpid()] == _LOADED_IN
    assert gc.get_freeze_count() == 0  # the parent's objects are collectable again


def test_extractions_come_back_from_workers_whole() -> None:
    import pickle

    from habeas.model import (
        Charge,
        Event,
        EventType,
        Extraction,
        LegalCode,
        PartialDate,
        Penalty,
        PenaltyKind,
        Person,
        Report,
    )

    event = Event(
        EventType.SENTENCE,
        date=PartialDate(2025, 3),
        penalty=Penalty(PenaltyKind.ADMINISTRATIVE_DETENTION, days=30),
        charges=(Charge("petty hooliganism", "296", LegalCode.ADMINISTRATIVE),),
        evidence=(4, 90),
    )
    extraction = Extraction("r1", (Person("Oren Laskaris", ("activist",), (event,)),), "rules")
    report = Report("r1", "text", lang="en")
    for value in (extraction, report, PartialDate(2025)):
        copy = pickle.loads(pickle.dumps(value))
        assert copy == value and copy is not value
    with pytest.raises(AttributeError):
        pickle.loads(pickle.dumps(event)).place = "Baku"  # type: ignore[misc]  # still frozen


_WARM_PROBE = """
import sys
from habeas.batch.work import warm
from habeas.extract import ner_ru
warm("", frozenset(sys.argv[1].split(",")))
print("ru loaded" if ner_ru._Models.morph is not None else "ru not loaded")
"""


@pytest.mark.parametrize(("langs", "expected"), [("en", "ru not loaded"), ("en,ru", "ru loaded")])
def test_warming_loads_only_the_languages_of_the_batch(langs: str, expected: str) -> None:
    # A fresh interpreter: this test process may have loaded Russian already.
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _WARM_PROBE, langs], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == expected


def test_the_languages_of_a_batch_are_unknown_when_a_report_has_none() -> None:
    from habeas.batch.work import languages_of
    from habeas.model import Report

    en, ru = Report(doc_id="a", text="x", lang="en"), Report(doc_id="b", text="y", lang="ru")
    assert languages_of([en, ru]) == frozenset({"en", "ru"})
    assert languages_of([en, Report(doc_id="c", text="z")]) is None


def test_an_empty_batch_extracts_nothing_on_workers() -> None:
    from habeas.batch.run import extract_reports

    assert list(extract_reports([], workers=2)) == []
