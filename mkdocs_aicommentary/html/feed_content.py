"""A post's rendered content as feed readers and inboxes should get it: the body as a fragment.

Other plugins may hand the page on in another shape: mkdocs-glightbox reparses it and returns
a whole document (``<html><head></head><body>…``). Whatever the wrapper, the fragment is what
lies inside ``<body>`` (all of it when there is none). Left out besides: the permalink marks
(``<a class="headerlink">¶</a>``), which a reader or an email shows as a stray "¶" after every
heading, and a leading ``<h1>`` that says the title, which a feed gives apart (compared as a
reader reads them: without markup, letter case or extra spaces). Everything else stays byte
for byte as it was.
"""

from __future__ import annotations

import re
from html import unescape

from .markup import Scanner

_TAG = re.compile(r"<[^>]*>")
_MAY_NEED_WORK = re.compile(r"<(?:body|h1|a\b[^>]*headerlink)", re.IGNORECASE)
"""A cheap test that the content has nothing to take out, so it need not be parsed."""


def feed_fragment(html: str, title: str, *, heading_is_title: bool = False) -> str:
    """``html`` (a page's content, maybe wrapped as a document) as the fragment a feed item
    carries: the body's children, without permalink marks or a leading ``<h1>`` that only
    repeats ``title`` (or, with ``heading_is_title``, that the title was taken from)."""
    if _MAY_NEED_WORK.search(html) is None:
        return html.strip()
    scanner = _Fragment(html)
    scanner.scan()
    start, end = scanner.body_start, scanner.body_end or len(html)
    cuts = list(scanner.headerlinks)
    heading = scanner.leading_heading
    if heading is not None and (
        heading_is_title or _same_words(_words(html, heading, cuts), title)
    ):
        cuts.append(heading)
    pieces, done = [], start
    for cut_start, cut_end in sorted(cuts):
        if cut_start < done or cut_end > end:
            continue  # Inside a cut already made, or outside the body.
        pieces.append(html[done:cut_start])
        done = cut_end
    pieces.append(html[done:end])
    return "".join(pieces).strip()


def _words(html: str, span: tuple[int, int], cuts: list[tuple[int, int]]) -> str:
    """The words of the heading at ``span``, the permalink marks (``cuts``) in it left out."""
    pieces, done = [], span[0]
    for cut_start, cut_end in sorted(cuts):
        if span[0] <= cut_start and cut_end <= span[1]:
            pieces.append(html[done:cut_start])
            done = cut_end
    pieces.append(html[done : span[1]])
    return unescape(_TAG.sub("", "".join(pieces)))


def _same_words(heading: str, title: str) -> bool:
    return " ".join(heading.split()).casefold() == " ".join(title.split()).casefold()


class _Fragment(Scanner):
    """Finds where the body starts and ends, each permalink mark, and the leading ``<h1>``."""

    def __init__(self, html: str) -> None:
        super().__init__(html)
        self.body_start = 0
        self.body_end: int | None = None
        self.headerlinks: list[tuple[int, int]] = []
        self.leading_heading: tuple[int, int] | None = None
        self._link_start: int | None = None
        self._heading_start: int | None = None
        self._seen_element = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.where()
        if tag == "body" and self.body_end is None:
            self.body_start = self.html.index(">", start) + 1
            self._seen_element = False
            return
        if tag in ("html", "head"):
            return
        if tag == "a" and "headerlink" in (dict(attrs).get("class") or "").split():
            self._link_start = start
        if not self._seen_element:
            self._seen_element = True
            if tag == "h1":
                self._heading_start = start

    def handle_data(self, data: str) -> None:
        if data.strip() and self._heading_start is None:
            self._seen_element = True  # Words before any heading: it does not lead.

    def handle_endtag(self, tag: str) -> None:
        start = self.where()
        end = self.html.index(">", start) + 1
        if tag == "body" and self.body_end is None:
            self.body_end = start
        elif tag == "a" and self._link_start is not None:
            self.headerlinks.append((self._link_start, end))
            self._link_start = None
        elif tag == "h1" and self._heading_start is not None:
            self.leading_heading = (self._heading_start, end)
            self._heading_start = None
