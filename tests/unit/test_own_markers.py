"""What the plugin marks its own work with cannot be typed by an author.

Private-use characters, comments that look like the plugin's slots and markers in places where
a browser reads them as text: each is the author's text, and comes out as typed.
"""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_aicommentary.features.excerpts import plain_text
from mkdocs_aicommentary.html.markers import Slots
from mkdocs_aicommentary.html.placement import fill_slots, place_slot, remove_markers

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
    text = text.lstrip(" ")  # A paragraph's words: indented by four, they would be code.
    shown = BeautifulSoup(markdown.markdown(text), "html.parser").get_text()
    assert plain_text(text) == " ".join(shown.split())


MARKER = "<!-- aicommentary:related -->"
MARKER_AS_TEXT = [
    f"<textarea>{MARKER}</textarea>",
    f"<title>{MARKER}</title>",
    f'<span title="{MARKER}">t</span>',
    f"<span title='{MARKER}'>t</span>",
    f"<script>var s = '{MARKER}';</script>",
    f"<style>/* {MARKER} */</style>",
    "<pre><code>&lt;!-- aicommentary:related --&gt;</code></pre>",
]


def test_only_a_marker_a_browser_reads_as_a_comment_places_a_box():
    slots = Slots()
    for html in MARKER_AS_TEXT:
        page = f"<p>One.</p>{html}<p>Two.</p>"
        assert place_slot(page, slots, "related", "marker") == page, html
        assert remove_markers(page, "related") == page, html
        real = f"{page}\n<p>{MARKER}</p>\n<p>Three.</p>"
        assert place_slot(real, slots, "related", "marker") == (
            f"{page}\n{slots.slot('related')}\n<p>Three.</p>"
        )


def test_slots_of_another_build_or_typed_by_an_author_stay_as_they_are():
    slots = Slots()
    others = [Slots().slot("related"), "<!-- aicommentary-slot:related -->"]
    page = f"<p>a</p>{others[0]}{slots.slot('related')}{others[1]}"
    assert fill_slots(page, slots, {"related": "<aside>r</aside>"}) == (
        f"<p>a</p>{others[0]}<aside>r</aside>{others[1]}"
    )


@HOSTILE
@given(
    st.lists(
        st.sampled_from([*MARKER_AS_TEXT, "<p>words</p>", "<!-- aicommentary-slot:related -->"]),
        max_size=6,
    ).map("".join),
    st.sampled_from(["end", "after_paragraph", "marker"]),
)
def test_what_an_author_wrote_comes_through_placing_and_filling_unchanged(html, placement):
    """Whatever the author wrote, placing a box and filling the slots adds the box once and
    changes nothing else."""
    slots = Slots()
    placed = place_slot(html, slots, "related", placement, 1)
    filled = fill_slots(placed, slots, {"related": "<aside>r</aside>"})
    if placement == "marker":
        assert filled == html
    else:
        assert filled.count("<aside>r</aside>") == 1
        assert filled.replace("<aside>r</aside>", "", 1) == html
