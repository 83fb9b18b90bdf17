"""The engine on the project's own fictional corpus (tests/extract/corpus/).

A regression floor, not a target: the figures to improve are printed by
bench/bench_extract.py. The scoring here is deliberately simple (persons
matched by name key, events as person-type pairs) so that it needs nothing
outside the repository.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from habeas.extract.names import token_key
from habeas.extract.rules import RuleExtractor
from habeas.model import report_from_json

CORPUS = Path(__file__).parent / "corpus" / "cases.jsonl"


def _key(name: str) -> frozenset[str]:
    return frozenset(token_key(t) for t in name.split())


@pytest.fixture(scope="module")
def results() -> list[tuple[dict, dict]]:  # type: ignore[type-arg]
    engine = RuleExtractor()
    out = []
    for line in CORPUS.open(encoding="utf-8"):
        case = json.loads(line)
        x = engine.extract(report_from_json(case["report"]))
        predicted = {_key(p.name): Counter(e.type.value for e in p.events) for p in x.persons}
        out.append((case, predicted))
    return out


def test_events_f1_stays_above_the_floor(results: list[tuple[dict, dict]]) -> None:  # type: ignore[type-arg]
    tp = fp = fn = 0
    for case, predicted in results:
        gold = {
            _key(p["name"]): Counter(e["type"] for e in p["events"])
            for p in case["gold"]["persons"]
        }
        for key in gold.keys() | predicted.keys():
            g, p = gold.get(key, Counter()), predicted.get(key, Counter())
            tp += sum((g & p).values())
            fp += sum((p - g).values())
            fn += sum((g - p).values())
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.85, f"events F1 on the fictional corpus fell to {f1:.3f}"


def test_people_who_only_speak_are_not_listed(results: list[tuple[dict, dict]]) -> None:  # type: ignore[type-arg]
    listed = [
        (case["id"], name)
        for case, predicted in results
        for name in case.get("absent", [])
        if _key(name) in predicted
    ]
    # A few hard cases remain; the floor catches a regression in speaker handling.
    assert len(listed) <= 3, listed


def test_reports_about_unnamed_groups_list_nobody(results: list[tuple[dict, dict]]) -> None:  # type: ignore[type-arg]
    wrong = [case["id"] for case, predicted in results if not case["gold"]["persons"] and predicted]
    assert wrong == []
