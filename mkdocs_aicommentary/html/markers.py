"""The comments that stand for the plugin's additions in a page, defined in one place.

Authors write *markers*, ``<!-- aicommentary:NAME -->``, where they want a box or a listing.
The plugin leaves *slots* where a box goes once search has read the page (see
:mod:`.placement`). These are the names both use, and what a slot looks like.
"""

from __future__ import annotations

import re
import secrets

INDEX = "index"
"""An index page's charts and listing (generated pages carry this marker; an author's page
may); also the name of their slot."""
LATEST = "latest"
"""The newest posts, on any page (typically the home page); also the name of their slot."""
RELATED = "related"
NEWSLETTER = "newsletter"
HEADER = "header"
"""Slot only: the article header under the title."""


def marker(name: str) -> str:
    """The marker an author types, as the plugin writes it into generated pages."""
    return f"<!-- aicommentary:{name} -->"


def marker_regex(name: str) -> str:
    """A regular expression for the marker, as authors type it (any spacing)."""
    return rf"<!--\s*aicommentary:{re.escape(name)}\s*-->"


def may_hold_marker(text: str, name: str) -> bool:
    """Whether ``text`` holds the marker's characters; cheap when it does not. They may be
    text (in an attribute, a ``<script>``): :mod:`.placement` tells a real marker."""
    return "aicommentary:" in text and re.search(marker_regex(name), text) is not None


class Slots:
    """The slots of one build: comments that carry a token drawn at random for that build.

    Slots are filled in the whole page a theme wrote, where titles, descriptions and names
    appear too (some themes print them raw); and authors may write any comment into a post.
    With the token, none of that text can pass for a slot: only the plugin's are filled, and
    nothing an author wrote is replaced or emptied.
    """

    __slots__ = ("pattern", "token")

    def __init__(self, token: str | None = None) -> None:
        self.token = token if token is not None else secrets.token_hex(12)
        self.pattern = re.compile(rf"<!-- aicommentary-slot:{self.token}:([a-z-]+) -->")
        """Every slot of this build in a page; group 1 is the box's name."""

    def slot(self, name: str) -> str:
        """The comment that stands for box ``name`` until the page is finished."""
        return f"<!-- aicommentary-slot:{self.token}:{name} -->"
