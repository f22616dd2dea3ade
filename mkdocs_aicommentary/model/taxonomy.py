"""The site's companies, topics and stances: one display name and one slug for each.

Built once per build from every article, so the article headers, the index pages and the related
boxes all agree on what "AI hardware" is called and where its page lives. Names used only by
drafts get their slugs after the public ones, so a draft can never move a public page's URL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .articles import Article
from .index_kinds import TERM_KINDS, Kind, kind
from .slugs import assign_slugs, name_key

TERMS_SHOWN = 10
"""Companies, and topics, that a header, listing entry, box or feed item names, before "and 490
more". A post is listed on the page of every topic it has, so showing all of its topics there
would grow as the square of their number."""


TERMS_PER_POST = 50
"""Companies and topics one post names before the build warns. Posts name a few (2 to 5 in the
example site); WordPress.com stops listing a post that has more than 15 tags and categories;
past 50, a list was pasted in, not chosen."""
TERM_KB = (12, 19)
TERM_MS = (1, 3)
"""What one more term costs, measured with 100 to 4,000 topics on one post of a 21-post site:
its index page (12 KB with the mkdocs theme, 19 KB with Material) and its two feeds (3 KB)
when the site has feeds, and 1 to 3 ms to make them."""


@dataclass(frozen=True, slots=True)
class Term:
    """One company, topic or stance as readers see it."""

    kind: str
    name: str
    slug: str


class Taxonomy:
    """Lookups from what an article says to the term (display name and slug) it belongs to."""

    def __init__(self, articles: Iterable[Article], stance_labels: Mapping[str, str]) -> None:
        articles = list(articles)
        self._terms: dict[str, dict[str, Term]] = {}
        for each in TERM_KINDS:
            self._terms[each.name] = (
                {name_key(key): Term(each.name, label, key) for key, label in stance_labels.items()}
                if each.configured
                else _terms_of(each, articles)
            )

    def term(self, kind: str, name: str) -> Term:
        """The term for a name as an article spells it (any case or spacing)."""
        return self._terms[kind][name_key(name)]

    def find(self, kind_name: str, name: str) -> Term | None:
        """The term for a name, or None for a name no article carries (``site_author``)."""
        return self._terms[kind_name].get(name_key(name))

    def terms(self, kind: str) -> list[Term]:
        """Every term of a kind, in display order (by name)."""
        unique = {term.slug: term for term in self._terms[kind].values()}
        return sorted(unique.values(), key=lambda term: (term.name.casefold(), term.slug))

    def names_of(self, article: Article, kind_name: str) -> tuple[str, ...]:
        """The names of a kind the article carries, as written."""
        return kind(kind_name).names(article)

    def shown_names(self, article: Article, kind: str) -> list[str]:
        """The article's first ``TERMS_SHOWN`` terms of a kind by display name: "NVIDIA" where
        the post wrote "Nvidia" and the site's other posts "NVIDIA"."""
        return [self.term(kind, name).name for name in self.names_of(article, kind)[:TERMS_SHOWN]]

    def categories(self, article: Article) -> list[str]:
        """What feeds and sharing tags file a post under: its terms of every kind that is a
        category (companies, topics and stance)."""
        return [
            name
            for each in TERM_KINDS
            if each.category
            for name in self.shown_names(article, each.name)
        ]


def _terms_of(of_kind: Kind, articles: list[Article]) -> dict[str, Term]:
    """Group spellings by name_key; the most used spelling (then the first in order) is shown."""
    spellings: dict[str, Counter[str]] = {}
    public_keys: set[str] = set()
    for article in articles:
        for name in of_kind.names(article):
            key = name_key(name)
            spellings.setdefault(key, Counter())[name] += 1
            if not article.draft:
                public_keys.add(key)

    display = {
        key: min(counts, key=lambda spelling: (-counts[spelling], spelling))
        for key, counts in spellings.items()
    }
    slugs = assign_slugs(display[key] for key in display if key in public_keys)
    slugs |= assign_slugs(
        (display[key] for key in display if key not in public_keys), taken=slugs.values()
    )
    return {key: Term(of_kind.name, name, slugs[name]) for key, name in display.items()}


def crowded_posts(articles: Iterable[Article]) -> list[str]:
    """A warning for each post that is no draft and names more than ``TERMS_PER_POST``
    companies and topics, with what they cost: each one no other post names is a page of its
    own. The terms are all kept: which of them to drop is the author's choice, and
    ``--strict`` stops the build until they make it."""
    published = [article for article in articles if not article.draft]
    crowded = [article for article in published if _term_count(article) > TERMS_PER_POST]
    if not crowded:
        return []
    uses = Counter(key for article in published for key in _term_keys(article))
    warnings = []
    for article in crowded:
        own = sum(1 for key in _term_keys(article) if uses[key] == 1)
        size = "-".join(_kilobytes(own * kilobytes) for kilobytes in TERM_KB)
        time = "-".join(_milliseconds(own * milliseconds) for milliseconds in TERM_MS)
        warnings.append(
            f"{article.src_path}: names {_term_count(article):,} companies and topics; more "
            f"than {TERMS_PER_POST} on one post is rarely meant. Each that no other post names "
            f"gets an index page and feeds of its own: here {own:,}, about {size} of output "
            f"and {time} of build. They are all kept; shorten the list in its front matter."
        )
    return warnings


def _kilobytes(kilobytes: int) -> str:
    return f"{kilobytes:,} KB" if kilobytes < 1000 else f"{kilobytes / 1000:,.0f} MB"


def _milliseconds(milliseconds: int) -> str:
    return f"{milliseconds:,} ms" if milliseconds < 1000 else f"{milliseconds / 1000:,.0f} s"


_GATHERED = tuple(each for each in TERM_KINDS if not each.configured)
"""The kinds whose terms posts bring (companies and topics), each new name a page of its own."""


def _term_count(article: Article) -> int:
    return sum(len(each.names(article)) for each in _GATHERED)


def _term_keys(article: Article) -> Iterable[tuple[str, str]]:
    for each in _GATHERED:
        yield from ((each.name, name_key(name)) for name in each.names(article))
