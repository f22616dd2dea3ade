"""What a publication is, decided once per build: which pages are posts, which of them are
published, what goes into each post's head, who gets the signup block, and where its posts sit.

Plain data in and out, no MkDocs: the plugin (:mod:`..plugin`) reads what MkDocs knows into these
calls and writes their answers back (a page's inclusion, its head, its boxes). Each decision is
made here once and passed on: what is published is settled in :meth:`Publication.publish`, and
listings, rankings and feeds take that set as it is. Problems come back as text for the plugin
to log, so a ``--strict`` build still decides about them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..features import newsletter
from ..features.excerpts import excerpt
from ..features.related.pins import resolve_pins
from ..features.related.ranking import Related, RelatedOptions, rank
from ..features.related.words import TextCache
from ..features.sharing import MetaTag, image_tags, missing_from, open_graph
from ..features.structured_data import article_data, script_json
from ..html.links import absolute_url, is_absolute
from ..html.placement import head_of
from ..model.articles import Article, Person, Vocabulary
from ..model.companies import CompanyRegistry
from ..model.front_matter import ARTICLE_MARKERS, FrontMatterCache, is_article
from ..model.front_matter import read_article as read_front_matter
from ..model.images import PageImage
from ..model.index_kinds import ARCHIVE, NAV_ORDER
from ..model.material_blog import Blog, Blogs
from ..model.taxonomy import Taxonomy

_MENTIONS_MARKER = re.compile(rf"^({'|'.join(ARTICLE_MARKERS)})\s*:", re.MULTILINE | re.IGNORECASE)

DRAFT, NOT_IN_NAV = "draft", "not in nav"
"""What :meth:`Publication.read_posts` asks of a post's page (MkDocs' inclusion levels)."""


@dataclass(frozen=True)
class SignupRules:
    """Which pages the ``newsletter`` options give the signup block."""

    articles: bool = True
    index_pages: bool = False
    pages: tuple[str, ...] = ()


@dataclass(frozen=True)
class PublicationOptions:
    """The plugin's options and the site's settings a publication's decisions depend on."""

    patterns: tuple[str, ...] = ()
    """The ``articles`` option: glob patterns of posts' source paths."""
    articles_in_nav: bool = True
    index_nav: bool = False
    """The ``index.nav`` option: every index kind in the nav, not only the archive."""
    sharing: bool = True
    structured_data: bool = True
    schema_type: str = "Article"
    related: RelatedOptions | None = None
    """None: no related boxes."""
    signup: SignupRules | None = None
    """None: the site has no signup form."""
    language: str | None = None
    """The site's language as written (``de_DE``): the plugin's option, else the theme's."""
    site_name: str = ""
    site_url: str | None = None
    site_author: str | None = None
    has_nav: bool = False
    """Whether ``mkdocs.yml`` has a ``nav:`` of its own."""


