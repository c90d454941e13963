"""`make bench`: page latency and query counts for a pair with five years of history.

For each database (SQLite, and PostgreSQL when its server binaries are installed)
the benchmark:

1. builds a fresh database with a pair who checked in every day for five years
   (and wrote the weekly "state of us" every week), and a new pair with no history;
2. counts the database queries of each page in-process (django.test.Client with
   CaptureQueriesContext), for the five-year pair and for the new pair;
3. starts `tend serve` (gunicorn, as in production) on a free port and times N
   sequential requests per page over HTTP, interleaved so that noise spreads
   evenly, against a bare authenticated view (`bench-bare/`) as the baseline.

Results are printed as a table and written to bench/results.json.

    .venv/bin/python bench/run.py [--requests 200] [--db sqlite|postgres|both]
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
PG_CLUSTER = ROOT / "scripts" / "pg-cluster"
TEND = ROOT / ".venv" / "bin" / "tend"
YEARS = 5
# The Today page's quality bar (PRODUCT.md): within 3x the bare view, same queries.
TODAY_MAX_RATIO = 3.0

PAGES: list[dict[str, str]] = [
    {"name": "bare view", "key": "bare", "method": "GET", "path": "/bench-bare/"},
    {"name": "Today", "key": "today", "method": "GET", "path": "/"},
    {"name": "Check-in history", "key": "history", "method": "GET", "path": "/checkins/history/"},
    {
        "name": "Save today's check-in",
        "key": "checkin_post",
        "method": "POST",
        "path": "/checkins/today/",
    },
]

FEELINGS = ["calm", "grateful", "hopeful", "joyful", "loved", "proud", "tired", "stressed"]
SAMPLE_TEXT = [
    "We cooked together and laughed at the burnt onions.",
    "A long day at work; I was short with you at dinner.",
    "Still thinking about the phone call with my sister.",
    "A hug when I get home would help a lot.",
    "Walked to the bakery in the rain and it was lovely.",
]


# -- orchestration ------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests per page first")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--backend-run", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    parser.add_argument(
        "--coach-rounds", type=int, default=20, help="passes over the labelled messages"
    )
    parser.add_argument("--coach-only", action="store_true", help="time only the draft check")
    args = parser.parse_args()

    if args.backend_run:
        result = run_backend(args.backend_run, args.requests, args.warmup)
        print("BENCH-RESULT " + json.dumps(result), flush=True)
        return 0

    if args.coach_only:
        print_coach(time_coach(args.coach_rounds))
        return 0

    backends = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    if "postgres" in backends and not Path("/usr/lib/postgresql/15/bin/initdb").exists():
        if args.db == "postgres":
            sys.exit("bench: PostgreSQL 15 server binaries are not installed")
        print("bench: PostgreSQL 15 is not installed; measuring SQLite only", file=sys.stderr)
        backends.remove("postgres")

    results: dict[str, Any] = {
        "generated_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "method": {
            "requests_per_page": args.requests,
            "warmup_per_page": args.warmup,
            "client": "one sequential HTTP client (http.client), a new connection per request",
            "server": "tend serve (gunicorn, 2 sync workers, embedded worker on SQLite)",
            "history": f"{YEARS} years of daily and weekly check-ins for both people",
            "app_cpu_ms": "median CPU time of the request thread, in-process (django.test.Client)",
        },
        "backends": {},
    }
    for backend in backends:
        results["backends"][backend] = run_child(backend, args.requests, args.warmup)
    results["coach"] = time_coach(args.coach_rounds)

    for backend, result in results["backends"].items():
        print_table(backend, result)
    print_coach(results["coach"])
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    shown = args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output
    print(f"\nwritten to {shown}")
    return 0


def run_child(backend: str, requests: int, warmup: int) -> dict[str, Any]:
    """One backend in its own process: Django's settings are fixed once per process."""
    data_dir = WORK / backend
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="tend.bench_settings",
        TEND_ENV="development",
        TEND_DATA_DIR=str(data_dir),
        TEND_DEBUG="false",
        TEND_LOG_LEVEL="WARNING",
    )
    env.pop("DATABASE_URL", None)
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--backend-run",
        backend,
        "--requests",
        str(requests),
        "--warmup",
        str(warmup),
    ]
    pg_dir = None
    try:
        if backend == "postgres":
            pg_dir = tempfile.mkdtemp(prefix="tend-bench-pg.")
            env["DATABASE_URL"] = subprocess.run(  # noqa: S603 (our own script)
                [str(PG_CLUSTER), "start", pg_dir], check=True, capture_output=True, text=True
            ).stdout.strip()
        print(f"== {backend}: building {YEARS} years of history and measuring", flush=True)
        proc = subprocess.run(  # noqa: S603 (this script, as a child)
            command, env=env, cwd=ROOT, capture_output=True, text=True
        )
    finally:
        if pg_dir:
            subprocess.run([str(PG_CLUSTER), "stop", pg_dir], check=False)  # noqa: S603
    for line in proc.stdout.splitlines():
        if line.startswith("BENCH-RESULT "):
            return json.loads(line.removeprefix("BENCH-RESULT "))
    sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-8000:])
    sys.exit(f"bench: the {backend} run failed (exit code {proc.returncode})")


