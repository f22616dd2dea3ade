"""The page on languages documents every language and every label key as the language files
define them."""

import runpy
from pathlib import Path

import pytest

LABELS_TABLE = runpy.run_path(str(Path(__file__).resolve().parents[2] / "scripts/labels_table.py"))
"""The script that writes the page's tables, loaded without running its ``main``."""


@pytest.mark.parametrize("name", LABELS_TABLE["TABLES"])
def test_the_tables_on_the_languages_page_match_the_language_files(name):
    documented = LABELS_TABLE["in_page"](LABELS_TABLE["PAGE"].read_text(encoding="utf-8"), name)
    assert documented == LABELS_TABLE["TABLES"][name](), (
        "run `python scripts/labels_table.py` to update docs/languages.md"
    )
