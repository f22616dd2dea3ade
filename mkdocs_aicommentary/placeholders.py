"""Boxes that must not count as the page's own words: placed early, filled in late.

Text added in ``on_page_content`` is indexed by theme search and scanned for the table of
contents. A box (related articles, newsletter signup) is therefore put in as an HTML comment
there, where search ignores it, and the comment is swapped for the box in ``on_post_page``.
Authors choose a place with a marker comment such as ``<!-- aicommentary:related -->``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_SLOT = re.compile(r"<!-- aicommentary-slot:([a-z-]+) -->")


def slot(name: str) -> str:
    """The comment that stands for box ``name`` until the page is finished."""
    return f"<!-- aicommentary-slot:{name} -->"


def author_marker(name: str) -> re.Pattern[str]:
    """Matches the author's ``<!-- aicommentary:name -->`` as Markdown renders it.

    Python-Markdown keeps a comment on its own line as is, but one inside a paragraph comes
    out wrapped in ``<p>``; both count, and the wrapping paragraph goes with the marker.
    """
    comment = rf"<!--\s*aicommentary:{re.escape(name)}\s*-->"
    return re.compile(rf"<p>\s*{comment}\s*</p>|{comment}")


def place_at_marker(html: str, name: str) -> tuple[str, bool]:
    """Replace the author's first marker for ``name`` with its slot; say whether one was found."""
    placed, count = author_marker(name).subn(slot(name), html, count=1)
    return placed, count > 0


def remove_markers(html: str, name: str) -> str:
    """Drop markers left over (a second one, or one on a page where the box is switched off)."""
    return author_marker(name).sub("", html)


def fill_slots(output: str, boxes: Mapping[str, str]) -> str:
    """Swap each slot for its box; a slot with no box (nothing to show) simply disappears."""
    if "aicommentary-slot:" not in output:
        return output
    return _SLOT.sub(lambda match: boxes.get(match.group(1), ""), output)


_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


def insert_into_head(output: str, html: str) -> str:
    """Put ``html`` (feed links, JSON-LD) at the end of the page's ``<head>``, if it has one."""
    match = _HEAD_END.search(output)
    if match is None:
        return output
    return f"{output[: match.start()]}{html}\n{output[match.start() :]}"
