"""The plan of the index pages (topics, companies, stances, the archive): which pages exist,
what each lists, and their navigation. No MkDocs here (their pictures are ``index_charts``).

The plan is pure: articles and the taxonomy in, :class:`PlannedPage` descriptions out, so the
rules (drafts never listed, newest first, pagination, an author's own page wins) are unit
tested without a site. :mod:`..adapter.index_files` turns the plan into MkDocs pages, feeds and nav.

How a page is made. A generated page's Markdown holds only its title and an
``<!-- aicommentary:index -->`` marker; the listing (HTML from the ``index_listing.html``
template, links written from the targets' final URLs) takes the marker's place once search has
read the page; what the page says in words (a term's count and first date, an overview's terms)
goes in before search reads it. An author's own page at the same place gets the same treatment: the
listing goes at their marker, or after their text, and nothing they wrote is replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from ..html.links import IndexKind, listing_src
from ..html.literal_headings import heading
from ..html.markers import INDEX, marker
from ..i18n.language import ENGLISH, Labels
from ..model.articles import Article
from ..model.index_kinds import NAV_ORDER, Kind, kind
from ..model.taxonomy import Taxonomy, Term


@dataclass(frozen=True, slots=True)
class TermCount:
    term: Term
    count: int
    src_path: str
    newest: datetime | None = None
    """The date of its newest dated article, for "latest 2 October 2026" on the overview."""


@dataclass(frozen=True, slots=True)
class Paging:
    """How a listing spreads over pages: page 1 holds ``first`` posts, each later page
    ``later``; from page ``compact_from`` on they are compact entries. A listing's newest
    posts are read, in full, with their excerpt; the rest is a back catalogue, scanned, where
    five times as many compact entries make a page no longer than the first (and a fifth of
    the pages: a topic of 3,000 posts had 150 pages at 20)."""

    first: int = 20
    later: int = 100
    compact_from: int = 2

    @classmethod
    def of(cls, of_kind: Kind, per_page: int, compact_per_page: int) -> Paging:
        """The paging of ``of_kind``'s listings: compact throughout for a compact kind."""
        if of_kind.compact:
            return cls(compact_per_page, compact_per_page, compact_from=1)
        return cls(per_page, compact_per_page)

    def window(self, number: int) -> tuple[int, int]:
        """Where page ``number``'s posts start in the listing, and how many it holds."""
        if number == 1:
            return 0, self.first
        return self.first + (number - 2) * self.later, self.later

    def pages(self, total: int) -> int:
        """How many pages ``total`` posts take (one, when there are none)."""
        if total <= self.first:
            return 1
        return 1 + -(-(total - self.first) // self.later)


@dataclass(frozen=True, slots=True)
class PlannedPage:
    """One page to show: a term's listing (or one page of it), or a kind's overview."""

    kind: str
    title: str
    src_path: str
    generated: bool
    """False when the author wrote a page here; the listing is then added to theirs."""
    term: Term | None = None
    """None on the overview of a kind."""
    articles: tuple[Article, ...] = ()
    """Every article of the term, newest first (all pages, not just this one)."""
    number: int = 1
    paging: Paging = Paging()
    listing_src_paths: tuple[str, ...] = ()
    """The sources of all pages of this listing, page 1 first."""
    terms: tuple[TermCount, ...] = ()
    """On an overview: each term with its number of articles."""
    article_count: int = 0
    """On an overview: how many articles name any of its terms ("12 topics in 16 articles")."""

    @property
    def entries(self) -> tuple[Article, ...]:
        """The articles listed on this page."""
        start, count = self.paging.window(self.number)
        return self.articles[start : start + count]

    @property
    def compact(self) -> bool:
        """Whether this page shows compact entries (title, stance, date, companies) rather
        than full ones: every page of a compact kind, the later pages of any other."""
        return self.paging.compact_from <= self.number

    @property
    def since(self) -> datetime | None:
        """The date of the listing's oldest dated article ("12 articles since ..."), found from
        the end of the list: undated articles are listed last."""
        return next((a.date for a in reversed(self.articles) if a.date is not None), None)

    @property
    def is_overview(self) -> bool:
        """A kind's list of terms; the archive, also without a term, lists posts."""
        return self.term is None and not kind(self.kind).lists_every_post


@dataclass(frozen=True, slots=True)
class Pager:
    """Links between the pages of one listing, as source paths."""

    previous: str | None
    next: str | None
    numbers: tuple[tuple[int, str | None], ...]
    """(number, source) pairs; source None for the current page and 0 for a gap ("…")."""


@dataclass(frozen=True, slots=True)
class IndexPlan:
    """Every index page of a build, and where each term's page lives."""

    pages: tuple[PlannedPage, ...]
    term_src_paths: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """(kind, slug) -> source path of page 1 of that term."""
    overviews: Mapping[str, str] = field(default_factory=dict)
    """Kind -> source path of its overview (for the archive: page 1 of its listing)."""
    _by_src_path: dict[str, PlannedPage] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_src_path", {page.src_path: page for page in self.pages})

    def page(self, src_path: str) -> PlannedPage | None:
        """The planned page whose source is ``src_path`` (generated, or the author's)."""
        return self._by_src_path.get(src_path)

    def term_src(self, term: Term) -> str | None:
        return self.term_src_paths.get((term.kind, term.slug))


def listed(articles: Iterable[Article]) -> list[Article]:
    """What readers can reach, in the one listing order: no drafts, newest first, then title."""
    return sorted((article for article in articles if not article.draft), key=_sort_key)


def _group(ordered: Sequence[Article], taxonomy: Taxonomy, kind: str) -> dict[Term, list[Article]]:
    """Each term of ``kind`` with the articles (already listed) that name it, in their order."""
    groups: dict[Term, list[Article]] = {}
    for article in ordered:
        for name in taxonomy.names_of(article, kind):
            groups.setdefault(taxonomy.term(kind, name), []).append(article)
    return groups


def overview_src(prefix: str) -> str:
    return f"{prefix}/index.md"


def plan(
    articles: Iterable[Article],
    taxonomy: Taxonomy,
    sections: Sequence[IndexKind],
    *,
    per_page: int = 20,
    compact_per_page: int = 100,
    min_posts: int = 1,
    author_page: Callable[[str], str | None] = lambda src: None,
    unavailable: Callable[[str], bool] = lambda src: False,
    stance_order: Sequence[str] = (),
    labels: Labels = ENGLISH,
) -> IndexPlan:
    """Every index page of the site.

    ``author_page(src)`` names the author's own page that MkDocs would serve at the same URL as
    ``src`` (``companies/nvidia.md`` for ``companies/nvidia/index.md``), or None.
    ``unavailable(src)`` is true where no page may go (the author keeps a draft there, or
    another file is written there): a term with any page unavailable gets no pages, a kind whose
    overview is gets no overview.
    ``min_posts``: a term of a kind the site does not configure (not a stance) named by
    fewer articles gets no page, and is never linked.
    ``stance_order`` lists the stance keys in the order the site configured them, the order of
    a configured kind's terms. A kind that lists every post (the archive) has one listing, and
    with its section's ``by_year`` one for each year too.
    """
    ordered_articles = listed(articles)
    pages: list[PlannedPage] = []
    term_src_paths: dict[tuple[str, str], str] = {}
    overviews: dict[str, str] = {}

    def place(src: str) -> tuple[str, bool]:
        own = author_page(src)
        return (own, False) if own else (src, True)

    def listing(
        section: IndexKind,
        title: str,
        folder: str,
        articles: tuple[Article, ...],
        term: Term | None,
    ) -> str | None:
        """Add every page of one listing; the source of its page 1. None, and no page, when
        any of them is unavailable: a listing cut short would hide posts."""
        paging = Paging.of(kind(section.kind), per_page, compact_per_page)
        count = paging.pages(len(articles))
        if any(unavailable(listing_src(folder, number)) for number in range(1, count + 1)):
            return None
        srcs = tuple(place(listing_src(folder, number)) for number in range(1, count + 1))
        for number, (src, generated) in enumerate(srcs, start=1):
            pages.append(
                PlannedPage(
                    kind=section.kind,
                    title=title
                    if number == 1
                    else labels("index.page_title", name=title, number=number),
                    src_path=src,
                    generated=generated,
                    term=term,
                    articles=articles,
                    number=number,
                    paging=paging,
                    listing_src_paths=tuple(s for s, _ in srcs),
                )
            )
        return srcs[0][0]

    for section in sections:
        of_kind = kind(section.kind)
        if of_kind.lists_every_post:
            if not ordered_articles:
                continue
            first = listing(section, section.title, section.prefix, tuple(ordered_articles), None)
            if first is None:
                continue
            overviews[section.kind] = first
            for year, of_year in _by_year(ordered_articles) if section.by_year else ():
                term = Term(section.kind, str(year), str(year))
                folder = section.term_folder(term.slug)
                first = listing(section, str(year), folder, of_year, term)
                if first is not None:
                    term_src_paths[(term.kind, term.slug)] = first
            continue
        groups = _group(ordered_articles, taxonomy, section.kind)
        if not groups:
            continue
        if of_kind.configured:
            position = {key: index for index, key in enumerate(stance_order)}
            ordered = sorted(groups, key=lambda term: (position.get(term.slug, len(position)),))
        else:
            ordered = [term for term in taxonomy.terms(section.kind) if term in groups]
        counts = []
        for term in ordered:
            if len(groups[term]) < min_posts and not of_kind.configured:
                continue
            first = listing(
                section,
                term.name,
                section.term_folder(term.slug),
                tuple(groups[term]),
                term,
            )
            if first is None:
                continue
            term_src_paths[(term.kind, term.slug)] = first
            counts.append(TermCount(term, len(groups[term]), first, groups[term][0].date))
        if unavailable(overview_src(section.prefix)):
            continue
        src, generated = place(overview_src(section.prefix))
        overviews[section.kind] = src
        named = {article.src_path for term in ordered for article in groups[term]}
        pages.append(
            PlannedPage(
                kind=section.kind,
                title=section.title,
                src_path=src,
                generated=generated,
                terms=tuple(counts),
                article_count=len(named),
            )
        )
    return IndexPlan(tuple(pages), term_src_paths, overviews)


def _by_year(articles: Sequence[Article]) -> list[tuple[int, tuple[Article, ...]]]:
    """Dated articles by year, newest year first (undated ones are only in the main archive)."""
    years: dict[int, list[Article]] = {}
    for article in articles:
        if article.date is not None:
            years.setdefault(article.date.year, []).append(article)
    return [(year, tuple(years[year])) for year in sorted(years, reverse=True)]


def pager(page: PlannedPage, window: int = 2) -> Pager | None:
    """Previous/next and numbered links for a listing of more than one page, else None.

    Numbers near the current page are shown, with the first and last; gaps become 0.
    """
    total = len(page.listing_src_paths)
    if total < 2:
        return None
    shown = {1, total, *range(page.number - window, page.number + window + 1)}
    numbers: list[tuple[int, str | None]] = []
    for number in range(1, total + 1):
        if number not in shown:
            if numbers and numbers[-1][0] != 0:
                numbers.append((0, None))
            continue
        numbers.append(
            (number, None if number == page.number else page.listing_src_paths[number - 1])
        )
    return Pager(
        previous=page.listing_src_paths[page.number - 2] if page.number > 1 else None,
        next=page.listing_src_paths[page.number] if page.number < total else None,
        numbers=tuple(numbers),
    )


def page_markdown(page: PlannedPage) -> str:
    """The Markdown source of a generated page: its title and the listing marker.

    The title is written as a literal heading (:mod:`..html.literal_headings`), which no Markdown
    extension of the site can turn into markup; the table of contents, the permalink and
    MkDocs' page title read it like any first heading.
    """
    return f"{heading(page.title)}\n\n{marker(INDEX)}\n"


# Navigation -------------------------------------------------------------------------------------


def nav_sections(
    index_plan: IndexPlan, sections: Sequence[IndexKind], kinds: Sequence[str] = NAV_ORDER
) -> list[tuple[str, list[str]]]:
    """(section title, source paths) for the nav: the overview, then page 1 of every term; for
    the archive, every page of it (each post is then two clicks from any page)."""
    by_kind = {section.kind: section for section in sections}
    result = []
    for name in NAV_ORDER:
        if name not in kinds or name not in by_kind or name not in index_plan.overviews:
            continue
        every_page = kind(name).lists_every_post
        overview = index_plan.overviews[name]
        srcs = [overview]
        for page in index_plan.pages:
            if page.kind != name or page.is_overview or page.src_path == overview:
                continue
            if page.number == 1 or (every_page and page.term is None):
                srcs.append(page.src_path)
        result.append((by_kind[name].title, srcs))
    return result


def _sort_key(article: Article) -> tuple[float, str, str]:
    return article.sort_key
