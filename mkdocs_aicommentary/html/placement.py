"""Where the plugin's additions go in a rendered page, and how boxes stay out of search.

Text added in ``on_page_content`` is indexed by theme search and scanned for the table of
contents. A box (related articles, newsletter signup) is therefore put in as an HTML comment
(a slot) there, where search ignores it, and the slot is swapped for the box in
``on_post_page``. Authors choose a place with a marker comment such as
``<!-- aicommentary:related -->``; otherwise the options say: the end of the article (before
its footnotes) or after its Nth top-level paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .markers import Slots, marker_regex, may_hold_marker
from .markup import VOID_ELEMENTS, Scanner

PLACEMENTS = ("end", "after_paragraph", "marker")
_FOOTNOTES = 'class="footnote'

_LEADING_TITLE = {
    level: re.compile(rf"\A\s*<h{level}\b[^>]*>.*?</h{level}>", re.DOTALL) for level in (1, 2)
}
_PARAGRAPH_END = re.compile(r"\s*</p>")


def author_markers(html: str, name: str) -> list[tuple[int, int]]:
    """Where the author's ``<!-- aicommentary:name -->`` markers are in ``html``: comments a
    browser reads as comments, not the same characters as text (in an attribute's value, a
    ``<script>`` or a ``<textarea>``; code samples are escaped already). A marker on a line
    of its own comes out of Python-Markdown wrapped in ``<p>``: the paragraph goes with it.
    Most pages hold no marker, and are not parsed."""
    if not may_hold_marker(html, name):
        return []
    finder = _Markers(html, re.compile(marker_regex(name)))
    finder.scan()
    return finder.spans


def holds_marker(html: str, name: str) -> bool:
    """Whether the author put a marker for ``name`` into the page."""
    return bool(author_markers(html, name))


def place_at_marker(html: str, slots: Slots, name: str) -> tuple[str, bool]:
    """The slot for ``name`` in place of the author's first marker, the other markers gone;
    whether there was one."""
    return _at_markers(html, name, slots.slot(name))


def slot_at_marker(html: str, slots: Slots, name: str, *, append: bool = False) -> str:
    """The slot for ``name`` in place of the author's first marker (or, with ``append``, at
    the very end when there is none); markers left over go."""
    placed, found = place_at_marker(html, slots, name)
    return html + slots.slot(name) if not found and append else placed


def remove_markers(html: str, name: str) -> str:
    """Drop the author's markers for ``name`` (one on a page where the box is switched off)."""
    return _at_markers(html, name, "")[0]


def place_slot(html: str, slots: Slots, name: str, placement: str, paragraph: int = 3) -> str:
    """Put box ``name``'s slot in the page: at the author's marker if there is one, else at
    the end (before footnotes) or after the Nth top-level paragraph.

    With ``placement: marker`` only a marker places the box. Markers left over go.
    """
    mark = slots.slot(name)
    placed, found = _at_markers(html, name, mark)
    if found:
        return _out_of_paragraph(placed, mark)
    if placement == "marker":
        return html
    where = len(html)
    if placement == "after_paragraph" or _FOOTNOTES in html:
        # Parsing is only worth it when there are paragraphs to count or footnotes to skip.
        offsets = _top_level_offsets(html, paragraph)
        if placement == "after_paragraph" and offsets.paragraph_end is not None:
            where = offsets.paragraph_end
        elif offsets.footnotes_start is not None:
            where = offsets.footnotes_start
    return html[:where] + mark + html[where:]


def _at_markers(html: str, name: str, first: str) -> tuple[str, bool]:
    """``html`` with ``first`` in place of the author's first marker for ``name`` and the
    others gone; whether there was one."""
    spans = author_markers(html, name)
    if not spans:
        return html, False
    pieces, done = [], 0
    for number, (start, end) in enumerate(spans):
        pieces += [html[done:start], first if number == 0 else ""]
        done = end
    pieces.append(html[done:])
    return "".join(pieces), True


