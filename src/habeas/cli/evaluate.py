"""`habeas eval`: how well an engine does against answers checked by hand.

    habeas eval gold.jsonl reports.jsonl --engine rules
    habeas eval gold.jsonl --pred predictions.jsonl --per-doc
    habeas eval --confirmed --engine combined     # on this instance's reviewed reports

The figures are those of the contract's shared scorer (persons, events,
dated events, charges, penalties), computed by habeas.evaluate.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from habeas.errors import InputError


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "eval",
        help="score an extraction engine against gold answers",
        description=(
            "Run an engine on reports and score what it finds against gold annotations in "
            "the extraction contract's form: persons, events, dated events, charges and "
            "penalties, as the contract's scorer counts them. With --confirmed the gold is "
            "built from this instance's own reviewed reports."
        ),
    )
    p.add_argument("gold", nargs="?", metavar="GOLD", help="gold annotations, JSON Lines")
    p.add_argument(
        "reports",
        nargs="?",
        metavar="REPORTS",
        help="the reports the gold annotates, JSON Lines (default: reports.jsonl beside GOLD)",
    )
    p.add_argument(
        "--pred", metavar="FILE", help="score this extraction output instead of running an engine"
    )
    p.add_argument(
        "--confirmed",
        action="store_true",
        help="gold from this instance's reviewed reports (its confirmed events)",
    )
    p.add_argument("--write-gold", metavar="FILE", help="with --confirmed: also save that gold")
    p.add_argument("--engine", default="rules", choices=["rules", "llm", "combined"])
    p.add_argument("--llm-url", metavar="URL", help="the model server's API base (HABEAS_LLM_URL)")
    p.add_argument("--llm-model", metavar="NAME", help="the model's name (HABEAS_LLM_MODEL)")
    p.add_argument(
        "--per-doc", action="store_true", help="add figures per document with what was missed"
    )
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from habeas.evaluate.scoring import (
        read_documents,
        read_jsonl,
        render_table,
        score,
        unknown_documents,
    )

    if args.confirmed:
        if args.gold or args.pred:
            raise InputError("--confirmed builds its own gold; give no GOLD file or --pred")
        gold_objects, reports = _confirmed(args.write_gold)
        gold = read_documents(enumerate(gold_objects, 1), label="the confirmed gold")
        gold_label = "the confirmed gold"
    else:
        if not args.gold:
            raise InputError(
                "give a GOLD file, or --confirmed for this instance's reviewed reports"
            )
        gold_path = Path(args.gold)
        gold = read_documents(read_jsonl(gold_path), label=str(gold_path))
        gold_label = str(gold_path)
        reports = [] if args.pred else _reports(args.reports, gold_path)
    if args.pred:
        pred_path = Path(args.pred)
        pred = read_documents(read_jsonl(pred_path), label=str(pred_path))
        unknown_documents(gold, pred, label=str(pred_path), gold_label=gold_label)
        engine_name = f"the predictions in {pred_path}"
    else:
        pred, engine_name = _run_engine(args, reports)
    figures = score(gold, pred, per_doc=args.per_doc)
    if args.format == "json":
        print(json.dumps({"engine": engine_name, **figures}, ensure_ascii=False))
    else:
        print(f"engine: {engine_name}")
        print(render_table(figures))
    return 0


def _reports(reports_arg: str | None, gold_path: Path) -> list[Any]:
    from habeas.errors import HabeasError
    from habeas.evaluate.scoring import read_jsonl
    from habeas.model import report_from_json

    path = Path(reports_arg) if reports_arg else gold_path.with_name("reports.jsonl")

    if not reports_arg and not path.exists():
        raise InputError(f"no reports.jsonl beside {gold_path}; give the REPORTS file")
    out = []
    for line, obj in read_jsonl(path):
        try:
            out.append(report_from_json(obj, default_id=f"{path.stem}-{line}"))
        except HabeasError as exc:
            raise InputError(f"{path}:{line}: {exc}") from None
    return out


def _run_engine(args: argparse.Namespace, reports: list[Any]) -> tuple[Any, str]:
    from habeas.evaluate.scoring import read_documents
    from habeas.extract.engine import named_extractor
    from habeas.model import extraction_to_json

    engine = named_extractor(args.engine, llm_url=args.llm_url, llm_model=args.llm_model)
    outputs = []
    fallbacks = 0
    for report in reports:
        result = engine.extract(report)
        fallbacks += result.engine != engine.version
        outputs.append(extraction_to_json(result))
    if fallbacks:
        print(
            f"habeas: {fallbacks} of {len(reports)} reports were read by the rules because "
            f"{engine.version} could not read them (see `habeas extract --engine {args.engine}`)",
            file=sys.stderr,
        )
    return read_documents(enumerate(outputs, 1), label=engine.version), engine.version


def _confirmed(write_gold: str | None) -> tuple[list[dict[str, Any]], list[Any]]:
    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.store.gold import confirmed_gold

    gold, reports = confirmed_gold()
    if not gold:
        raise InputError(
            "this instance has no reviewed report yet (a report counts once none of its "
            "suggestions waits for review)"
        )
    if write_gold:
        # A half-written gold file would score as if reviewers had confirmed less.
        from habeas.files import write_atomically

        write_atomically(
            Path(write_gold), "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold)
        )
    return gold, reports
