"""Check all conversation content: ``python -m tend.conversation.content``."""

from __future__ import annotations

import sys
from collections import Counter

from tend.conversation import content


def main() -> int:
    try:
        cats = content.categories()
        love = content.love_map() if content.LOVE_MAP_FILE.exists() else None
        sessions = content.deep_talk_sessions()
    except content.ContentError as exc:
        print(f"problem: {exc}")
        return 1
    for slug, category in cats.items():
        depths = Counter(p.depth for p in category.prompts)
        print(f"{slug}: {len(category.prompts)} prompts, by depth {dict(sorted(depths.items()))}")
    if love is not None:
        print(f"love map: {len(love.prompts)} prompts")
    print(f"deep talk: {len(sessions)} sessions")
    texts = [(p.id, p.text) for c in cats.values() for p in c.prompts]
    if love is not None:
        texts += [(p.id, p.text) for p in love.prompts]
    texts += [(q.id, q.text) for s in sessions.values() for st in s.sets for q in st.questions]
    duplicates = content.near_duplicates(texts)
    by_id = dict(texts)
    for a, b, reason in duplicates:
        print(f"near-duplicate ({reason}): {a}: {by_id[a]!r} ~ {b}: {by_id[b]!r}")
    print(f"{len(texts)} texts, {len(duplicates)} near-duplicate pairs")
    return 1 if duplicates else 0


if __name__ == "__main__":
    sys.exit(main())
