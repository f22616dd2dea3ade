"""Where files are written: one place per file on every file system, and prefixes that keep
the plugin's pages in folders of their own.

The real builds are in ``tests/integration/test_indexes_build.py`` (an author's page, a file,
the site feed), ``test_material_blog.py`` (a blog at the site root) and ``test_options.py``.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config.base import ValidationError
from mkdocs.structure.files import File

from mkdocs_aicommentary.adapter.option_types import RESERVED_OUTPUTS, Folder
from mkdocs_aicommentary.adapter.site_files import Destinations
from mkdocs_aicommentary.html.links import dest_path, path_key

HOSTILE = settings(max_examples=80, deadline=None)


def a_file(src: str, use_directory_urls: bool = True) -> File:
    return File(src, src_dir=None, dest_dir="/site", use_directory_urls=use_directory_urls)


@pytest.mark.parametrize("use_directory_urls", [True, False])
@pytest.mark.parametrize(
    "src", ["index.md", "README.md", "a.md", "a/index.md", "a/README.md", "a/b.md", "a/b/c.md"]
)
def test_a_pages_destination_is_the_one_mkdocs_gives_it(src, use_directory_urls):
    assert dest_path(src, use_directory_urls) == a_file(src, use_directory_urls).dest_uri


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("topics/index.html", "Topics/index.html"),
        ("caf\u00e9/index.html", "cafe\u0301/index.html"),
        ("topics/index.html", "topics /index.html"),
        ("feed.xml", "FEED.XML"),
    ],
)
def test_paths_one_on_macos_or_windows_have_one_key(first, second):
    assert path_key(first) == path_key(second)


def test_what_stands_in_the_way_of_a_file():
    destinations = Destinations(
        [a_file("posts/Topics.md"), a_file("topics/cloud"), a_file("notes/feed.xml/x.png")],
        outputs=["sitemap.xml"],
    )
    clash = destinations.taken("Posts/topics/index.html")  # Letter case aside.
    assert clash is not None
    assert (clash.other, clash.dest) == ("posts/Topics.md", "posts/Topics/index.html")
    assert destinations.taken("topics/cloud/index.html") is not None  # A file, not a folder.
    assert destinations.taken("notes/feed.xml") is not None  # A folder, not a file.
    assert destinations.taken("sitemap.xml/index.html") is not None
    assert destinations.taken("topics/cloudy/index.html") is None
    assert destinations.taken("notes/feed.json") is None


paths = st.lists(
    st.sampled_from(["a", "A", "b", "caf\u00e9", "cafe\u0301", "x.html", "X.HTML", "c "]),
    min_size=1,
    max_size=4,
).map("/".join)


@HOSTILE
@given(paths, paths)
def test_a_file_is_in_the_way_exactly_when_both_cannot_be_written(written, wanted):
    """In the way: the same place on macOS or Windows, or one where the other needs a folder."""
    key, other = path_key(written), path_key(wanted)
    blocked = key == other or other.startswith(key + "/") or key.startswith(other + "/")
    clash = Destinations([a_file(written)]).taken(wanted)
    assert (clash is not None) == blocked


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
