"""`habeas extract`: reports in, persons and events out (the extraction contract)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from habeas.errors import HabeasError, InputError
from habeas.model import (
    Extraction,
    Report,
    extraction_to_json,
    parse_iso_day,
    report_from_json,
)

#: larger inputs are refused rather than read into memory
MAX_REPORT_BYTES = 5_000_000


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "extract",
        help="extract persons and events from reports",
        description=(
            "Read a report (plain text, an HTML page, or JSON Lines of reports in the "
            "contract's input form) and print who was detained, released, charged or "
            "sentenced, with the sentence that supports each fact."
        ),
    )
    p.add_argument(
        "inputs",
        nargs="*",
        default=["-"],
        metavar="FILE",
        help="report files; '-' or nothing reads standard input",
    )
    p.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (YYYY-MM-DD) for relative dates like 'on Tuesday'",
    )
    p.add_argument("--lang", choices=["en", "ru", "az"], help="the report's language")
    p.add_argument(
        "--format",
        choices=["json", "table"],
        default="json",
        help="json: the contract's JSON Lines (default); table: a summary to read",
    )
    p.add_argument(
        "--engine",
        choices=["rules", "llm", "combined"],
        default="rules",
        help="rules (offline, default); llm: a model on your own server; combined: both",
    )
    p.add_argument("--llm-url", metavar="URL", help="the model server's API base (HABEAS_LLM_URL)")
    p.add_argument("--llm-model", metavar="NAME", help="the model's name (HABEAS_LLM_MODEL)")
    p.add_argument("--quiet", action="store_true", help="no progress on standard error")
    from habeas.cli.ingest import add_batch_options

    add_batch_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from habeas.extract.engine import named_extractor

    if args.engine != "rules" and (args.workers != 1 or args.dask):
        # The workers build the rule engine; a model's endpoint settings do not travel
        # to them, so the engine asked for would silently not be the one that ran.
        raise InputError(
            f"--workers and --dask run the rule engine only; --engine {args.engine} "
            "runs in one process (leave out --workers/--dask)"
        )
    published = parse_iso_day(args.published) if args.published else None
    extractor = named_extractor(args.engine, llm_url=args.llm_url, llm_model=args.llm_model)
    out = sys.stdout
    failures = 0
    done = 0
    started = time.monotonic()
    for name in args.inputs:
        try:
            reports = _read_input(name)
        except HabeasError as exc:
            print(f"habeas: {exc}", file=sys.stderr)
            failures += 1
            continue
        good = []
        for item in reports:
            if isinstance(item, HabeasError):
                print(f"habeas: {item}", file=sys.stderr)
                failures += 1
                continue
            good.append(_override(item, published=published, lang=args.lang))
        for report, result in _extracted(good, extractor, args):
            _write(out, result, report, fmt=args.format)
            for warning in result.warnings:  # e.g. the model was not reached: the rules read it
                print(f"habeas: {report.doc_id}: {warning}", file=sys.stderr)
            done += 1
            if not args.quiet and done % 100 == 0:
                rate = done / max(time.monotonic() - started, 1e-9)
                print(f"habeas: {done} reports ({rate:.0f}/s)", file=sys.stderr)
    if not args.quiet and done >= 100:
        print(f"habeas: {done} reports done, {failures} failed", file=sys.stderr)
    return 1 if failures else 0


def _extracted(
    reports: list[Report], extractor: Any, args: argparse.Namespace
) -> Iterator[tuple[Report, Extraction]]:
    if args.workers == 1 and not args.dask:
        return ((r, extractor.extract(r)) for r in reports)
    from habeas.batch.run import extract_reports

    return extract_reports(reports, workers=args.workers, dask=args.dask)


def _override(report: Report, *, published: dt.date | None, lang: str | None) -> Report:
    changes: dict[str, Any] = {}
    if published is not None:
        changes["published"] = published
    if lang is not None:
        changes["lang"] = lang
    if not changes:
        return report
    from dataclasses import replace

    return replace(report, **changes)


def _read_bytes(name: str) -> bytes:
    if name == "-":
        data = sys.stdin.buffer.read(MAX_REPORT_BYTES + 1)
    else:
        path = Path(name)
        try:
            if path.is_dir():
                raise InputError(f"{name}: is a directory, not a report file")
            with path.open("rb") as fh:
                data = fh.read(MAX_REPORT_BYTES + 1)
        except FileNotFoundError:
            raise InputError(f"{name}: no such file") from None
        except PermissionError:
            raise InputError(f"{name}: permission denied") from None
    if len(data) > MAX_REPORT_BYTES:
        raise InputError(
            f"{_label(name)}: larger than {MAX_REPORT_BYTES // 1_000_000} MB; "
            "split it into separate reports"
        )
    return data


def _label(name: str) -> str:
    return "standard input" if name == "-" else name


def _read_input(name: str) -> Iterator[Report | HabeasError]:
    """The reports in one input, with errors for bad lines in place of reports."""
    from habeas.ingest.decode import decode_text

    data = _read_bytes(name)
    label = _label(name)
    text = decode_text(data, name=label)
    stripped = text.lstrip("\ufeff \t\r\n")
    if name.endswith((".jsonl", ".ndjson", ".json")) or stripped.startswith("{"):
        return _json_lines(text, label)
    from habeas.ingest.html import looks_like_html

    doc_id = Path(name).stem if name != "-" else "stdin"
    if looks_like_html(data):
        from habeas.ingest.html import page_to_text

        page = page_to_text(data)
        return iter(
            [
                Report(
                    doc_id=doc_id,
                    text=page.text,
                    published=page.published,
                    lang=page.lang,
                    title=page.title,
                )
            ]
        )
    if not text.strip():
        raise InputError(f"{label}: the report is empty")
    return iter([Report(doc_id=doc_id, text=text)])


def _json_lines(text: str, label: str) -> Iterator[Report | HabeasError]:
    from habeas.cli.jsonin import loads

    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{label}, line {number}: not valid JSON ({exc.msg})")
            continue
        try:
            report = report_from_json(obj, default_id=f"{Path(label).stem}-{number}")
        except HabeasError as exc:
            yield InputError(f"{label}, line {number}: {exc}")
            continue
        if not report.text.strip():
            yield InputError(f"{label}, line {number}: the report's text is empty")
            continue
        seen += 1
        yield report
    if seen == 0 and not text.strip():
        yield InputError(f"{label}: the input is empty")


def _write(out: IO[str], result: Extraction, report: Report, *, fmt: str) -> None:
    if fmt == "json":
        out.write(json.dumps(extraction_to_json(result), ensure_ascii=False) + "\n")
        return
    from habeas.cli.table import render_extraction

    out.write(render_extraction(result, report))
