"""Every extracted event points at the text that supports it (issue 10's last bar).

Checked on the project's own fictional corpus and, where ../shared is beside the
clone, on the shared real reports (read from there, never copied here).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from habeas.extract.rules import RuleExtractor
from habeas.model import Report, report_from_json

CORPUS = Path(__file__).parent / "corpus" / "cases.jsonl"


def _bad_ranges(reports: Iterable[Report]) -> tuple[int, list[str]]:
    engine = RuleExtractor()
    seen = 0
    bad = []
    for report in reports:
        for p in engine.extract(report).persons:
            for e in p.events:
                seen += 1
                span = e.evidence
                if span is None:
                    bad.append(f"{report.doc_id}: {p.name} {e.type.value}: no evidence")
                    continue
                start, end = span
                if not (0 <= start < end <= len(report.text)) or not report.text[start:end].strip():
                    bad.append(f"{report.doc_id}: {p.name} {e.type.value}: {span}")
    return seen, bad


def test_every_event_on_the_corpus_has_a_range_inside_its_report() -> None:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    seen, bad = _bad_ranges(report_from_json(json.loads(line)["report"]) for line in lines)
    assert seen > 100  # the corpus yields events at all
    assert not bad, bad[:10]


def test_every_event_on_the_real_reports_has_a_range_inside_its_report(
    shared_dir: Path,
) -> None:
    path = shared_dir / "eval" / "real" / "reports.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    seen, bad = _bad_ranges(report_from_json(json.loads(line)) for line in lines if line.strip())
    assert seen > 100
    assert not bad, bad[:10]