@dataclass
class Publication:
    """One build's posts and the decisions about them."""

    options: PublicationOptions
    blogs: Blogs = field(default_factory=Blogs)
    """Material's blog plugins, which own their posts' drafts and nav."""
    registry: CompanyRegistry = field(default_factory=CompanyRegistry)
    articles: dict[str, Article] = field(default_factory=dict)
    """Every post by source path, drafts included (as :meth:`read` finds them)."""
    published: dict[str, Article] = field(default_factory=dict)
    """The posts the site writes (:meth:`publish`): listed, ranked and fed."""

    def read_posts(
        self,
        pages: Iterable[tuple[str, str | None, bool]],
        outside_blogs: Vocabulary,
        front_matter: FrontMatterCache,
    ) -> tuple[dict[str, str], list[str]]:
        """Read every page (source path, text or None when unreadable, whether it is in the
        nav) and keep the posts. Returns what some pages' inclusion becomes (:data:`DRAFT`,
        :data:`NOT_IN_NAV`) and the problems found, in page order.

        In a blog's post folder, authors are named by the keys of that blog's own authors
        file; the blog decides its posts' drafts and their place in the nav."""
        in_blog = {
            blog.post_dir: replace(
                outside_blogs, authors=blog.authors, authors_file=blog.authors_file
            )
            for blog in self.blogs.blogs
        }
        inclusions: dict[str, str] = {}
        problems: list[str] = []
        for src_path, text, in_nav in pages:
            if text is None:
                continue  # MkDocs reports unreadable pages itself when it renders them.
            blog = self.blogs.owner(src_path)
            vocabulary = in_blog[blog.post_dir] if blog is not None else outside_blogs
            article = self._post(src_path, text, vocabulary, blog, front_matter, problems)
            if article is None:
                continue
            self.articles[src_path] = article
            if blog is not None:
                continue
            if article.draft:
                inclusions[src_path] = DRAFT
            elif not self.options.articles_in_nav and in_nav:
                inclusions[src_path] = NOT_IN_NAV
        return inclusions, problems

    def _post(
        self,
        src_path: str,
        text: str,
        vocabulary: Vocabulary,
        blog: Blog | None,
        front_matter_cache: FrontMatterCache,
        problems: list[str],
    ) -> Article | None:
        """The post the page holds, None for any other page; a Material blog that owns it
        judges its drafts by its rules."""
        front_matter = front_matter_cache.split(src_path, text)
        patterns = self.options.patterns
        if front_matter.problem is not None:
            # Broken YAML on a page that looks like a post deserves a warning.
            matched = blog is not None or is_article(src_path, {}, patterns)
            if matched or _MENTIONS_MARKER.search(text):
                problems.append(str(front_matter.problem))
            if not matched:
                return None
        elif not (
            is_article(src_path, front_matter.meta, patterns) or (blog is not None and not patterns)
        ):
            return None
        article, found = read_front_matter(src_path, front_matter, vocabulary)
        problems.extend(str(problem) for problem in found)
        if blog is not None:  # The blog decides what is a draft on its pages, by its rules.
            draft = blog.is_draft(front_matter.meta.get("draft"), article.date, self.blogs.now)
            article = replace(article, draft=draft)
        return article

    def candidates(self) -> list[Article]:
        """Every post that may be published: index pages and feeds are planned for these
        before other plugins have said which pages they leave out."""
        return [article for article in self.articles.values() if not article.draft]

    def publish(self, written: Callable[[str], bool]) -> dict[str, Article]:
        """Settle which posts are published: no drafts, and only those the site writes
        (``written(src_path)``, once every plugin has had its say)."""
        self.published = {
            src: article
            for src, article in self.articles.items()
            if not article.draft and written(src)
        }
        return self.published

    def ranked(self) -> list[Article]:
        """The posts that get a related box: the published ones, and drafts for their preview
        under serve (the ranking never recommends a draft)."""
        return [a for src, a in self.articles.items() if a.draft or src in self.published]

    def related(self, cache: TextCache) -> tuple[dict[str, tuple[Related, ...]], list[str]]:
        """Each post's related posts, ranked once (none with ``related`` switched off or
        nothing published), and the problems with the posts' pins."""
        if self.options.related is None or not self.published:
            return {}, []
        pins, problems = resolve_pins(self.articles.values())
        ranked = rank(self.ranked(), self.options.related, pins, cache)
        return ranked, [str(problem) for problem in problems]

    def nav_kinds(self) -> tuple[str, ...]:
        """The kinds of index page the plugin puts into the nav itself."""
        if self.options.index_nav:
            return NAV_ORDER
        return () if self.options.articles_in_nav else (ARCHIVE.name,)

    def posts_folder(self) -> str | None:
        """The top-level folder most posts live in, when the automatic nav would have listed
        them there and the archive takes their place (``articles_in_nav: false``, no ``nav:``)."""
        if self.options.articles_in_nav or self.options.has_nav:
            return None
        folders = Counter(src.split("/")[0] for src in self.published if "/" in src)
        return folders.most_common(1)[0][0] if folders else None

    def description(self, src_path: str, meta: Mapping[str, Any]) -> str | None:
        """The meta description a post gets when sharing is on and the author wrote none:
        its summary."""
        article = self.articles.get(src_path)
        if article is None or not self.options.sharing or meta.get("description"):
            return None
        return excerpt(article)

    def head(
        self,
        src_path: str,
        page_url: str,
        taxonomy: Taxonomy,
        page: str,
        person_url: Callable[[Person], str | None] = lambda person: None,
        image: PageImage | None = None,
    ) -> tuple[str | None, list[MetaTag]]:
        """A post's JSON-LD (script-safe) and the sharing tags the head of ``page`` (its HTML
        as the theme wrote it) lacks; nothing for other pages. Posts without authors are by
        the site's author; an author without a URL of their own is at ``person_url`` (a
        site-relative URL of their page here), when the site has one. Any page with an
        ``image`` gets its sharing tags (an index page only those)."""
        options = self.options
        shared = _shared_image(options.site_url, image) if options.sharing else None
        article = self.articles.get(src_path)
        if article is None:
            return None, missing_from(head_of(page), image_tags(shared)) if shared else []
        url = _absolute(options.site_url, page_url)
        authors = article.authors or ((Person(options.site_author),) if options.site_author else ())
        description = excerpt(article)
        json_ld = None
        if options.structured_data:
            json_ld = script_json(
                article_data(
                    article,
                    schema_type=options.schema_type,
                    site_name=options.site_name,
                    url=url,
                    default_authors=authors,
                    taxonomy=taxonomy,
                    company_url=self.registry.url,
                    description=description or None,
                    author_page=lambda person: _absolute(options.site_url, person_url(person)),
                )
            )
        meta: list[MetaTag] = []
        if options.sharing:
            tags = open_graph(
                article,
                url=url,
                site_name=options.site_name,
                description=description,
                authors=authors,
                tags=taxonomy.categories(article),
                image=shared,
            )
            meta = missing_from(head_of(page), tags)
        return json_ld, meta

    def wants_signup(
        self,
        src_path: str,
        meta: Mapping[str, Any],
        *,
        marked: bool,
        is_index_page: bool,
        first_page: str | None,
        front_matter_of: Callable[[str], Mapping[str, Any]],
    ) -> tuple[bool, str | None]:
        """Whether the page gets the signup block, and a problem with its front matter to
        report. On page 2, 3... of a listing (``first_page`` the source of page 1), page 1's
        front matter decides, and page 1 reports its own problems."""
        rules = self.options.signup
        if rules is None:
            return False, None
        if first_page is not None:
            meta = front_matter_of(first_page)
        wanted, problem = newsletter.page_wants_block(
            src_path,
            meta,
            is_article=src_path in self.articles,
            articles=rules.articles,
            is_index_page=is_index_page,
            index_pages=rules.index_pages,
            patterns=rules.pages,
            marked=marked,
        )
        return wanted, problem if first_page is None else None


def _shared_image(site_url: str | None, image: PageImage | None) -> PageImage | None:
    """``image`` at its absolute URL, as Open Graph wants it; None without ``site_url``."""
    if image is None or is_absolute(image.url):
        return image
    url = _absolute(site_url, image.url)
    return replace(image, url=url) if url else None


def _absolute(site_url: str | None, url: str | None) -> str | None:
    """A site-relative URL under ``site_url``; None without either."""
    return absolute_url(site_url, url) if site_url and url is not None else None
