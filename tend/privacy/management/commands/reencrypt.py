"""Rewrite every encrypted text under the first key in TEND_ENCRYPTION_KEYS.

Rotation: put a new key first, keep the old ones after it, run this command,
then remove the old keys.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, models, transaction

from tend.privacy import crypto
from tend.privacy.fields import EncryptedTextField

BATCH = 500


class Command(BaseCommand):
    help = "Re-encrypt all stored free text with the first configured key."

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        for model in apps.get_models():
            fields = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
            if not fields:
                continue
            count = self._rotate_model(model, fields)
            total += count
            self.stdout.write(f"{model._meta.label}: {count} rows")
        self.stdout.write(self.style.SUCCESS(f"Re-encrypted {total} rows."))

    def _rotate_model(self, model: type[models.Model], fields: list[EncryptedTextField]) -> int:
        # Raw column values: decrypting and encrypting again through the field
        # would work too, but rotate() keeps the original timestamps inside the token.
        table = connection.ops.quote_name(model._meta.db_table)
        pk = _quoted_column(model._meta.pk)
        columns = [_quoted_column(f) for f in fields]
        count = 0
        last = None
        while True:
            with transaction.atomic(), connection.cursor() as cursor:
                where = f"WHERE {pk} > %s " if last is not None else ""
                cursor.execute(
                    f"SELECT {pk}, {', '.join(columns)} FROM {table} {where}"  # noqa: S608
                    f"ORDER BY {pk} LIMIT {BATCH}",
                    [last] if last is not None else [],
                )
                rows = cursor.fetchall()
                if not rows:
                    return count
                for row in rows:
                    values = [crypto.rotate(v) if v else v for v in row[1:]]
                    assignments = ", ".join(f"{c} = %s" for c in columns)
                    cursor.execute(
                        f"UPDATE {table} SET {assignments} WHERE {pk} = %s",  # noqa: S608
                        [*values, row[0]],
                    )
                count += len(rows)
                last = rows[-1][0]


def _quoted_column(field: models.Field[Any, Any]) -> str:
    # Only a field without a column of its own (a many-to-many) has None here, and
    # neither a primary key nor encrypted text is one.
    assert field.column is not None
    return connection.ops.quote_name(field.column)
