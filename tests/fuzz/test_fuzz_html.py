"""page_to_text on any bytes gives a PageText or an InputError, nothing else, quickly."""

from __future__ import annotations

import time

from hypothesis import given

from habeas.errors import InputError
from habeas.ingest.html import PageText, page_to_text

from .strategies import FUZZ, html_bytes


@FUZZ
@given(data=html_bytes)
def test_any_bytes_are_a_page_or_an_input_error(data: bytes) -> None:
    started = time.process_time()
    try:
        page = page_to_text(data, url=None)
    except InputError as exc:
        assert str(exc).strip()
    else:
        assert isinstance(page, PageText)
        assert isinstance(page.text, str)
    assert time.process_time() - started < 5
