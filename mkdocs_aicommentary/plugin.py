"""The MkDocs plugin: events in, calls out.

Each event hands its work to the module that owns it. Everything one build knows lives in a
:class:`BuildState` made in ``on_config``, so a ``mkdocs serve`` rebuild starts clean; each
event's docstring says what it reads from that state and what it leaves there.

    on_config           check the options; add the templates, the stylesheet and the Markdown
                        extension of generated pages' headings
    on_files (50)       read every post's front matter; mark the plugin's own drafts
    on_files (-100)     after other plugins (Material's blog) have moved and excluded pages:
                        generate index pages and reserve feed paths for every possible post
    on_nav (-100)       after other plugins' nav work: settle which posts are published,
                        narrow the index pages to them, rank related posts, add nav sections
    on_page_content     slots for listings (an index page's, the newest posts), the article
                        header, the related box and the signup block
    on_env              write the feeds, now that every page's URL and content are final
    on_page_context     stance badges in the excerpts on Material's blog index pages
    on_post_page (100)  fill the slots; the title and description the theme printed raw as
                        text; feed links, sharing tags and JSON-LD in the head
    on_post_build       let go of the build state
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from . import literal_headings, newsletter
from .articles import (
    ARTICLE_MARKERS,
    Article,
    FrontMatterCache,
    Person,
    Vocabulary,
    is_article,
    read_article,
)
from .companies import CompanyRegistry
from .config import (
    AICommentaryConfig,
    apply_language,
    check_config,
    index_sections,
    registered_companies,
    related_options,
    signup_placement,
    site_language,
)
from .excerpts import excerpt
from .head_text import repair_head
from .i18n import Labels
from .index_files import IndexFiles
from .index_kinds import ARCHIVE, NAV_ORDER
from .links import TermPages, absolute_url
from .markers import HEADER, INDEX, LATEST, NEWSLETTER, RELATED, Slots
from .material_blog import EXCERPT_TITLE_LEVEL, Blog, Blogs, find_blogs
from .placement import (
    fill_slots,
    head_of,
    holds_marker,
    insert_after_title,
    insert_into_head,
    place_at_marker,
    place_slot,
    remove_markers,
    slot_at_marker,
)
from .related import Related, TextCache, rank, resolve_pins
from .render import STYLESHEET, TEMPLATES_DIR, CompiledTemplates, Renderer
from .sharing import missing_from, open_graph
from .site_files import SiteFiles
from .structured_data import article_data, script_json
from .taxonomy import Taxonomy, crowded_posts

log = get_plugin_logger(__name__)

Box = Callable[[], str]
"""A box (a listing, the header, related posts, the signup block) as it waits for its slot:
rendered in ``on_post_page``, where an empty result leaves nothing behind."""

_MENTIONS_MARKER = re.compile(rf"^({'|'.join(ARTICLE_MARKERS)})\s*:", re.MULTILINE | re.IGNORECASE)


@dataclass
class BuildState:
    """What one build knows, in the order the events learn it."""

    labels: Labels
    """Every word the plugin writes, in the site's language (on_config)."""
    signup: newsletter.SignupForm | None
    """The signup form the options describe (on_config)."""
    privacy_target: str | None
    slots: Slots = field(default_factory=Slots)
    """The comments that hold the boxes' places in this build's pages (a token of its own)."""
    blogs: Blogs = field(default_factory=Blogs)
    """Material's blog plugins and what they decide (on_files, early)."""
    registry: CompanyRegistry = field(default_factory=CompanyRegistry)
    articles: dict[str, Article] = field(default_factory=dict)
    """Every post by source path, drafts included (on_files, early)."""
    site: SiteFiles | None = None
    """Where pages are written (on_files, late; asked from then on, answers change until
    on_nav is over)."""
    renderer: Renderer | None = None
    index_files: IndexFiles | None = None
    """Planned in on_files (late) for every post that may be published, narrowed in on_nav."""
    published: dict[str, Article] = field(default_factory=dict)
    """The posts MkDocs writes in this build (on_nav): listed, ranked and fed."""
    related: dict[str, tuple[Related, ...]] = field(default_factory=dict)
    """Per published post: its related posts, ranked once (on_nav)."""
    boxes: dict[str, dict[str, Box]] = field(default_factory=dict)
    """Per page: the boxes waiting for their slots (on_page_content, rendered and emptied in
    on_post_page, so no build holds every page's boxes at once)."""


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
        self.state: BuildState | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Having this hook keeps one plugin object across ``mkdocs serve`` rebuilds.

        Caches keyed by content (such as text vectors) then survive a rebuild, while everything
        that describes the site itself is made anew in ``on_config``.
        """

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Settle the site's language, check the options and make a fresh :class:`BuildState`."""
        labels, note = apply_language(self.config, config.theme)
        if note:  # A theme in a language without translations has always built quietly.
            log.log(logging.WARNING if self.config.language else logging.INFO, note)
        signup = check_config(self.config)
        privacy_url = self.config.newsletter.privacy_url if self.config.newsletter else None
        self.state = BuildState(
            labels=labels,
            signup=signup,
            privacy_target=newsletter.privacy_target(privacy_url, config.use_directory_urls)
            if signup is not None and privacy_url
            else None,
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
        """Leaves ``articles`` (every post, drafts marked) and ``blogs``.

        A post Material's blog owns keeps the inclusion the blog gives it; the plugin's own
        drafts are marked so MkDocs leaves them out of builds and shows them under serve.
        """
        state = self._state()
        state.blogs, problems = find_blogs(config.plugins.values(), config.docs_dir)
        for problem in problems:
            log.warning(problem)
        state.registry = CompanyRegistry(registered_companies(self.config))
        outside_blogs = Vocabulary(
            stances=self.config.stances,
            companies=state.registry,
            warn_unknown_companies=self.config.warn_unknown_companies,
            topic_fields=tuple(self.config.topics_from),
        )
        in_blog = {  # Each blog's posts name authors by the keys of its own authors file.
            blog.post_dir: replace(
                outside_blogs, authors=blog.authors, authors_file=blog.authors_file
            )
            for blog in state.blogs.blogs
        }
        pages = files.documentation_pages()
        for file in pages:
            blog = state.blogs.owner(file.src_uri)
            vocabulary = in_blog[blog.post_dir] if blog is not None else outside_blogs
            article = self._read_article(file, vocabulary, blog, state.blogs.now)
            if article is None:
                continue
            state.articles[file.src_uri] = article
            if blog is not None:
                continue  # The blog decides what is a draft and what is in the nav.
            if article.draft:
                file.inclusion = InclusionLevel.DRAFT
            elif not self.config.articles_in_nav and file.inclusion.is_in_nav():
                file.inclusion = InclusionLevel.NOT_IN_NAV
        self.front_matter.retain(file.src_uri for file in pages)
        return files

    def _read_article(
        self, file: File, vocabulary: Vocabulary, blog: Blog | None, now: datetime
    ) -> Article | None:
        """The post ``file`` holds, None for any other page; ``blog`` is the Material blog
        that owns it, judging drafts by its rules at the moment ``now``."""
        try:
            text = file.content_string
        except (OSError, UnicodeDecodeError):
            return None  # MkDocs reports unreadable pages itself when it renders them.
        front_matter = self.front_matter.split(file.src_uri, text)
        patterns = self.config.articles
        if front_matter.problem is not None:
            # Broken YAML on a page that looks like a post deserves a warning.
            matched = blog is not None or is_article(file.src_uri, {}, patterns)
            if matched or _MENTIONS_MARKER.search(text):
                log.warning(str(front_matter.problem))
            if not matched:
                return None
        elif not (
            is_article(file.src_uri, front_matter.meta, patterns)
            or (blog is not None and not patterns)
        ):
            return None
        article, problems = read_article(file.src_uri, front_matter, vocabulary)
        for problem in problems:
            log.warning(str(problem))
        if blog is not None:  # The blog decides what is a draft on its pages, by its rules.
            draft = blog.is_draft(front_matter.meta.get("draft"), article.date, now)
            article = replace(article, draft=draft)
        return article

    @event_priority(-100)  # After Material's blog (-50) has moved its posts.
    def _generate_pages(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Reads ``articles``; leaves ``site``, ``renderer`` and ``index_files``.

        Pages are generated for every post that is not a draft; ``on_nav`` takes back those
        that list only posts another plugin left out.
        """
        state = self._state()
        state.site = site = SiteFiles(files)
        if state.signup is not None and self.config.newsletter is not None:
            problem = newsletter.missing_privacy_page(
                self.config.newsletter.privacy_url, lambda src: site.written(src) is not None
            )
            if problem:
                log.warning(problem)
        taxonomy = Taxonomy(state.articles.values(), self.config.stances)
        for warning in crowded_posts(state.articles.values()):
            log.warning(warning)
        sections = index_sections(self.config)
        state.renderer = Renderer(
            config.theme.dirs,
            taxonomy,
            TermPages.for_sections(sections, lambda src: _url(site.served_at(src))),
            site.url,
            self.config.date_format,
            state.labels,
            self.compiled_templates,
        )
        state.index_files = IndexFiles.generate(
            files,
            config,
            [article for article in state.articles.values() if not article.draft],
            taxonomy,
            sections,
            self.config.index,
            self.config.site_feed,
            self.config.stances,
            self._nav_kinds(),
            state.labels,
        )
        return files

    def _posts_folder(self, config: MkDocsConfig, published: Mapping[str, Article]) -> str | None:
        """The top-level folder most posts live in, when the automatic nav would have listed
        them there and the archive takes their place (``articles_in_nav: false``, no ``nav:``)."""
        if self.config.articles_in_nav or config.nav is not None:
            return None
        folders = Counter(src.split("/")[0] for src in published if "/" in src)
        return folders.most_common(1)[0][0] if folders else None

    def _nav_kinds(self) -> tuple[str, ...]:
        """The kinds of index page the plugin puts into the nav itself."""
        if self.config.index.nav:
            return NAV_ORDER
        return () if self.config.articles_in_nav else (ARCHIVE.name,)

    on_files = CombinedEvent(_read_posts, _generate_pages)

    @event_priority(-100)  # After Material's blog (-50) has settled which posts it publishes.
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Reads ``articles`` and ``site``; leaves ``published``, the narrowed ``index_files``
        and ``related``."""
        state = self._state()
        site = state.site or SiteFiles(files)
        state.published = {
            src: article
            for src, article in state.articles.items()
            if not article.draft and site.written(src) is not None
        }
        if state.index_files is not None:
            state.index_files.publish(state.published.values(), files)
            if self._nav_kinds():
                state.index_files.extend_nav(
                    nav, files, self._nav_kinds(), self._posts_folder(config, state.published)
                )
        if self.config.related.enabled and state.published:
            pins, problems = resolve_pins(state.articles.values())
            for problem in problems:
                log.warning(str(problem))
            # Drafts get a box for their preview under serve; the ranking never recommends one.
            ranked = [a for src, a in state.articles.items() if a.draft or src in state.published]
            state.related = rank(ranked, related_options(self.config), pins, self.text_cache)
        return nav

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Reads ``articles``, ``index_files``, ``related`` and the signup form; leaves listings,
        the header and the boxes, still to be rendered, in ``boxes`` and their slots in the page,
        where search does not index them (it finds the posts themselves), and a post's summary
        as its meta description."""
        state = self._state()
        if state.renderer is None or state.index_files is None:
            return html
        src = page.file.src_uri
        html = self._listings(html, page, state.index_files, state.renderer)
        article = state.articles.get(src)
        if article is not None and self.config.sharing and not page.meta.get("description"):
            page.meta["description"] = excerpt(article)  # Themes write it as meta description.
        if article is not None and self.config.header:
            # Through a slot, so search shows the article's first words, not its header.
            theme_shows_date = state.blogs.owner(src) is not None
            header = partial(state.renderer.article_header, article, page.url, theme_shows_date)
            self._keep_box(page, HEADER, header)
            html = insert_after_title(html, state.slots.slot(HEADER))
        related = None
        entries = state.related.get(src, ()) if article is not None else ()
        if entries:
            options = self.config.related
            related = partial(
                state.renderer.related_box,
                entries,
                page.url,
                options.heading,
                options.counterpoint_label,
            )
        html = self._place_box(html, page, RELATED, related, self.config.related.placement)
        signup = self._signup_block(page, files, marked=holds_marker(html, NEWSLETTER))
        return self._place_box(html, page, NEWSLETTER, signup, *signup_placement(self.config))

    def _listings(self, html: str, page: Page, index_files: IndexFiles, renderer: Renderer) -> str:
        """Slots for an index page's charts and listing at its marker (or after the author's
        text), and for the newest posts at a ``latest`` marker on any page."""
        src = page.file.src_uri
        slots = self._state().slots
        if index_files.is_index_page(src):
            self._keep_box(page, INDEX, partial(index_files.content, src, page.url, renderer))
            html = slot_at_marker(html, slots, INDEX, append=True)
        elif holds_marker(html, INDEX):
            log.warning(
                f"{src}: the <!-- aicommentary:{INDEX} --> marker only works on topic, company, "
                f"stance and archive pages; for the newest posts on any page, write "
                f"<!-- aicommentary:{LATEST} -->."
            )
            html = remove_markers(html, INDEX)
        html, latest = place_at_marker(html, slots, LATEST)
        if latest:
            count = self.config.latest.count
            self._keep_box(page, LATEST, partial(index_files.latest, page.url, count, renderer))
        return html

    def _signup_block(self, page: Page, files: Files, *, marked: bool) -> Box | None:
        state = self._state()
        options = self.config.newsletter
        if state.signup is None or state.renderer is None or options is None:
            return None
        meta: Mapping[str, Any] = page.meta
        first = state.index_files.first_page(page.file.src_uri) if state.index_files else None
        if first is not None:  # Page 2, 3... of a listing: page 1's front matter decides.
            meta = self._front_matter(files, first)
        wanted, problem = newsletter.page_wants_block(
            page.file.src_uri,
            meta,
            is_article=page.file.src_uri in state.articles,
            articles=options.articles,
            is_index_page=state.index_files is not None
            and state.index_files.is_index_page(page.file.src_uri),
            index_pages=options.index_pages,
            patterns=options.pages,
            marked=marked,
        )
        if problem and first is None:  # Page 1 reports its own front matter.
            log.warning(problem)
        if not wanted:
            return None
        return partial(
            state.renderer.newsletter_block, state.signup, options, page.url, state.privacy_target
        )

    def _front_matter(self, files: Files, src_path: str) -> Mapping[str, Any]:
        """The front matter of another page (read once, like every page's, in ``on_files``);
        empty when it has none or cannot be read."""
        file = files.get_file_from_path(src_path)
        try:
            return self.front_matter.split(src_path, file.content_string).meta if file else {}
        except (OSError, UnicodeDecodeError):
            return {}

    def _place_box(
        self, html: str, page: Page, name: str, box: Box | None, placement: str, paragraph: int = 3
    ) -> str:
        """A slot for ``box`` where the author's marker or the options put it; none without."""
        if box is None:
            return remove_markers(html, name)
        self._keep_box(page, name, box)
        return place_slot(html, self._state().slots, name, placement, paragraph)

    def _keep_box(self, page: Page, name: str, box: Box) -> None:
        self._state().boxes.setdefault(page.file.src_uri, {})[name] = box

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Reads ``index_files``, ``site`` and every post's rendered content; leaves the feed
        files' content."""
        state = self._state()
        site = state.site
        if state.index_files is None or site is None:
            return env

        def content_of(src_path: str) -> str | None:
            file = site.written(src_path)
            content = file.page.content if file is not None and file.page is not None else None
            return fill_slots(content, state.slots, {}) if content is not None else None

        language = site_language(self.config, config.theme)
        state.index_files.write_feeds(site, config, content_of, language)
        return env

    @event_priority(-110)  # After Material's blog (-100) has rendered its excerpts.
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Reads ``articles``; puts each post's stance badge into the excerpts that Material's
        blog index, archive and category pages show (``context["posts"]``)."""
        state = self._state()
        if state.renderer is None or not self.config.header:
            return context
        for shown in context.get("posts") or ():  # type: ignore[attr-defined]
            post = getattr(shown, "post", None)
            article = state.articles.get(post.file.src_uri) if post is not None else None
            if article is not None and isinstance(getattr(shown, "content", None), str):
                header = state.renderer.article_header(article, page.url, theme_shows_date=True)
                shown.content = insert_after_title(shown.content, header, EXCERPT_TITLE_LEVEL)
        return context

    @event_priority(100)  # First, before a minifier that drops HTML comments takes the slots.
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Reads ``boxes`` (emptied here), ``index_files``' feed links and ``published``.

        Runs for every page: whatever its title and description, from the plugin or the
        author, the head holds them as text on every theme."""
        state = self._state()
        src = page.file.src_uri
        boxes = state.boxes.pop(src, {})
        output = fill_slots(output, state.slots, {name: render() for name, render in boxes.items()})
        output = repair_head(
            output,
            titles=(page.meta.get("title"), page.title),
            descriptions=(page.meta.get("description"), config.site_description),
        )
        if state.renderer is None:
            return output
        feeds = []
        if state.index_files is not None:
            feeds = [*state.index_files.site_feed_links, *state.index_files.feed_links.get(src, [])]
        article = state.articles.get(src)
        json_ld, meta = None, []
        if article is not None:
            url = absolute_url(config.site_url, page.url) if config.site_url else None
            authors = article.authors or (
                (Person(config.site_author),) if config.site_author else ()
            )
            description = excerpt(article)
            person_url = state.renderer.person_url
            if self.config.structured_data.enabled:
                json_ld = script_json(
                    article_data(
                        article,
                        schema_type=self.config.structured_data.type,
                        site_name=config.site_name,
                        url=url,
                        default_authors=authors,
                        taxonomy=state.renderer.taxonomy,
                        company_url=state.registry.url,
                        description=description or None,
                        author_page=lambda person: _absolute(config.site_url, person_url(person)),
                    )
                )
            if self.config.sharing:
                tags = open_graph(
                    article,
                    url=url,
                    site_name=config.site_name,
                    description=description,
                    authors=authors,
                    tags=state.renderer.taxonomy.categories(article),
                )
                meta = missing_from(head_of(output), tags)
        head = state.renderer.head(feeds, json_ld, meta)
        return insert_into_head(output, head) if head else output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Lets go of the build state: under ``mkdocs serve`` it would keep the last build's
        pages alive, and every garbage collection of the next build would walk them."""
        self.state = None

    def _state(self) -> BuildState:
        assert self.state is not None, "on_config makes the build state before any other event"
        return self.state


def _absolute(site_url: str | None, url: str | None) -> str | None:
    """A site-relative URL under ``site_url``; None without either."""
    return absolute_url(site_url, url) if site_url and url is not None else None


def _url(file: File | None) -> str | None:
    return file.url if file is not None else None
