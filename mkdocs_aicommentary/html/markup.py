"""Facts about HTML shared by the modules that scan rendered pages, and the scanner they share."""

from __future__ import annotations

import re
from html.parser import HTMLParser

VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
"""Elements that never have an end tag, so a scanner must not wait for one."""

TEXT_ELEMENTS = (
    "script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext", "textarea", "title",
)  # fmt: skip
"""Elements whose content a browser reads as text, never as tags or comments: the HTML
standard's raw text and escapable raw text elements (its parsing section, "raw text" and
"RCDATA" states), with the obsolete ones parsed alike."""

_NEWLINE = re.compile("\n")


class Scanner(HTMLParser):
    """Reads HTML as a browser tokenizes it, for a subclass that needs to know where a start
    tag or a comment is (:meth:`where`, asked in the handler). What a browser reads as text (the
    content of ``<script>``, ``<textarea>``...; a character reference; an attribute's value)
    is never taken for a tag or a comment."""

    CDATA_CONTENT_ELEMENTS = TEXT_ELEMENTS  # type: ignore[misc]  # Final in typeshed, not in Python.
    """Python's parser knows only ``script`` and ``style`` (or, in newer versions, reads
    ``textarea`` and ``title`` with their character references): here all of them are text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self._line_starts = [0, *(match.end() for match in _NEWLINE.finditer(html))]

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![...`` outside SVG and MathML is a bogus comment up to the next ``>`` (the
        standard's "markup declaration open" state), where Python's parser raises
        ``AssertionError`` on any keyword but a few of SGML's (``<![foo[``)."""
        return self.parse_bogus_comment(i, report)

    def scan(self) -> None:
        self.feed(self.html)
        self.close()

    def where(self) -> int:
        """Where in ``html`` the tag or comment now being handled starts."""
        line, column = self.getpos()
        return self._line_starts[line - 1] + column
