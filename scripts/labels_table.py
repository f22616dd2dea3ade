"""The README's table of label keys, made from the translation tables.

``python scripts/labels_table.py`` rewrites the table in README.md (between the ``labels-table``
markers); ``tests/unit/test_readme.py`` fails while the README and the tables disagree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs_aicommentary.config import TRANSLATED_OPTIONS
from mkdocs_aicommentary.i18n import PLACEHOLDERS
from mkdocs_aicommentary.translations import LISTS, STANCE_KEYS, TEXTS

README = Path(__file__).parent.parent / "README.md"
START = "<!-- labels-table:start -->"
END = "<!-- labels-table:end -->"


def table() -> str:
    """One row per key: its English text, its placeholders, and the option that wins over it."""
    rows = [
        "| key | English | placeholders | an option that wins |",
        "| --- | --- | --- | --- |",
    ]
    for key, texts in TEXTS.items():
        english = texts["en"]
        if isinstance(english, str):
            shown = _code(english) if key not in LISTS else f"{LISTS[key]} names: {_code(english)}"
        else:
            shown = "; ".join(f"{category}: {_code(form)}" for category, form in english.items())
        names = ", ".join(f"`{{{name}}}`" for name in sorted(PLACEHOLDERS[key]))
        rows.append(f"| `{key}` | {shown} | {names} | {_option(key)} |")
    return "\n".join(rows)


def _code(text: str) -> str:
    return f'`"{text}"`' if text != text.strip() else f"`{text}`"


def _option(key: str) -> str:
    if key in TRANSLATED_OPTIONS:
        section, option = TRANSLATED_OPTIONS[key]
        return f"`{section}.{option}`"
    if key.startswith("stance.") and key.removeprefix("stance.") in STANCE_KEYS:
        return f"`stances.{key.removeprefix('stance.')}`"
    return ""


def in_readme(text: str) -> str:
    """The table now in the README."""
    match = re.search(f"{re.escape(START)}\n(.*?)\n{re.escape(END)}", text, re.DOTALL)
    return match.group(1) if match else ""


def main() -> int:
    text = README.read_text(encoding="utf-8")
    if START not in text or END not in text:
        print(f"README.md has no {START} ... {END} markers", file=sys.stderr)
        return 1
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    README.write_text(f"{before}{START}\n{table()}\n{END}{after}", encoding="utf-8")
    print(f"{README}: {len(TEXTS)} keys")
    return 0


if __name__ == "__main__":
    sys.exit(main())
