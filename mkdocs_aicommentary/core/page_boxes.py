"""The boxes each page waits for (its listing, the newest posts, the article header, related
posts, the signup block) and the slots that hold their places.

A box is placed as a slot, an HTML comment with this build's token, when a page's content is
made (``on_page_content``), where search does not index it; it is rendered and put into its
slot when the page is written (``on_post_page``), where an empty result leaves nothing
behind. Plain text in and out, no MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Protocol

from ..features.feeds import FeedLink
from ..features.newsletter import SignupForm
from ..features.related.ranking import Related
from ..html.markers import HEADER, INDEX, LATEST, NEWSLETTER, RELATED, Slots
from ..html.placement import (
    fill_slots,
    holds_marker,
    insert_after_title,
    insert_into_head,
    place_at_marker,
    place_slot,
    remove_markers,
    slot_at_marker,
)
from ..html.render import Renderer
from ..model.index_kinds import COMPANIES, TOPICS
from ..model.material_blog import EXCERPT_TITLE_LEVEL
from .index_plan import PlannedPage
from .publication import Publication

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
        self, html: str, src_path: str, index_box: Box | None, latest_box: Box, summary: str = ""
    ) -> tuple[str, str | None]:
        """Slots for an index page's charts and listing (``index_box``) at its marker or
        after the author's text, with the page's ``summary`` (words search is to index) before
        it, and for the newest posts at a ``latest`` marker on any page.
        Returns the HTML and a problem to report: an index marker on another page."""
        problem = None
        if index_box is not None:
            self.keep(src_path, INDEX, index_box)
            html = slot_at_marker(html, self.slots, INDEX, append=True)
            if summary:
                slot = self.slots.slot(INDEX)
                html = html.replace(slot, summary + slot, 1)
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


class Listings(Protocol):
    """The index pages of a build, as a page's boxes ask them (``IndexFiles``)."""

    site_feed_links: list[FeedLink]
    feed_links: dict[str, list[FeedLink]]
    digest_url: str | None

    def is_index_page(self, src_path: str) -> bool: ...
    def planned(self, src_path: str) -> PlannedPage | None: ...
    def overview(self, kind: str) -> PlannedPage | None: ...
    def summary(self, src_path: str, page_url: str, renderer: Renderer) -> str: ...
    def overview_links(self, page_url: str, renderer: Renderer) -> dict[str, str]: ...
    def first_page(self, src_path: str) -> str | None: ...
    def content(self, src_path: str, page_url: str, renderer: Renderer) -> str: ...
    def latest(
        self, page_url: str, count: int, renderer: Renderer, every_post: str | None = None
    ) -> str: ...


@dataclass(frozen=True)
class BoxOptions:
    """The options that say which boxes a page gets and where they go."""

    header: bool = True
    latest_count: int = 5
    related_heading: str | None = None
    counterpoint_label: str | None = None
    related_placement: str = "end"
    signup_placement: str = "end"
    signup_paragraph: int = 3
    signup: SignupForm | None = None
    """The signup form; None: no block anywhere (its markers are removed)."""
    signup_options: Mapping[str, Any] = field(default_factory=dict)
    privacy_target: str | None = None
    digest_link: bool = False
    """The signup block links the daily digest feed (when there is one)."""


