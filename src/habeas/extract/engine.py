"""The Extractor protocol and the default engine.

Callers (the CLI, the store, batch workers) depend on `Extractor` only, so a
statistical or LLM backend can replace the rules without touching them.
"""

from __future__ import annotations

from typing import Protocol

from habeas.model import Extraction, Report


class Extractor(Protocol):
    """Reads one report and says who was detained, released, charged or sentenced."""

    #: recorded with every suggestion this extractor makes, e.g. "rules.v2"
    version: str

    def extract(self, report: Report) -> Extraction: ...


def default_extractor() -> Extractor:
    """The offline, deterministic rule engine."""
    from habeas.extract.rules import RuleExtractor

    return RuleExtractor()
