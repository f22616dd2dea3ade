"""Posts for tests: as Markdown source for a built site, and as the model's ``Article``.

Plain data in and out, no MkDocs: unit tests of the core import this without loading MkDocs
(building and reading whole sites is ``helpers.py``'s job).
"""

from __future__ import annotations

import textwrap
from datetime import datetime, timedelta
from typing import Any

import yaml

from mkdocs_aicommentary.model.articles import Article

BODY = "Some words about the subject.\n"
"""A post's body where what it says does not matter."""

FIRST_DAY = datetime(2026, 1, 1)
"""Day 0 of ``post``'s days: tests compare posts' dates with each other, not with this."""


def post(name: str, day: int = 0, **fields: Any) -> Article:
    """A public post at ``posts/<name>.md``, titled after ``name`` ("open-weights": "Open
    weights") and dated ``day`` days after ``FIRST_DAY``; ``fields`` set any other field of
    ``Article`` or override these (``date=None`` for an undated post)."""
    defaults: dict[str, Any] = {
        "src_path": f"posts/{name}.md",
        "title": name.replace("-", " ").capitalize(),
        "date": FIRST_DAY + timedelta(days=day),
    }
    return Article(**{**defaults, **fields})


def article(front_matter: str, body: str = BODY) -> str:
    """A Markdown post from a front matter block as an author types it (without the ``---``
    lines) and a body."""
    return f"---\n{textwrap.dedent(front_matter).strip()}\n---\n\n{textwrap.dedent(body)}"


def markdown_post(title: str, body: str = BODY, **front_matter: object) -> str:
    """A Markdown post whose front matter holds ``title`` and ``front_matter`` written as YAML,
    so dates, lists and booleans arrive as YAML's own types."""
    return article(yaml.safe_dump({"title": title, **front_matter}, allow_unicode=True), body)


def billion_laughs(field: str = "topics") -> str:
    """Front matter lines (without ``---``) whose last ``field`` stands for 9**9 strings: the
    "billion laughs", a few hundred bytes of YAML aliases."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, previous in zip("bcdefgh", "abcdefg", strict=True):
        lines.append(f"{name}: &{name} [{','.join(['*' + previous] * 9)}]")
    lines.append(f"{field}: [{','.join(['*h'] * 9)}]")
    return "\n".join(lines) + "\n"
