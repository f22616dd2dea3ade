"""What the plugin marks its own work with cannot be typed by an author.

Private-use characters, comments that look like the plugin's slots and markers in places where
a browser reads them as text: each is the author's text, and comes out as typed.
"""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_aicommentary.excerpts import plain_text

HOSTILE = settings(max_examples=60, deadline=None)


def test_private_use_characters_around_digits_are_text_in_an_excerpt():
    for text in ("a \ue00099999999999\ue001 b", "a \ue00060\ue001 b", "\ue000\ue000\ue001\ue001"):
        assert plain_text(text) == text


def test_escapes_still_read_as_the_characters_they_escape():
    assert plain_text(r"\*not bold\* \ue000 \\ \[x\]") == r"*not bold* \ue000 \ [x]"
    assert plain_text("\\*\ue0001\ue001\\*") == "*\ue0001\ue001*"


PLAIN_PIECES = [
    "\ue000", "\ue001", "\ue0f5", "0", "1", "60", "99999999999", " ", "word",
    "\\*", "\\_", "\\\\", "\\[", "\\]", "\\(", "\\)", "\\#", "\\!", "\\`",
]  # fmt: skip


@HOSTILE
@given(st.lists(st.sampled_from(PLAIN_PIECES), max_size=30).map("".join))
def test_an_excerpt_reads_as_markdown_renders_it(text):
    """Text and escapes only: the excerpt holds exactly the words Python-Markdown shows."""
    shown = BeautifulSoup(markdown.markdown(text), "html.parser").get_text()
    assert plain_text(text) == " ".join(shown.split())
