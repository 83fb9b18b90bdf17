"""Scale benchmark: pages under concurrent clients, alerts check, ingest and extraction rates.

    python bench/bench_scale.py                      # small (CI): 1,000 persons
    python bench/bench_scale.py --persons 10000      # medium
    python bench/bench_scale.py --persons 100000 --clients 50 --requests 500   # the issue's size

Builds a synthetic store of invented people (bench/synthetic_store.py) in a
temporary HABEAS_HOME (SQLite; set HABEAS_DATABASE_URL to an empty
PostgreSQL database to run it there), serves it with `habeas serve` on
loopback and prints p50/p95/p99 per page for `--clients` concurrent
clients, the server's peak memory, `alerts check` times, ingest reports/s
fresh and at `--ingest-at` stored reports, and extraction speed-up from one
to two workers. Figures go to docs/benchmarks.md by hand, with the date.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _setup(home: Path) -> None:
    os.environ["HABEAS_HOME"] = str(home)
    os.environ.setdefault("HABEAS_SECRET_KEY", "bench-only-" + "x" * 40)
    from habeas.web.bootstrap import setup

    setup()


def _session_cookie() -> str:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore

    from habeas.web.accounts.roles import Role
    from habeas.web.accounts.users import create_user

    user = User.objects.filter(username="bench-viewer").first() or create_user(
        "bench-viewer", role=Role.VIEWER, password="a long bench password 12"
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"sessionid={session.session_key}"


def _calendar_path() -> str:
    from django.contrib.auth.models import User

    from habeas.web.alerts.services import subscription_of

    token = subscription_of(User.objects.get(username="bench-viewer")).calendar_token
    return f"/alerts/calendar/{token}.ics"


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _with_csrf_cookie(port: int, cookie: str) -> str:
    """`cookie` plus the CSRF cookie the server hands out, as a browser would send it back."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("GET", "/", headers={"Cookie": cookie, "Host": "127.0.0.1"})
    response = conn.getresponse()
    response.read()
    for name, value in response.getheaders():
        if name.lower() == "set-cookie" and value.strip().startswith("csrftoken="):
            return f"{cookie}; {value.strip().split(';')[0]}"
    return cookie


