"""The MkDocs plugin: events in, calls out.

Each event hands its work to the module that owns it; this class only holds the state of the
current build, and ``on_config`` makes that state anew so ``mkdocs serve`` rebuilds start clean.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
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
from .config import AICommentaryConfig, check_config, registered_companies, signup_form
from .links import TermPages, page_url
from .placeholders import fill_slots
from .render import STYLESHEET, TEMPLATES_DIR, Renderer
from .taxonomy import KINDS, Taxonomy

log = get_plugin_logger(__name__)

_LEADING_H1 = re.compile(r"\A\s*<h1\b[^>]*>.*?</h1>", re.DOTALL)
_MENTIONS_MARKER = re.compile(rf"^({'|'.join(ARTICLE_MARKERS)})\s*:", re.MULTILINE)


class AICommentaryPlugin(BasePlugin[AICommentaryConfig]):
    """Reads commentary front matter and adds headers, related boxes and index pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.articles: dict[str, Article] = {}
        self.renderer: Renderer | None = None
        self.boxes: dict[str, dict[str, str]] = {}
        """Per page (source path): the rendered boxes waiting for their slots."""
        self.signup: newsletter.SignupForm | None = None
        self.privacy_target: str | None = None

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

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        html = self._with_header(html, page)
        return self._with_newsletter(html, page)

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
        return fill_slots(output, self.boxes.pop(page.file.src_uri, {}))
