"""Ingest many items: extraction on workers, storage here in batches, resumable.

Workers read and extract (habeas.batch.work); this process stores each
chunk in one transaction (each report in its own savepoint, so one bad input
fails alone). Resuming: an item whose exact bytes are already on record
under its name is skipped before any work is sent out, so running the same
command again after a failure picks up where the stored part ends.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction

from habeas import model
from habeas.batch.inputs import Item
from habeas.batch.run import chunked, map_ordered
from habeas.batch.work import Prepared, extractor_from, prepare_chunk, warm
from habeas.errors import HabeasError, InputError

CHUNK = 32


@dataclass
class Summary:
    stored: int = 0
    known: int = 0
    skipped: int = 0  # stored by an earlier run: not read again
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    @property
    def done(self) -> int:
        return self.stored + self.known + self.skipped + self.failed

    def line(self) -> str:
        rate = self.done / max(time.monotonic() - self.started, 1e-9)
        return (
            f"{self.done} inputs: {self.stored} stored, {self.known} already known, "
            f"{self.skipped} skipped (stored before), {self.failed} failed ({rate:.0f}/s)"
        )


class _Precomputed:
    """An extractor that answers with a worker's extraction of exactly this text."""

    def __init__(self, prepared: Prepared, fallback: Any) -> None:
        self.version = prepared.engine
        self._prepared = prepared
        self._fallback = fallback

    def extract(self, report: model.Report) -> model.Extraction:
        sha = hashlib.sha256(report.text.encode("utf-8")).hexdigest()
        if self._prepared.extraction is not None and sha == self._prepared.text_sha256:
            return self._prepared.extraction
        return self._fallback.extract(report)  # type: ignore[no-any-return]


def _new_only(chunk: list[Item], summary: Summary) -> list[Item]:
    from habeas.web.store.models import Source

    digests = {item.name: hashlib.sha256(item.data).hexdigest() for item in chunk}
    seen = set(
        Source.objects.filter(
            sha256__in=set(digests.values()), url="", filename__in=set(digests)
        ).values_list("filename", "sha256")
    )
    fresh = [item for item in chunk if (item.name, digests[item.name]) not in seen]
    summary.skipped += len(chunk) - len(fresh)
    return fresh


def ingest_items(
    found: Iterable[Item | InputError],
    *,
    workers: int = 1,
    dask: str | None = None,
    chunk: int = CHUNK,
    progress: Callable[[Summary], None] | None = None,
) -> Summary:
    """Store every item; bad inputs are counted and named in `errors`, never stop the run."""
    from habeas.web.store.services import IngestOutcome, ingest_bytes

    spec = str(settings.HABEAS_EXTRACTOR)
    summary = Summary()

    def jobs() -> Iterator[tuple[str, list[Item]]]:
        for part in chunked(found, chunk):
            for bad in (x for x in part if isinstance(x, InputError)):
                summary.failed += 1
                summary.errors.append(str(bad))
            good = [x for x in part if isinstance(x, Item)]
            if fresh := _new_only(good, summary):
                yield spec, fresh

    fallback = extractor_from(spec)
    job_list = jobs()
    pending: list[list[Item]] = []

    def tracked() -> Iterator[tuple[str, list[Item]]]:
        for job in job_list:
            pending.append(job[1])
            yield job

    warm_up = partial(warm, spec)
    for prepared in map_ordered(
        prepare_chunk, tracked(), workers=workers, dask=dask, initializer=warm_up
    ):
        batch = pending.pop(0)
        with transaction.atomic():
            for item, ready in zip(batch, prepared, strict=True):
                try:
                    result = ingest_bytes(
                        item.data,
                        filename=item.name,
                        media_type=item.media_type or None,
                        extractor=_Precomputed(ready, fallback),
                        published=item.published,
                        lang=item.lang,
                        title=item.title,
                    )
                except HabeasError as exc:
                    summary.failed += 1
                    summary.errors.append(f"{item.name}: {exc}")
                    continue
                if result.outcome is IngestOutcome.STORED:
                    summary.stored += 1
                else:
                    summary.known += 1
        if progress is not None:
            progress(summary)
    return summary
