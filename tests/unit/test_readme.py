"""The README documents every label key as the translation tables define it."""

import runpy
from pathlib import Path

LABELS_TABLE = runpy.run_path(str(Path(__file__).resolve().parents[2] / "scripts/labels_table.py"))
"""The script that writes the README's table, loaded without running its ``main``."""


def test_the_readme_lists_every_label_key():
    documented = LABELS_TABLE["in_readme"](LABELS_TABLE["README"].read_text(encoding="utf-8"))
    assert documented == LABELS_TABLE["table"](), (
        "run `python scripts/labels_table.py` to update README.md"
    )
