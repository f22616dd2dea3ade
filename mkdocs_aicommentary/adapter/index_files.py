"""The index pages as MkDocs files: generated pages and feeds (their nav is :mod:`.index_nav`).

:mod:`..core.index_plan` decides which pages exist and what each lists; this module, the
MkDocs-facing part, turns that plan into ``File.generated`` pages and feed files in
``on_files``, narrows it to the posts MkDocs writes and adds nav sections in ``on_nav``, and
hands each page its listing and charts when it renders: HTML with every link written from the
URL MkDocs gives the target. Feeds are written in ``on_env``, once every plugin has settled
where each post lives.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from ..core.index_charts import charts_for
from ..core.index_plan import (
    IndexPlan,
    PlannedPage,
    listed,
    nav_sections,
    page_markdown,
    plan,
)
from ..features.feeds import (
    DIGEST_FILES,
    JSON_TYPE,
    RSS_TYPE,
    Feed,
    FeedLink,
    article_feed,
    digest_feed,
    json_feed,
    rss,
)
from ..html.links import IndexKind, dest_path, path_key
from ..html.render import FeedAnchor, Renderer
from ..i18n.language import Labels
from ..model.articles import Article, Person
from ..model.images import PageImage
from ..model.index_kinds import ARCHIVE, kind
from ..model.material_blog import VIEW_MAKER
from ..model.taxonomy import Taxonomy
from .config import DigestFeedConfig, IndexConfig, SiteFeedConfig
from .folder_meta import drop_folder_meta
from .index_nav import (
    add_nav_sections,
    folder_position,
    leave_nav_to_plugin,
    shows_section_indexes,
)
from .site_files import Clash, Destinations, SiteFiles, mkdocs_outputs

log = get_plugin_logger(__name__)

FEED_FILES = ("feed.xml", "feed.json")
"""The site's feeds, at its root; a term's are :func:`_term_feed_files`."""


@dataclass
class IndexFiles:
    """The index pages and feeds of one build: planned and generated in ``on_files``, narrowed
    in ``on_nav`` to the posts MkDocs actually writes, feeds written in ``on_env``."""

    plan: IndexPlan
    taxonomy: Taxonomy
    sections: Sequence[IndexKind]
    options: IndexConfig
    site_feed: SiteFeedConfig
    digest: DigestFeedConfig
    stances: Mapping[str, str]
    """Stance keys and labels, in the order the site configured them."""
    labels: Labels
    use_directory_urls: bool
    outputs: tuple[str, ...]
    """What MkDocs writes outside the build's files (``sitemap.xml``, ``404.html``)."""
    generated: dict[str, File] = field(default_factory=dict)
    """Every page and feed file this plugin added, by source path."""
    listed: tuple[Article, ...] = ()
    """Every published post, newest first (``latest`` shows the first few)."""
    feed_links: dict[str, list[FeedLink]] = field(default_factory=dict)
    """Per page (source path): its own feeds, for ``<link rel="alternate">`` in the head."""
    site_feed_links: list[FeedLink] = field(default_factory=list)
    """The site's feeds, linked from every page."""
    digest_url: str | None = None
    """The daily digest's RSS feed (absolute), once written; the signup block may link it."""

    @classmethod
    def generate(
        cls,
        files: Files,
        config: MkDocsConfig,
        articles: Iterable[Article],
        taxonomy: Taxonomy,
        sections: Sequence[IndexKind],
        options: IndexConfig,
        site_feed: SiteFeedConfig,
        site_feed_enabled: bool | None,
        digest: DigestFeedConfig,
        stances: Mapping[str, str],
        nav_kinds: Sequence[str],
        labels: Labels,
    ) -> IndexFiles:
        """Plan every page for ``articles`` (all posts that may be published), generate those
        the author did not write, and reserve their feeds' paths. ``nav_kinds`` are the kinds
        the plugin will put into the nav itself; ``site_feed_enabled`` is ``site_feed.enabled``
        as the build takes it (off where another plugin writes the site's feed).

        Nothing is written where another file is (a post Material's blog moved to ``topics/``,
        ``Topics/index.md`` on a site built on macOS): the page or feed is left out, with a
        warning naming both."""
        articles = list(articles)
        outputs = tuple(mkdocs_outputs(config))
        destinations = Destinations(files, outputs)
        directory_urls = config.use_directory_urls
        index_plan = _plan(
            files,
            articles,
            taxonomy,
            sections,
            options,
            stances,
            labels,
            {},
            destinations,
            directory_urls,
            report=True,
        )
        pages = cls(
            index_plan,
            taxonomy,
            sections,
            options,
            site_feed,
            digest,
            stances,
            labels,
            directory_urls,
            outputs,
        )
        for page in pages.plan.pages:
            if page.generated:
                pages._add(
                    files,
                    File.generated(
                        config,
                        page.src_path,
                        content=page_markdown(page),
                        inclusion=InclusionLevel.NOT_IN_NAV,
                    ),
                )
        if nav_kinds:  # Before MkDocs builds its nav, which happens before on_nav.
            leave_nav_to_plugin(files, index_plan, sections, nav_kinds)
        feed_paths = []
        if options.feeds is not False and _feeds_possible(config, pages.plan, options.feeds):
            feed_paths += [
                f"{folder}/{name}"
                for _, folder in _feed_folders(pages.plan, sections)
                for name in _term_feed_files(options)
            ]
        if (
            site_feed_enabled is not False
            and articles
            and _site_feed_possible(config, site_feed_enabled)
        ):
            feed_paths += list(FEED_FILES)
        if digest.enabled is not False and articles and _digest_possible(config, digest.enabled):
            feed_paths += list(DIGEST_FILES)
        for path in feed_paths:
            # An author's own file wins.
            if files.get_file_from_path(path) is None and not _feed_in_the_way(path, destinations):
                pages._add(files, File.generated(config, path, content=""))
        return pages

    def _add(self, files: Files, file: File) -> None:
        files.append(file)
        self.generated[file.src_uri] = file

    def publish(self, articles: Iterable[Article], files: Files) -> None:
        """Plan again for the posts MkDocs writes, now that every plugin has had its say, and
        leave out of the build each generated page or feed that lists none of them, or that a
        file another plugin moved since ``on_files`` is in the way of."""
        articles = list(articles)
        self.listed = tuple(listed(articles))
        ours = self.generated
        destinations = Destinations(
            (file for file in files if ours.get(file.src_uri) is not file), self.outputs
        )
        self.plan = _plan(
            files,
            articles,
            self.taxonomy,
            self.sections,
            self.options,
            self.stances,
            self.labels,
            ours,
            destinations,
            self.use_directory_urls,
        )
        kept = {page.src_path for page in self.plan.pages}
        folders = _feed_folders(self.plan, self.sections)
        names = _term_feed_files(self.options)
        feeds = {f"{folder}/{name}" for _, folder in folders for name in names}
        if self.listed:
            feeds |= {*FEED_FILES, *DIGEST_FILES}
        kept |= {
            path for path in feeds if path in ours and not _feed_in_the_way(path, destinations)
        }
        for src, file in self.generated.items():
            if src not in kept:
                file.inclusion = InclusionLevel.EXCLUDED
        self._title_pages()

    def _title_pages(self) -> None:
        """Give each generated page its title as data, as themes want it.

        Themes print a page's title as HTML, in text and in attributes (readthedocs' previous
        and next buttons), so it is the name escaped once, quotes included. The heading MkDocs
        would take it from reads the same (see :func:`..core.index_plan.page_markdown`) but leaves
        quotes as they are. A plain ``str``, not ``Markup``: other plugins add text to titles,
        and ``Markup`` would escape what they add.
        """
        for page in self.plan.pages:
            file = self.generated.get(page.src_path)
            if page.generated and file is not None and file.page is not None:
                file.page.title = str(escape(page.title))

    def write_feeds(
        self,
        site: SiteFiles,
        config: MkDocsConfig,
        files: Files,
        content_of: Callable[[str], str | None],
        language: str | None,
        renderer: Renderer,
        image_of: Callable[[str], PageImage | None] = lambda src_path: None,
        lead_image_of: Callable[[str], PageImage | None] = lambda src_path: None,
    ) -> None:
        """Write every reserved feed file (replaced in ``files`` by what was written), with
        every link at its final URL; ``content_of`` gives a post's rendered HTML for the
        site's full-content feeds, ``language`` the site's language (``de_DE``) for their
        ``<language>``, ``renderer`` each day of the daily digest, ``image_of`` and
        ``lead_image_of`` a post's image (:func:`..features.feeds.article_feed`)."""
        self.feed_links, self.site_feed_links, self.digest_url = {}, [], None
        if not config.site_url:
            return
        feed_language = language.replace("_", "-").lower() if language else None
        feed_of = functools.partial(
            article_feed,
            site_url=config.site_url,
            url_of=site.url,
            default_authors=(Person(config.site_author),) if config.site_author else (),
            language=feed_language,
            taxonomy=self.taxonomy,
            image_of=image_of,
            lead_image_of=lead_image_of,
        )
        self.site_feed_links = self._write(
            "",
            config.site_name,
            functools.partial(
                feed_of,
                title=config.site_name,
                description=config.site_description
                or self.labels("feed.site_description", site=config.site_name),
                page_url="",
                folder="",
                articles=self.listed,
                limit=self.site_feed.count,
                content_of=content_of if self.site_feed.content == "full" else None,
            ),
            config,
            files,
        )
        archive = self.plan.overviews.get(ARCHIVE.name)
        digest = self._write(
            "",
            self.labels("feed.digest_title", site=config.site_name),
            functools.partial(
                digest_feed,
                title=self.labels("feed.digest_title", site=config.site_name),
                description=self.labels("feed.digest_description", site=config.site_name),
                site_url=config.site_url,
                home_url=(site.url(archive) if archive is not None else None) or "",
                articles=self.listed,
                url_of=site.url,
                days=self.digest.days,
                day_title=lambda day: self.labels(
                    "feed.digest_day",
                    site=config.site_name,
                    date=self.labels.date(day, renderer.date_format),
                ),
                day_content=renderer.digest_day,
                language=feed_language,
            ),
            config,
            files,
            DIGEST_FILES,
        )
        self.digest_url = next((link.href for link in digest if link.type == RSS_TYPE), None)
        for page, folder in _feed_folders(self.plan, self.sections):
            assert page.term is not None
            feed = functools.partial(
                feed_of,
                title=f"{page.term.name} · {config.site_name}",
                description=self.labels(
                    kind(page.kind).feed_description_key,
                    name=page.term.name,
                    site=config.site_name,
                ),
                page_url=site.url(page.src_path) or "",
                folder=folder,
                articles=page.articles,
                limit=self.options.feed_items,
            )
            found = self._write(folder, page.term.name, feed, config, files)
            for src in page.listing_src_paths:
                self.feed_links[src] = found

    def _write(
        self,
        folder: str,
        label: str,
        make_feed: Callable[[], Feed],
        config: MkDocsConfig,
        files: Files,
        names: tuple[str, str] = FEED_FILES,
    ) -> list[FeedLink]:
        """Write the feed files reserved in ``folder`` (``names``: the RSS one, the JSON one);
        links to those that were. The feed is only made when there is a file to write it to
        (feeds switched off, or an author's own files in their place, cost nothing)."""
        reserved = [
            (file, name)
            for name in names
            if (file := self.generated.get(f"{folder}/{name}".lstrip("/"))) is not None
            and not file.inclusion.is_excluded()
        ]
        if not reserved:
            return []
        feed = make_feed()
        found = []
        for file, name in reserved:
            if name == names[0]:
                self._write_out(file, rss(feed), config, files)
                found.append(FeedLink(RSS_TYPE, f"{label} (RSS)", feed.rss_url))
            else:
                self._write_out(file, json_feed(feed), config, files)
                found.append(FeedLink(JSON_TYPE, f"{label} (JSON Feed)", feed.json_url))
        return found

    def _write_out(self, file: File, text: str, config: MkDocsConfig, files: Files) -> None:
        """Write a feed into the site now, in place of the reserved ``file``, and let go of its
        text: held as the file's content, every feed's text would stay in memory to the end of
        the build. The file that takes its place is backed by what was written, which MkDocs
        then leaves where it is (plugins may write into ``site_dir``)."""
        path = file.abs_dest_path
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as output:
            output.write(text)
        written = File.generated(config, file.src_uri, abs_src_path=path, inclusion=file.inclusion)
        files.remove(file)
        files.append(written)
        self.generated[file.src_uri] = written

    def latest(
        self, page_url: str, count: int, renderer: Renderer, every_post: str | None = None
    ) -> str:
        """The newest posts for ``<!-- aicommentary:latest -->`` on the page at ``page_url``,
        and a link to the archive, else to ``every_post`` (another page listing every post:
        the index of Material's blog)."""
        archive = self.plan.overviews.get(ARCHIVE.name) or every_post
        return renderer.latest(self.listed[:count], page_url, archive)

    def extend_nav(
        self,
        nav: Navigation,
        files: Files,
        kinds: Sequence[str],
        posts_folder: str | None = None,
        theme: Mapping[str, object] | None = None,
    ) -> None:
        """Add the sections of ``kinds`` to the nav. With ``posts_folder`` (the automatic nav's
        folder of the posts, which are kept out of it), the archive goes where that folder's
        section would have been.

        A section's first entry is its overview. Unless the ``theme`` shows it as the section
        itself, the generated overview's entry says what it is ("All topics" in "Topics", not
        "Topics" again); the page keeps its title."""
        sections = nav_sections(self.plan, self.sections, kinds)
        places = {}
        if posts_folder is not None:
            by_kind = {kind.kind: kind for kind in self.sections}
            if ARCHIVE.name in by_kind:
                places[by_kind[ARCHIVE.name].title] = folder_position(nav.items, posts_folder)
        entries = {}
        if not shows_section_indexes(theme or {}):
            for name in kinds:
                src = self.plan.overviews.get(name)
                if src is not None and src in self.generated:
                    entries[src] = self.labels(kind(name).all_key)
        add_nav_sections(nav, files, sections, places, entries)

    def keep_own_meta(
        self, src_path: str, meta: MutableMapping[str, Any], plugins: Iterable[object]
    ) -> None:
        """A generated page's metadata without what the site's ``.meta.yml`` files gave it,
        unless ``index.inherit_meta`` says otherwise."""
        if src_path in self.generated and not self.options.inherit_meta:
            drop_folder_meta(meta, plugins)

    def is_index_page(self, src_path: str) -> bool:
        """Whether the page is one of the plan's: generated, or the author's own in its place."""
        return self.plan.page(src_path) is not None

    def planned(self, src_path: str) -> PlannedPage | None:
        """The plan's page at ``src_path`` (what it lists, for its JSON-LD); None elsewhere."""
        return self.plan.page(src_path)

    def overview(self, kind_name: str) -> PlannedPage | None:
        """The overview of a kind (for the archive: page 1 of its listing), if it has one."""
        src_path = self.plan.overviews.get(kind_name)
        return self.plan.page(src_path) if src_path is not None else None

    def first_page(self, src_path: str) -> str | None:
        """The source of page 1 of the listing ``src_path`` continues; None on page 1 and on
        every other page. Page 1 may be the author's own, whose front matter then speaks for
        the whole listing (``newsletter: false``, say)."""
        page = self.plan.page(src_path)
        if page is None or page.number == 1 or not page.listing_src_paths:
            return None
        return page.listing_src_paths[0]

    def summary(self, src_path: str, page_url: str, renderer: Renderer) -> str:
        """What an index page says in words, written into the page where search reads it: an
        overview's terms, each with its count; above page 1 of a listing, what it lists, how
        many articles since when, and its feeds. "" for other pages."""
        page = self.plan.page(src_path)
        if page is None:
            return ""
        if page.is_overview:
            return renderer.index_overview(page, page_url)
        return renderer.term_summary(
            page, self._feed_anchors(page, page_url, renderer), self.plan.overviews, page_url
        )

    def content(self, src_path: str, page_url: str, renderer: Renderer) -> str:
        """An index page's charts, then its listing (an overview's terms are its ``summary``);
        "" for other pages."""
        page = self.plan.page(src_path)
        if page is None:
            return ""
        listing = "" if page.is_overview else renderer.index_listing(page, page_url)
        charts = renderer.index_charts(
            charts_for(page, renderer.taxonomy, self.stances, self.labels)
        )
        intro = renderer.term_intro(page)
        return "\n".join(part for part in (intro, charts, listing) if part)

    def overview_links(self, page_url: str, renderer: Renderer) -> dict[str, str]:
        """Each kind's overview, linked from the page at ``page_url`` (a post's header labels
        lead there, so no overview is reachable only from itself)."""
        return {
            name: href
            for name, src in self.plan.overviews.items()
            if (href := renderer.href(src, page_url)) is not None
        }

    def _feed_anchors(
        self, page: PlannedPage, page_url: str, renderer: Renderer
    ) -> list[FeedAnchor]:
        """Visible links to the feeds of the listing ``page`` (the archive's: the site's),
        those the build writes."""
        if page.term is not None and kind(page.kind).feeds:
            by_kind = {section.kind: section for section in self.sections}
            folder = by_kind[page.kind].term_folder(page.term.slug) + "/"
        elif page.term is None and kind(page.kind).lists_every_post:
            folder = ""
        else:
            return []
        anchors = []
        for name, feed_type, key in (
            ("feed.xml", RSS_TYPE, "feed.rss_link"),
            ("feed.json", JSON_TYPE, "feed.json_link"),
        ):
            file = self.generated.get(folder + name)
            if file is None or file.inclusion.is_excluded():
                continue
            href = renderer.href(file.src_uri, page_url)
            if href is not None:
                anchors.append(FeedAnchor(self.labels(key), feed_type, href))
        return anchors


