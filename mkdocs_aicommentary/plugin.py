"""The MkDocs plugin: events in, calls out.

Each event hands its work to the module that owns it; this class only holds the state of the
current build, and ``on_config`` makes that state anew so ``mkdocs serve`` rebuilds start clean.
"""

from __future__ import annotations

import logging
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import newsletter
from .articles import (
    ARTICLE_MARKERS,
    Article,
    Vocabulary,
    is_article,
    read_article,
    split_front_matter,
)
from .companies import CompanyRegistry
from .config import (
    AICommentaryConfig,
    check_config,
    registered_companies,
    related_options,
    signup_form,
)
from .excerpts import excerpt
from .feeds import FeedLink
from .indexes import (
    FEED_KINDS,
    INDEX_MARKER,
    IndexPage,
    IndexPlan,
    Section,
    add_feeds,
    add_nav_sections,
    add_pages,
    charts_for,
    nav_sections,
    plan,
)
from .links import TermPages, author_page_candidates, page_url
from .mdinsert import HtmlInserter
from .placeholders import fill_slots, insert_into_head, place_at_marker, remove_markers, slot
from .related import Related, TextCache, rank, resolve_pins
from .render import STYLESHEET, TEMPLATES_DIR, Renderer
from .structured_data import article_data, script_json
from .taxonomy import KINDS, Taxonomy

log = get_plugin_logger(__name__)

_LEADING_H1 = re.compile(r"\A\s*<h1\b[^>]*>.*?</h1>", re.DOTALL)
_MENTIONS_MARKER = re.compile(rf"^({'|'.join(ARTICLE_MARKERS)})\s*:", re.MULTILINE)


