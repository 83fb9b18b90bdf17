"""Batch ingest: the same store on one process, on two local processes, and on a Dask cluster."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

NAMES = ("Nadira Velikhanli", "Ruslan Ostapchuk", "Лейла Тарханова")


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A directory of text files and a JSON Lines file, all about invented people."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for i in range(14):
        name = NAMES[i % 3]
        where = folder / "sub" if i % 2 else folder
        (where / f"r{i:02d}.txt").write_text(f"Police detained {name} at dawn on day {i}.\n")
    with (folder / "more.jsonl").open("w") as out:
        for i in range(6):
            text = f"{NAMES[i % 3]} was released after {i + 2} days."
            out.write(json.dumps({"doc_id": f"j{i}", "text": text, "lang": "en"}) + "\n")
        out.write("{not json\n")
    return folder


def _state() -> list[tuple[str, str, bool, tuple[str, ...]]]:
    from habeas.web.store.models import Person

    rows = []
    for person in Person.objects.prefetch_related("events", "name_forms__report"):
        report = person.name_forms.all()[0].report if person.name_forms.all() else None
        rows.append(
            (
                report.text_sha256 if report is not None else "",
                person.display_name,
                person.merged_into_id is not None,
                tuple(sorted(e.type for e in person.events.all())),
            )
        )
    return sorted(rows)


def _ingest(folder: Path, **how: Any) -> Any:
    from habeas.batch.inputs import items
    from habeas.web.store.batch import ingest_items

    return ingest_items(items([str(folder)], max_bytes=1_000_000), chunk=4, **how)


def _empty() -> None:
    from habeas.web.store import models as m

    for model in (m.Evidence, m.Version, m.Event, m.NameForm, m.Judgement, m.Person):
        model.objects.all().delete()
    m.Source.objects.all().delete()
    m.Report.objects.all().delete()


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as running:
        yield running.scheduler_address


def test_one_process_two_processes_and_dask_store_the_same(inputs: Path, cluster: str) -> None:
    one = _ingest(inputs)
    assert (one.stored, one.failed) == (20, 1)
    assert "more.jsonl, line 7" in one.errors[0]
    expected = _state()
    assert len(expected) >= 20

    _empty()
    two = _ingest(inputs, workers=2)
    assert (two.stored, two.failed) == (20, 1)
    assert _state() == expected

    _empty()
    on_dask = _ingest(inputs, dask=cluster)
    assert (on_dask.stored, on_dask.failed) == (20, 1)
    assert _state() == expected


def test_a_second_run_skips_what_the_first_stored(inputs: Path) -> None:
    from habeas.web.store.models import Report

    (inputs / "sub" / "r13.txt").unlink()  # as if the first run stopped before it
    first = _ingest(inputs, workers=2)
    (inputs / "sub" / "r13.txt").write_text("Police detained Ruslan Ostapchuk at dawn on day 13.\n")

    again = _ingest(inputs, workers=2)

    assert (first.stored, again.stored, again.skipped) == (19, 1, 19)
    assert Report.objects.count() == 20


def test_no_scheduler_is_a_clear_error(inputs: Path) -> None:
    from habeas.errors import InputError

    with pytest.raises(InputError, match=r"no Dask scheduler answers at tcp://127\.0\.0\.1:9"):
        _ingest(inputs, dask="tcp://127.0.0.1:9")
