"""The Jinja environment and the templates; the only place the plugin's HTML comes from.

Templates are looked up through the theme's folders (``custom_dir`` first, the plugin's own
``templates/`` last), so a site overrides ``aicommentary/<name>.html`` like any theme partial.
Autoescaping is on: whatever an author typed reaches the page as text, never as markup.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import NamedTuple

import jinja2
from markupsafe import Markup

from ..core.index_plan import PlannedPage, pager
from ..features.charts import BarChart, Timeline
from ..features.excerpts import excerpt
from ..features.feeds import DigestPost, FeedLink
from ..features.newsletter import SignupForm
from ..features.related.ranking import Related
from ..features.sharing import MetaTag
from ..i18n.language import ENGLISH, DateFormat, Labels
from ..model.articles import Article, Person
from ..model.images import PageImage
from ..model.index_kinds import ARCHIVE, AUTHORS, COMPANIES, STANCES, TOPICS, kind
from ..model.slugs import name_key
from ..model.taxonomy import TERMS_SHOWN, Taxonomy
from .links import TermPages, from_root, is_absolute, relative_url, root_prefix

TEMPLATES_DIR = str(Path(__file__).parent.parent / "templates")
STYLESHEET = "assets/aicommentary/aicommentary.css"
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)

ARTICLE_HEADER = "aicommentary/article_header.html"
INDEX_LISTING = "aicommentary/index_listing.html"
INDEX_ENTRY = "aicommentary/index_entry.html"
COMPACT_ENTRY = "aicommentary/index_entry_compact.html"
STANCE_BADGE = "aicommentary/stance_badge.html"
TERM_LIST = "aicommentary/term_list.html"
DATE = "aicommentary/date.html"
INDEX_OVERVIEW = "aicommentary/index_overview.html"
INDEX_CHARTS = "aicommentary/index_charts.html"
BAR_CHART = "aicommentary/bar_chart.html"
TIMELINE_CHART = "aicommentary/timeline_chart.html"
HEAD = "aicommentary/head.html"
NEWSLETTER = "aicommentary/newsletter.html"
RELATED = "aicommentary/related.html"
LATEST = "aicommentary/latest.html"
DIGEST_DAY = "aicommentary/digest_day.html"
TERM_SUMMARY = "aicommentary/term_summary.html"


ImageOf = Callable[[str], PageImage | None]
"""A post's source path -> the image shown for it there, if any."""


@dataclass(frozen=True, slots=True)
class Pictures:
    """Which image each place shows for a post; None where a place shows none (options)."""

    header: ImageOf | None = None
    """The lead image under the title: the post's own only."""
    listings: ImageOf | None = None
    related: ImageOf | None = None


class ShownImage(NamedTuple):
    """An image as a template writes it: ``src`` relative to the page showing it (or an
    https URL), and its size where known, so the page keeps its place before it loads."""

    src: str
    alt: str
    width: int | None
    height: int | None


class TermLink(NamedTuple):
    """A term as a template shows it: its name, its slug and a page-relative link (or None).

    A named tuple, so the partials rendered once per distinct list find theirs by a cheap key."""

    kind: str
    name: str
    slug: str
    url: str | None


class TermLinks(list[TermLink]):
    """The first ``TERMS_SHOWN`` links of a kind; ``more`` counts the article's other terms
    ("and 490 more"). A list, so a template that only loops over it needs no change."""

    def __init__(self, links: Iterable[TermLink] = (), more: int = 0) -> None:
        super().__init__(links)
        self.more = more


def listing_root() -> str:
    """A stand-in for the way back to the site root, where a listing entry's links begin: the
    listing puts in the real way back once it knows its page, so an entry is rendered once per
    build, whichever pages list it. Drawn at random for each build, so no text an entry shows
    (a title, an excerpt, a name, whatever characters they hold) can pass for it."""
    return f"\ue0f5{secrets.token_hex(12)}\ue0f5"


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One article in a listing; every link is written from the root of the page showing it,
    that page's way back to the root still to come (:func:`listing_root`)."""

    article: Article
    href: str
    excerpt: str
    stance: TermLink | None
    companies: TermLinks
    topics: TermLinks
    html: Markup = field(default_factory=Markup)
    """The entry as ``index_entry.html`` renders it."""
    image: ShownImage | None = None
    """A thumbnail of the post's image (``images.listings``)."""
    minutes: int | None = None
    """Minutes to read the post (``reading_time``)."""


@dataclass(frozen=True, slots=True)
class PageLink:
    number: int
    href: str | None
    current: bool = False
    gap: bool = False


