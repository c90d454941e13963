"""The love map in export and deletion.

Entries (answers about myself, guesses) are the person's own writing: exported
as far as they can see them (a partner's only once opened), deleted with the
account. Rounds belong to the pair: exported to its members, gone with the pair.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from tend.accounts.models import User
from tend.love_map.models import Entry, Round
from tend.love_map.selection import prompts_by_id
from tend.pairs.models import Pair
from tend.privacy import registry


def _prompt_text(prompt_id: str) -> str:
    prompt = prompts_by_id().get(prompt_id)
    return prompt.text if prompt is not None else prompt_id


def serialize_entry(item: Entry, user: User) -> dict[str, Any]:
    return {
        "round": item.round.code,
        "prompt": _prompt_text(item.prompt_id),
        "kind": item.kind,
        "text": item.text,
        "mark": item.mark or None,
    }


def _export_rounds(user: User) -> list[dict[str, Any]]:
    rounds = (
        Round.objects.filter(pair__in=Pair.objects.of(user))
        .select_related("pair", "subject", "guesser")
        .order_by("created_at", "pk")
    )
    return [
        {
            "code": r.code,
            "pair": r.pair.name,
            "about": "me" if r.subject_id == user.pk else _name(r.subject),
            "guesser": "me" if r.guesser_id == user.pk else _name(r.guesser),
            "prompts": [_prompt_text(p) for p in r.prompt_ids],
            "created_at": r.created_at.isoformat(),
            "marked_at": r.marked_at.isoformat() if r.marked_at else None,
        }
        for r in rounds
    ]


def _name(person: User | None) -> str | None:
    return person.display_name if person is not None else None


registry.register_owned(
    "love_map_entries",
    Entry,
    title=_("Love-map answers and guesses"),
    serialize=serialize_entry,
    related=("round",),
)
registry.register_pair_owned(
    "love_map_rounds",
    title=_("Love-map rounds"),
    export=_export_rounds,
    models=(Round,),
)