# -- one backend, in the child process -----------------------------------------


def run_backend(backend: str, requests: int, warmup: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections

    call_command("migrate", verbosity=0, interactive=False)
    old, new = seed()
    rows = count_rows()
    queries = measure_in_process(old, new, cpu_requests=min(requests, 100))
    cookie = session_cookie(old["user"])
    vendor = connection.vendor
    # The server's processes open their own connections; this one must not hold a lock.
    connections.close_all()

    load_before = os.getloadavg()[0]
    timings = time_over_http(cookie, requests, warmup)
    load_after = os.getloadavg()[0]
    saved = checkin_saved_today(old["user"])
    connections.close_all()
    return {
        "vendor": vendor,
        "history_rows": rows,
        "queries": queries,
        "pages": summarise(timings, queries),
        "checkin_saved_by_post": saved,
        # Other work on the machine skews wall-clock times; this says how busy it was.
        "load_average_1min": {"before": round(load_before, 2), "after": round(load_after, 2)},
    }


def seed() -> tuple[dict[str, Any], dict[str, Any]]:
    from tend.accounts.models import User
    from tend.checkins.models import DailyCheckIn, WeeklyCheckIn
    from tend.lib.timezones import week_start
    from tend.pairs import services as pair_services

    rng = random.Random(2026)  # the same history on every run
    password = "bench-passphrase-not-secret"

    def make_pair(a: str, b: str) -> dict[str, Any]:
        first = User.objects.create_user(
            f"{a}@bench.example", password, display_name=a.title(), time_zone="Europe/Berlin"
        )
        second = User.objects.create_user(
            f"{b}@bench.example", password, display_name=b.title(), time_zone="America/New_York"
        )
        pair = pair_services.create_pair(first, name=f"{a.title()} & {b.title()}", kind="partners")
        issued = pair_services.issue_invite(pair, first)
        pair_services.accept_invite(issued.token, second)
        return {"user": first, "partner": second, "pair": pair}

    old = make_pair("ada", "ben")
    new = make_pair("cleo", "dan")

    daily: list[Any] = []
    weekly: list[Any] = []
    for person in (old["user"], old["partner"]):
        # Up to yesterday: today's check-in is what the POST benchmark creates.
        today = person.local_today()
        start = today - dt.timedelta(days=365 * YEARS + 1)
        day = start
        while day < today:
            daily.append(
                DailyCheckIn(
                    owner=person,
                    pair=old["pair"],
                    date=day,
                    mood=rng.randint(1, 5),
                    feelings=rng.sample(FEELINGS, rng.randint(0, 3)),
                    win=rng.choice(SAMPLE_TEXT),
                    challenge=rng.choice(SAMPLE_TEXT),
                    carrying=rng.choice(SAMPLE_TEXT),
                    support=rng.choice(SAMPLE_TEXT),
                    visibility="shared" if rng.random() < 0.9 else "private",
                )
            )
            day += dt.timedelta(days=1)
        monday = week_start(start) + dt.timedelta(days=7)
        this_week = week_start(today)
        while monday < this_week:
            weekly.append(
                WeeklyCheckIn(
                    owner=person,
                    pair=old["pair"],
                    week_start=monday,
                    went_well=rng.choice(SAMPLE_TEXT),
                    was_hard=rng.choice(SAMPLE_TEXT),
                    need=rng.choice(SAMPLE_TEXT),
                    appreciation=rng.choice(SAMPLE_TEXT),
                    closeness=rng.randint(4, 10),
                    visibility="shared",
                )
            )
            monday += dt.timedelta(days=7)
    DailyCheckIn.objects.bulk_create(daily, batch_size=500)
    WeeklyCheckIn.objects.bulk_create(weekly, batch_size=500)
    return old, new


def count_rows() -> dict[str, int]:
    from tend.checkins.models import DailyCheckIn, WeeklyCheckIn

    return {"daily": DailyCheckIn.objects.count(), "weekly": WeeklyCheckIn.objects.count()}


def checkin_form(rng: random.Random) -> dict[str, Any]:
    return {
        "mood": str(rng.randint(1, 5)),
        "feelings": rng.sample(FEELINGS, 2),
        "win": rng.choice(SAMPLE_TEXT),
        "challenge": rng.choice(SAMPLE_TEXT),
        "carrying": rng.choice(SAMPLE_TEXT),
        "support": rng.choice(SAMPLE_TEXT),
        "visibility": "shared",
    }


def measure_in_process(
    old: dict[str, Any], new: dict[str, Any], cpu_requests: int
) -> dict[str, dict[str, Any]]:
    """Queries per page, steady state (the second of two identical requests), and CPU time."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    rng = random.Random(7)
    out: dict[str, dict[str, Any]] = {}
    for label, who in (("five_years", old), ("new_pair", new)):
        client = Client()
        client.force_login(who["user"])
        for page in PAGES:
            counted: list[int] = []
            status = 0
            for _ in range(2):
                with CaptureQueriesContext(connection) as ctx:
                    if page["method"] == "POST":
                        response = client.post(page["path"], checkin_form(rng))
                    else:
                        response = client.get(page["path"])
                counted.append(len(ctx.captured_queries))
                status = response.status_code
            entry = out.setdefault(page["key"], {})
            entry[f"queries_{label}"] = counted[-1]
            entry[f"status_{label}"] = status
            if page["method"] == "POST":
                # The first POST creates today's check-in, the second updates it.
                entry[f"queries_first_{label}"] = counted[0]
    cpu = cpu_in_process(old, requests=cpu_requests)
    bare_cpu = statistics.median(cpu["bare"])
    for key, values in cpu.items():
        median = statistics.median(values)
        out[key]["app_cpu_ms"] = round(median, 2)
        out[key]["app_cpu_ratio_to_bare"] = round(median / bare_cpu, 2)
    # The same for the new pair tells a cost that grows with history from one that does not.
    for key, values in cpu_in_process(new, requests=cpu_requests).items():
        out[key]["app_cpu_ms_new_pair"] = round(statistics.median(values), 2)
    # The in-process POSTs created today's check-in; the HTTP run starts from none again.
    from tend.checkins.models import DailyCheckIn

    today = old["user"].local_today()
    DailyCheckIn.objects.filter(owner__in=[old["user"], new["user"]], date=today).delete()
    return out


def cpu_in_process(who: dict[str, Any], requests: int) -> dict[str, list[float]]:
    """CPU milliseconds the request handling thread spends per page, in this process.

    Wall-clock latency swings with whatever else the machine is doing; the thread's
    own CPU time barely does, so it tells a real slowdown from a busy machine. On
    SQLite it includes the database work (a library in this thread); on PostgreSQL
    the server's share is not in it.
    """
    from django.test import Client

    client = Client()
    client.force_login(who["user"])
    rng = random.Random(5)
    samples: dict[str, list[float]] = {p["key"]: [] for p in PAGES}
    for round_number in range(requests + 5):
        for page in PAGES:
            form = checkin_form(rng) if page["method"] == "POST" else None
            started = time.thread_time()
            if form is None:
                client.get(page["path"])
            else:
                client.post(page["path"], form)
            if round_number >= 5:
                samples[page["key"]].append((time.thread_time() - started) * 1000)
    return samples


def session_cookie(user: Any) -> str:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def checkin_saved_today(user: Any) -> bool:
    from tend.checkins.models import DailyCheckIn

    return DailyCheckIn.objects.filter(owner=user, date=user.local_today()).exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Browser:
    """A minimal cookie-keeping HTTP client on the standard library."""

    def __init__(self, port: int, session: str) -> None:
        from django.conf import settings

        self.port = port
        self.cookies = {settings.SESSION_COOKIE_NAME: session}
        self.csrf_cookie = settings.CSRF_COOKIE_NAME
        self.csrf_token = ""

    def request(
        self, method: str, path: str, form: dict[str, Any] | None = None
    ) -> tuple[int, bytes]:
        headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Host": f"127.0.0.1:{self.port}",
            "Accept": "text/html",
        }
        body = None
        if form is not None:
            body = urllib.parse.urlencode(
                {**form, "csrfmiddlewaretoken": self.csrf_token}, doseq=True
            ).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
            return response.status, data
        finally:
            conn.close()

    def fetch_csrf(self, path: str) -> None:
        """The form's CSRF token, or (while the form page is missing) a token of our own."""
        from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
        from django.utils.crypto import get_random_string

        status, html = self.request("GET", path)
        found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if status == 200 and found and self.csrf_cookie in self.cookies:
            self.csrf_token = found.group(1).decode()
            return
        secret = get_random_string(CSRF_SECRET_LENGTH, CSRF_ALLOWED_CHARS)
        self.cookies[self.csrf_cookie] = secret
        self.csrf_token = secret


def time_over_http(session: str, requests: int, warmup: int) -> dict[str, dict[str, Any]]:
    port = free_port()
    log = open(Path(os.environ["TEND_DATA_DIR"]) / "serve.log", "w")  # noqa: SIM115
    server = subprocess.Popen(  # noqa: S603 (our own command)
        [str(TEND), "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
    )
    try:
        browser = Browser(port, session)
        wait_until_up(browser, server)
        browser.fetch_csrf("/checkins/today/")
        rng = random.Random(11)
        samples: dict[str, list[float]] = {p["key"]: [] for p in PAGES}
        statuses: dict[str, set[int]] = {p["key"]: set() for p in PAGES}
        for round_number in range(warmup + requests):
            # Interleaved, so a slow moment on the machine hits every page alike.
            for page in PAGES:
                form = checkin_form(rng) if page["method"] == "POST" else None
                started = time.perf_counter()
                status, _ = browser.request(page["method"], page["path"], form)
                elapsed = (time.perf_counter() - started) * 1000
                statuses[page["key"]].add(status)
                if round_number >= warmup:
                    samples[page["key"]].append(elapsed)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    return {key: {"ms": samples[key], "statuses": sorted(statuses[key])} for key in samples}


def wait_until_up(browser: Browser, server: subprocess.Popen[Any]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("tend serve exited before it was ready; see serve.log")
        try:
            status, _ = browser.request("GET", "/bench-bare/")
        except OSError:
            time.sleep(0.2)
            continue
        if status != 200:
            raise RuntimeError(f"the bare view answered {status}; is the session valid?")
        return
    raise RuntimeError("tend serve did not answer within 60 seconds")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def summarise(
    timings: dict[str, dict[str, Any]], queries: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    bare = statistics.median(timings["bare"]["ms"])
    pages: dict[str, Any] = {}
    for page in PAGES:
        key = page["key"]
        ms = timings[key]["ms"]
        statuses = timings[key]["statuses"]
        median = statistics.median(ms)
        pages[key] = {
            "name": page["name"],
            "method": page["method"],
            "path": page["path"],
            "http_statuses": statuses,
            "missing": statuses == [404],
            "median_ms": round(median, 2),
            "p95_ms": round(percentile(ms, 0.95), 2),
            "ratio_to_bare": round(median / bare, 2),
            **queries.get(key, {}),
        }
    return pages


# -- the coach's draft check ----------------------------------------------------


def time_coach(rounds: int) -> dict[str, Any]:
    """Time the draft check (labels, spans and rewrite) per message, in-process."""
    sys.path.insert(0, str(ROOT))
    from tend.coach.analyzer import analyze
    from tend.coach.evaluate import default_files, read_examples

    texts = [text for path in default_files() for text, _labels in read_examples(path)]
    for text in texts:  # compile the rules and warm the caches
        analyze(text)
    ms: list[float] = []
    flagged_ms: list[float] = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            verdict = analyze(text)
            elapsed = (time.perf_counter() - start) * 1000
            ms.append(elapsed)
            if verdict.labels:
                flagged_ms.append(elapsed)
    return {
        "messages": len(texts),
        "rounds": rounds,
        "median_ms": round(statistics.median(ms), 3),
        "p95_ms": round(percentile(ms, 0.95), 3),
        "flagged_median_ms": round(statistics.median(flagged_ms), 3) if flagged_ms else None,
        "flagged_p95_ms": round(percentile(flagged_ms, 0.95), 3) if flagged_ms else None,
    }


def print_coach(result: dict[str, Any]) -> None:
    print(
        f"\ncoach draft check ({result['messages']} labelled messages x {result['rounds']} rounds, "
        f"in-process): median {result['median_ms']:.3f} ms, p95 {result['p95_ms']:.3f} ms "
        f"per message; flagged messages (with the rewrite) median "
        f"{result['flagged_median_ms']:.3f} ms, p95 {result['flagged_p95_ms']:.3f} ms"
    )


# -- report --------------------------------------------------------------------


def print_table(backend: str, result: dict[str, Any]) -> None:
    rows = result["history_rows"]
    load = result["load_average_1min"]
    print(
        f"\n{backend} ({rows['daily']} daily and {rows['weekly']} weekly check-ins; "
        f"load average {load['before']:.1f} before, {load['after']:.1f} after, "
        f"{os.cpu_count()} CPUs)"
    )
    header = (
        f"{'page':<24} {'median ms':>10} {'p95 ms':>8} {'x bare':>7} {'cpu ms':>7} "
        f"{'x bare':>7} {'new pair':>9} {'queries':>8} {'new pair':>9}  status"
    )
    print(
        "(ms over HTTP; cpu ms in-process for the five-year pair, then the new pair; "
        "queries for both)"
    )
    print(header)
    print("-" * len(header))
    for page in result["pages"].values():
        status = "MISSING (404)" if page["missing"] else ",".join(map(str, page["http_statuses"]))
        print(
            f"{page['name']:<24} {page['median_ms']:>10.2f} {page['p95_ms']:>8.2f} "
            f"{page['ratio_to_bare']:>7.2f} {page['app_cpu_ms']:>7.2f} "
            f"{page['app_cpu_ratio_to_bare']:>7.2f} {page['app_cpu_ms_new_pair']:>9.2f} "
            f"{page.get('queries_five_years', '-'):>8} "
            f"{page.get('queries_new_pair', '-'):>9}  {status}"
        )
    today = result["pages"]["today"]
    if today["missing"]:
        print("Today page: missing (404), quality bar not measured")
    else:
        ratio_ok = today["ratio_to_bare"] <= TODAY_MAX_RATIO
        queries_ok = today.get("queries_five_years") == today.get("queries_new_pair")
        print(
            f"Today page: {today['ratio_to_bare']:.2f}x the bare view over HTTP "
            f"({'within' if ratio_ok else 'OVER'} {TODAY_MAX_RATIO:.0f}x), "
            f"{today['app_cpu_ratio_to_bare']:.2f}x in CPU time; queries "
            f"{'the same as' if queries_ok else 'DIFFERENT from'} a new pair"
        )
    if not result["checkin_saved_by_post"]:
        print("Warning: the check-in POSTs did not save a check-in")


if __name__ == "__main__":
    sys.exit(main())
