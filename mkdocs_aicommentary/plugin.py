"""The MkDocs plugin: events in, calls out.

Each event hands its work to the module that owns it and decides nothing itself: what the
publication is (its posts, which are published, each post's head, who gets the signup block,
its language) is :mod:`.core.publication`'s to say, and what goes into a page is
:mod:`.core.page_boxes`'. Everything one build knows lives in a
:class:`.adapter.build_state.BuildState` made in ``on_config``, so a ``mkdocs serve`` rebuild
starts clean; each event's docstring says what it reads from that
state and what it leaves there.

    on_config           check the options; add the templates, the stylesheet and the Markdown
                        extension of generated pages' headings
    on_files (50)       read every post's front matter; mark the plugin's own drafts
    on_files (-100)     after other plugins (Material's blog) have moved and excluded pages:
                        generate index pages and reserve feed paths for every possible post
    on_nav (-100)       after other plugins' nav work: settle which posts are published,
                        rank related posts, let go of the posts' bodies, narrow the index
                        pages to the published posts, add nav sections
    on_page_markdown (-100)  after Material's meta plugin: generated pages lose what the
                        site's .meta.yml files gave them
    on_page_content     slots for listings (an index page's, the newest posts), the article
                        header, the related box and the signup block
    on_env              add the social cards to the files MkDocs copies, then write the
                        feeds (each post's image known), now that every URL and content is final
    on_page_context     tag chips Material links nowhere lead to topic pages; stance badges in
                        the excerpts on Material's blog index pages
    on_post_page (100)  fill the slots; the title and description the theme printed raw as
                        text; feed links, sharing tags and JSON-LD in the head
    on_post_build       let go of the build state
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import partial
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .adapter.build_state import BuildState, card_files
from .adapter.card_files import CardCache
from .adapter.config import AICommentaryConfig
from .adapter.neighbours import find_neighbours, link_tag_chips
from .adapter.plain_options import (
    check_config,
    front_matter_vocabulary,
    publication_options,
)
from .adapter.site_files import INCLUSION_LEVELS, SiteFiles
from .adapter.site_language import apply_language, site_language
from .core.publication import Publication
from .features.image_sizes import ImageSizes
from .features.related.words import TextCache
from .html import literal_headings
from .html.head_text import repair_head
from .html.render import STYLESHEET, TEMPLATES_DIR, CompiledTemplates
from .model.front_matter import FrontMatterCache
from .model.material_blog import find_blogs

log = get_plugin_logger(__name__)


class AICommentaryPlugin(BasePlugin[AICommentaryConfig]):
    """Reads commentary front matter and adds headers, related boxes and index pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.text_cache = TextCache()
        """Word counts of article bodies by content hash; kept across ``mkdocs serve`` rebuilds
        (``rank`` drops the bodies no longer on the site)."""
        self.front_matter = FrontMatterCache()
        """Each page's front matter while its text is unchanged; kept across rebuilds too."""
        self.compiled_templates = CompiledTemplates()
        """The templates as Jinja compiled them, by source checksum; kept across rebuilds."""
        self.image_sizes = ImageSizes()
        """Lead images' sizes by file content; kept across rebuilds."""
        self.card_cache = CardCache()
        """Social cards' PNG bytes by content; kept across rebuilds, so serve redraws only
        the cards whose words changed."""
        self.state: BuildState | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Having this hook keeps one plugin object across ``mkdocs serve`` rebuilds.

        Caches keyed by content (such as text vectors) then survive a rebuild, while everything
        that describes the site itself is made anew in ``on_config``.
        """

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Settle the site's language, check the options and make a fresh :class:`BuildState`."""
        language = site_language(self.config, config.theme)  # For labels and feeds alike.
        labels, note = apply_language(self.config, language)
        if note:  # A theme in a language without translations has always built quietly.
            log.log(logging.WARNING if self.config.language else logging.INFO, note)
        self.state = BuildState(
            labels=labels,
            signup=check_config(self.config),
            publication=Publication(
                publication_options(
                    self.config, config, language, labels, find_neighbours(config.plugins.values())
                )
            ),
            cards=card_files(self.config, config, self.card_cache),
        )
        if literal_headings.NAME not in config.markdown_extensions:
            config.markdown_extensions.append(literal_headings.NAME)  # For generated pages.
        if TEMPLATES_DIR not in config.theme.dirs:
            config.theme.dirs.append(TEMPLATES_DIR)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    @event_priority(50)  # Before other plugins' on_files, so they see drafts already excluded.
    def _read_posts(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Leaves the publication's ``articles`` (every post, drafts marked) and ``blogs``.

        A post Material's blog owns keeps the inclusion the blog gives it; the plugin's own
        drafts are marked so MkDocs leaves them out of builds and shows them under serve.
        """
        publication = self._state().publication
        publication.blogs, problems = find_blogs(config.plugins.values(), config.docs_dir)
        for problem in problems:
            log.warning(problem)
        vocabulary = front_matter_vocabulary(self.config)
        publication.registry = vocabulary.companies
        pages = {file.src_uri: file for file in files.documentation_pages()}
        read = ((src, _text(file), file.inclusion.is_in_nav()) for src, file in pages.items())
        inclusions, found = publication.read_posts(read, vocabulary, self.front_matter)
        for post_problem in found:
            log.warning(str(post_problem))
        for src, inclusion in inclusions.items():
            pages[src].inclusion = INCLUSION_LEVELS[inclusion]
        self.front_matter.retain(pages)
        return files

    @event_priority(-100)  # After Material's blog (-50) has moved its posts.
    def _generate_pages(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Reads the publication's ``articles``; leaves ``site``, ``index_files`` and
        ``page_content`` (:meth:`BuildState.generate_pages`)."""
        state = self._state()
        warnings = state.generate_pages(
            files, config, self.config, self.compiled_templates, self.image_sizes
        )
        for warning in warnings:
            log.warning(warning)
        return files

    on_files = CombinedEvent(_read_posts, _generate_pages)

    @event_priority(-100)  # After Material's blog (-50) has settled which posts it publishes.
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Reads ``articles`` and ``site``; leaves the publication's ``published``, the
        narrowed ``index_files`` and ``related``, ranked for the published posts (and drafts,
        for their preview under serve); the posts' bodies, read by then, are let go."""
        state = self._state()
        publication, site = state.publication, state.site or SiteFiles(files)
        publication.publish(lambda src: site.written(src) is not None)
        related, problems = publication.related(self.text_cache)
        for problem in problems:
            log.warning(problem)
        state.related = publication.let_go_of_bodies(related)
        if state.index_files is not None:
            state.index_files.publish(publication.published.values(), files)
            if kinds := publication.nav_kinds():
                state.index_files.extend_nav(
                    nav, files, kinds, publication.posts_folder(), config.theme
                )
        return nav

    @event_priority(-100)  # After Material's meta plugin (50) has merged its .meta.yml files.
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Reads ``index_files``; a generated index page keeps no metadata the site's folder
        files meant for posts (``comments: true``), unless ``index.inherit_meta``."""
        index_files = self._state().index_files
        if index_files is not None:
            index_files.keep_own_meta(page.file.src_uri, page.meta, config.plugins.values())
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Reads ``page_content`` (the publication, ``index_files``, the options) and
        ``related``; leaves listings, the header and the boxes, still to be rendered, in
        ``boxes`` and their slots in the page, where search does not index them (it finds the
        posts themselves), and a post's summary as its meta description."""
        state = self._state()
        if state.page_content is None:
            return html
        src = page.file.src_uri
        if (description := state.publication.description(src, page.meta)) is not None:
            page.meta["description"] = description  # Themes write it as meta description.
        related, front_matter_of = state.related.get(src, ()), partial(self._front_matter, files)
        html, problems = state.page_content.add_boxes(
            html, src, page.url, page.meta, related, front_matter_of
        )
        for problem in problems:
            log.warning(problem)
        return html

    def _front_matter(self, files: Files, src_path: str) -> Mapping[str, Any]:
        """The front matter of another page (read once, like every page's, in ``on_files``);
        empty when it has none or cannot be read."""
        file = files.get_file_from_path(src_path)
        text = _text(file) if file is not None else None
        return self.front_matter.split(src_path, text).meta if text is not None else {}

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Reads ``index_files``, ``site``, the language and every post's rendered content;
        adds the social cards to ``files``, leaving them as the pages' images
        (``publication.made_images``), then writes the feed files into the site."""
        state = self._state()
        site = state.site
        if state.index_files is None or site is None or state.page_content is None:
            return env

        def content_of(src_path: str) -> str | None:
            file = site.written(src_path)
            content = file.page.content if file is not None and file.page is not None else None
            return state.boxes.emptied(content) if content is not None else None

        publication = state.publication
        if state.cards is not None:
            for warning in state.write_cards(files, config, self.config):
                log.warning(warning)
        language = publication.options.language
        renderer = state.page_content.renderer
        state.index_files.write_feeds(
            site,
            config,
            files,
            content_of,
            language,
            renderer,
            publication.image,
            publication.lead_image,
        )
        return env

    @event_priority(-110)  # After Material's blog (-100) has rendered its excerpts.
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Reads ``page_content``; leads Material's tag chips that link nowhere to the
        plugin's topic pages, and puts each post's stance badge into the excerpts that
        Material's blog index, archive and category pages show (``context["posts"]``)."""
        state = self._state()
        page_content = state.page_content
        if page_content is None:
            return context
        link_tag_chips(
            context,
            state.publication.options.neighbours,
            partial(page_content.chip_links, page.file.src_uri),
        )
        for shown in context.get("posts") or ():  # type: ignore[attr-defined]
            post, content = getattr(shown, "post", None), getattr(shown, "content", None)
            if post is not None and isinstance(content, str):
                meta = getattr(post, "meta", None) or {}
                shown.content = page_content.excerpt(content, post.file.src_uri, page.url, meta)
        return context

    @event_priority(100)  # First, before a minifier that drops HTML comments takes the slots.
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Reads ``boxes`` (emptied here) and ``page_content`` (feed links, the post's head).

        Runs for every page: whatever its title and description, from the plugin or the
        author, the head holds them as text on every theme."""
        state = self._state()
        src = page.file.src_uri
        output = repair_head(
            state.boxes.fill(output, src),
            titles=(page.meta.get("title"), page.title),
            descriptions=(page.meta.get("description"), config.site_description),
        )
        if state.page_content is None:
            return output
        return state.page_content.head(output, src, page.url)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Lets go of the build state: under ``mkdocs serve`` it would keep the last build's
        pages alive, and every garbage collection of the next build would walk them."""
        self.state = None

    def _state(self) -> BuildState:
        assert self.state is not None, "on_config makes the build state before any other event"
        return self.state


def _text(file: File) -> str | None:
    """A page's text; None when it cannot be read (MkDocs reports that itself)."""
    try:
        return file.content_string
    except (OSError, UnicodeDecodeError):
        return None