@dataclass
class PageContent:
    """Puts each page's boxes into its content, as the publication and the options decide."""

    boxes: PageBoxes
    publication: Publication
    listings: Listings
    renderer: Renderer
    options: BoxOptions

    def add_boxes(
        self,
        html: str,
        src_path: str,
        page_url: str,
        meta: Mapping[str, Any],
        related: tuple[Related, ...],
        front_matter_of: Callable[[str], Mapping[str, Any]],
    ) -> tuple[str, list[str]]:
        """The page's content with slots for its listing, the newest posts, the article
        header, related posts (``related``) and the signup block; and problems to report."""
        boxes, renderer, options = self.boxes, self.renderer, self.options
        listings, publication, problems = self.listings, self.publication, []
        is_index_page = listings.is_index_page(src_path)
        listing = partial(listings.content, src_path, page_url, renderer) if is_index_page else None
        summary = listings.summary(src_path, page_url, renderer) if is_index_page else ""
        every_post = publication.every_post_page(src_path)
        latest = partial(listings.latest, page_url, options.latest_count, renderer, every_post)
        html, problem = boxes.listings(html, src_path, listing, latest, summary)
        problems += [problem] if problem else []
        article = publication.articles.get(src_path)
        if article is not None and options.header:
            # Through a slot, so search shows the article's first words, not its header.
            shows_date = publication.blogs.owner(src_path) is not None
            left_out = publication.topics_left_out(src_path, meta)
            overviews = listings.overview_links(page_url, renderer)
            header = partial(
                renderer.article_header, article, page_url, shows_date, left_out, overviews
            )
            html = boxes.after_title(html, src_path, HEADER, header)
        box = None
        if article is not None and related:
            heading, label = options.related_heading, options.counterpoint_label
            box = partial(renderer.related_box, related, page_url, heading, label)
        html = boxes.place(html, src_path, RELATED, box, options.related_placement)
        wanted, problem = publication.wants_signup(
            src_path,
            meta,
            marked=holds_marker(html, NEWSLETTER),
            is_index_page=is_index_page,
            first_page=listings.first_page(src_path),
            front_matter_of=front_matter_of,
        )
        problems += [problem] if problem else []
        signup = None
        if wanted and options.signup is not None:
            form = options.signup

            def signup() -> str:  # Rendered once the feeds are written: it may link the digest.
                digest = listings.digest_url if options.digest_link else None
                return renderer.newsletter_block(
                    form, options.signup_options, page_url, options.privacy_target, digest
                )

        placement = (options.signup_placement, options.signup_paragraph)
        return boxes.place(html, src_path, NEWSLETTER, signup, *placement), problems

    def excerpt(self, content: str, src_path: str, page_url: str, meta: Mapping[str, Any]) -> str:
        """An excerpt of the post ``src_path`` (front matter ``meta``) on a Material blog's
        index, archive or category page (at ``page_url``), with the post's stance badge under
        its title."""
        publication = self.publication
        article = publication.articles.get(src_path)
        if article is None or not self.options.header:
            return content
        left_out = publication.topics_left_out(src_path, meta, tag_chips=False)
        overviews = self.listings.overview_links(page_url, self.renderer)
        header = self.renderer.article_header(article, page_url, True, left_out, overviews)
        return insert_after_title(content, header, EXCERPT_TITLE_LEVEL)

    def chip_links(self, src_path: str, names: Iterable[str]) -> dict[str, str]:
        """Where the tag chips Material draws on a post lead, when its tags plugin links them
        nowhere (the site has no tags page): to the plugin's page of each topic among
        ``names``, or of the company a tag names (it is that company, not a topic), by name, as
        site-relative URLs. None under ``header_topics: all``, where the header names the
        topics itself."""
        renderer = self.renderer
        if src_path not in self.publication.articles:
            return {}
        if self.publication.options.header_topics == "all":
            return {}
        links = {}
        for name in names:
            terms = (renderer.taxonomy.find(kind.name, name) for kind in (TOPICS, COMPANIES))
            term = next((term for term in terms if term is not None), None)
            url = renderer.term_pages.url(term) if term is not None else None
            if url is not None:
                links[name] = url
        return links

    def head(self, output: str, src_path: str, page_url: str) -> str:
        """The page with the site's feed links and its own in its head, a post's sharing
        tags and JSON-LD, and an index page's JSON-LD."""
        listings = self.listings
        feeds = [*listings.site_feed_links, *listings.feed_links.get(src_path, [])]
        taxonomy = self.renderer.taxonomy
        json_ld, meta = self.publication.head(
            src_path, page_url, taxonomy, output, self.renderer.person_url
        )
        planned = listings.planned(src_path) if json_ld is None else None
        if planned is not None:
            json_ld = self.publication.collection_head(
                planned, page_url, self.renderer.url_of, listings.overview(planned.kind)
            )
        head = self.renderer.head(feeds, json_ld, meta)
        return insert_into_head(output, head) if head else output
