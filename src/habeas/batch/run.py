"""Map a worker function over chunks, in order: here, on local processes, or on Dask."""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from itertools import chain, islice
from typing import Any, TypeVar

from habeas import model
from habeas.errors import InputError

T = TypeVar("T")
R = TypeVar("R")


def chunked(values: Iterable[T], size: int) -> Iterator[list[T]]:
    """`values` in lists of `size` (the last may be shorter)."""
    it = iter(values)
    while chunk := list(islice(it, size)):
        yield chunk


def map_ordered(
    fn: Callable[[T], R],
    jobs: Iterable[T],
    *,
    workers: int = 1,
    dask: str | None = None,
    initializer: Callable[[], None] | None = None,
) -> Iterator[R]:
    """fn(job) for every job, in the jobs' order, with a bounded number of jobs in flight.

    `dask` is a scheduler address (tcp://host:port): the jobs run on that
    cluster. Otherwise `workers` > 1 runs them on as many local processes,
    and 1 runs them here. The results are the same in every case.
    `initializer` runs once in each worker process (and here) before any job:
    loading what every job needs, so that it is not paid inside the first ones.
    """
    if workers < 1:
        raise InputError("--workers must be 1 or more")
    if dask:
        from habeas.batch.dask import map_on_cluster

        yield from map_on_cluster(fn, jobs, address=dask, initializer=initializer)
        return
    if workers == 1:
        if initializer is not None:
            initializer()
        yield from map(fn, jobs)
        return
    frozen = initializer is not None and multiprocessing.get_start_method() == "fork"
    if frozen:
        # Forked workers start from this process's memory: loaded here once, the
        # engine is theirs without each paying the load (a second or more of CPU
        # apiece). Freezing what is loaded keeps the collector from walking, and
        # so copying, those shared pages in every worker.
        assert initializer is not None
        initializer()
        gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=initializer) as pool:
            pending: deque[Future[Any]] = deque()
            for job in jobs:
                pending.append(pool.submit(fn, job))
                if len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
    finally:
        if frozen:
            gc.unfreeze()


def extract_reports(
    reports: Iterable[model.Report],
    *,
    workers: int = 1,
    dask: str | None = None,
    chunk: int = 32,
    spec: str = "",
) -> Iterator[tuple[model.Report, model.Extraction]]:
    """Each report with its extraction, in order, computed on workers."""
    from habeas.batch.work import extract_chunk, languages_of, warm

    pending: list[list[model.Report]] = []
    parts = chunked(reports, chunk)
    first = next(parts, None)
    if first is None:
        return

    def jobs() -> Iterator[tuple[str, list[model.Report]]]:
        assert first is not None
        for part in chain([first], parts):
            pending.append(part)
            yield spec, part

    # The first chunk tells which languages to load before the work starts.
    ready = partial(warm, spec, languages_of(first))
    for results in map_ordered(
        extract_chunk, jobs(), workers=workers, dask=dask, initializer=ready
    ):
        yield from zip(pending.pop(0), results, strict=True)
