"""Extraction quality and speed.

    python bench/bench_extract.py [--repeat N] [--quality]

Quality: runs the default engine on ../shared/eval/dev, ../shared/eval/real
(whole, and its two fixed halves), and on the project's own fictional corpus
(tests/extract/corpus/cases.jsonl), and scores each with
../shared/eval/score.py, per set and per language.

The halves of real/ split by the parity of crc32(doc_id): half A is the one
errors are looked at in while tuning, half B is only measured, so the gap
between them shows how much a change generalises. Since 2026-12-05 half B is
split again by crc32(doc_id) % 4: quarter B1 (1) may be looked at too, and
quarter B2 (3) stays only measured, the one figure no tuning has seen.

Speed: reports per second on one core for reports of about 2,000 characters
(real reports cut or repeated to that length), after a warm-up that loads the
lexicons and the Russian morphology dictionary; then the cost per character
at 1,000 to 8,000 characters, which stays flat when the engine is linear.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any

from habeas.extract.rules import RuleExtractor
from habeas.model import Report, extraction_to_json, report_from_json

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"
CORPUS = REPO / "tests" / "extract" / "corpus" / "cases.jsonl"

#: (report, gold) rows of one set
Rows = list[tuple[dict[str, Any], dict[str, Any]]]


def half_of(doc_id: str) -> str:
    """The fixed half of real/ a report is in: A (tuning) or B (checking)."""
    return "A" if zlib.crc32(doc_id.encode("utf-8")) % 2 == 0 else "B"


def quarter_of(doc_id: str) -> str:
    """The quarter of half B a report is in: B1 (looked at from 2026-12-05) or
    B2 (only measured); "" for half A."""
    rest = zlib.crc32(doc_id.encode("utf-8")) % 4
    return {1: "B1", 3: "B2"}.get(rest, "")


def load_shared(name: str) -> Rows | None:
    reports, gold = SHARED / name / "reports.jsonl", SHARED / name / "gold.jsonl"
    if not (reports.exists() and gold.exists()):
        return None
    with reports.open(encoding="utf-8") as r, gold.open(encoding="utf-8") as g:
        rows = [(json.loads(a), json.loads(b)) for a, b in zip(r, g, strict=True)]
    return rows


def load_corpus() -> Rows:
    cases = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    return [(c["report"], c["gold"]) for c in cases]


def score(rows: Rows, tmp: Path, name: str) -> dict[str, Any]:
    engine = RuleExtractor()
    pred, gold = tmp / f"{name}-pred.jsonl", tmp / f"{name}-gold.jsonl"
    with pred.open("w", encoding="utf-8") as p, gold.open("w", encoding="utf-8") as g:
        for report, truth in rows:
            extraction = engine.extract(report_from_json(report))
            p.write(json.dumps(extraction_to_json(extraction), ensure_ascii=False) + "\n")
            g.write(json.dumps(truth, ensure_ascii=False) + "\n")
    out = subprocess.run(
        [sys.executable, str(SHARED / "score.py"), str(gold), str(pred), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def print_header() -> None:
    print(
        f"{'set':<16}{'n':>4}  {'persons':>7} {'events':>7} {'(P':>5} {'R)':>5}"
        f" {'dated':>6} {'charges':>7} {'penalty':>7}"
    )


def print_scores(title: str, s: dict[str, Any]) -> None:
    ev = s["events"]
    print(
        f"{title:<16}{s['documents']:>4}  {s['persons']['f1']:>7.3f} {ev['f1']:>7.3f}"
        f" {ev['precision']:>5.2f} {ev['recall']:>5.2f} {s['dated_events']['f1']:>6.3f}"
        f" {s['charges']['f1']:>7.3f} {s['penalties']['accuracy']:>7.3f}"
    )


def sets(tmp: Path) -> list[tuple[str, Rows]]:
    out: list[tuple[str, Rows]] = []
    dev = load_shared("dev")
    real = load_shared("real")
    if dev is not None:
        out.append(("dev", dev))
    if real is not None:
        out.append(("real", real))
        for half in ("A", "B"):
            out.append((f"real-half-{half}", [r for r in real if half_of(r[0]["doc_id"]) == half]))
        for quarter in ("B1", "B2"):
            part = [r for r in real if quarter_of(r[0]["doc_id"]) == quarter]
            out.append((f"real-{quarter}", part))
    out.append(("corpus", load_corpus()))
    return out


def sized(reports: list[Report], chars: int) -> list[Report]:
    """Each report cut or repeated to about `chars` characters, at a line or sentence end."""
    out = []
    for r in reports:
        text = r.text
        while len(text) < chars:
            text = text + "\n" + r.text
        cut = max(text.rfind(". ", 0, chars), text.rfind("\n", 0, chars))
        out.append(replace(r, text=text[: cut + 1 if cut > chars // 2 else chars]))
    return out


def forget_sentences() -> None:
    """Empty the caches keyed by a whole sentence (natasha's tags and persons,
    the keyword masks of sentences).

    The timed passes run the same reports again: with these caches warm, a
    Russian sentence would cost nothing the second time, which no stream of
    new reports gives. Word-level caches stay warm, as words recur across
    reports."""
    from habeas.extract import keywords, ner_ru

    ner_ru.tag_sentence.cache_clear()
    ner_ru.person_spans.cache_clear()
    keywords.forget_texts()


def timed(engine: RuleExtractor, reports: list[Report], repeat: int) -> float:
    elapsed = 0.0
    for _ in range(repeat):
        forget_sentences()
        started = time.process_time()  # CPU time: the machine may be shared
        for r in reports:
            engine.extract(r)
        elapsed += time.process_time() - started
    return elapsed


def speed(reports: list[Report], repeat: int) -> None:
    engine = RuleExtractor()
    base = sized(reports, 2000)
    for r in base:  # warm-up: lexicons, pymorphy3
        engine.extract(r)
    elapsed = timed(engine, base, repeat)
    n = len(base) * repeat
    chars = sum(len(r.text) for r in base) / len(base)
    print(f"\nspeed (one core): {n} reports of ~{chars:.0f} characters in {elapsed:.2f} s")
    print(f"  {n / elapsed:.0f} reports/s")
    print("  length   µs per 1,000 characters (flat = linear)")
    for length in (1000, 2000, 4000, 8000):
        batch = sized(reports, length)
        for r in batch:
            engine.extract(r)
        t = timed(engine, batch, max(1, repeat // 4))
        total = sum(len(r.text) for r in batch) * max(1, repeat // 4)
        print(f"  {length:>6}   {t / total * 1e9:.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=8)
    parser.add_argument("--quality", action="store_true", help="quality only, no speed")
    args = parser.parse_args()
    if not (SHARED / "score.py").exists():
        print("skipped: ../shared/eval/score.py is absent (the shared evaluation set is not here)")
        return 0
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        all_sets = sets(tmp)
        print("F1 for persons, events, dated events, charges; accuracy for penalties\n")
        print_header()
        for name, rows in all_sets:
            print_scores(name, score(rows, tmp, name))
            langs = sorted({str(r.get("lang") or "?") for r, _ in rows})
            for lang in langs if len(langs) > 1 else []:
                part = [row for row in rows if str(row[0].get("lang") or "?") == lang]
                print_scores(f"  {lang}", score(part, tmp, f"{name}-{lang}"))
        if args.quality:
            return 0
        real = next((rows for name, rows in all_sets if name == "real"), None)
        pool = real or next(rows for name, rows in all_sets if name == "corpus")
        speed([report_from_json(r) for r, _ in pool], args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
