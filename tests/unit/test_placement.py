from mkdocs_aicommentary.html.markers import Slots
from mkdocs_aicommentary.html.placement import (
    fill_slots,
    insert_after_title,
    insert_into_head,
    place_slot,
)

SLOTS = Slots()
SLOT = SLOTS.slot("newsletter")

BODY = "<h1>T</h1>\n<p>One.</p>\n<blockquote>\n<p>Quoted.</p>\n</blockquote>\n<p>Two.</p>\n<p>3</p>"


def test_end():
    assert place_slot(BODY, SLOTS, "newsletter", "end") == BODY + SLOT


def test_end_comes_before_footnotes():
    html = '<p>One.<sup id="fnref:1">1</sup></p>\n<div class="footnote">\n<hr>\n<ol></ol>\n</div>'
    placed = place_slot(html, SLOTS, "newsletter", "end")
    assert placed.index(SLOT) < placed.index('<div class="footnote">')
    assert placed.index(SLOT) > placed.index("One.")


def test_after_paragraph_counts_top_level_paragraphs_only():
    placed = place_slot(BODY, SLOTS, "newsletter", "after_paragraph", 2)
    assert placed.startswith(
        "<h1>T</h1>\n<p>One.</p>\n<blockquote>\n<p>Quoted.</p>\n</blockquote>\n<p>Two.</p>" + SLOT
    )


def test_after_paragraph_with_too_few_paragraphs_goes_to_the_end():
    assert place_slot(BODY, SLOTS, "newsletter", "after_paragraph", 9).endswith(SLOT)


def test_after_paragraph_with_unbalanced_html_goes_to_the_end():
    html = "<p>One.</p></div><p>Two.</p><p>Three.</p>"
    assert place_slot(html, SLOTS, "newsletter", "after_paragraph", 2) == html + SLOT


def test_marker_wins_in_every_mode_and_only_the_first_counts():
    marker = "<!-- aicommentary:newsletter -->"
    html = f"<p>One.</p>\n{marker}\n<p>Two.</p>\n<p>{marker}</p>"
    for placement in ("end", "after_paragraph", "marker"):
        placed = place_slot(html, SLOTS, "newsletter", placement, 2)
        assert placed.count(SLOT) == 1
        assert placed.index(SLOT) < placed.index("Two.")
        assert "aicommentary:newsletter" not in placed


def test_marker_inside_a_sentence_puts_the_block_after_that_paragraph():
    html = "<p>One.</p>\n<p>Text <!-- aicommentary:newsletter --> more.</p>\n<p>Two.</p>"
    assert (
        place_slot(html, SLOTS, "newsletter", "end")
        == f"<p>One.</p>\n<p>Text  more.</p>{SLOT}\n<p>Two.</p>"
    )


def test_marker_placement_without_a_marker_places_nothing():
    assert place_slot(BODY, SLOTS, "newsletter", "marker") == BODY


def test_after_title_goes_below_the_leading_h1_or_on_top():
    assert insert_after_title("<h1 id=t>T</h1><p>x</p>", "<div>m</div>") == (
        "<h1 id=t>T</h1><div>m</div><p>x</p>"
    )
    assert insert_after_title("<p>x</p><h1>Late</h1>", "<div>m</div>") == (
        "<div>m</div><p>x</p><h1>Late</h1>"
    )
    # An excerpt of Material's blog, a heading level down.
    assert insert_after_title("<h2 id=t>T</h2><p>x</p>", "<div>m</div>", level=2) == (
        "<h2 id=t>T</h2><div>m</div><p>x</p>"
    )


def test_slots_are_filled_and_empty_ones_vanish():
    page = f"<p>a</p>{SLOTS.slot('related')}<p>b</p>{SLOT}"
    assert fill_slots(page, SLOTS, {"related": "<aside>r</aside>"}) == (
        "<p>a</p><aside>r</aside><p>b</p>"
    )


def test_head_additions_go_before_the_head_ends():
    assert insert_into_head("<html><head><title>t</title></head>", "<link>") == (
        "<html><head><title>t</title><link>\n</head>"
    )
    assert insert_into_head("<p>no head</p>", "<link>") == "<p>no head</p>"