def _load(
    port: int, cookie: str, paths: list[str], *, clients: int, requests: int, hits: list[int]
) -> list[float]:
    times: list[float] = []
    lock = threading.Lock()
    todo = iter(range(requests))
    errors: list[str] = []

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        rng = random.Random(threading.get_ident())
        while True:
            with lock:
                if next(todo, None) is None:
                    return
            path = rng.choice(paths)
            started = time.perf_counter()
            conn.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
            response = conn.getresponse()
            response.read()
            took = time.perf_counter() - started
            with lock:
                times.append(took)
                hits.append(response.getheader("X-Habeas-Cache") == "hit")
                if response.status != 200:
                    errors.append(f"{path}: HTTP {response.status}")

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise SystemExit(f"bench: {len(errors)} failed requests, e.g. {errors[0]}")
    return times


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of process `pid` so far (the server's own work, whatever the load)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


_SERVE = (
    "import sys; from habeas.cli.main import main; sys.exit(main(['serve', '--port', sys.argv[1]]))"
)


def _serve(home: Path, port: int, *, cache: bool) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HABEAS_HOME": str(home)}
    if not cache:
        env["HABEAS_PAGE_CACHE_MB"] = "0"
    server = subprocess.Popen(
        [sys.executable, "-c", _SERVE, str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(200):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/login/")
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("bench: the server did not start")


@contextlib.contextmanager
def _ingesting(home: Path, *, per_minute: int) -> Iterator[None]:
    """Ingest synthetic reports `per_minute` times a minute in a process of its own meanwhile:
    each one is a commit that ends every kept page, as a desk's work would."""
    if not per_minute:
        yield
        return
    env = {**os.environ, "HABEAS_HOME": str(home)}
    command = [sys.executable, __file__, "--ingest-loop", str(60 / per_minute)]
    writer = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None
        if not writer.stdout.readline():  # a line: its first report is in
            raise SystemExit("bench: the ingesting process failed")
        yield
    finally:
        writer.terminate()
        writer.wait(timeout=30)


def ingest_loop(every: float) -> None:
    _setup(Path(os.environ["HABEAS_HOME"]))
    from habeas.web.store.services import ingest_text
    from synthetic_store import report_text

    rng = random.Random()
    while True:
        name = f"Bench Writer{rng.randrange(10**9)}"
        ingest_text(report_text(name, rng), name=f"bench-write-{rng.randrange(10**12)}.txt")
        print("ingested", flush=True)
        time.sleep(every)


def _deep_person_list_path() -> str:
    # The person list pages by keyset (?after=<id>): the id of the person 99 % down the list.
    from habeas.web.store.models import Person

    rows = Person.objects.filter(merged_into__isnull=True).order_by("display_name", "id")
    deep = rows.values_list("pk", flat=True)[int(rows.count() * 0.99)]
    return f"/persons/?after={deep}"


def publish(count: int) -> list[int]:
    """Publish `count` persons (roles, country, confirmed events, reports) and the site.

    Done in bulk, as an editor would have over years; the ids of the published persons.
    """
    from django.utils import timezone

    from habeas.web.public.publishing import SITE_KEY
    from habeas.web.store.models import (
        Event,
        EventPublication,
        EventStatus,
        Evidence,
        Person,
        PersonProfile,
        Report,
        ReportPublication,
        SiteSetting,
    )

    now = timezone.now()
    ids = list(
        Person.objects.filter(merged_into__isnull=True).order_by("id").values_list("pk", flat=True)
    )[:: max(1, Person.objects.count() // max(1, count))][:count]
    PersonProfile.objects.filter(person_id__in=ids).delete()
    PersonProfile.objects.bulk_create(
        [
            PersonProfile(
                person_id=pk,
                public=True,
                public_fields=["roles", "country"],
                country="AZ",
                published_at=now,
            )
            for pk in ids
        ],
        batch_size=2000,
    )
    events = list(
        Event.objects.filter(person_id__in=ids, status=EventStatus.CONFIRMED).values_list(
            "pk", flat=True
        )
    )
    EventPublication.objects.filter(event_id__in=events).delete()
    EventPublication.objects.bulk_create(
        [EventPublication(event_id=pk, public=True, published_at=now) for pk in events],
        batch_size=5000,
    )
    reports = set(Evidence.objects.filter(event_id__in=events).values_list("report_id", flat=True))
    ReportPublication.objects.filter(report_id__in=reports).delete()
    ReportPublication.objects.bulk_create(
        [ReportPublication(report_id=pk, public=True, published_at=now) for pk in reports],
        batch_size=5000,
    )
    SiteSetting.objects.update_or_create(key=SITE_KEY, defaults={"value": "on"})
    assert Report.objects.filter(publication__public=True).exists() or not reports
    return ids


def bench_pages(home: Path, args: argparse.Namespace) -> None:
    from django.db.models import Count

    from habeas.web.review.search import search_names
    from habeas.web.store.models import Event, Person

    cookie = _session_cookie()
    some = list(Person.objects.order_by("?").values_list("pk", "display_name")[:50])
    surnames = [name.split()[-1] for _, name in some]
    biggest = Event.objects.values("person_id").annotate(n=Count("id")).order_by("-n").first()
    pages = {
        "dashboard": ["/"],
        "detained list": ["/lists/detained/", "/lists/detained/?page=3"],
        "person list": ["/persons/", _deep_person_list_path()],
        "person page": [f"/persons/{pk}/" for pk, _ in some],
        "name search": [f"/search/?q={quote(s)}" for s in surnames],
        "review queue": ["/review/"],
        "iCal feed": [_calendar_path()],
        "alerts page": ["/alerts/", "/alerts/?page=3"],
    }
    if biggest and biggest["n"] >= 1000:
        pages[f"person, {biggest['n']} events"] = [f"/persons/{biggest['person_id']}/"]
    if args.publish is None:
        args.publish = 0 if args.store is not None else 100
    if args.publish:
        started = time.perf_counter()
        published = publish(args.publish)
        print(f"published {len(published)} persons in {time.perf_counter() - started:.0f} s")
        # Asked for without a session, as the public's readers do.
        pages.update(
            {
                "public list": ["/public/", f"/public/?page={max(1, len(published) // 200)}"],
                "public person page": [
                    f"/public/person/{pk}/" for pk in random.Random(3).sample(published, 50)
                ]
                if len(published) >= 50
                else [f"/public/person/{pk}/" for pk in published],
                "public statistics": ["/public/statistics/"],
                "public Atom feed": ["/public/feed.atom"],
            }
        )
    assert search_names(surnames[0]), "the search finds the synthetic names"
    for cache in {"both": (False, True), "on": (True,), "off": (False,)}[args.page_cache]:
        _bench_pages_served(home, args, pages, cookie, cache=cache)


def _bench_pages_served(
    home: Path, args: argparse.Namespace, pages: dict[str, list[str]], cookie: str, *, cache: bool
) -> None:
    port = args.port
    server = _serve(home, port, cache=cache)
    writes = args.ingests_per_minute if cache else 0
    try:
        cookie = _with_csrf_cookie(port, cookie)
        shown = "page cache off"
        if cache:
            shown = "page cache on, " + (
                f"{writes} ingests a minute in another process" if writes else "no write"
            )
        print(f"pages, {args.clients} clients, {args.requests} requests each, {shown}:")
        with _ingesting(home, per_minute=writes):
            _bench_each_page(server, port, cookie, pages, args, cache=cache)
        print(f"server peak memory: {_peak_rss_mb(server.pid):.0f} MB")
    finally:
        server.terminate()
        server.wait(timeout=30)


def _bench_each_page(
    server: subprocess.Popen[bytes],
    port: int,
    cookie: str,
    pages: dict[str, list[str]],
    args: argparse.Namespace,
    *,
    cache: bool,
) -> None:
    for label, paths in pages.items():
        hits: list[int] = []
        asked_with = "" if label.startswith("public ") else cookie
        for path in paths:  # each page once: the cache holds every one when it is on
            _load(port, asked_with, [path], clients=1, requests=1, hits=[])
        cpu = _cpu_seconds(server.pid)
        times = _load(
            port, asked_with, paths, clients=args.clients, requests=args.requests, hits=hits
        )
        cpu = (_cpu_seconds(server.pid) - cpu) / len(times)
        print(
            f"  {label:20s} p50 {_pct(times, 0.5) * 1000:7.0f} ms  "
            f"p95 {_pct(times, 0.95) * 1000:7.0f} ms  p99 {_pct(times, 0.99) * 1000:7.0f} ms"
            f"  server CPU {cpu * 1000:5.1f} ms/request"
            + (f"  hits {sum(hits) / len(hits):4.0%}" if cache else "")
        )


def bench_alerts(made: dict[str, int]) -> None:
    """`alerts check` (the due statuses, then notifications) on each of the next 8 days."""
    import datetime as dt

    from habeas.web.alerts.notify import notify_new_alerts
    from habeas.web.store.status import check_due

    print(
        f"statuses computed from scratch: {made['persons']} persons in "
        f"{made['status_cpu_ms'] / 1000:.1f} s CPU"
    )
    built_on = dt.date.fromordinal(made["today"])
    notify_new_alerts()  # the alerts opened by the build, as the first check would
    for n in range(1, 9):
        started = time.process_time()
        checked = check_due(today=built_on + dt.timedelta(days=n))
        notify_new_alerts()
        took = time.process_time() - started
        print(f"alerts check, day +{n}: {checked.checked} persons due, {took:.2f} s CPU")


def _ingest_rate(names: list[str], offset: int, rng: random.Random) -> float:
    # CPU time of this process (the store is SQLite in it, or a server elsewhere):
    # the machine is shared, and fsyncs of the audit checkpoint are not CPU.
    from habeas.web.store.services import ingest_text
    from synthetic_store import report_text

    started = time.process_time()
    for i, name in enumerate(names):
        ingest_text(report_text(name, rng), name=f"bench-{offset + i}.txt")
    return len(names) / (time.process_time() - started)


def _ingest_names(args: argparse.Namespace) -> list[str]:
    from synthetic_people import synthetic_names

    # fresh sample, filling, sample in this process, sample in a new process, warm-up
    return synthetic_names(args.ingest_at + 2 * args.ingest_sample + 5, seed=99)


def bench_ingest(args: argparse.Namespace) -> float:
    """Ingest rates fresh and at `--ingest-at` reports in the same process; the fresh rate."""
    rng = random.Random(5)
    names = _ingest_names(args)
    sample = args.ingest_sample
    _ingest_rate(names[-5:], 10**6, rng)  # loads the engine's lexicons and morphology
    fresh = _ingest_rate(names[:sample], 0, rng)
    started = time.perf_counter()
    _ingest_rate(names[sample : args.ingest_at], sample, rng)
    later = _ingest_rate(names[args.ingest_at : args.ingest_at + sample], args.ingest_at, rng)
    print(
        f"ingest (CPU): {fresh:.1f} reports/s fresh, {later:.1f} reports/s at "
        f"{args.ingest_at} reports in the process that filled the store (per-report cost "
        f"x{fresh / later:.2f}); filling took {time.perf_counter() - started:.0f} s"
    )
    return fresh


def bench_ingest_cold(args: argparse.Namespace, fresh: float) -> None:
    """The rate at `--ingest-at` reports in a new process, as a `habeas ingest` run meets
    a store: no name of the store has been prepared for comparison in it yet."""
    rng = random.Random(6)
    names = _ingest_names(args)
    start = args.ingest_at + args.ingest_sample
    _ingest_rate(names[-5:], 2 * 10**6, random.Random(7))  # texts not stored yet
    later = _ingest_rate(names[start : start + args.ingest_sample], start, rng)
    print(
        f"ingest (CPU): {later:.1f} reports/s at {args.ingest_at} reports in a new process "
        f"(per-report cost x{fresh / later:.2f} of fresh)"
    )


def _solo_cpu_ms(reports: list[Any]) -> float:
    """CPU ms per report of extracting `reports` in this process, nothing exchanged."""
    from habeas.batch.work import extract_chunk, warm

    warm("")
    started = time.process_time()
    extract_chunk(("", reports))
    return (time.process_time() - started) * 1000 / len(reports)


def _independent_cpu_ms(reports: list[Any]) -> tuple[float, float]:
    """CPU ms per report of one forked process alone, then of two running at once.

    Neither exchanges anything with this process while timed, so what the pair
    costs over the one alone is the machine's (two cores sharing caches, memory
    and a host), not the worker pool's: it bounds the speed-up any pool can reach here.
    """
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1) as pool:
        alone = pool.submit(_solo_cpu_ms, reports).result()
    with ProcessPoolExecutor(max_workers=2) as pool:
        pair = [pool.submit(_solo_cpu_ms, reports) for _ in range(2)]
        both = sum(f.result() for f in pair) / 2
    return alone, both


def _bench_extract_command(reports: list[Any]) -> None:
    """`habeas extract FILE --workers N` as a user runs it: a new process that reads
    JSON Lines, loads the engine and writes JSON, on 1 and 2 workers."""
    import json
    import resource

    with tempfile.TemporaryDirectory(prefix="habeas-bench-extract-") as tmp:
        path = Path(tmp) / "reports.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for r in reports:
                line = {"doc_id": r.doc_id, "lang": r.lang, "text": r.text}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
        habeas = str(Path(sys.executable).with_name("habeas"))
        figures = {}
        for workers in (1, 2):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            command = [habeas, "extract", str(path), "--quiet", "--workers", str(workers)]
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            wall = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            figures[workers] = (len(reports) / wall, used * 1000 / len(reports))
    (r1, c1), (r2, c2) = figures[1], figures[2]
    print(
        f"  habeas extract --workers 1|2 (a new process, load and JSON included): "
        f"{r1:.0f} → {r2:.0f} reports/s (x{r2 / r1:.2f} wall); CPU {c1:.2f} → {c2:.2f} ms "
        f"a report (x{c1 * 2 / c2:.2f} at best on two free cores)"
    )


def bench_extract(args: argparse.Namespace) -> None:
    from habeas.batch.run import extract_reports
    from habeas.model import Report
    from synthetic_people import synthetic_names
    from synthetic_store import report_text

    rng = random.Random(3)
    reports = []
    for i, name in enumerate(synthetic_names(args.extract_reports, seed=5)):
        text = report_text(name, rng)
        while len(text) < args.extract_chars:  # longer reports: more of the same kind
            text += "\n" + report_text(name, rng)
        reports.append(Report(doc_id=f"r{i}", text=text, lang="en"))
    import resource

    def cpu() -> float:
        own, children = (
            resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        )
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    rates, cpus = {}, {}
    sum(1 for _ in extract_reports(reports[:20]))  # warm up the engine in this process
    for workers in (1, 2):
        started, used = time.perf_counter(), cpu()
        done = sum(1 for _ in extract_reports(reports, workers=workers))
        rates[workers] = done / (time.perf_counter() - started)
        cpus[workers] = (cpu() - used) * 1000 / done
    chars = sum(len(r.text) for r in reports) / len(reports)
    # Wall-clock rates need free cores to mean anything; the CPU per report (this process
    # and the workers) shows what running on two processes adds, whatever the load.
    print(
        f"extraction ({len(reports)} reports of ~{chars:.0f} characters): "
        f"{rates[1]:.0f} reports/s on 1 worker, {rates[2]:.0f} on 2 "
        f"(x{rates[2] / rates[1]:.2f} wall); CPU per report {cpus[1]:.2f} ms on 1, "
        f"{cpus[2]:.2f} ms on 2 (x{cpus[1] * 2 / cpus[2]:.2f} at best on two free cores)"
    )
    _bench_extract_command(reports)
    alone, both = _independent_cpu_ms(reports)
    print(
        f"  the machine's own bound: one process alone {alone:.2f} ms a report, two "
        f"independent processes at once {both:.2f} ms each (x{alone * 2 / both:.2f} at best: "
        f"the pool reaches {rates[2] / rates[1] / (alone * 2 / both):.0%} of it)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=1000)
    parser.add_argument("--events-per-person", type=int, default=10)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=50, help="requests per page")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--ingest-at", type=int, default=500)
    parser.add_argument("--ingest-sample", type=int, default=100)
    parser.add_argument("--extract-reports", type=int, default=2000)
    parser.add_argument(
        "--extract-chars",
        type=int,
        default=0,
        help="make each synthetic report at least this long (default: one paragraph)",
    )
    parser.add_argument(
        "--publish",
        type=int,
        help="publish this many persons and measure the public pages too (default: 100 in a"
        " store the benchmark builds, none in a --store, which it never changes unasked)",
    )
    parser.add_argument("--skip", nargs="*", default=[], choices=["pages", "ingest", "extract"])
    parser.add_argument(
        "--page-cache",
        choices=["both", "on", "off"],
        default="both",
        help="serve the pages with the page cache off, on, or each in turn (default)",
    )
    parser.add_argument(
        "--store",
        type=Path,
        help="measure the pages of this existing HABEAS_HOME instead of building one",
    )
    parser.add_argument(
        "--ingests-per-minute",
        type=int,
        default=0,
        help="with the cache on, ingest this many reports a minute in another process meanwhile",
    )
    parser.add_argument("--ingest-loop", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--ingest-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--ingest-cold", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ingest_loop is not None:
        ingest_loop(args.ingest_loop)
        return
    if args.ingest_only:
        ingest_only(args)
        return
    if args.store is not None:
        _setup(args.store)
        bench_pages(args.store, args)
        return
    with tempfile.TemporaryDirectory(prefix="habeas-bench-") as tmp:
        home = Path(tmp) / "store"
        from synthetic_store import build, from_cache, save_to_cache

        params = {"persons": args.persons, "events_per_person": args.events_per_person}
        sqlite = "HABEAS_DATABASE_URL" not in os.environ
        cached = from_cache(home, **params) if sqlite else None
        _setup(home)
        started = time.perf_counter()
        made = cached or build(**params)
        if sqlite and cached is None:
            save_to_cache(made, **params)
        print(
            f"store: {made['persons']} persons, {made['events']} events, {made['reports']} "
            f"reports, {'from the cache' if cached else 'built'} in "
            f"{time.perf_counter() - started:.0f} s"
        )
        bench_alerts(made)
        from habeas.web.store.name_search import rebuild

        started = time.perf_counter()
        # The bulk build bypasses index_person: the name search rows are written once here.
        print(f"name search index: {rebuild()} persons in {time.perf_counter() - started:.0f} s")
        if "pages" not in args.skip:
            bench_pages(home, args)
        if "extract" not in args.skip:
            bench_extract(args)
    if "ingest" not in args.skip:
        # A fresh store in a process of its own: the rates are the ingest path's alone.
        with tempfile.TemporaryDirectory(prefix="habeas-bench-ingest-") as tmp:
            env = {**os.environ, "HABEAS_HOME": str(Path(tmp) / "store")}
            command = [
                sys.executable,
                __file__,
                "--ingest-only",
                "--ingest-at",
                str(args.ingest_at),
            ]
            command += ["--ingest-sample", str(args.ingest_sample)]
            done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
            shown, _, fresh = done.stdout.rpartition("fresh rate ")
            print(shown, end="")
            cold = [*command, "--ingest-cold", fresh.strip()]
            subprocess.run(cold, env=env, check=True)


def ingest_only(args: argparse.Namespace) -> None:
    _setup(Path(os.environ["HABEAS_HOME"]))
    if args.ingest_cold is not None:
        bench_ingest_cold(args, args.ingest_cold)
    else:
        print(f"fresh rate {bench_ingest(args)!r}")


if __name__ == "__main__":
    main()
