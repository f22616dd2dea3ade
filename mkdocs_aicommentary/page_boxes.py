"""The boxes each page waits for (its listing, the newest posts, the article header, related
posts, the signup block) and the slots that hold their places.

A box is placed as a slot, an HTML comment with this build's token, when a page's content is
made (``on_page_content``), where search does not index it; it is rendered and put into its
slot when the page is written (``on_post_page``), where an empty result leaves nothing
behind. Plain text in and out, no MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .markers import INDEX, LATEST, Slots
from .placement import (
    fill_slots,
    holds_marker,
    insert_after_title,
    place_at_marker,
    place_slot,
    remove_markers,
    slot_at_marker,
)

Box = Callable[[], str]
"""A box as it waits for its slot: rendered in ``on_post_page``."""


@dataclass
class PageBoxes:
    """The slots of one build (a token of their own) and, per page, the boxes waiting for
    them, emptied as each page is written, so no build holds every page's boxes at once."""

    slots: Slots = field(default_factory=Slots)
    waiting: dict[str, dict[str, Box]] = field(default_factory=dict)

    def keep(self, src_path: str, name: str, box: Box) -> None:
        self.waiting.setdefault(src_path, {})[name] = box

    def listings(
        self, html: str, src_path: str, index_box: Box | None, latest_box: Box
    ) -> tuple[str, str | None]:
        """Slots for an index page's charts and listing (``index_box``) at its marker or
        after the author's text, and for the newest posts at a ``latest`` marker on any page.
        Returns the HTML and a problem to report: an index marker on another page."""
        problem = None
        if index_box is not None:
            self.keep(src_path, INDEX, index_box)
            html = slot_at_marker(html, self.slots, INDEX, append=True)
        elif holds_marker(html, INDEX):
            problem = (
                f"{src_path}: the <!-- aicommentary:{INDEX} --> marker only works on topic, "
                f"company, stance and archive pages; for the newest posts on any page, write "
                f"<!-- aicommentary:{LATEST} -->."
            )
            html = remove_markers(html, INDEX)
        html, latest = place_at_marker(html, self.slots, LATEST)
        if latest:
            self.keep(src_path, LATEST, latest_box)
        return html, problem

    def after_title(self, html: str, src_path: str, name: str, box: Box) -> str:
        """A slot for ``box`` after the page's title."""
        self.keep(src_path, name, box)
        return insert_after_title(html, self.slots.slot(name))

    def place(
        self,
        html: str,
        src_path: str,
        name: str,
        box: Box | None,
        placement: str,
        paragraph: int = 3,
    ) -> str:
        """A slot for ``box`` where the author's marker or the options put it; none without."""
        if box is None:
            return remove_markers(html, name)
        self.keep(src_path, name, box)
        return place_slot(html, self.slots, name, placement, paragraph)

    def fill(self, output: str, src_path: str) -> str:
        """The page with its boxes rendered into their slots, and those boxes let go."""
        boxes = self.waiting.pop(src_path, {})
        return fill_slots(output, self.slots, {name: render() for name, render in boxes.items()})

    def emptied(self, content: str) -> str:
        """Content with every slot taken out (a post's content as feeds carry it)."""
        return fill_slots(content, self.slots, {})
