"""The topic, company and stance pages as MkDocs sees them: generated files, feeds and nav.

:mod:`.indexes` decides which pages exist and what each lists; this module, the MkDocs-facing
part, turns that plan into ``File.generated`` pages and feed files in ``on_files``, adds nav
sections in ``on_nav``, and hands each page its listing and charts when it renders.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.nav import Section as NavSection
from mkdocs.structure.pages import Page

from .articles import Article
from .config import IndexConfig
from .feeds import JSON_TYPE, RSS_TYPE, FeedLink, article_feed, json_feed, rss
from .indexes import (
    FEED_KINDS,
    IndexPage,
    IndexPlan,
    charts_for,
    feed_folder,
    nav_sections,
    page_markdown,
    plan,
)
from .links import Section, author_page_candidates
from .placement import slot
from .render import Renderer
from .taxonomy import Taxonomy

log = get_plugin_logger(__name__)

CHARTS_SLOT = "index-charts"


def served_at(files: Files, src_path: str) -> File | None:
    """The file MkDocs serves where an index page belongs (``companies/nvidia/index.md``):
    the author's own page (also ``companies/nvidia.md``), else the generated one, else None."""
    for candidate in author_page_candidates(src_path):
        file = files.get_file_from_path(candidate)
        if file is not None:
            return file
    return None


@dataclass
class IndexPages:
    """The index pages of one build, from generation in ``on_files`` to rendering."""

    plan: IndexPlan
    sections: Sequence[Section]
    stances: Mapping[str, str]
    """Stance keys and labels, in the order the site configured them."""
    feed_links: dict[str, list[FeedLink]] = field(default_factory=dict)
    """Per page (source path): its feeds, for ``<link rel="alternate">`` in the head."""
    by_src: dict[str, IndexPage] = field(init=False)

    def __post_init__(self) -> None:
        self.by_src = self.plan.by_src()

    @classmethod
    def generate(
        cls,
        files: Files,
        config: MkDocsConfig,
        articles: Iterable[Article],
        taxonomy: Taxonomy,
        sections: Sequence[Section],
        options: IndexConfig,
        stances: Mapping[str, str],
    ) -> IndexPages:
        """Plan every page, generate those the author did not write, and their feeds."""

        def author_page(src_path: str) -> str | None:
            # Asked before the pages are generated: any file found is the author's.
            file = served_at(files, src_path)
            return file.src_uri if file is not None else None

        index_plan = plan(
            articles,
            taxonomy,
            sections,
            per_page=options.per_page,
            author_page=author_page,
            stance_order=list(stances),
        )
        add_pages(files, config, index_plan)
        if options.nav:
            leave_nav_to_plugin(files, index_plan, sections)
        pages = cls(index_plan, sections, stances)
        if options.feeds is not False:
            pages.feed_links = _feeds_if_possible(
                files, config, index_plan, sections, options.feed_items, options.feeds
            )
        return pages

    def extend_nav(self, nav: Navigation, files: Files) -> None:
        add_nav_sections(nav, files, nav_sections(self.plan, self.sections))

    def first_page(self, src_path: str) -> str | None:
        """The source of page 1 of the listing ``src_path`` continues; None on page 1 and on
        every other page. Page 1 may be the author's own, whose front matter then speaks for
        the whole listing (``newsletter: false``, say)."""
        page = self.by_src.get(src_path)
        if page is None or page.number == 1 or not page.page_srcs:
            return None
        return page.page_srcs[0]

    def content(self, src_path: str, renderer: Renderer) -> tuple[str, str] | None:
        """(listing HTML, charts HTML) for an index page, None for any other page.

        The listing goes into the page's Markdown (its links are then checked by MkDocs); the
        charts wait in a slot before it, out of the search index.
        """
        page = self.by_src.get(src_path)
        if page is None:
            return None
        if page.is_overview:
            listing = renderer.index_overview(page)
        else:
            listing = renderer.index_listing(page, self.plan.term_src)
        charts = renderer.index_charts(charts_for(page, renderer.taxonomy, self.stances))
        if charts:
            listing = slot(CHARTS_SLOT) + "\n" + listing
        return listing, charts


def _feeds_if_possible(
    files: Files,
    config: MkDocsConfig,
    index_plan: IndexPlan,
    sections: Sequence[Section],
    limit: int,
    asked: bool | None,
) -> dict[str, list[FeedLink]]:
    """Feeds need absolute links: without ``site_url``, a warning if asked for, else a note."""
    if not any(page.kind in FEED_KINDS for page in index_plan.pages):
        return {}
    if not config.site_url:
        log.log(
            logging.WARNING if asked else logging.INFO,
            "No feeds for companies and topics: they need absolute links and 'site_url' is "
            "not set. Set 'site_url' in mkdocs.yml, or switch feeds off with "
            "'index: {feeds: false}' in the aicommentary options.",
        )
        return {}
    return add_feeds(files, config, index_plan, sections, limit)


