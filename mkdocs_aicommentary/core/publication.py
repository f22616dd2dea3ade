"""What a publication is, decided once per build: which pages are posts, which of them are
published, what goes into each post's head, which image stands for each post, how long it takes
to read, who gets the signup block, and where its posts sit.

Plain data in and out, no MkDocs: the plugin (:mod:`..plugin`) reads what MkDocs knows into these
calls and writes their answers back (a page's inclusion, its head, its boxes). Each decision is
made here once and passed on: what is published is settled in :meth:`Publication.publish`, and
listings, rankings and feeds take that set as it is. Problems come back as text for the plugin
to log, so a ``--strict`` build still decides about them.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..features import newsletter
from ..features.excerpts import excerpt, first_paragraph
from ..features.reading_time import ReadingSpeed, reading_minutes
from ..features.related.pins import resolve_pins
from ..features.related.ranking import Related, RelatedOptions, rank
from ..features.related.words import TextCache
from ..features.sharing import MetaTag, image_tags, missing_from, open_graph
from ..features.structured_data import Publisher, article_data, collection_data, script_json
from ..html.links import absolute_image, absolute_url, is_absolute
from ..html.placement import head_of
from ..model.articles import (
    Article,
    BodyDigest,
    Person,
    Problem,
    Vocabulary,
    title_from_body,
)
from ..model.companies import CompanyRegistry
from ..model.front_matter import ARTICLE_MARKERS, FrontMatterCache, is_article
from ..model.front_matter import read_article as read_front_matter
from ..model.images import PageImage
from ..model.index_kinds import ARCHIVE, NAV_ORDER
from ..model.material_blog import Blog, Blogs
from ..model.neighbours import Neighbours
from ..model.slugs import name_key
from ..model.taxonomy import Taxonomy
from .index_plan import PlannedPage

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
    schema_type: str = "OpinionNewsArticle"
    """The JSON-LD type of a post that takes a stance: commentary."""
    schema_type_without_stance: str = "BlogPosting"
    """The JSON-LD type of a post that takes none (a tutorial, a notice)."""
    site_author_type: str = "Person"
    """What ``site_author`` is in JSON-LD: a ``Person`` or an ``Organization``."""
    logo: str | None = None
    """The publisher's logo, a URL or a site path (``assets/logo.png``)."""
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
    reading_speed: ReadingSpeed | None = None
    """The ``reading_time`` options; None: no reading times."""
    header_topics: str = "auto"
    """The ``header_topics`` option: ``auto`` (the topics the theme does not show already),
    ``all`` or ``none``."""
    neighbours: Neighbours = field(default_factory=Neighbours)
    """The plugins beside this one that show or write some of what it would."""


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
    own_images: dict[str, PageImage] = field(default_factory=dict)
    """Each post's lead image as its front matter names it, found on the site."""
    default_image: PageImage | None = None
    """The ``images.default`` option's image, for posts without one of their own."""
    made_images: Mapping[str, PageImage] = field(default_factory=dict)
    """The images made for pages, by source path: the social cards of posts without a
    shareable image of their own and of index pages (on_env). What :meth:`image` falls back
    to before the site's default, for every consumer at once."""
    _minutes: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    """Each post's reading time, counted once a build."""

    def read_posts(
        self,
        pages: Iterable[tuple[str, str | None, bool]],
        outside_blogs: Vocabulary,
        front_matter: FrontMatterCache,
    ) -> tuple[dict[str, str], list[Problem]]:
        """Read every page (source path, text or None when unreadable, whether it is in the
        nav) and keep the posts. Returns what some pages' inclusion becomes (:data:`DRAFT`,
        :data:`NOT_IN_NAV`) and the problems found, in page order.

        In a blog's post folder, authors are named by the keys of that blog's own authors
        file, and categories by the names the blog shows them under; the blog decides its
        posts' drafts and their place in the nav."""
        pages = list(pages)
        self.blogs = self.blogs.with_category_titles(self._category_titles(pages, front_matter))
        in_blog = {
            blog.post_dir: replace(
                outside_blogs,
                authors=blog.authors,
                authors_file=blog.authors_file,
                shown_as={"categories": blog.category_name},
            )
            for blog in self.blogs.blogs
        }
        inclusions: dict[str, str] = {}
        problems: list[Problem] = []
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

    def _category_titles(
        self, pages: Iterable[tuple[str, str | None, bool]], front_matter: FrontMatterCache
    ) -> dict[str, str]:
        """The titles of the pages the site wrote where its blogs show categories."""
        folders = self.blogs.category_folders()
        titles = {}
        for src_path, text, _ in pages:
            if text is None or posixpath.dirname(src_path) not in folders:
                continue
            page = front_matter.split(src_path, text)
            title = page.meta.get("title")
            title = title if isinstance(title, str) and title.strip() else None
            if title := title or title_from_body(page.body):
                titles[src_path] = title
        return titles

    def _post(
        self,
        src_path: str,
        text: str,
        vocabulary: Vocabulary,
        blog: Blog | None,
        front_matter_cache: FrontMatterCache,
        problems: list[Problem],
    ) -> Article | None:
        """The post the page holds, None for any other page; a Material blog that owns it
        judges its drafts by its rules."""
        front_matter = front_matter_cache.split(src_path, text)
        patterns = self.options.patterns
        if front_matter.problem is not None:
            # Broken YAML on a page that looks like a post deserves a warning.
            matched = blog is not None or is_article(src_path, {}, patterns)
            if matched or _MENTIONS_MARKER.search(text):
                problems.append(front_matter.problem)
            if not matched:
                return None
        elif not (
            is_article(src_path, front_matter.meta, patterns) or (blog is not None and not patterns)
        ):
            return None
        article, found = read_front_matter(src_path, front_matter, vocabulary)
        problems.extend(found)
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
        pins, problems = self.pins()
        ranked = rank(self.ranked(), self.options.related, pins, cache)
        return ranked, [str(problem) for problem in problems]

    def let_go_of_bodies(
        self, ranking: Mapping[str, tuple[Related, ...]]
    ) -> dict[str, tuple[Related, ...]]:
        """Put each post's :class:`BodyDigest` in place of its Markdown body, once the related
        posts are ranked (the last reader of whole bodies), and count its reading time now;
        returns ``ranking`` with the posts so replaced. MkDocs holds its own copy of every
        page's Markdown to the end of the build: the plugin's would be a second (about 5 MiB
        for each 1,000 posts). Index pages are planned after this, with the new posts."""
        speed = self.options.reading_speed
        for src_path, article in self.articles.items():
            if article.digest is not None:
                continue
            if speed is not None and not article.readtime and src_path not in self._minutes:
                self._minutes[src_path] = reading_minutes(article.body, speed)
            digest = BodyDigest(
                first_paragraph(article.body),
                title_from_body(article.body),
                article.names_own_image,
            )
            self.articles[src_path] = replace(article, body="", digest=digest)
        self.published = {src_path: self.articles[src_path] for src_path in self.published}
        return {
            src_path: tuple(replace(r, article=self.articles[r.article.src_path]) for r in shown)
            for src_path, shown in ranking.items()
        }

    def pins(self) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
        """The posts each post's front matter pins first in its related box, and the pins
        that lead to no public post (none while related boxes are off)."""
        if self.options.related is None:
            return {}, []
        return resolve_pins(self.articles.values())

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

    def topics_left_out(
        self, src_path: str, meta: Mapping[str, Any], *, tag_chips: bool = True
    ) -> frozenset[str]:
        """The topics (name keys) a post's header leaves out because the page shows them
        already: under ``header_topics: auto``, those Material's tags plugin draws as chips
        above the title (``tag_chips``: not on the blog's excerpts, which have none) and the
        categories its blog names beside a post; every topic under ``none``."""
        article = self.articles.get(src_path)
        mode = self.options.header_topics
        if article is None or mode == "all":
            return frozenset()
        if mode == "none":
            return frozenset(name_key(topic) for topic in article.topics)
        shown: list[str] = []
        tag_field = self.options.neighbours.tag_field
        if tag_chips and tag_field is not None and "tags" not in _names(meta.get("hide")):
            shown += _names(meta.get(tag_field))  # Material hides them with ``hide: [tags]``.
        blog = self.blogs.owner(src_path)
        if blog is not None and blog.category_page is not None:
            shown += [blog.category_name(name) for name in _names(meta.get("categories"))]
        return frozenset(name_key(name) for name in shown)

    def every_post_page(self, src_path: str) -> str | None:
        """Where the newest posts on the page ``src_path`` link "All articles" when the
        plugin's archive is off or taken: the index of Material's blog, unless that is the
        page itself."""
        index = self.blogs.index_page()
        return index if index != src_path else None

    def description(self, src_path: str, meta: Mapping[str, Any]) -> str | None:
        """The meta description a post gets when sharing is on and the author wrote none:
        its summary."""
        article = self.articles.get(src_path)
        if article is None or not self.options.sharing or meta.get("description"):
            return None
        return excerpt(article)

    def image(self, src_path: str, *, shared: bool = False) -> PageImage | None:
        """The image that stands for a page in its head, JSON-LD and feeds (:func:`page_image`):
        a post's own, else the card made for the page, else, for a post, the site's default;
        ``shared`` passes over SVG images, which link previews (``og:image``) do not show.
        Listings and "Read next" show a post's own image alone (``own_images``)."""
        own = self.own_images.get(src_path)
        site_default = self.default_image if src_path in self.articles else None
        if shared:
            own, site_default = _shareable(own), _shareable(site_default)
        return page_image(own, self.made_images.get(src_path), site_default)

    def has_shareable_image(self, src_path: str) -> bool:
        """Whether a post has an image of its own that link previews show, which a generated
        card would only stand in for."""
        return _shareable(self.own_images.get(src_path)) is not None

    def lead_image(self, src_path: str) -> PageImage | None:
        """The image under a post's title: its own (never a card or the site's default, which
        only repeat the title or the logo), unless its text shows that file itself."""
        image = self.own_images.get(src_path)
        article = self.articles.get(src_path)
        if image is None or article is None or article.image is None:
            return None
        return None if article.names_own_image else image

    def reading_time(self, src_path: str, *, in_blog_view: bool = False) -> int | None:
        """Minutes to read a post, None where none is shown: with ``reading_time`` off, and
        where Material's blog shows its own beside the post (``in_blog_view``: its post page
        and its excerpts). The author's ``readtime`` wins, as it does in the blog."""
        article = self.articles.get(src_path)
        speed = self.options.reading_speed
        if article is None or speed is None:
            return None
        blog = self.blogs.owner(src_path) if in_blog_view else None
        if blog is not None and (blog.shows_readtime or article.readtime):
            return None
        if article.readtime:
            return article.readtime
        if src_path not in self._minutes:
            self._minutes[src_path] = reading_minutes(article.body, speed)
        return self._minutes[src_path]

    def head(
        self,
        src_path: str,
        page_url: str,
        taxonomy: Taxonomy,
        page: str,
        person_url: Callable[[Person], str | None] = lambda person: None,
    ) -> tuple[str | None, list[MetaTag]]:
        """A post's JSON-LD (script-safe) and the sharing tags the head of ``page`` (its HTML
        as the theme wrote it) lacks; nothing for other pages. Posts without authors are by
        the site's author; an author without a URL of their own is at ``person_url`` (a
        site-relative URL of their page here), when the site has one. Any page with an
        image (:meth:`image`) gets its sharing tags (an index page only those)."""
        options = self.options
        shared = None
        if options.sharing:
            shared = _absolute_image(options.site_url, self.image(src_path, shared=True))
        article = self.articles.get(src_path)
        if article is None:
            return None, missing_from(head_of(page), image_tags(shared)) if shared else []
        url = _absolute(options.site_url, page_url)
        authors = article.authors or ((Person(options.site_author),) if options.site_author else ())
        description = excerpt(article)
        image = _absolute_image(options.site_url, self.image(src_path))

        def author_page(person: Person) -> str | None:
            return _absolute(options.site_url, person_url(person))

        json_ld = None
        if options.structured_data:
            json_ld = script_json(
                article_data(
                    article,
                    schema_type=self.schema_type(article),
                    publisher=self.publisher(),
                    url=url,
                    default_authors=authors,
                    taxonomy=taxonomy,
                    company_url=self.registry.url,
                    description=description or None,
                    author_page=author_page,
                    image=image.url if image is not None else None,
                )
            )
        meta: list[MetaTag] = []
        if options.sharing:
            tags = open_graph(
                article,
                url=url,
                site_name=options.site_name,
                description=description,
                author_urls=[
                    found for person in authors if (found := person.url or author_page(person))
                ],
                tags=taxonomy.categories(article),
                image=shared,
            )
            meta = missing_from(head_of(page), tags)
        return json_ld, meta

    def schema_type(self, article: Article) -> str:
        """A post that takes a stance is commentary; one that takes none is not."""
        options = self.options
        return options.schema_type if article.stance else options.schema_type_without_stance

    def publisher(self) -> Publisher:
        """The site as the publisher JSON-LD names, its logo's URL absolute."""
        options, logo, site_url = self.options, self.options.logo, self.options.site_url
        return Publisher(
            name=options.site_name,
            url=_absolute(site_url, ""),
            # A path is in the site, as a theme's ``logo`` is, with or without its first "/".
            logo=logo if logo is None or "://" in logo else _absolute(site_url, logo.lstrip("/")),
            site_author_type=options.site_author_type,
        )

    def collection_head(
        self,
        page: PlannedPage,
        page_url: str,
        url_of: Callable[[str], str | None],
        overview: PlannedPage | None,
    ) -> str | None:
        """An index page's JSON-LD (script-safe): what it lists, posts or terms, and the way
        to it from the home page through its kind's overview; None without ``site_url`` (the
        URLs must be absolute) or with structured data switched off."""
        options = self.options
        url = _absolute(options.site_url, page_url)
        if not options.structured_data or url is None:
            return None

        def absolute(src_path: str) -> str | None:
            return _absolute(options.site_url, url_of(src_path))

        if page.is_overview:
            listed = [(term.term.name, absolute(term.src_path)) for term in page.terms]
        else:
            listed = [(article.title, absolute(article.src_path)) for article in page.entries]
        trail = [(options.site_name, _absolute(options.site_url, ""))]
        if overview is not None and overview.src_path != page.src_path:
            trail.append((overview.title, absolute(overview.src_path)))
        trail.append((page.title, url))
        return script_json(
            collection_data(
                name=page.title,
                url=url,
                items=[(name, found) for name, found in listed if found is not None],
                trail=[(name, found) for name, found in trail if found is not None and name],
                publisher=self.publisher(),
            )
        )

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


