"""Where files are written: one place per file on every file system, and prefixes that keep
the plugin's pages in folders of their own.

The real builds are in ``tests/integration/test_indexes_build.py`` (an author's page, a file,
the site feed), ``test_material_blog.py`` (a blog at the site root) and ``test_options.py``.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config.base import ValidationError

from mkdocs_aicommentary.config import RESERVED_OUTPUTS, Folder
from mkdocs_aicommentary.links import path_key

HOSTILE = settings(max_examples=80, deadline=None)


@HOSTILE
@given(st.text(max_size=30) | st.sampled_from([*RESERVED_OUTPUTS, "C:/x", "nul", "a\\b"]))
def test_any_prefix_is_a_safe_folder_or_a_configuration_error(value):
    try:
        folder = Folder(default="topics").validate(value)
    except ValidationError as error:
        assert "topics" in str(error)  # It says what to write instead.
        return
    parts = folder.split("/")
    assert all(part and part == part.strip().rstrip(".") for part in parts)
    assert not any(char in folder for char in '\\<>:"|?*')
    assert not any(unicodedata.category(char) in ("Cc", "Cf", "Cs", "Cn") for char in folder)
    assert path_key(parts[0]) not in {path_key(reserved) for reserved in RESERVED_OUTPUTS}
