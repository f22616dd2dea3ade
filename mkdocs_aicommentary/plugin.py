"""The MkDocs plugin: events in, calls out.

Each event hands its work to the module that owns it; this class only holds the state of the
current build, and ``on_config`` makes that state anew so ``mkdocs serve`` rebuilds start clean.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .articles import (
    ARTICLE_MARKERS,
    Article,
    Vocabulary,
    is_article,
    read_article,
    split_front_matter,
)
from .companies import CompanyRegistry
from .config import AICommentaryConfig, check_config, registered_companies, related_options
from .links import TermPages, page_url
from .placeholders import fill_slots, place_at_marker, remove_markers, slot
from .related import Related, TextCache, rank, resolve_pins
from .render import STYLESHEET, TEMPLATES_DIR, Renderer
from .taxonomy import KINDS, Taxonomy

log = get_plugin_logger(__name__)

_LEADING_H1 = re.compile(r"\A\s*<h1\b[^>]*>.*?</h1>", re.DOTALL)
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
        self.renderer: Renderer | None = None
        self.boxes: dict[str, dict[str, str]] = {}
        """Per page (source path): the rendered boxes waiting for their slots."""
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
        if TEMPLATES_DIR not in config.theme.dirs:
            config.theme.dirs.append(TEMPLATES_DIR)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    @event_priority(50)  # Before other plugins' on_files, so they see drafts already excluded.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        vocabulary = Vocabulary(
            stances=self.config.stances,
            companies=CompanyRegistry(registered_companies(self.config)),
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
            folder = src_path.removesuffix("/index.md")
            for candidate in (src_path, folder + ".md"):
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

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Rank every article's related posts at once, now that all articles are read."""
        if self.config.related.enabled and self.articles:
            pins, problems = resolve_pins(self.articles.values())
            for problem in problems:
                log.warning(str(problem))
            options = related_options(self.config)
            self.related = rank(self.articles.values(), options, pins, self.text_cache)
        return nav

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        html = self._add_header(html, page)
        return self._add_related(html, page)

    def _add_related(self, html: str, page: Page) -> str:
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

    def _add_header(self, html: str, page: Page) -> str:
        article = self.articles.get(page.file.src_uri)
        if article is None or self.renderer is None or not self.config.header:
            return html
        header = self.renderer.article_header(article, page.url)
        title = _LEADING_H1.match(html)
        if title is None:
            return header + html
        return html[: title.end()] + header + html[title.end() :]

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return fill_slots(output, self.boxes.pop(page.file.src_uri, {}))
