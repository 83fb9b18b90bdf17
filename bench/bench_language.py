"""Accuracy and speed of `habeas.extract.language.detect_language` on the eval reports.

Run as `.venv/bin/python bench/bench_language.py`. Reads reports.jsonl of
../shared/eval/real/ and ../shared/eval/dev/ beside the repository (their
`lang` field is the gold) and prints, per set and language, how many were
identified right from the whole text, from the title, and from the first 200
and the first 60 characters (short texts are the hard case), then texts per
second and the time the first call takes (loading the models).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from habeas.extract.language import detect_language

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"
VIEWS = {
    "text": lambda r: str(r["text"]),
    "title": lambda r: str(r.get("title") or ""),
    "first 200": lambda r: str(r["text"])[:200],
    "first 60": lambda r: str(r["text"])[:60],
}


def main() -> int:
    sets = [s for s in ("real", "dev") if (EVAL / s / "reports.jsonl").exists()]
    if not sets:
        print(f"skipped: no eval reports under {EVAL}")
        return 0
    started = time.perf_counter()
    detect_language("Police detained the activist.")
    print(f"first call (loads the models): {time.perf_counter() - started:.2f} s")
    texts = 0
    spent = 0.0
    wrong: list[str] = []
    for name in sets:
        lines = (EVAL / name / "reports.jsonl").read_text(encoding="utf-8").splitlines()
        reports = [json.loads(line) for line in lines if line.strip()]
        print(f"\n{name}/ ({len(reports)} reports)")
        print(f"  {'lang':<5}{'n':>4}" + "".join(f"{v:>11}" for v in VIEWS))
        for lang in sorted({str(r["lang"]) for r in reports}):
            mine = [r for r in reports if r["lang"] == lang]
            right: Counter[str] = Counter()
            for view, take in VIEWS.items():
                for report in mine:
                    text = take(report)
                    if not text:
                        continue
                    t = time.perf_counter()
                    said = detect_language(text)
                    spent += time.perf_counter() - t
                    texts += 1
                    right[view] += said == lang
                    if said != lang:
                        wrong.append(f"{name}/{report['doc_id']} {view}: {lang} → {said}")
            print(
                f"  {lang:<5}{len(mine):>4}"
                + "".join(f"{right[v] / len(mine):>11.0%}" for v in VIEWS)
            )
    print(f"\n{texts} texts in {spent:.2f} s: {texts / spent:.0f} texts/s (one core)")
    for line in wrong if "--errors" in sys.argv else []:
        print("  wrong:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
