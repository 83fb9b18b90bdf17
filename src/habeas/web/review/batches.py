"""Uploads of several files, captured one after another in the background with visible progress.

Each file is captured on its own, all or nothing (the store's rule), so a bad
file stops nothing but itself. Progress is kept in this process's memory:
`habeas serve` runs one process with threads, which is what this needs; a
deployment with several web processes would need a shared queue instead.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from django.db import close_old_connections

from habeas.errors import HabeasError

_KEEP = 200  # finished batches remembered, oldest forgotten first


class FileState(StrEnum):
    WAITING = "waiting"
    STORED = "stored"
    KNOWN = "known"
    FAILED = "failed"


@dataclass(slots=True)
class FileProgress:
    name: str
    state: FileState = FileState.WAITING
    message: str = ""
    report_id: int | None = None


@dataclass(slots=True)
class Batch:
    id: str
    owner_id: int
    files: list[FileProgress] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(f.state is not FileState.WAITING for f in self.files)

    @property
    def finished(self) -> bool:
        return self.done == len(self.files)


Capture = Callable[[bytes, str], tuple[bool, int, str]]  # → (stored?, report id, description)

_lock = threading.Lock()
_batches: dict[str, Batch] = {}


@lru_cache(maxsize=1)
def _worker() -> ThreadPoolExecutor:
    # One worker: captures run one at a time, as SQLite writes do anyway.
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="habeas-capture")


def start(files: list[tuple[str, bytes]], *, owner_id: int, capture: Capture) -> Batch:
    """Queue the files for capture in the background; the batch shows their progress."""
    batch = Batch(id=uuid.uuid4().hex, owner_id=owner_id, files=[FileProgress(n) for n, _ in files])
    with _lock:
        _batches[batch.id] = batch
        while len(_batches) > _KEEP:
            del _batches[next(iter(_batches))]
    _worker().submit(_run, batch, files, capture)
    return batch


def get(batch_id: str, *, owner_id: int) -> Batch | None:
    """The batch, if it exists and belongs to `owner_id`."""
    with _lock:
        batch = _batches.get(batch_id)
    return batch if batch is not None and batch.owner_id == owner_id else None


def _run(batch: Batch, files: list[tuple[str, bytes]], capture: Capture) -> None:
    try:
        for progress, (name, data) in zip(batch.files, files, strict=True):
            try:
                stored, report_id, message = capture(data, name)
            except HabeasError as exc:
                progress.state, progress.message = FileState.FAILED, str(exc)
                continue
            except Exception as exc:  # a bug: the batch goes on, the file says what broke
                progress.state = FileState.FAILED
                progress.message = f"internal error ({type(exc).__name__})"
                continue
            progress.report_id, progress.message = report_id, message
            progress.state = FileState.STORED if stored else FileState.KNOWN
    finally:
        close_old_connections()
