"""The kinds of index page (companies, topics, stances, the archive): one record each.

A record says everything that differs between kinds: which names a post files itself under,
the options' defaults, its title and the words its pages and nav entry say, whether it goes in
the nav and gets feeds, whether feeds and sharing tags file posts under its terms, its charts,
and how its overview shows a term. The
options (:mod:`..adapter.config`), the taxonomy, the plan, the nav sections, the feeds and the
templates read these records; none of them asks for a kind by its name. No MkDocs here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .articles import Article, Person
from .slugs import name_key


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of index page."""

    name: str
    """How options (``index.<name>``), terms and pages (``data-kind``) name the kind."""
    terms_in: Callable[[Article], tuple[str, ...]] | None
    """The names of this kind a post carries, as written; None for a kind that lists every
    post (the archive) instead of one listing per term."""
    default_prefix: str
    """The folder of its pages unless ``index.<name>.prefix`` says otherwise."""
    title_key: str
    """The translation of its overview's title (and nav section) unless ``title`` is set."""
    nav_position: int
    """Where ``index.nav`` puts its section among the kinds' sections."""
    term_label_key: str
    """The translation that says what one of its pages lists ("Topic", "Company", "Year")."""
    count_key: str | None
    """The translation that counts its terms ("12 topics") on its overview; None for a kind
    with no overview of terms (the archive)."""
    all_key: str
    """The translation of its overview's entry in its nav section ("All topics"), where the
    theme does not show the overview as the section itself."""
    feed_description_key: str = "feed.description"
    """The translation that describes a term's feed (with ``name`` and ``site``)."""
    feeds: bool = True
    """Each term's page has its own RSS and JSON feeds."""
    category: bool = True
    """Feed items and sharing tags file a post under its terms of this kind."""
    configured: bool = False
    """Its terms are the site's ``stances`` option, named by its labels and listed in its
    order, rather than gathered from posts and listed by name."""
    term_charts: tuple[str, ...] = ()
    """The charts on page 1 of a term's listing, in order (see ``index_charts.TERM_CHARTS``)."""
    overview_chart: str | None = None
    """The chart on its overview (see ``index_charts.OVERVIEW_CHARTS``), if any."""
    terms_as_badges: bool = False
    """Its overview shows each term as a stance badge (coloured by the term's slug)."""
    yearly: bool = False
    """It has the ``by_year`` option: one more listing per year."""
    left_to_blog: bool = False
    """Material's blog lists the same posts (its index and archive): where one runs, the
    kind is off unless the site switches it on."""
    intro_template: str | None = None
    """The template that introduces a term above its listing (on page 1), if any."""
    details: Callable[[str, Sequence[Article]], object] | None = None
    """What that template shows of a term (as ``details``), from its name and articles."""
    compact: bool = False
    """Every page of its listings shows compact entries (title, stance, date, companies), as
    the later pages of any listing do: it lists a large share of every post (the archive, a
    stance), a list readers scan rather than read."""

    def names(self, article: Article) -> tuple[str, ...]:
        """The names of this kind ``article`` carries, as written (none for the archive)."""
        return self.terms_in(article) if self.terms_in is not None else ()

    @property
    def lists_every_post(self) -> bool:
        """One listing of every post rather than one per term, and so no overview of terms."""
        return self.terms_in is None


COMPANIES = Kind(
    "companies",
    lambda article: article.companies,
    default_prefix="companies",
    title_key="index.companies",
    nav_position=1,
    term_label_key="index.term.companies",
    count_key="index.count.companies",
    all_key="index.all.companies",
    term_charts=("by_stance", "per_period"),
    overview_chart="company_counts",
)
TOPICS = Kind(
    "topics",
    lambda article: article.topics,
    default_prefix="topics",
    title_key="index.topics",
    nav_position=0,
    term_label_key="index.term.topics",
    count_key="index.count.topics",
    all_key="index.all.topics",
)
STANCES = Kind(
    "stances",
    lambda article: (article.stance,) if article.stance else (),
    default_prefix="stances",
    title_key="index.stances",
    nav_position=2,
    term_label_key="index.term.stances",
    count_key="index.count.stances",
    all_key="index.all.stances",
    feed_description_key="feed.stance_description",
    configured=True,
    term_charts=("by_company",),
    overview_chart="stance_counts",
    terms_as_badges=True,
    compact=True,
)
ARCHIVE = Kind(
    "archive",
    None,
    default_prefix="archive",
    title_key="index.archive",
    nav_position=3,
    term_label_key="index.term.archive",
    count_key=None,
    all_key="index.all.archive",
    feeds=False,
    category=False,
    yearly=True,
    left_to_blog=True,
    compact=True,
)


def _person_named(name: str, articles: Sequence[Article]) -> Person | None:
    """The author of that name as the listed articles give them, the one with most said
    about them (a description, a picture, a URL) first."""
    key = name_key(name)
    people = [p for a in articles for p in a.authors if name_key(p.name) == key]
    return max(
        people, key=lambda p: (bool(p.description), bool(p.avatar), bool(p.url)), default=None
    )


AUTHORS = Kind(
    "authors",
    lambda article: tuple(person.name for person in article.authors if person.page is None),
    default_prefix="authors",
    title_key="index.authors",
    nav_position=4,
    term_label_key="index.term.authors",
    count_key="index.count.authors",
    all_key="index.all.authors",
    feed_description_key="feed.author_description",
    category=False,
    term_charts=("stance_by_company",),
    intro_template="aicommentary/author_profile.html",
    details=_person_named,
)
"""One page per author a post names (``author``, ``authors``), except those Material's blog
gives a profile page of its own (``authors_profiles``): bylines link to that one instead."""

KINDS = (COMPANIES, TOPICS, STANCES, ARCHIVE, AUTHORS)
"""Every kind, in the order options, categories and warnings list them."""
BY_NAME = {kind.name: kind for kind in KINDS}
TERM_KINDS = tuple(kind for kind in KINDS if not kind.lists_every_post)
"""The kinds whose terms a post names (a taxonomy's kinds)."""
NAV_ORDER = tuple(kind.name for kind in sorted(KINDS, key=lambda kind: kind.nav_position))
"""The kinds' sections in the nav, in order."""


def kind(name: str) -> Kind:
    """The record of the kind a term, page or option names."""
    return BY_NAME[name]