def _plan(
    files: Files,
    articles: Iterable[Article],
    taxonomy: Taxonomy,
    sections: Sequence[IndexKind],
    options: IndexConfig,
    stances: Mapping[str, str],
    labels: Labels,
    ours: Mapping[str, File],
    destinations: Destinations,
    use_directory_urls: bool,
    *,
    report: bool = False,
) -> IndexPlan:
    """The plan for ``articles``, around what the author wrote.

    A page of the author's (``companies/nvidia.md``, ``.../README.md``, a static
    ``.../index.html``) takes the place of the generated one. An unpublished one (a draft), or a
    post where a term's page would go (a topic "a" under the prefix ``posts`` beside
    ``posts/a.md``), keeps that place: the term gets no page and is never linked. So does any
    other file that ``destinations`` (every file but ``ours``) has where the page would be
    written: a post another plugin moved there, a page whose name differs in letter case.
    """
    articles = list(articles)
    posts = {article.src_path for article in articles}
    site = SiteFiles(files)

    def author_file(src_path: str) -> File | None:
        file = site.present_at(src_path)
        return None if file is None or ours.get(file.src_uri) is file else file

    def author_page(src_path: str) -> str | None:
        file = author_file(src_path)
        return file.src_uri if file is not None else None

    def unavailable(src_path: str) -> bool:
        file = author_file(src_path)
        if file is None:
            dest = dest_path(src_path, use_directory_urls)
            clash = destinations.taken(dest)
            if clash is None:
                return False
            other = f"the post {clash.other}" if clash.other in posts else clash.other
            where, remedy = f"written {_over(dest, clash, other)}", f", or move {other}"
        elif file.src_uri in posts:
            where = f"served at the address of the post {file.src_uri}"
            remedy = ", or move the post"
        elif file.generated_by == VIEW_MAKER:  # Its own listing would follow ours.
            where, remedy = f"served at the address of Material's blog's page {file.src_uri}", ""
        else:  # The author's own page, filled in where MkDocs writes it.
            return not file.inclusion.is_included()
        if report or src_path in ours:  # On a second plan, what the first did not know.
            log.warning(
                f"The index page {src_path} would be {where}; it gets no page. Give the index "
                f"kind another 'prefix' in the aicommentary options{remedy}."
            )
        return True

    return plan(
        articles,
        taxonomy,
        sections,
        per_page=options.per_page,
        compact_per_page=options.compact_per_page,
        min_posts=options.min_posts,
        author_page=author_page,
        unavailable=unavailable,
        stance_order=list(stances),
        labels=labels,
    )


