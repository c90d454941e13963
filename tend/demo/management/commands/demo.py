from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tend.demo.builder import DEMO_PASSWORD, build


class Command(BaseCommand):
    help = "Create (or top up) a demo pair with months of history, and print the logins."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--days", type=int, default=120, help="days of history (default 120)")

    def handle(self, *args: Any, **options: Any) -> None:
        result = build(days=options["days"])
        self.stdout.write(
            f"Demo pair “{result.pair.name}”: added {result.daily_created} daily and "
            f"{result.weekly_created} weekly check-ins."
        )
        for note in result.notes:
            self.stdout.write(f"  and {note}")
        self.stdout.write("Log in at /accounts/login/ as either of:")
        for person in result.people:
            self.stdout.write(f"  {person.email}  password: {DEMO_PASSWORD}")