@dataclass(frozen=True, slots=True)
class PagerLinks:
    previous: str | None
    next: str | None
    numbers: list[PageLink]


@dataclass(frozen=True, slots=True)
class OverviewItem:
    name: str
    slug: str
    count: int
    href: str
    newest: datetime | None = None


@dataclass(frozen=True, slots=True)
class FeedAnchor:
    """A visible link to one of a listing's feeds: its text, its type and where it is."""

    text: str
    type: str
    href: str


@dataclass(frozen=True, slots=True)
class RelatedLink:
    """One entry of the related box as the template shows it."""

    title: str
    url: str
    date: datetime | None
    stance: TermLink | None
    shared: list[str]
    """Display names of the companies and topics both posts are about."""
    similar_text: bool
    pinned: bool
    counterpoint: bool
    image: ShownImage | None = None
    """A thumbnail of the post's image (``images.related``)."""


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled to Python code, by name and source checksum, kept in memory.

    A ``mkdocs serve`` rebuild makes a new :class:`Renderer` (its caches hold one build's
    pages), but need not compile every template again: Jinja compares the checksum, so a
    template edited in ``custom_dir`` is compiled anew."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class OwnTemplatesDedented(jinja2.FileSystemLoader):
    """The theme directories' templates, the plugin's own with each line's indentation cut to
    one space.

    That indentation is there for reading the templates; in the output it would only add bytes
    to every listing entry, header and box (a few percent of an index page). One space is left
    where there were several, so wherever the indentation was the only whitespace between two
    words or tags (after a line that ends in a block tag) there still is some. None of the
    plugin's templates holds text where the number of spaces matters (``<pre>``); a site's own
    template in ``custom_dir`` is left as written."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        if filename.startswith(TEMPLATES_DIR + os.sep):
            source = _INDENT.sub(" ", source)
        return source, filename, uptodate


class Renderer:
    """Renders the plugin's templates for one build."""

    def __init__(
        self,
        theme_dirs: Sequence[str],
        taxonomy: Taxonomy,
        term_pages: TermPages,
        url_of: Callable[[str], str | None],
        date_format: DateFormat | None = None,
        labels: Labels = ENGLISH,
        compiled: CompiledTemplates | None = None,
        pictures: Pictures = Pictures(),
        reading_time: Callable[..., int | None] = lambda src_path, **where: None,
    ) -> None:
        self.taxonomy = taxonomy
        self.pictures = pictures
        self.reading_time = reading_time
        """A post's source path (and ``in_blog_view``) -> minutes to read it, or None."""
        self.term_pages = term_pages
        self.url_of = url_of
        """A source path -> the URL it is written at, asked as each page renders."""
        self.date_format = date_format
        self.labels = labels
        self.listing_root = listing_root()
        self._entries: dict[tuple[str, str], IndexEntry | None] = {}
        """By source path and template: an entry rendered."""
        self._entry_fields: dict[str, IndexEntry | None] = {}
        """By source path: what an entry shows, before it is rendered."""
        self._fragments: dict[object, Markup] = {}
        self._templates: dict[str, jinja2.Template] = {}
        self._term_links: dict[tuple[str, str, str], TermLinks] = {}
        self.env = jinja2.Environment(
            loader=OwnTemplatesDedented(list(theme_dirs)),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
            bytecode_cache=compiled,
        )
        self.env.globals["labels"] = labels
        self.env.globals["stance_badge"] = self.stance_badge
        self.env.globals["term_list"] = self.term_list
        self.env.globals["date_tag"] = self.date_tag
        self.env.filters["readable_date"] = self.readable_date
        self._dates: dict[str, str] = {}

    def readable_date(self, value: datetime | None) -> str:
        """A date as readers see it, written once per build for each distinct date (Babel
        formats on a Material blog cost more than a lookup, and term pages share dates)."""
        if value is None:
            return ""
        key = value.isoformat()
        if key not in self._dates:
            self._dates[key] = self.labels.date(value, self.date_format)
        return self._dates[key]

    def render(self, template: str, **context: object) -> str:
        loaded = self._templates.get(template)
        if loaded is None:  # Found once per build: custom_dir first, then the plugin's own.
            loaded = self._templates[template] = self.env.get_template(template)
            # Its globals are a ChainMap over the environment's, which every render copies key
            # by key; they never change after the environment is made, so one dict will do.
            loaded.globals = dict(loaded.globals)
        return loaded.render(**context).strip()

    # Partials every header, box and listing entry shows, rendered once per distinct value:
    # templates call them as stance_badge(stance), term_list(terms, css_class) and date_tag(date).

    def _once(self, key: Hashable, template: str, **context: object) -> Markup:
        """``template`` rendered with ``context``, once per build for each ``key`` (which must
        say everything the context holds)."""
        if key not in self._fragments:
            self._fragments[key] = Markup(self.render(template, **context))
        return self._fragments[key]

    def stance_badge(self, stance: TermLink) -> Markup:
        return self._once((STANCE_BADGE, stance), STANCE_BADGE, stance=stance)

    def term_list(self, terms: Sequence[TermLink], css_class: str) -> Markup:
        more = getattr(terms, "more", 0)  # TermLinks count the terms they leave out.
        key = (TERM_LIST, tuple(terms), more, css_class)
        return self._once(key, TERM_LIST, terms=terms, css_class=css_class)

    def date_tag(self, date: datetime) -> Markup:
        # Keyed as written: two dates of one moment, in different zones, fall on different days.
        return self._once((DATE, date.isoformat()), DATE, date=date)

    def term_links(self, article: Article, kind: str, prefix: str) -> TermLinks:
        """The article's first terms of ``kind`` (how many more in ``more``), each linked from
        a page whose way back to the site root is ``prefix`` (None where the term has no
        page). The links are the same on every page of the same depth, made once for it."""
        key = (article.src_path, kind, prefix)
        if key not in self._term_links:
            names = self.taxonomy.names_of(article, kind)
            links = TermLinks(more=max(0, len(names) - TERMS_SHOWN))
            for name in names[:TERMS_SHOWN]:
                term = self.taxonomy.term(kind, name)
                url = self.term_pages.url(term)
                href = from_root(prefix, url) if url is not None else None
                links.append(TermLink(term.kind, term.name, term.slug, href))
            self._term_links[key] = links
        return self._term_links[key]

    def person_url(self, person: Person) -> str | None:
        """The site-relative URL of the person's page on this site, if any: the profile
        Material's blog makes of them, else their author page."""
        if person.page is not None:
            return self.url_of(person.page)
        term = self.taxonomy.find(AUTHORS.name, person.name)
        return self.term_pages.url(term) if term is not None else None

    def _bylines(self, authors: Sequence[Person], prefix: str) -> list[Person]:
        """The authors, each linked to their own URL, else to their page on this site."""
        linked = []
        for person in authors:
            url = person.url
            if url is None and (page := self.person_url(person)) is not None:
                url = from_root(prefix, page)
            linked.append(replace(person, url=url))
        return linked

    def article_header(
        self,
        article: Article,
        page_url: str,
        theme_shows_date: bool,
        left_out: AbstractSet[str] = frozenset(),
        overviews: Mapping[str, str] | None = None,
    ) -> str:
        """The stance badge, date, byline, reading time, company/topic links and lead image
        under an article's title; the date, byline and reading time only where the theme
        (Material's blog) does not show them already, and no topic whose name key is in
        ``left_out`` (the page shows it already). ``overviews`` links each kind's label to its
        overview (kind -> link from this page)."""
        prefix = root_prefix(page_url)
        stances = self.term_links(article, STANCES.name, prefix)
        topics = self.term_links(article, TOPICS.name, prefix)
        if left_out:
            kept = [link for link in topics if name_key(link.name) not in left_out]
            topics = TermLinks(kept, topics.more)
        src = article.src_path
        return self.render(
            ARTICLE_HEADER,
            article=article,
            image=_shown(self.pictures.header, src, lambda url: relative_url(url, page_url)),
            minutes=self.reading_time(src, in_blog_view=theme_shows_date),
            overviews=overviews or {},
            show_date=not theme_shows_date,
            authors=() if theme_shows_date else self._bylines(article.authors, prefix),
            stance=stances[0] if stances else None,
            companies=self.term_links(article, COMPANIES.name, prefix),
            topics=topics,
        )

    # Listings: an entry depends only on its post, once its links are written from the root
    # (listing_root): it is rendered once per build for each kind of entry (full, compact),
    # however many listings show it.

    def _entry(self, article: Article, template: str = INDEX_ENTRY) -> IndexEntry | None:
        """``article`` as listings show it with ``template`` (full or compact entries); None
        when the post is not written (it is then in no listing)."""
        key = (article.src_path, template)
        if key not in self._entries:
            data = self._entry_data(article)
            self._entries[key] = (
                None
                if data is None
                else replace(data, html=Markup(self.render(template, entry=data)))
            )
        return self._entries[key]

    def _entry_data(self, article: Article) -> IndexEntry | None:
        """What either kind of entry shows of ``article``, made once whichever asks first."""
        if article.src_path in self._entry_fields:
            return self._entry_fields[article.src_path]
        url = self.url_of(article.src_path)
        data = None
        if url is not None:
            root = self.listing_root
            stances = self.term_links(article, STANCES.name, root)
            data = IndexEntry(
                article=article,
                href=from_root(root, url),
                excerpt=excerpt(article),
                stance=stances[0] if stances else None,
                companies=self.term_links(article, COMPANIES.name, root),
                topics=self.term_links(article, TOPICS.name, root),
                image=_shown(self.pictures.listings, article.src_path, partial(from_root, root)),
                minutes=self.reading_time(article.src_path),
            )
        self._entry_fields[article.src_path] = data
        return data

    def _listed(self, articles: Iterable[Article], template: str = INDEX_ENTRY) -> list[IndexEntry]:
        return [entry for article in articles if (entry := self._entry(article, template))]

    def href(self, src_path: str | None, page_url: str) -> str | None:
        """A link from the page at ``page_url`` to the file written from ``src_path``."""
        url = self.url_of(src_path) if src_path else None
        return relative_url(url, page_url) if url is not None else None

    def index_listing(self, page: PlannedPage, page_url: str) -> str:
        """The articles of one listing page, with pagination links."""
        entries = self._listed(page.entries, COMPACT_ENTRY if page.compact else INDEX_ENTRY)
        links = pager(page)
        pager_links = None
        if links is not None:
            pager_links = PagerLinks(
                previous=self.href(links.previous, page_url),
                next=self.href(links.next, page_url),
                numbers=[
                    PageLink(
                        number,
                        self.href(target, page_url),
                        current=number == page.number,
                        gap=number == 0,
                    )
                    for number, target in links.numbers
                ],
            )
        html = self.render(INDEX_LISTING, page=page, entries=entries, pager=pager_links)
        return self._from_listing_page(html, root_prefix(page_url))

    def latest(self, articles: Sequence[Article], page_url: str, archive_src: str | None) -> str:
        """The newest posts for the page at ``page_url``, and a link to the archive."""
        html = self.render(
            LATEST,
            entries=self._listed(articles),
            archive_href=self.href(archive_src, page_url),
        )
        return self._from_listing_page(html, root_prefix(page_url))

    def _from_listing_page(self, html: str, prefix: str) -> str:
        """``html``'s listing links made relative to a page whose ``root_prefix`` is ``prefix``
        (a link to the site root itself is ``./`` there, as :func:`from_root` writes it)."""
        root = self.listing_root
        return html.replace(f'{root}"', f'{prefix or "./"}"').replace(root, prefix)

    def index_overview(self, page: PlannedPage, page_url: str) -> str:
        """Every term of a kind with its number of articles and the date of the newest, after
        a sentence that counts them."""
        items = [
            OverviewItem(item.term.name, item.term.slug, item.count, href, item.newest)
            for item in page.terms
            if (href := self.href(item.src_path, page_url)) is not None
        ]
        return self.render(INDEX_OVERVIEW, page=page, kind=kind(page.kind), items=items)

    def term_summary(
        self,
        page: PlannedPage,
        feeds: Sequence[FeedAnchor],
        overviews: Mapping[str, str],
        page_url: str,
    ) -> str:
        """Above page 1 of a listing: what it lists (leading to its kind's overview), how
        many articles since when, its feeds and, on a term's page, the way to every article
        (the archive); ``overviews`` are the plan's, kind -> source path."""
        if page.number != 1:
            return ""
        archive_src = overviews.get(ARCHIVE.name)
        archive = None if page.src_path == archive_src else self.href(archive_src, page_url)
        return self.render(
            TERM_SUMMARY,
            page=page,
            kind=kind(page.kind),
            overview_href=self.href(overviews.get(page.kind), page_url) if page.term else None,
            count=len(page.articles),
            since=page.since,
            feeds=feeds,
            archive_href=archive,
        )

    def term_intro(self, page: PlannedPage) -> str:
        """What the kind's record shows above page 1 of a term's listing ("" for nothing)."""
        of_kind = kind(page.kind)
        if of_kind.intro_template is None or page.term is None or page.number != 1:
            return ""
        details = of_kind.details(page.term.name, page.articles) if of_kind.details else None
        return self.render(of_kind.intro_template, term=page.term, details=details)

    def index_charts(self, charts: Sequence[BarChart | Timeline]) -> str:
        """The SVG pictures at the top of an index page ("" when there are none)."""
        rendered = []
        for number, chart in enumerate(charts, start=1):
            template = TIMELINE_CHART if isinstance(chart, Timeline) else BAR_CHART
            chart_id = f"aic-chart-{chart.name}-{number}"
            rendered.append(Markup(self.render(template, chart=chart, id=chart_id)))
        return self.render(INDEX_CHARTS, charts=rendered) if rendered else ""

    def head(
        self,
        feeds: Sequence[FeedLink],
        json_ld: str | None,
        meta: Sequence[MetaTag] = (),
    ) -> str:
        """Feed links, sharing tags and JSON-LD for the page head; ``json_ld`` must already be
        script-safe."""
        if not feeds and not json_ld and not meta:
            return ""
        if json_ld or meta:  # A post's own head.
            return self.render(
                HEAD, feeds=feeds, meta=meta, json_ld=Markup(json_ld) if json_ld else None
            )
        # Every other page links the same few feeds.
        return self._once((HEAD, tuple(feeds)), HEAD, feeds=feeds, meta=(), json_ld=None)

    def digest_day(self, posts: Sequence[DigestPost]) -> str:
        """One day of the daily digest feed: its posts' titles, ledes and links."""
        return self.render(DIGEST_DAY, posts=posts)

    def newsletter_block(
        self,
        form: SignupForm,
        options: Mapping[str, object],
        page_url: str,
        privacy_target: str | None = None,
        digest_href: str | None = None,
    ) -> str:
        """The signup block; ``privacy_target`` is an absolute URL, a site-relative URL
        (``./`` the home page) or a query or fragment alone, for a link within the page;
        ``digest_href`` the daily digest feed's absolute URL, when the block links it.

        One form and one set of options serve the whole build, so the block differs between
        pages only by its privacy link, and is rendered once for each."""
        privacy_href = None
        if privacy_target is not None:
            path, rest = _split_path(privacy_target)
            privacy_href = (
                privacy_target
                if is_absolute(privacy_target) or not path
                else relative_url("" if path == "./" else path, page_url) + rest
            )
        return self._once(
            (NEWSLETTER, id(form), id(options), privacy_href, digest_href),
            NEWSLETTER,
            form=form,
            options=options,
            privacy_href=privacy_href,
            digest_href=digest_href,
            has_note=bool(options.get("privacy") or privacy_href),
        )

    def related_box(
        self,
        entries: Sequence[Related],
        page_url: str,
        heading: str | None = None,
        counterpoint_label: str | None = None,
    ) -> str:
        """The "Read next" box for the page at ``page_url``; empty when there is nothing to show.

        Heading and label default to the labels' (which hold the site's options)."""
        if not entries:
            return ""
        links = [
            link for entry in entries if (link := self._related_link(entry, page_url)) is not None
        ]
        if not links:
            return ""
        return self.render(
            RELATED,
            entries=links,
            heading=heading or self.labels("related.heading"),
            counterpoint_label=counterpoint_label or self.labels("related.counterpoint"),
        )

    def _related_link(self, entry: Related, page_url: str) -> RelatedLink | None:
        other = entry.article
        url = self.url_of(other.src_path)
        if url is None:
            return None
        prefix = root_prefix(page_url)
        stances = self.term_links(other, STANCES.name, prefix)
        shared = [self.taxonomy.term(COMPANIES.name, name).name for name in entry.companies]
        shared += [self.taxonomy.term(TOPICS.name, name).name for name in entry.topics]
        del shared[TERMS_SHOWN:]
        return RelatedLink(
            title=other.title,
            url=relative_url(url, page_url),
            date=other.date,
            stance=stances[0] if stances else None,
            shared=shared,
            similar_text=entry.similar_text,
            pinned=entry.pinned,
            counterpoint=entry.counterpoint,
            image=_shown(
                self.pictures.related, other.src_path, lambda url: relative_url(url, page_url)
            ),
        )


def _shown(
    image_of: ImageOf | None, src_path: str, link: Callable[[str], str]
) -> ShownImage | None:
    """The image ``image_of`` gives the post, linked from the page by ``link`` (a site
    path; an https URL stays as it is)."""
    image = image_of(src_path) if image_of is not None else None
    if image is None:
        return None
    src = image.url if is_absolute(image.url) else link(image.url)
    return ShownImage(src, image.alt, image.width, image.height)


def _split_path(url: str) -> tuple[str, str]:
    """A site-relative URL as its path and what follows it (``?query#fragment``), which holds
    slashes that are no folders."""
    end = min((url.find(mark) for mark in "?#" if mark in url), default=len(url))
    return url[:end], url[end:]
