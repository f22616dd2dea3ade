"""Which pages get a social card, and what each card says: plain data in, :class:`Card` out.

A published post without an image of its own gets one with its title, its stance's badge in
the stance's colour, its companies and its date; an index page one with its topic's, company's
or stance's name and its number of posts (every page of a listing the same card, so it is drawn
and written once). Every word is in the site's language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..features.social_cards import Card
from ..html.links import IndexKind
from ..i18n.language import Labels
from ..model.articles import Article
from ..model.index_kinds import STANCES, kind
from .index_plan import PlannedPage

STANCE_COLORS = {
    "bullish": "#1a7f37",
    "bearish": "#c62828",
    "skeptical": "#9a6700",
    "neutral": "#57606a",
    "mixed": "#8250df",
}
"""The built-in stances' colours, those of the stylesheet's ``--aic-stance-*`` properties."""
OTHER_COLOR = "#0969da"
"""Any other stance's, an index page's and a post's without a stance (``--aic-stance-other``)."""


@dataclass(frozen=True)
class CardPlan:
    """What every card of a site shares."""

    site_name: str
    labels: Labels
    stances: Mapping[str, str]
    """Stance keys and their labels."""
    colors: Mapping[str, str]
    """The site's own stance colours (the ``social_cards.colors`` option), over the built-in."""
    date_format: str | None = None

    def color(self, stance: str | None) -> str:
        if stance is None:
            return OTHER_COLOR
        return self.colors.get(stance) or STANCE_COLORS.get(stance, OTHER_COLOR)

    def post_cards(
        self, articles: Iterable[Article], has_own_image: Callable[[str], bool]
    ) -> dict[str, Card]:
        """A card per post that has no image of its own, by source path."""
        return {
            article.src_path: self.post_card(article)
            for article in articles
            if not has_own_image(article.src_path)
        }

    def post_card(self, article: Article) -> Card:
        details = (*article.companies, self.labels.date(article.date, self.date_format))
        badge = self.stances.get(article.stance, article.stance) if article.stance else ""
        return Card(
            site_name=self.site_name,
            title=article.title,
            badge=badge or self.site_name,
            color=self.color(article.stance),
            details=tuple(detail for detail in details if detail),
            right_to_left=self.labels.rtl,
        )

    def index_cards(
        self, pages: Iterable[PlannedPage], sections: Sequence[IndexKind]
    ) -> dict[str, Card]:
        """A card per index page, by source path: the term's name under what one page of its
        kind lists ("Topic", as the page says), or the kind's title on an overview and on the
        archive, and the number of posts."""
        titles = {section.kind: section.title for section in sections}
        cards = {}
        for page in pages:
            kind_title = titles.get(page.kind, page.title)
            stance = page.term.slug if page.term is not None and page.kind == STANCES.name else None
            count = len(page.articles) if page.articles else sum(t.count for t in page.terms)
            cards[page.src_path] = Card(
                site_name=self.site_name,
                title=page.term.name if page.term is not None else kind_title,
                badge=kind_title
                if page.term is None
                else self.labels(kind(page.kind).term_label_key),
                color=self.color(stance),
                details=(self.labels("articles", count=count),),
                right_to_left=self.labels.rtl,
            )
        return cards
