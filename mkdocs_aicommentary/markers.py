"""The comments that stand for the plugin's additions in a page, defined in one place.

Authors write *markers*, ``<!-- aicommentary:NAME -->``, where they want a box or a listing.
The plugin leaves *slots*, ``<!-- aicommentary-slot:NAME -->``, where a box goes once search
has read the page (see :mod:`.placement`). These are the names both use.
"""

from __future__ import annotations

import re

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


def has_marker(text: str, name: str) -> bool:
    """Whether ``text`` (Markdown or HTML) holds the marker; cheap when it does not."""
    return "aicommentary:" in text and re.search(marker_regex(name), text) is not None


def slot(name: str) -> str:
    """The comment that stands for box ``name`` until the page is finished."""
    return f"<!-- aicommentary-slot:{name} -->"


SLOTS = re.compile(r"<!-- aicommentary-slot:([a-z-]+) -->")
"""Every slot in a page; group 1 is the box's name."""