def _feed_in_the_way(path: str, destinations: Destinations) -> bool:
    """Whether another file is in the way of the feed ``path``; says so, naming both."""
    clash = destinations.taken(path)
    if clash is None:
        return False
    remedy = "move"
    if "/" in path:  # A term's feed, beside the term's page.
        remedy = "give the index kind another 'prefix' in the aicommentary options, or move"
    log.warning(
        f"The feed {path} would be written {_over(path, clash, clash.other)}; it is left out. "
        f"To keep it, {remedy} {clash.other}."
    )
    return True


def _over(dest: str, clash: Clash, other: str) -> str:
    """Where a file of the plugin's would go and ``other``, the file in the way, for a
    warning that names both."""
    if clash.dest == dest:
        return f"to {dest}, where {other} is written"
    written_as = "" if clash.dest == clash.other else f" as {clash.dest}"
    if path_key(clash.dest) == path_key(dest):
        return (
            f"to {dest}, where {other} is written{written_as} (one file on macOS and Windows, "
            f"which ignore letter case and Unicode form)"
        )
    return (
        f"to {dest}, and {other} is written{written_as} (one of them a file where the other "
        f"needs a folder)"
    )


def _site_feed_possible(config: MkDocsConfig, asked: bool | None) -> bool:
    """The site's feeds need absolute links too."""
    return _has_site_url(
        config,
        asked,
        "No site feed (feed.xml, feed.json): it needs absolute links and 'site_url' is not "
        "set. Set 'site_url' in mkdocs.yml, or switch it off with 'site_feed: {enabled: false}' "
        "in the aicommentary options.",
    )


