"""The Extractor protocol and the default engine.

Callers (the CLI, the store, batch workers) depend on `Extractor` only, so a
statistical or LLM backend can replace the rules without touching them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from habeas.errors import InputError
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


#: the engines a user can name (HABEAS_EXTRACTOR, `--engine`)
ENGINE_NAMES = ("rules", "llm", "combined")


def named_extractor(
    name: str,
    *,
    environ: Mapping[str, str] | None = None,
    llm_url: str | None = None,
    llm_model: str | None = None,
) -> Extractor:
    """The engine called `name`: the rules, a local language model, or both combined.

    The LLM settings come from HABEAS_LLM_* (see extract/llm_endpoint.py);
    `llm_url` and `llm_model` given on a command line win over them.
    """
    if name == "rules":
        return default_extractor()
    if name not in ENGINE_NAMES:
        raise InputError(f"no engine called {name!r}; choose one of {', '.join(ENGINE_NAMES)}")
    from habeas.extract.llm import LLMExtractor
    from habeas.extract.llm_endpoint import load_llm_settings

    rules = default_extractor()
    model = LLMExtractor(
        load_llm_settings(environ, endpoint=llm_url, model=llm_model), fallback=rules
    )
    if name == "llm":
        return model
    from habeas.extract.combined import CombinedExtractor

    return CombinedExtractor(rules, model)
