"""Persons found on real reports, per language and half, with and without natasha.

    python bench/bench_names_ner.py [--repeat N]

Reads ../shared/eval/real/ (or $HABEAS_SHARED/eval/real/), splits it into two
halves by the parity of md5(doc_id) (even: the half errors were studied on;
odd: the check half), and prints persons P/R/F1 per half and language, plus
dated-events F1, with the Russian tagger (`habeas.extract.ner_ru`) on and
off. Then what the tagger costs: calls per Russian report, milliseconds per
call and per report, its load time, and the engine's reports/s on one core
over the real reports, scaled to 2,000-character reports. Times are the
process's CPU time (the machine may be shared), on one thread.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# One core: numpy (under natasha) must not spread a call over threads.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from habeas.extract import ner_ru
from habeas.extract.rules import RuleExtractor
from habeas.model import Report, extraction_to_json, report_from_json

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("HABEAS_SHARED", REPO.parent / "shared")) / "eval"
REAL = SHARED / "real"


def half(doc_id: str) -> str:
    return "A" if int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "B"


def load() -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    docs = [json.loads(line) for line in (REAL / "reports.jsonl").open(encoding="utf-8")]
    gold = {
        g["doc_id"]: g
        for g in (json.loads(line) for line in (REAL / "gold.jsonl").open(encoding="utf-8"))
    }
    return docs, gold


def scores(
    docs: list[dict[str, Any]], gold: dict[str, dict[str, Any]], pred: dict[str, Any], tmp: Path
) -> dict[str, Any]:
    g, p = tmp / "g.jsonl", tmp / "p.jsonl"
    g.write_text("".join(json.dumps(gold[d["doc_id"]]) + "\n" for d in docs), "utf-8")
    p.write_text("".join(json.dumps(pred[d["doc_id"]]) + "\n" for d in docs), "utf-8")
    out = subprocess.run(
        [sys.executable, str(SHARED / "score.py"), str(g), str(p), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def extract_all(reports: list[Report]) -> dict[str, Any]:
    engine = RuleExtractor()
    return {r.doc_id: extraction_to_json(engine.extract(r)) for r in reports}


def quality(docs: list[dict[str, Any]], gold: dict[str, dict[str, Any]], tmp: Path) -> None:
    reports = [report_from_json(d) for d in docs]
    for enabled in (True, False):
        ner_ru.ENABLED = enabled
        pred = extract_all(reports)
        print(f"\nRussian tagger {'on' if enabled else 'off'}:")
        print(f"  {'half':<5}{'lang':<6}{'docs':>5}  persons P     R    F1   dated F1  events F1")
        for h in ("A", "B"):
            for lang in ("en", "ru", "az", "all"):
                subset = [
                    d for d in docs if half(d["doc_id"]) == h and lang in ("all", d.get("lang"))
                ]
                if not subset:
                    continue
                s = scores(subset, gold, pred, tmp)
                m = s["persons"]
                print(
                    f"  {h:<5}{lang:<6}{len(subset):>5}  {m['precision']:8.3f} {m['recall']:5.3f}"
                    f" {m['f1']:5.3f}   {s['dated_events']['f1']:6.3f}   {s['events']['f1']:7.3f}"
                )
    ner_ru.ENABLED = True


def cost(docs: list[dict[str, Any]], repeat: int) -> None:
    reports = [report_from_json(d) for d in docs]
    russian = [r for r in reports if r.lang == "ru"]
    engine = RuleExtractor()
    for r in reports:  # warm-up: lexicons, pymorphy3, natasha
        engine.extract(r)
    ner_ru.tag_sentence.cache_clear()
    calls, seconds = ner_ru.STATS.calls, ner_ru.STATS.seconds
    for r in russian:
        engine.extract(r)
    n_calls = ner_ru.STATS.calls - calls
    spent = ner_ru.STATS.seconds - seconds
    print(f"\nRussian tagger cost ({len(russian)} Russian reports):")
    print(f"  load {ner_ru.STATS.load_seconds:.2f} s (wall clock)")
    print(
        f"  {n_calls / len(russian):.2f} sentence calls a report,"
        f" {1000 * spent / max(n_calls, 1):.1f} ms a call,"
        f" {1000 * spent / len(russian):.1f} ms a Russian report"
    )
    for label, subset, enabled in (
        ("all real reports, tagger on", reports, True),
        ("all real reports, tagger off", reports, False),
        ("Russian reports, tagger on", russian, True),
        ("Russian reports, tagger off", russian, False),
    ):
        ner_ru.ENABLED = enabled
        chars = sum(len(r.text) for r in subset) * repeat
        started = time.process_time()
        for _ in range(repeat):
            ner_ru.tag_sentence.cache_clear()  # no help from sentences seen before
            for r in subset:
                engine.extract(r)
        elapsed = time.process_time() - started
        n = len(subset) * repeat
        print(
            f"  {label}: {n / elapsed:.0f} reports/s at {chars / n:.0f} chars;"
            f" {chars / elapsed / 2000:.0f} reports/s scaled to 2,000 chars"
        )
    ner_ru.ENABLED = True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (REAL / "reports.jsonl").exists() or not (SHARED / "score.py").exists():
        print(f"skipped: {REAL} is absent (the shared evaluation set is not here)")
        return 0
    docs, gold = load()
    with tempfile.TemporaryDirectory() as d:
        quality(docs, gold, Path(d))
    cost(docs, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