def _digest_possible(config: MkDocsConfig, asked: bool | None) -> bool:
    """The daily digest's feeds need absolute links too."""
    return _has_site_url(
        config,
        asked,
        "No daily digest feed (digest.xml, digest.json): it needs absolute links and "
        "'site_url' is not set. Set 'site_url' in mkdocs.yml, or switch it off with "
        "'digest_feed: {enabled: false}' in the aicommentary options.",
    )


def _feeds_possible(config: MkDocsConfig, index_plan: IndexPlan, asked: bool | None) -> bool:
    """Feeds for the plan's companies, topics and stances, which need absolute links."""
    if not any(kind(page.kind).feeds for page in index_plan.pages):
        return False
    return _has_site_url(
        config,
        asked,
        "No feeds for companies, topics and stances: they need absolute links and "
        "'site_url' is not set. Set 'site_url' in mkdocs.yml, or switch feeds off with "
        "'index: {feeds: false}' in the aicommentary options.",
    )


def _has_site_url(config: MkDocsConfig, asked: bool | None, without_it: str) -> bool:
    """Whether ``site_url`` is set; if not, says ``without_it``: a warning when the feeds were
    asked for by name, else a note."""
    if config.site_url:
        return True
    log.log(logging.WARNING if asked else logging.INFO, without_it)
    return False


def _term_feed_files(options: IndexConfig) -> tuple[str, ...]:
    """The feeds beside each term's page: RSS, and JSON Feed where the site asks for it."""
    return FEED_FILES if options.json_feeds else FEED_FILES[:1]


def _feed_folders(
    index_plan: IndexPlan, sections: Sequence[IndexKind]
) -> list[tuple[PlannedPage, str]]:
    """Page 1 of every company and topic listing, and the folder of its feeds."""
    by_kind = {section.kind: section for section in sections}
    return [
        (page, by_kind[page.kind].term_folder(page.term.slug))
        for page in index_plan.pages
        if kind(page.kind).feeds and page.term is not None and page.number == 1
    ]
