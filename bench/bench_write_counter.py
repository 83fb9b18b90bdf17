"""What the page cache's write counter costs ingest: alternating runs without and with its triggers.

    python bench/bench_write_counter.py                    # 200 reports a run, 2 rounds
    python bench/bench_write_counter.py --reports 1000

Each run ingests synthetic reports (bench/synthetic_store.py) into a fresh
SQLite store in a process of its own, after a warm-up, and prints reports/s
by CPU time. "without" drops the `habeas_gen_*` triggers first (the counter
then never moves: only for measuring); "with" is the store as `habeas` makes
it. Runs alternate so that a change of load on a shared machine falls on both.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def one_run(triggers: bool, reports: int) -> None:
    os.environ.setdefault("HABEAS_SECRET_KEY", "bench-only-" + "x" * 40)
    from habeas.web.bootstrap import setup

    setup()
    from django.db import connection

    from habeas.web.store.generation import untriggered
    from habeas.web.store.services import ingest_text
    from synthetic_people import synthetic_names
    from synthetic_store import report_text

    if not triggers:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'habeas_gen_%'"
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f'DROP TRIGGER "{name}"')
    assert bool(untriggered()) != triggers, "the store is not in the state to measure"
    names = synthetic_names(reports + 20, seed=99)
    rng = random.Random(5)
    for i, name in enumerate(names[:20]):  # loads the engine's lexicons and morphology
        ingest_text(report_text(name, rng), name=f"warm-{i}.txt")
    started = time.process_time()
    for i, name in enumerate(names[20:]):
        ingest_text(report_text(name, rng), name=f"bench-{i}.txt")
    print(f"{reports / (time.process_time() - started):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--one", choices=["with", "without"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_run(args.one == "with", args.reports)
        return
    if "HABEAS_DATABASE_URL" in os.environ:
        raise SystemExit("bench_write_counter: SQLite only (PostgreSQL has no counter triggers)")
    rates: dict[str, list[float]] = {"without": [], "with": []}
    for _ in range(args.rounds):
        for mode in rates:
            with tempfile.TemporaryDirectory(prefix="habeas-bench-counter-") as tmp:
                env = {**os.environ, "HABEAS_HOME": str(Path(tmp) / "store")}
                command = [sys.executable, __file__, "--one", mode, "--reports", str(args.reports)]
                done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
                rates[mode].append(float(done.stdout.split()[-1]))
    mean = {mode: sum(r) / len(r) for mode, r in rates.items()}
    shown = {mode: " / ".join(f"{r:.1f}" for r in rs) for mode, rs in rates.items()}
    print(
        f"ingest (CPU), {args.reports} reports a run: without the write counter "
        f"{shown['without']} reports/s, with it {shown['with']} "
        f"(mean x{mean['without'] / mean['with']:.3f} per report)"
    )


if __name__ == "__main__":
    main()
