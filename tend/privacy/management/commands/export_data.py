from __future__ import annotations

import json
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from tend.privacy.services import export_for


class Command(BaseCommand):
    help = "Write everything one person can see in Tend as JSON."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--user", required=True, help="the person's e-mail address")
        parser.add_argument("--output", "-o", help="a file to write (default: standard output)")

    def handle(self, *args: Any, **options: Any) -> None:
        email = options["user"].strip().lower()
        user = get_user_model().objects.filter(email=email).first()
        if user is None:
            raise CommandError(f"Nobody here has the e-mail address {email!r}.")
        text = json.dumps(export_for(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stderr.write(f"Wrote {options['output']}")
        else:
            self.stdout.write(text)
