"""The extractor survives any text: no exception, a bounded time, evidence inside the text."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from habeas.extract.engine import Extractor, default_extractor
from habeas.model import Report

from .strategies import FUZZ, report_text

SECONDS_PER_REPORT = 2.0


@pytest.fixture(scope="module")
def engine() -> Extractor:
    extractor = default_extractor()
    # Lexicons, the morphology dictionary and natasha's model load on first use; warm
    # them up here so the first fuzz example is not charged with seconds of loading.
    for lang, text in (
        ("en", "Ruslan Ostapchuk was detained."),
        ("ru", "Лейла Тарханова задержана."),
    ):
        extractor.extract(Report(doc_id="warm", text=text, lang=lang))
    return extractor


def _check(engine: Extractor, text: str, *, lang: str | None, published: dt.date | None) -> None:
    # CPU time, not the wall clock: the bound is about the engine's cost, and a loaded CI
    # machine must not fail it.
    started = time.process_time()
    result = engine.extract(Report(doc_id="fuzz", text=text, lang=lang, published=published))
    elapsed = time.process_time() - started
    assert elapsed < SECONDS_PER_REPORT * (1 + len(text) / 20_000), f"{elapsed:.1f}s"
    for person in result.persons:
        assert person.name.strip()
        for event in person.events:
            if event.evidence is not None:
                start, end = event.evidence
                assert 0 <= start < end <= len(text), (event.evidence, len(text))


@FUZZ
@given(
    text=report_text,
    lang=st.sampled_from([None, "en", "ru", "az", "xx"]),
    published=st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_any_text_is_extracted_safely(
    engine: Extractor, text: str, lang: str | None, published: dt.date | None
) -> None:
    _check(engine, text, lang=lang, published=published)


@pytest.mark.parametrize(
    "text",
    [
        "Ruslan Ostapchuk was detained. " * 3000,  # ~90 KB of one sentence
        "\u0301\u200b" * 50_000 + " Ruslan Ostapchuk was detained on 8 March.",
        "A" * 200_000,  # one huge word, no sentence end
        "Лейла Тарханова задержана. " * 2000 + "\U0001f600" * 10_000,
    ],
    ids=["repeated-sentence", "combining-marks", "one-huge-word", "cyrillic-and-emoji"],
)
def test_huge_and_odd_texts_finish_in_time(engine: Extractor, text: str) -> None:
    _check(engine, text, lang=None, published=dt.date(2025, 3, 13))
