"""The reference page (docs/reference.md) documents every option the plugin declares, with the
default the code has, and every front matter field it reads.

The options are found by walking the typed Config classes of ``adapter/config.py``, so an option
added there without a row here fails with a message naming it and the page to add it to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_aicommentary.adapter.config import AICommentaryConfig
from mkdocs_aicommentary.model.front_matter import KNOWN_FIELDS

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "reference.md"
ENTRY = "<name>"
"""How the reference names an entry of a mapping of sections (``companies.<name>.url``)."""


def options(config: type[base.Config], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every option of ``config`` and its sections, dotted (``related.weights.text``), with its
    default; a section is walked, not listed."""
    for name, option in config._schema:
        inner = option.option if isinstance(option, c.Optional) else option
        if isinstance(inner, c.SubConfig):
            yield from options(inner.config_class, f"{prefix}{name}.")
            continue
        yield f"{prefix}{name}", option.default
        entries = getattr(inner, "option_type", None)
        if isinstance(entries, c.SubConfig):  # A mapping of sections: the company registry.
            yield from options(entries.config_class, f"{prefix}{name}.{ENTRY}.")


def documented_rows(text: str) -> dict[str, str]:
    """Each table row's first cell (a name in backticks) -> its second cell."""
    rows = {}
    for line in text.splitlines():
        match = re.match(r"^\| `([^`]+)` \| ([^|]*) \|", line)
        if match:
            rows.setdefault(match.group(1), match.group(2).strip())
    return rows


def as_documented(default: Any) -> str:
    """A default as the reference writes it: YAML in backticks, or "unset"."""
    if default is None:
        return "unset"
    if isinstance(default, bool):
        return f"`{str(default).lower()}`"
    if default == "":  # Empty backticks would show as two backticks on the page.
        return '`""`'
    if isinstance(default, list):
        return "`[" + ", ".join(map(str, default)) + "]`"
    if isinstance(default, dict):
        return "`{" + ", ".join(f"{key}: {value}" for key, value in default.items()) + "}`"
    return f"`{default}`"


def test_every_option_is_in_the_reference_with_its_default():
    rows = documented_rows(REFERENCE.read_text(encoding="utf-8"))
    declared = dict(options(AICommentaryConfig))
    assert len(declared) > 80  # The walk reaches every section.
    missing = [name for name in declared if name not in rows]
    suggested = "\n".join(
        f"| `{name}` | {as_documented(declared[name])} | (what it does) |" for name in missing
    )
    assert not missing, (
        f"options declared in adapter/config.py but not in docs/reference.md: {missing}. Add "
        f"these rows to the tables of their sections there, and describe each option on its "
        f"feature's page (see CONTRIBUTING.md):\n{suggested}"
    )
    wrong = {
        name: (rows[name], as_documented(default))
        for name, default in declared.items()
        if rows[name] != as_documented(default)
    }
    assert not wrong, f"docs/reference.md gives other defaults than the code (row, code): {wrong}"


def test_the_reference_names_no_option_that_does_not_exist():
    text = REFERENCE.read_text(encoding="utf-8")
    options_part = text.split("## Front matter")[0]
    declared = dict(options(AICommentaryConfig))
    assert [name for name in documented_rows(options_part) if name not in declared] == []


def test_every_front_matter_field_is_in_the_reference():
    fields = documented_rows(REFERENCE.read_text(encoding="utf-8").split("## Front matter")[1])
    assert sorted(KNOWN_FIELDS - fields.keys()) == []
