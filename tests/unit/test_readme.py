"""The README documents every label key as the translation tables define it."""

from labels_table import README, in_readme, table


def test_the_readme_lists_every_label_key():
    documented = in_readme(README.read_text(encoding="utf-8"))
    assert documented == table(), "run `python tests/labels_table.py` to update README.md"
