"""The capture page says which engine reads reports and where their texts are sent."""

from __future__ import annotations

import pytest
from django.test import override_settings
from web_support import client_for


def test_the_rules_keep_every_text_on_this_server() -> None:
    with override_settings(HABEAS_EXTRACTOR="rules"):
        page = client_for("bob").get("/capture/").content.decode()
    assert "no report text leaves it" in page


def test_a_local_model_is_named_with_its_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HABEAS_LLM_URL", "http://127.0.0.1:11434/v1")
    monkeypatch.setenv("HABEAS_LLM_MODEL", "fictional-8b")
    with override_settings(HABEAS_EXTRACTOR="llm"):
        page = client_for("bob").get("/capture/").content.decode()
    assert "report texts are sent to this machine" in page
    assert "http://127.0.0.1:11434/v1/chat/completions" in page and "fictional-8b" in page


def test_an_engine_that_cannot_be_used_says_why() -> None:
    with override_settings(HABEAS_EXTRACTOR="combined"):
        page = client_for("bob").get("/capture/").content.decode()
    assert "cannot be used" in page and "HABEAS_LLM_URL" in page
