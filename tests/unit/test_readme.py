"""The README documents every language and every label key as the language files define them."""

import pytest
from labels_table import README, TABLES, in_readme


@pytest.mark.parametrize("name", TABLES)
def test_the_readme_tables_match_the_language_files(name):
    documented = in_readme(README.read_text(encoding="utf-8"), name)
    assert documented == TABLES[name](), "run `python tests/labels_table.py` to update README.md"