class _Markers(Scanner):
    """Collects the spans of the comments ``marker`` matches, each with its wrapping ``<p>``."""

    def __init__(self, html: str, marker: re.Pattern[str]) -> None:
        super().__init__(html)
        self.marker = marker
        self.spans: list[tuple[int, int]] = []

    def handle_comment(self, data: str) -> None:
        start = self.where()
        found = self.marker.match(self.html, start)
        if found is None:
            return
        end = found.end()
        opened = self.html.rfind("<p>", 0, start)
        closed = _PARAGRAPH_END.match(self.html, end)
        if opened >= 0 and closed and not self.html[opened + 3 : start].strip():
            start, end = opened, closed.end()
        self.spans.append((start, end))


def _out_of_paragraph(html: str, mark: str) -> str:
    """A marker typed inside a sentence puts the block after that paragraph, not inside it."""
    where = html.index(mark)
    before = html[:where]
    opened = max(before.rfind("<p>"), before.rfind("<p "))
    if opened <= before.rfind("</p>"):
        return html
    close = html.find("</p>", where)
    if close < 0:
        return html
    close += len("</p>")
    return before + html[where + len(mark) : close] + mark + html[close:]


def insert_after_title(html: str, addition: str, level: int = 1) -> str:
    """Right after the leading title, an ``<h1>`` (an ``<h2>`` with ``level=2``); at the very
    top when the body has none."""
    title = _LEADING_TITLE[level].match(html)
    if title is None:
        return addition + html
    return html[: title.end()] + addition + html[title.end() :]


def fill_slots(output: str, slots: Slots, boxes: Mapping[str, str]) -> str:
    """Swap each of the build's slots for its box; a slot with no box (nothing to show)
    simply disappears. Comments that only look like slots are the author's, and stay."""
    if "aicommentary-slot:" not in output:
        return output
    return slots.pattern.sub(lambda match: boxes.get(match.group(1), ""), output)


_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


def head_of(output: str) -> str:
    """The page up to the end of its ``<head>`` (all of it when it has none)."""
    match = _HEAD_END.search(output)
    return output[: match.start()] if match else output


def insert_into_head(output: str, html: str) -> str:
    """Put ``html`` (feed links, JSON-LD) at the end of the page's ``<head>``, if it has one."""
    match = _HEAD_END.search(output)
    if match is None:
        return output
    return f"{output[: match.start()]}{html}\n{output[match.start() :]}"


@dataclass
class _Offsets:
    paragraph_end: int | None = None
    footnotes_start: int | None = None


class _TopLevel(Scanner):
    """Finds the end of the Nth top-level ``<p>`` and the start of a top-level footnotes div."""

    def __init__(self, html: str, paragraph: int) -> None:
        super().__init__(html)
        self.wanted = paragraph
        self.depth = 0
        self.paragraphs = 0
        self.offsets = _Offsets()
        self.broken = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_ELEMENTS:
            return
        if self.depth == 0 and tag == "div" and self.offsets.footnotes_start is None:
            classes = (dict(attrs).get("class") or "").split()
            if "footnote" in classes:
                self.offsets.footnotes_start = self.where()
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS:
            return
        self.depth -= 1
        if self.depth < 0:
            self.broken = True
            self.depth = 0
            return
        if self.depth == 0 and tag == "p":
            self.paragraphs += 1
            if self.paragraphs == self.wanted and self.offsets.paragraph_end is None:
                start = self.where()
                self.offsets.paragraph_end = self.html.index(">", start) + 1


def _top_level_offsets(html: str, paragraph: int) -> _Offsets:
    parser = _TopLevel(html, paragraph)
    parser.scan()
    if parser.broken:
        # Unbalanced raw HTML: counting paragraphs would guess; the end of the page is safe.
        return _Offsets()
    return parser.offsets