def page_image(*candidates: PageImage | None) -> PageImage | None:
    """The one rule for a page's image: the first there is of the author's own, the one made
    for it (a generated card) and the site's default."""
    return next((image for image in candidates if image is not None), None)


def _shareable(image: PageImage | None) -> PageImage | None:
    """``image`` unless it is an SVG, which Facebook, X, LinkedIn and chat apps do not show
    as a link's picture."""
    svg = image is not None and (
        image.media_type == "image/svg+xml" or image.url.lower().endswith((".svg", ".svgz"))
    )
    return None if svg else image


def _absolute_image(site_url: str | None, image: PageImage | None) -> PageImage | None:
    """``image`` at its absolute URL (:func:`..html.links.absolute_image`); a site-relative
    one is None without ``site_url``."""
    if image is None or is_absolute(image.url):
        return image
    return absolute_image(site_url, image) if site_url else None


def left_to_neighbours(asked: bool | None, covered: bool) -> bool | None:
    """An option as the site set it; left unset ("auto"), off where a plugin beside this one
    covers the same ground, else still unset (its own default applies)."""
    return False if asked is None and covered else asked


def _names(value: object) -> list[str]:
    """The names a front matter field lists (one name or a list), as text."""
    values = value if isinstance(value, list) else [value]
    return [str(name) for name in values if isinstance(name, (str, int, float))]


def _absolute(site_url: str | None, url: str | None) -> str | None:
    """A site-relative URL under ``site_url``; None without either."""
    return absolute_url(site_url, url) if site_url and url is not None else None
