"""The documentation's tables of languages and label keys, made from the language files.

``python scripts/labels_table.py`` rewrites both tables in docs/languages.md (between the
``languages-table`` and ``labels-table`` markers); ``tests/unit/test_labels_tables.py`` fails
while that page and the language files disagree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs_aicommentary.adapter.site_language import TRANSLATED_OPTIONS
from mkdocs_aicommentary.i18n.language import PLACEHOLDERS
from mkdocs_aicommentary.i18n.translations import BUILT_IN, FALLBACK, LISTS, STANCE_KEYS

PAGE = Path(__file__).parent.parent / "docs" / "languages.md"
"""The documentation's page on languages, which holds both tables."""


def languages_table() -> str:
    """One row per language file: its code, name, direction, plural categories, stop words."""
    rows = [
        "| code | language | written | plural categories | stop words |",
        "| --- | --- | --- | --- | --- |",
    ]
    for code in BUILT_IN.codes:
        language = BUILT_IN.language(code)
        direction = "right to left" if language.rtl else "left to right"
        categories = ", ".join(language.plural_categories)
        rows.append(
            f"| `{code}` | {language.name} | {direction} | {categories} | "
            f"{len(language.stop_words)} |"
        )
    return "\n".join(rows)


def labels_table() -> str:
    """One row per key: its English text, its placeholders, and the option that wins over it."""
    rows = [
        "| key | English | placeholders | an option that wins |",
        "| --- | --- | --- | --- |",
    ]
    for key, english in BUILT_IN.language(FALLBACK).texts.items():
        if isinstance(english, str):
            shown = _code(english) if key not in LISTS else f"{LISTS[key]} names: {_code(english)}"
        else:
            shown = "; ".join(f"{category}: {_code(form)}" for category, form in english.items())
        names = ", ".join(f"`{{{name}}}`" for name in sorted(PLACEHOLDERS[key]))
        rows.append(f"| `{key}` | {shown} | {names} | {_option(key)} |")
    return "\n".join(rows)


TABLES = {"languages-table": languages_table, "labels-table": labels_table}
"""Each table by the name of its markers (``<!-- name:start -->``, ``<!-- name:end -->``)."""


def _code(text: str) -> str:
    return f'`"{text}"`' if text != text.strip() else f"`{text}`"


def _option(key: str) -> str:
    if key in TRANSLATED_OPTIONS:
        section, option = TRANSLATED_OPTIONS[key]
        return f"`{section}.{option}`"
    if key.startswith("stance.") and key.removeprefix("stance.") in STANCE_KEYS:
        return f"`stances.{key.removeprefix('stance.')}`"
    return ""


def _markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def in_page(text: str, name: str) -> str:
    """The table ``name`` now on the page."""
    start, end = _markers(name)
    match = re.search(f"{re.escape(start)}\n(.*?)\n{re.escape(end)}", text, re.DOTALL)
    return match.group(1) if match else ""


def main() -> int:
    text = PAGE.read_text(encoding="utf-8")
    for name, table in TABLES.items():
        start, end = _markers(name)
        if start not in text or end not in text:
            print(f"{PAGE} has no {start} ... {end} markers", file=sys.stderr)
            return 1
        before, rest = text.split(start, 1)
        _, after = rest.split(end, 1)
        text = f"{before}{start}\n{table()}\n{end}{after}"
    PAGE.write_text(text, encoding="utf-8")
    print(f"{PAGE}: {len(BUILT_IN.codes)} languages, {len(PLACEHOLDERS)} keys")
    return 0


if __name__ == "__main__":
    sys.exit(main())
