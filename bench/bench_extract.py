"""Extraction quality and speed.

    python bench/bench_extract.py [--repeat N]

Quality: runs the default engine on ../shared/eval/dev/reports.jsonl and on the
project's own fictional corpus (tests/extract/corpus/cases.jsonl), and scores
both with ../shared/eval/score.py. Speed: reports per second on one core, also
expressed for reports of 500 words (the issue's yardstick), after a warm-up
that loads the lexicons and the Russian morphology dictionary.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from habeas.extract.rules import RuleExtractor
from habeas.model import Report, extraction_to_json, report_from_json

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"
CORPUS = REPO / "tests" / "extract" / "corpus" / "cases.jsonl"


def load_dev() -> tuple[list[Report], Path] | None:
    path = SHARED / "dev" / "reports.jsonl"
    if not path.exists():
        return None
    reports = [report_from_json(json.loads(line)) for line in path.open(encoding="utf-8")]
    return reports, SHARED / "dev" / "gold.jsonl"


def load_corpus(tmp: Path) -> tuple[list[Report], Path]:
    cases = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    gold = tmp / "corpus-gold.jsonl"
    gold.write_text(
        "".join(json.dumps(c["gold"], ensure_ascii=False) + "\n" for c in cases), "utf-8"
    )
    return [report_from_json(c["report"]) for c in cases], gold


def score(reports: list[Report], gold: Path, tmp: Path, name: str) -> dict[str, Any]:
    engine = RuleExtractor()
    pred = tmp / f"{name}-pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for r in reports:
            fh.write(json.dumps(extraction_to_json(engine.extract(r)), ensure_ascii=False) + "\n")
    out = subprocess.run(
        [sys.executable, str(SHARED / "score.py"), str(gold), str(pred), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def print_scores(title: str, s: dict[str, Any]) -> None:
    print(f"\n{title}: {s['documents']} reports")
    for key in ("persons", "events", "dated_events", "charges"):
        m = s[key]
        print(
            f"  {key:<14} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}"
            f"   (tp {m['tp']}, fp {m['fp']}, fn {m['fn']})"
        )
    p = s["penalties"]
    print(
        f"  penalties      accuracy {p['accuracy']:.3f} ({p['correct']} of {p['total']} paired),"
        f" recall {p['recall']:.3f} of {p['gold_total']}"
    )
    worst = sorted(s.get("events_by_type", {}).items(), key=lambda kv: kv[1]["f1"])[:3]
    print("  weakest types: " + ", ".join(f"{k} {v['f1']:.2f}" for k, v in worst))


def speed(reports: list[Report], repeat: int) -> None:
    engine = RuleExtractor()
    for r in reports:  # warm-up: lexicons, pymorphy3
        engine.extract(r)
    words = sum(len(r.text.split()) for r in reports) * repeat
    started = time.perf_counter()
    for _ in range(repeat):
        for r in reports:
            engine.extract(r)
    elapsed = time.perf_counter() - started
    n = len(reports) * repeat
    print(f"\nspeed (one core): {n} reports, {words} words in {elapsed:.2f} s")
    print(f"  {n / elapsed:.0f} reports/s at {words / n:.0f} words each")
    print(f"  {words / elapsed / 500:.0f} reports/s scaled to 500-word reports")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    if not (SHARED / "score.py").exists():
        print("skipped: ../shared/eval/score.py is absent (the shared evaluation set is not here)")
        return 0
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        dev = load_dev()
        corpus, corpus_gold = load_corpus(tmp)
        if dev is not None:
            print_scores("development set (../shared/eval/dev)", score(*dev, tmp, "dev"))
        print_scores(
            "fictional corpus (tests/extract/corpus)", score(corpus, corpus_gold, tmp, "c")
        )
        speed((dev[0] if dev else []) + corpus, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