def add_pages(files: Files, config: MkDocsConfig, index_plan: IndexPlan) -> None:
    """Generate every planned page the author did not write, out of the automatic nav."""
    for page in index_plan.pages:
        if page.generated:
            files.append(
                File.generated(
                    config,
                    page.src_path,
                    content=page_markdown(page),
                    inclusion=InclusionLevel.NOT_IN_NAV,
                )
            )


def leave_nav_to_plugin(files: Files, index_plan: IndexPlan, sections: Sequence[Section]) -> None:
    """Mark the author's own pages that ``index.nav`` will place as "not in nav" for MkDocs.

    The plugin puts them into its sections in ``on_nav``. Left as they were, an automatic nav
    would also file them under their folder (an author's ``companies/nvidia.md`` ahead of the
    overview and the other companies), and an explicit ``nav:`` that does not list them would
    report them as missing, a warning under ``validation: {nav: {omitted_files: warn}}``.
    A page the author listed in ``nav:`` stays where they put it.
    """
    for _, srcs in nav_sections(index_plan, sections):
        for src in srcs:
            file = files.get_file_from_path(src)
            if file is not None and file.inclusion.is_in_nav():
                file.inclusion = InclusionLevel.NOT_IN_NAV


def add_static(files: Files, config: MkDocsConfig, src_path: str, content: str) -> bool:
    """Add a generated static file unless the author has one there; say whether it was added."""
    if files.get_file_from_path(src_path) is not None:
        return False
    files.append(File.generated(config, src_path, content=content))
    return True


def add_nav_sections(
    nav: Navigation, files: Files, sections: Sequence[tuple[str, Sequence[str]]]
) -> None:
    """Add "Topics", "Companies" and "Stances" sections to a built nav.

    Pages already in the nav (say, an author's ``companies/index.md`` listed in ``nav:``) are
    not added twice, and a top-level section of the same title (the automatic nav's section for
    an author's ``companies/`` folder) takes the pages instead of a second section beside it.
    Previous/next links then follow the nav's order again.
    """
    present = {id(page) for page in nav.pages}
    existing = {item.title.casefold(): item for item in nav.items if isinstance(item, NavSection)}
    for title, srcs in sections:
        children: list[Page] = []
        for src in srcs:
            file = files.get_file_from_path(src)
            page = file.page if file is not None else None
            if isinstance(page, Page) and id(page) not in present:
                present.add(id(page))
                children.append(page)
        if not children:
            continue
        section = existing.get(title.casefold())
        if section is None:
            section = NavSection(title, [])
            nav.items.append(section)
        for child in children:
            child.parent = section
        section.children.extend(children)
    pages = list(_pages_in_order(nav.items))
    for before, after in itertools.pairwise(pages):
        before.next_page, after.previous_page = after, before
    nav.pages = pages


def _pages_in_order(items: Sequence[object]) -> Iterator[Page]:
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, NavSection):
            yield from _pages_in_order(item.children)


def add_feeds(
    files: Files,
    config: MkDocsConfig,
    index_plan: IndexPlan,
    sections: Sequence[Section],
    limit: int,
) -> dict[str, list[FeedLink]]:
    """Write ``feed.xml`` and ``feed.json`` beside every company and topic page.

    Returns, per page source (all pages of a listing), the feeds to link from its head. Needs
    ``config.site_url``. An author's own file at a feed's path wins and is not linked.
    """
    assert config.site_url
    by_kind = {section.kind: section for section in sections}
    authors = (config.site_author,) if config.site_author else ()
    language = config.theme.get("language") or str(config.theme.locale)
    links: dict[str, list[FeedLink]] = {}
    for page in index_plan.pages:
        if page.kind not in FEED_KINDS or page.term is None or page.number != 1:
            continue
        folder = feed_folder(by_kind[page.kind], page.term)
        page_file = files.get_file_from_path(page.src_path)
        feed = article_feed(
            title=f"{page.term.name} · {config.site_name}",
            description=f"Articles on {page.term.name} from {config.site_name}.",
            site_url=config.site_url,
            page_url=page_file.url if page_file is not None else "",
            folder=folder,
            articles=page.articles,
            limit=limit,
            default_authors=authors,
            language=language.replace("_", "-").lower() or None,
        )
        found = []
        if add_static(files, config, f"{folder}/feed.xml", rss(feed)):
            found.append(FeedLink(RSS_TYPE, f"{page.term.name} (RSS)", feed.rss_url))
        if add_static(files, config, f"{folder}/feed.json", json_feed(feed)):
            found.append(FeedLink(JSON_TYPE, f"{page.term.name} (JSON Feed)", feed.json_url))
        for src in page.page_srcs:
            links[src] = found
    return links
