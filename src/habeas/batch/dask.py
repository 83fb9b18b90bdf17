"""Running batch jobs on a Dask cluster: the only module that imports dask."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from habeas.errors import InputError

T = TypeVar("T")
R = TypeVar("R")

# Jobs handed to the cluster ahead of the one being collected, per worker thread.
_AHEAD = 2


def map_on_cluster(
    fn: Callable[[T], R],
    jobs: Iterable[T],
    *,
    address: str,
    initializer: Callable[[], None] | None = None,
) -> Iterator[R]:
    """fn(job) for every job on the Dask scheduler at `address`, in the jobs' order.

    Only a few jobs per worker are in flight at once, so a large input is
    never held in memory whole. `initializer` runs first on every worker the
    cluster has then. Raises InputError when no scheduler answers.
    """
    import distributed

    connect: Any = distributed.Client  # untyped library
    try:
        client: Any = connect(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise InputError(f"no Dask scheduler answers at {address} ({exc})") from None
    try:
        if initializer is not None:
            client.run(initializer)
        threads = max(sum(client.nthreads().values()), 1)
        pending: deque[Any] = deque()
        for job in jobs:
            # pure=False: the same chunk twice (a rerun) is still computed, not shared.
            pending.append(client.submit(fn, job, pure=False))
            if len(pending) >= _AHEAD * threads:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()
