"""`habeas ingest URL|FILE|-`: capture reports and store the engine's suggestions."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from habeas.cli.output import Output, add_format_option
from habeas.cli.progress import Progress, add_quiet_option
from habeas.errors import HabeasError, InputError

_SCHEMES = ("http://", "https://")


def _iso_day(text: str) -> dt.date:
    from habeas.model import parse_iso_day

    try:
        return parse_iso_day(text)
    except HabeasError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="capture reports from URLs, files or stdin into the case store",
        description=(
            "Capture each input (a web page URL, an HTML or text file, or - for stdin), keep a "
            "snapshot of its bytes, store its text as a report and the engine's suggested "
            "persons and events. A .jsonl file (or one whose first line is a JSON object) "
            "holds one report per line in the contract's input form (doc_id, published, "
            "lang, url, title, text). The same text twice is stored once."
        ),
    )
    parser.add_argument("inputs", nargs="+", metavar="URL|FILE|-", help="what to capture")
    parser.add_argument(
        "--published", type=_iso_day, metavar="YYYY-MM-DD", help="publication date, if missing"
    )
    parser.add_argument("--lang", metavar="CODE", help="language (en, ru, az), if not detected")
    parser.add_argument("--title", help="title, if the input has none")
    add_batch_options(parser)
    add_format_option(parser)
    add_quiet_option(parser)
    parser.set_defaults(func=run)


def add_batch_options(parser: Any) -> None:
    """--workers and --dask: the options of batch work (habeas.batch)."""
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="read and extract on N local processes (directories, JSON Lines, WARC files)",
    )
    parser.add_argument(
        "--dask",
        metavar="tcp://HOST:PORT",
        help="run the extraction on the Dask cluster whose scheduler is at this address",
    )


def run(args: argparse.Namespace) -> int:
    from habeas.web.bootstrap import setup

    setup()
    if args.workers != 1 or args.dask:
        return _run_batch(args)
    from habeas.web.store.services import IngestOutcome

    failed = 0
    outcomes: Counter[str] = Counter()
    out = Output(args.format)
    with Progress(args, what="ingest", unit="inputs") as progress:
        progress(0, len(args.inputs))
        for done, name in enumerate(args.inputs, start=1):
            try:
                results = _ingest_one(name, args)
            except HabeasError as exc:
                # Many messages already name the input (fetch errors quote the URL).
                message = str(exc) if name in str(exc) else f"{name}: {exc}"
                print(f"habeas: {message}", file=sys.stderr)
                failed += 1
                out.record({"input": name, "outcome": "failed", "error": str(exc)})
                progress(done, len(args.inputs))
                continue
            for result in results:
                outcomes[result.outcome.value] += 1
                out.record(
                    {
                        "input": name,
                        "outcome": result.outcome.value,
                        "report_id": result.report_id,
                        "persons": result.persons,
                        "events": result.events,
                        "unread_lang": result.unread_lang or None,
                    },
                    text=result.describe(),
                )
            progress(done, len(args.inputs))
    if len(args.inputs) > 1 and not args.quiet:
        stored, known = outcomes[IngestOutcome.STORED.value], outcomes[IngestOutcome.KNOWN.value]
        print(
            f"habeas: {len(args.inputs)} inputs: {stored} reports stored, "
            f"{known} already known, {failed} failed",
            file=sys.stderr,
        )
    return 2 if failed else 0


def _ingest_one(name: str, args: argparse.Namespace) -> list[Any]:
    from habeas.ingest.decode import check_size
    from habeas.web.store import services

    hints = {"published": args.published, "lang": args.lang, "title": args.title}
    if name.lower().startswith(_SCHEMES):
        return [services.ingest_url(name, **hints)]
    limit = services.max_bytes()
    if name == "-":
        # One byte past the cap is enough to know the input is too large.
        data = sys.stdin.buffer.read(limit + 1)
        if _is_json_lines("stdin", data):
            return _ingest_reports(data, "stdin", hints)
        return [services.ingest_bytes(data, filename="stdin", **hints)]
    if "://" in name:
        raise InputError("only http:// and https:// URLs can be fetched")
    path = Path(name)
    if not path.is_file():
        raise InputError("no such file" if not path.exists() else "not a regular file")
    check_size(path.stat().st_size, limit=limit, name=path.name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"the file cannot be read ({exc.strerror})") from None
    if _is_json_lines(path.name, data):
        return _ingest_reports(data, path.name, hints)
    return [services.ingest_bytes(data, filename=path.name, **hints)]


def _is_json_lines(name: str, data: bytes) -> bool:
    if name.lower().endswith((".jsonl", ".ndjson", ".json")):
        return True
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def _ingest_reports(data: bytes, name: str, hints: dict[str, Any]) -> list[Any]:
    """Each line a report in the contract's input form, stored as a pasted text would be.

    All lines are read and checked before any is stored, so a bad line stores
    nothing; the same texts again are "already known".
    """
    import json

    from habeas.cli.jsonin import loads
    from habeas.ingest.decode import decode_text
    from habeas.model import report_from_json
    from habeas.web.store import services

    text = decode_text(data, name=name)
    reports = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            report = report_from_json(loads(line), default_id=f"{name}-{number}")
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number}: not valid JSON ({exc.msg})") from None
        except HabeasError as exc:
            raise InputError(f"line {number}: {exc}") from None
        if not report.text.strip():
            raise InputError(f"line {number}: the report's text is empty")
        reports.append(report)
    if not reports:
        raise InputError("no reports in the file")
    return [
        services.ingest_text(
            report.text,
            name=f"{name}#{report.doc_id}",
            published=report.published or hints["published"],
            lang=report.lang or hints["lang"],
            title=report.title or hints["title"],
        )
        for report in reports
    ]


def _run_batch(args: argparse.Namespace) -> int:
    from habeas.batch.inputs import items
    from habeas.web.store import services
    from habeas.web.store.batch import ingest_items

    if "-" in args.inputs or any(n.lower().startswith(_SCHEMES) for n in args.inputs):
        raise InputError("--workers and --dask take files and directories, not URLs or stdin")

    def progress(summary: Any) -> None:
        print(f"habeas: {summary.line()}", file=sys.stderr, flush=True)

    summary = ingest_items(
        items(args.inputs, max_bytes=services.max_bytes()),
        workers=args.workers,
        dask=args.dask,
        progress=progress,
    )
    for error in summary.errors:
        print(f"habeas: {error}", file=sys.stderr)
    print(summary.line())
    return 2 if summary.failed else 0
