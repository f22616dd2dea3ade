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
from html.parser import HTMLParser

from .markers import SLOTS, marker_regex, slot
from .markup import VOID_ELEMENTS

PLACEMENTS = ("end", "after_paragraph", "marker")
_FOOTNOTES = 'class="footnote'

_LEADING_TITLE = {
    level: re.compile(rf"\A\s*<h{level}\b[^>]*>.*?</h{level}>", re.DOTALL) for level in (1, 2)
}


def _without_markers(html: str) -> bool:
    """Whether ``html`` holds no marker at all, as most pages do: then no pattern need run."""
    return "aicommentary:" not in html


def author_marker(name: str) -> re.Pattern[str]:
    """Matches the author's ``<!-- aicommentary:name -->`` as Markdown renders it.

    Python-Markdown keeps a comment on its own line as is, but one inside a paragraph comes
    out wrapped in ``<p>``; both count, and the wrapping paragraph goes with the marker.
    """
    comment = marker_regex(name)
    return re.compile(rf"<p>\s*{comment}\s*</p>|{comment}")


def place_at_marker(html: str, name: str) -> tuple[str, bool]:
    """Replace the author's first marker for ``name`` with its slot; say whether one was found."""
    if _without_markers(html):
        return html, False
    placed, count = author_marker(name).subn(slot(name), html, count=1)
    return placed, count > 0


def slot_at_marker(html: str, name: str, *, append: bool = False) -> str:
    """The slot for ``name`` in place of the author's first marker (or, with ``append``, at
    the very end when there is none); markers left over go."""
    placed, found = place_at_marker(html, name)
    if not found and append:
        placed = html + slot(name)
    return remove_markers(placed, name)


def remove_markers(html: str, name: str) -> str:
    """Drop markers left over (a second one, or one on a page where the box is switched off)."""
    if _without_markers(html):
        return html
    return author_marker(name).sub("", html)


def place_slot(html: str, name: str, placement: str, paragraph: int = 3) -> str:
    """Put box ``name``'s slot in the page: at the author's marker if there is one, else at
    the end (before footnotes) or after the Nth top-level paragraph.

    With ``placement: marker`` only a marker places the box. Markers left over go.
    """
    placed, found = place_at_marker(html, name)
    if found:
        placed = _out_of_paragraph(placed, slot(name))
    elif placement != "marker":
        where = len(html)
        if placement == "after_paragraph" or _FOOTNOTES in html:
            # Parsing is only worth it when there are paragraphs to count or footnotes to skip.
            offsets = _top_level_offsets(html, paragraph)
            if placement == "after_paragraph" and offsets.paragraph_end is not None:
                where = offsets.paragraph_end
            elif offsets.footnotes_start is not None:
                where = offsets.footnotes_start
        placed = html[:where] + slot(name) + html[where:]
    return remove_markers(placed, name)


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


def without_title(html: str) -> str:
    """The body without its leading ``<h1>``: a feed gives the title apart, and a reader would
    show it twice."""
    title = _LEADING_TITLE[1].match(html)
    return html[title.end() :].lstrip() if title is not None else html


def fill_slots(output: str, boxes: Mapping[str, str]) -> str:
    """Swap each slot for its box; a slot with no box (nothing to show) simply disappears."""
    if "aicommentary-slot:" not in output:
        return output
    return SLOTS.sub(lambda match: boxes.get(match.group(1), ""), output)


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


class _TopLevel(HTMLParser):
    """Finds the end of the Nth top-level ``<p>`` and the start of a top-level footnotes div."""

    def __init__(self, html: str, paragraph: int) -> None:
        super().__init__(convert_charrefs=False)
        self.wanted = paragraph
        self.depth = 0
        self.paragraphs = 0
        self.offsets = _Offsets()
        self.broken = False
        self._line_starts = [0]
        for match in re.finditer("\n", html):
            self._line_starts.append(match.end())
        self._html = html

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_ELEMENTS:
            return
        if self.depth == 0 and tag == "div" and self.offsets.footnotes_start is None:
            classes = (dict(attrs).get("class") or "").split()
            if "footnote" in classes:
                self.offsets.footnotes_start = self._offset()
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
                start = self._offset()
                self.offsets.paragraph_end = self._html.index(">", start) + 1


def _top_level_offsets(html: str, paragraph: int) -> _Offsets:
    parser = _TopLevel(html, paragraph)
    parser.feed(html)
    parser.close()
    if parser.broken:
        # Unbalanced raw HTML: counting paragraphs would guess; the end of the page is safe.
        return _Offsets()
    return parser.offsets