class AICommentaryPlugin(BasePlugin[AICommentaryConfig]):
    """Reads commentary front matter and adds headers, related boxes and index pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.text_cache = TextCache()
        """Word counts by content hash: kept across ``mkdocs serve`` rebuilds on purpose."""
        self._reset()

    def _reset(self) -> None:
        self.articles: dict[str, Article] = {}
        self.renderer: Renderer | None = None
        self.boxes: dict[str, dict[str, str]] = {}
        """Per page (source path): the rendered boxes waiting for their slots."""
        self.registry = CompanyRegistry()
        self.index_plan = IndexPlan(())
        self.index_pages: dict[str, IndexPage] = {}
        self.feed_links: dict[str, list[FeedLink]] = {}
        """Per index page (source path): its feeds, for <link rel="alternate">."""
        self.inserter = HtmlInserter(INDEX_MARKER)
        self.signup: newsletter.SignupForm | None = None
        self.privacy_target: str | None = None
        self.related: dict[str, tuple[Related, ...]] = {}
        """Per article (source path): its related articles, ranked once per build in on_nav."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Having this hook keeps one plugin object across ``mkdocs serve`` rebuilds.

        Caches keyed by content (such as text vectors) then survive a rebuild, while everything
        that describes the site itself is made anew in ``on_config``.
        """

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._reset()
        check_config(self.config)
        self.signup = signup_form(self.config)
        if self.signup is not None and self.config.newsletter.privacy_url:
            self.privacy_target = newsletter.privacy_target(
                self.config.newsletter.privacy_url, config.use_directory_urls
            )
        if TEMPLATES_DIR not in config.theme.dirs:
            config.theme.dirs.append(TEMPLATES_DIR)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        config.markdown_extensions[:] = [
            ext for ext in config.markdown_extensions if not isinstance(ext, HtmlInserter)
        ]
        config.markdown_extensions.append(self.inserter)  # type: ignore[arg-type]
        return config

    @event_priority(50)  # Before other plugins' on_files, so they see drafts already excluded.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.registry = CompanyRegistry(registered_companies(self.config))
        vocabulary = Vocabulary(
            stances=self.config.stances,
            companies=self.registry,
            warn_unknown_companies=self.config.warn_unknown_companies,
        )
        for file in files.documentation_pages():
            article = self._read_article(file, vocabulary)
            if article is None:
                continue
            self.articles[file.src_uri] = article
            if article.draft:
                file.inclusion = InclusionLevel.DRAFT

        taxonomy = Taxonomy(self.articles.values(), self.config.stances)
        self.renderer = Renderer(
            config.theme.dirs, taxonomy, self._term_pages(files, config), self.config.date_format
        )
        self._add_index_pages(files, config, taxonomy)
        return files

    def _read_article(self, file: File, vocabulary: Vocabulary) -> Article | None:
        try:
            text = file.content_string
        except (OSError, UnicodeDecodeError):
            return None  # MkDocs reports unreadable pages itself when it renders them.
        front_matter = split_front_matter(file.src_uri, text)
        patterns = self.config.articles
        if front_matter.problem is not None:
            # Broken YAML on a page that looks like a post deserves a warning.
            matched = is_article(file.src_uri, {}, patterns)
            if matched or _MENTIONS_MARKER.search(text):
                log.warning(str(front_matter.problem))
            if not matched:
                return None
        elif not is_article(file.src_uri, front_matter.meta, patterns):
            return None
        article, problems = read_article(file.src_uri, file.url, front_matter, vocabulary)
        for problem in problems:
            log.warning(str(problem))
        return article

    def _term_pages(self, files: Files, config: MkDocsConfig) -> TermPages:
        """Index page URLs; an author's own page at ``companies/nvidia.md`` counts as one."""

        def url_of_src(src_path: str) -> str:
            for candidate in author_page_candidates(src_path):
                file = files.get_file_from_path(candidate)
                if file is not None:
                    return file.url
            return page_url(src_path, config.use_directory_urls)

        prefixes = {
            kind: self.config.index[kind].prefix.strip("/")
            for kind in KINDS
            if self.config.index[kind].enabled
        }
        return TermPages(prefixes, url_of_src)

    def _index_sections(self) -> list[Section]:
        return [
            Section(kind, self.config.index[kind].prefix.strip("/"), self.config.index[kind].title)
            for kind in KINDS
            if self.config.index[kind].enabled
        ]

    def _add_index_pages(self, files: Files, config: MkDocsConfig, taxonomy: Taxonomy) -> None:
        """Plan the topic, company and stance pages; generate those the author did not write."""

        def author_page(src_path: str) -> str | None:
            for candidate in author_page_candidates(src_path):
                if files.get_file_from_path(candidate) is not None:
                    return candidate
            return None

        self.index_plan = plan(
            self.articles.values(),
            taxonomy,
            self._index_sections(),
            per_page=self.config.index.per_page,
            author_page=author_page,
            stance_order=list(self.config.stances),
        )
        add_pages(files, config, self.index_plan)
        self.index_pages = self.index_plan.by_src()
        if self.config.index.feeds is not False:
            self._add_feeds(files, config)

    def _add_feeds(self, files: Files, config: MkDocsConfig) -> None:
        """RSS and JSON Feed beside each company and topic page; absolute URLs need site_url."""
        if not any(page.kind in FEED_KINDS for page in self.index_plan.pages):
            return
        if not config.site_url:
            # Asked for explicitly, missing feeds are a problem; by default, a note.
            log.log(
                logging.WARNING if self.config.index.feeds else logging.INFO,
                "No feeds for companies and topics: they need absolute links and 'site_url' is "
                "not set. Set 'site_url' in mkdocs.yml, or switch feeds off with "
                "'index: {feeds: false}' in the aicommentary options.",
            )
            return
        self.feed_links = add_feeds(
            files, config, self.index_plan, self._index_sections(), self.config.index.feed_items
        )

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.config.index.nav:
            add_nav_sections(nav, files, nav_sections(self.index_plan, self._index_sections()))
        if self.config.related.enabled and self.articles:
            pins, problems = resolve_pins(self.articles.values())
            for problem in problems:
                log.warning(str(problem))
            options = related_options(self.config)
            self.related = rank(self.articles.values(), options, pins, self.text_cache)
        return nav

    @event_priority(-100)  # Last, so the page's own conversion comes right after.
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        index_page = self.index_pages.get(page.file.src_uri)
        self.inserter.pending = None
        if index_page is not None and self.renderer is not None:
            self.inserter.pending = self._index_html(index_page)
        return markdown

    def _index_html(self, page: IndexPage) -> str:
        """The listing (or overview), preceded by a slot for the charts when there are any."""
        assert self.renderer is not None
        if page.is_overview:
            body = self.renderer.index_overview(page)
        else:
            body = self.renderer.index_listing(page, self.index_plan.term_src)
        charts = self.renderer.index_charts(
            charts_for(page, self.renderer.taxonomy, self.config.stances)
        )
        if not charts:
            return body
        self.boxes.setdefault(page.src_path, {})["index-charts"] = charts
        return slot("index-charts") + "\n" + body

    def _json_ld(self, article: Article, config: MkDocsConfig) -> str:
        options = self.config.structured_data

        def company_url(name: str) -> str | None:
            company = self.registry.get(name)
            return company.url if company is not None else None

        data = article_data(
            article,
            schema_type=options.type,
            site_name=config.site_name,
            site_url=config.site_url,
            default_authors=(config.site_author,) if config.site_author else (),
            company_url=company_url,
            description=excerpt(article) or None,
        )
        return script_json(data)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        html = self._with_header(html, page)
        html = self._with_related(html, page)
        return self._with_newsletter(html, page)

    def _with_related(self, html: str, page: Page) -> str:
        """Put the related box's slot at the author's marker, else (placement: end) at the end."""
        article = self.articles.get(page.file.src_uri)
        if article is None:
            return html
        entries = self.related.get(page.file.src_uri, ())
        settings = self.config.related
        box = ""
        if entries and self.renderer is not None:
            box = self.renderer.related_box(
                entries, page.url, settings.heading, settings.counterpoint_label
            )
        if not box:
            return remove_markers(html, "related")
        html, placed = place_at_marker(html, "related")
        if not placed and settings.placement == "marker":
            return html
        if not placed:
            html += "\n" + slot("related")
        self.boxes.setdefault(page.file.src_uri, {})["related"] = box
        return remove_markers(html, "related")

    def _with_header(self, html: str, page: Page) -> str:
        article = self.articles.get(page.file.src_uri)
        if article is None or self.renderer is None or not self.config.header:
            return html
        header = self.renderer.article_header(article, page.url)
        title = _LEADING_H1.match(html)
        if title is None:
            return header + html
        return html[: title.end()] + header + html[title.end() :]

    def _with_newsletter(self, html: str, page: Page) -> str:
        """A slot for the signup block where the options (or the author's marker) put it."""
        options = self.config.newsletter
        if self.signup is None or self.renderer is None or options is None:
            return html
        src_path = page.file.src_uri
        wanted, problem = newsletter.page_wants_block(
            src_path,
            page.meta,
            is_article=src_path in self.articles,
            articles=options.articles,
            index_prefixes=self._index_prefixes() if options.index_pages else (),
            patterns=options.pages,
        )
        if problem:
            log.warning(problem)
        if not wanted:
            return newsletter.remove_block_markers(html)
        self.boxes.setdefault(src_path, {})[newsletter.SLOT_NAME] = self.renderer.newsletter_block(
            self.signup, options, page.url, self.privacy_target
        )
        return newsletter.insert_slot(html, options.placement, options.paragraph)

    def _index_prefixes(self) -> list[str]:
        return [
            self.config.index[kind].prefix.strip("/")
            for kind in KINDS
            if self.config.index[kind].enabled
        ]

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        src = page.file.src_uri
        output = fill_slots(output, self.boxes.pop(src, {}))
        if self.renderer is None:
            return output
        article = self.articles.get(src)
        json_ld = None
        if article is not None and self.config.structured_data.enabled:
            json_ld = self._json_ld(article, config)
        head = self.renderer.head(self.feed_links.get(src, []), json_ld)
        return insert_into_head(output, head) if head else output
