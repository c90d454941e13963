"""The `tend` command: serve, worker, demo, export, and Django's management commands."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from tend.lib.env import envint, envstr

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_WORKERS = 2


class SetupError(Exception):
    """Tend cannot start with this configuration; the message says why."""


def setup_django() -> None:
    """Load settings and apps, turning configuration mistakes into one clean line."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tend.settings")
    from django.core.exceptions import ImproperlyConfigured

    try:
        import django

        django.setup()
    except ImproperlyConfigured as exc:
        raise SetupError(str(exc)) from None


def _manage(argv: Sequence[str]) -> None:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tend manage", *argv])


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _port(value: str) -> int:
    number = int(value)
    if not 0 < number < 65536:
        raise argparse.ArgumentTypeError("must be between 1 and 65535")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tend",
        description="Tend: a private place for two people to practise closeness.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser(
        "serve",
        help="run the web server (and, embedded, the background worker)",
        description="Run Tend's web server. With SQLite (the default) the background "
        "worker runs inside this process too, so one process is all you need.",
    )
    serve.add_argument(
        "--host",
        default=envstr("TEND_HOST", DEFAULT_HOST),
        help="address to listen on (default: %(default)s, env TEND_HOST)",
    )
    serve.add_argument(
        "--port",
        type=_port,
        default=envint("TEND_PORT", DEFAULT_PORT),
        help="port to listen on (default: %(default)s, env TEND_PORT)",
    )
    serve.add_argument(
        "--workers",
        type=_positive,
        default=envint("TEND_WEB_WORKERS", DEFAULT_WORKERS),
        help="web server processes (default: %(default)s, env TEND_WEB_WORKERS)",
    )
    serve.add_argument(
        "--threads",
        type=_positive,
        default=envint("TEND_WEB_THREADS", 1),
        help="threads per web server process (default: %(default)s)",
    )
    serve.add_argument(
        "--no-worker", action="store_true", help="do not run the background worker in this process"
    )
    serve.add_argument(
        "--access-log", action="store_true", help="log every request to standard output"
    )

    worker = commands.add_parser(
        "worker",
        help="run the background worker on its own",
        description="Run queued tasks and periodic jobs. Several workers may run "
        "side by side on PostgreSQL.",
    )
    worker.add_argument(
        "--interval",
        type=float,
        default=1.0,
        help="seconds between looks for new work (default: %(default)s)",
    )

    commands.add_parser(
        "demo",
        help="create a demo pair with months of history",
        description="Create a demo pair with months of history (manage.py demo).",
        add_help=False,
    )

    export = commands.add_parser(
        "export",
        help="export everything one person can see, as JSON",
        description="Export everything one person can see, as JSON (manage.py export_data).",
    )
    export.add_argument("--user", required=True, metavar="EMAIL", help="the person's e-mail")
    export.add_argument("--output", metavar="FILE", help="write to FILE instead of stdout")

    commands.add_parser(
        "coach",
        help="check a draft message for the four patterns (tend coach check --help)",
        description='The communication coach, offline: `tend coach check "text"`.',
        add_help=False,
    )

    commands.add_parser(
        "manage",
        help="run a Django management command (tend manage help)",
        description="Run any Django management command, e.g. `tend manage migrate`.",
        add_help=False,
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from django.core.exceptions import ImproperlyConfigured

    try:
        parser = build_parser()
    except ImproperlyConfigured as exc:
        print(f"tend: cannot start: {exc}", file=sys.stderr)
        return 2
    # `manage` and `demo` hand everything after them to Django untouched,
    # including --help, so they are split off before argparse sees the rest.
    if argv and argv[0] in {"manage", "demo", "coach"}:
        args, rest = parser.parse_args(argv[:1]), argv[1:]
    else:
        args, rest = parser.parse_args(argv), []

    if args.command == "coach":
        # The draft check is pure Python and needs neither settings nor a database.
        from tend.coach.cli import main as coach_main

        return coach_main(rest)

    try:
        setup_django()
    except SetupError as exc:
        print(f"tend: cannot start: {exc}", file=sys.stderr)
        return 2

    if args.command == "serve":
        from tend.serve import serve

        return serve(
            host=args.host,
            port=args.port,
            workers=args.workers,
            threads=args.threads,
            embedded_worker=not args.no_worker,
            access_log=args.access_log,
        )
    if args.command == "worker":
        from tend.worker import run_forever

        run_forever(interval=args.interval)
        return 0
    if args.command == "demo":
        _manage(["demo", *rest])
        return 0
    if args.command == "export":
        extra = ["--output", args.output] if args.output else []
        _manage(["export_data", "--user", args.user, *extra])
        return 0
    if args.command == "manage":
        _manage(rest or ["help"])
        return 0
    parser.error(f"unknown command {args.command}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
