"""Every piece of text a person reads in a template is marked for translation.

Templates are read as text: what is left once Django's tags, variables and
comments, and the HTML markup are taken out must hold no words, and the
attributes people read (title, aria-label, placeholder, alt) must come from a
tag or a variable.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted(
    p for pattern in ("templates/**/*.html", "templates/**/*.txt") for p in ROOT.rglob(pattern)
)
# Words that are the same in every language: the product's name.
UNTRANSLATED = {"Tend"}

_BLOCK_TRANS = re.compile(r"{%\s*blocktrans(late)?\b.*?{%\s*endblocktrans(late)?\s*%}", re.S)
_TAG = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)
_IGNORED_ELEMENTS = re.compile(
    r"<(script|style)\b.*?</\1>|<!--.*?-->|{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S | re.I
)
_MARKUP = re.compile(r"<[^>]*>", re.S)
_READ_ATTRIBUTES = re.compile(
    r'\b(title|aria-label|placeholder|alt|aria-description)\s*=\s*"([^"]*)"', re.I
)
_WORD = re.compile(r"[^\W\d_]{2,}")


def _visible_text(source: str) -> str:
    text = _IGNORED_ELEMENTS.sub(" ", source)
    text = _BLOCK_TRANS.sub(" ", text)
    text = _TAG.sub(" ", text)
    return _MARKUP.sub(" ", text)


def test_there_are_templates_to_check() -> None:
    assert len(TEMPLATES) > 20


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_template_text_is_marked_for_translation(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    words = [w for w in _WORD.findall(_visible_text(source)) if w not in UNTRANSLATED]
    assert not words, f"untranslated words in {path.name}: {words[:10]}"
    for name, value in _READ_ATTRIBUTES.findall(source):
        plain = _TAG.sub(" ", value)
        assert not _WORD.search(plain), f'{path.name}: {name}="{value}" is not translated'


def test_the_check_notices_plain_text() -> None:
    assert _WORD.findall(_visible_text("<p>Hello there</p>")) == ["Hello", "there"]
    assert not _WORD.findall(_visible_text('<p>{% translate "Hello" %}</p>'))
