"""The MkDocs plugin: events in, calls out.

Each event hands its work to the module that owns it; this class only holds the state of the
current build, and ``on_config`` makes that state anew so ``mkdocs serve`` rebuilds start clean.

    on_config        check the options, add the templates, stylesheet and Markdown extension
    on_files         read every post's front matter; generate index pages and feeds
    on_nav           index sections in the nav; rank related articles, all posts at once
    on_page_markdown hand an index page its listing (links resolved by MkDocs)
    on_page_content  slots for the article header, the related box and the signup block
    on_post_page     fill the slots; feed links and JSON-LD in the head
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

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
    index_sections,
    registered_companies,
    related_options,
    signup_form,
)
from .excerpts import excerpt
from .index_pages import CHARTS_SLOT, IndexPages, served_at
from .indexes import INDEX_MARKER
from .links import Section, TermPages
from .mdinsert import HtmlInserter
from .placement import (
    fill_slots,
    insert_after_title,
    insert_into_head,
    place_slot,
    remove_markers,
    slot,
)
from .related import Related, TextCache, rank, resolve_pins
from .render import STYLESHEET, TEMPLATES_DIR, Renderer
from .structured_data import article_data, script_json
from .taxonomy import Taxonomy

log = get_plugin_logger(__name__)

_MENTIONS_MARKER = re.compile(rf"^({'|'.join(ARTICLE_MARKERS)})\s*:", re.MULTILINE)


class AICommentaryPlugin(BasePlugin[AICommentaryConfig]):
    """Reads commentary front matter and adds headers, related boxes and index pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.text_cache = TextCache()
        """Word counts of article bodies by content hash; kept across ``mkdocs serve`` rebuilds
        (``rank`` drops the bodies no longer on the site)."""
        self._reset()

    def _reset(self) -> None:
        self.articles: dict[str, Article] = {}
        self.registry = CompanyRegistry()
        self.renderer: Renderer | None = None
        self.sections: list[Section] = []
        """The kinds of index page switched on, with prefix and title."""
        self.index_pages: IndexPages | None = None
        self.inserter = HtmlInserter(INDEX_MARKER)
        self.related: dict[str, tuple[Related, ...]] = {}
        """Per article (source path): its related articles, ranked once per build."""
        self.signup: newsletter.SignupForm | None = None
        self.privacy_target: str | None = None
        self.boxes: dict[str, dict[str, str]] = {}
        """Per page (source path): the rendered boxes waiting for their slots."""

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
        # A fresh inserter each build; one left from the previous build must not stay behind.
        config.markdown_extensions[:] = [
            ext for ext in config.markdown_extensions if not isinstance(ext, HtmlInserter)
        ]
        config.markdown_extensions.append(self.inserter)
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

        if self.signup is not None and self.config.newsletter is not None:
            problem = newsletter.missing_privacy_page(
                self.config.newsletter.privacy_url, lambda src: _is_page(files, src)
            )
            if problem:
                log.warning(problem)
        taxonomy = Taxonomy(self.articles.values(), self.config.stances)
        self.sections = index_sections(self.config)
        self.renderer = Renderer(
            config.theme.dirs,
            taxonomy,
            TermPages.for_sections(self.sections, lambda src: _url_of_src(files, src)),
            self.config.date_format,
        )
        self.index_pages = IndexPages.generate(
            files,
            config,
            self.articles.values(),
            taxonomy,
            self.sections,
            self.config.index,
            self.config.stances,
        )
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

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.config.index.nav and self.index_pages is not None:
            self.index_pages.extend_nav(nav, files)
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
        self.inserter.pending = None
        if self.index_pages is None or self.renderer is None:
            return markdown
        content = self.index_pages.content(page.file.src_uri, self.renderer)
        if content is not None:
            self.inserter.pending, charts = content
            self._keep_box(page, CHARTS_SLOT, charts)
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.renderer is None:
            return html
        article = self.articles.get(page.file.src_uri)
        if article is not None and self.config.header:
            # Through a slot, so search shows the article's first words, not its header.
            self._keep_box(page, "header", self.renderer.article_header(article, page.url))
            html = insert_after_title(html, slot("header"))
        related = self._related_box(article, page)
        html = self._place_box(html, page, "related", related, self.config.related.placement)
        signup_options: Mapping[str, Any] = self.config.newsletter or {}
        return self._place_box(
            html,
            page,
            "newsletter",
            self._signup_block(page, files),
            signup_options.get("placement", "end"),
            signup_options.get("paragraph", 3),
        )

    def _related_box(self, article: Article | None, page: Page) -> str:
        entries = self.related.get(page.file.src_uri, ()) if article is not None else ()
        if not entries or self.renderer is None:
            return ""
        options = self.config.related
        return self.renderer.related_box(
            entries, page.url, options.heading, options.counterpoint_label
        )

    def _signup_block(self, page: Page, files: Files) -> str:
        options = self.config.newsletter
        if self.signup is None or self.renderer is None or options is None:
            return ""
        meta: Mapping[str, Any] = page.meta
        first = self.index_pages.first_page(page.file.src_uri) if self.index_pages else None
        if first is not None:  # Page 2, 3... of a listing: page 1's front matter decides.
            meta = _front_matter(files, first)
        wanted, problem = newsletter.page_wants_block(
            page.file.src_uri,
            meta,
            is_article=page.file.src_uri in self.articles,
            articles=options.articles,
            index_prefixes=[section.prefix for section in self.sections]
            if options.index_pages
            else (),
            patterns=options.pages,
        )
        if problem and first is None:  # Page 1 reports its own front matter.
            log.warning(problem)
        if not wanted:
            return ""
        return self.renderer.newsletter_block(self.signup, options, page.url, self.privacy_target)

    def _place_box(
        self, html: str, page: Page, name: str, box: str, placement: str, paragraph: int = 3
    ) -> str:
        """A slot for ``box`` where the author's marker or the options put it; none if empty."""
        if not box:
            return remove_markers(html, name)
        self._keep_box(page, name, box)
        return place_slot(html, name, placement, paragraph)

    def _keep_box(self, page: Page, name: str, box: str) -> None:
        if box:
            self.boxes.setdefault(page.file.src_uri, {})[name] = box

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        src = page.file.src_uri
        output = fill_slots(output, self.boxes.pop(src, {}))
        if self.renderer is None:
            return output
        feeds = self.index_pages.feed_links.get(src, []) if self.index_pages else []
        article = self.articles.get(src)
        json_ld = None
        if article is not None and self.config.structured_data.enabled:
            json_ld = script_json(
                article_data(
                    article,
                    schema_type=self.config.structured_data.type,
                    site_name=config.site_name,
                    site_url=config.site_url,
                    default_authors=(config.site_author,) if config.site_author else (),
                    company_url=self.registry.url,
                    description=excerpt(article) or None,
                )
            )
        head = self.renderer.head(feeds, json_ld)
        return insert_into_head(output, head) if head else output


def _is_page(files: Files, src_path: str) -> bool:
    file = files.get_file_from_path(src_path)
    return file is not None and not file.inclusion.is_excluded()


def _front_matter(files: Files, src_path: str) -> Mapping[str, Any]:
    """The front matter of another page; empty when it has none or cannot be read."""
    file = files.get_file_from_path(src_path)
    try:
        return split_front_matter(src_path, file.content_string).meta if file else {}
    except (OSError, UnicodeDecodeError):
        return {}


def _url_of_src(files: Files, src_path: str) -> str | None:
    """The URL of a term's page; None when there is none.

    A name only drafts use gets no page, and a draft shown by ``mkdocs serve`` must not link
    to one. Asked while pages render, after ``on_files`` generated them.
    """
    file = served_at(files, src_path)
    return file.url if file is not None else None
