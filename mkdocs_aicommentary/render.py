"""The Jinja environment and the templates; the only place the plugin's HTML comes from.

Templates are looked up through the theme's folders (``custom_dir`` first, the plugin's own
``templates/`` last), so a site overrides ``aicommentary/<name>.html`` like any theme partial.
Autoescaping is on: whatever an author typed reaches the page as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import jinja2

from .articles import Article
from .links import TermPages, relative_url
from .related import Related
from .taxonomy import Taxonomy, Term

TEMPLATES_DIR = str(Path(__file__).parent / "templates")
STYLESHEET = "assets/aicommentary/aicommentary.css"

ARTICLE_HEADER = "aicommentary/article_header.html"
RELATED = "aicommentary/related.html"


@dataclass(frozen=True, slots=True)
class TermLink:
    """A term as a template shows it: its name, its slug and a page-relative link (or None)."""

    kind: str
    name: str
    slug: str
    url: str | None


@dataclass(frozen=True, slots=True)
class RelatedLink:
    """One entry of the related box as the template shows it."""

    title: str
    url: str
    date: datetime | None
    stance: TermLink | None
    companies: list[TermLink]
    shared: list[str]
    """Display names of the companies and topics both posts are about."""
    similar_text: bool
    pinned: bool
    counterpoint: bool


def readable_date(value: datetime | None, date_format: str | None = None) -> str:
    """ "20 November 2026" unless the site set a strftime format."""
    if value is None:
        return ""
    if date_format:
        return value.strftime(date_format)
    return f"{value.day} {value:%B %Y}"


class Renderer:
    """Renders the plugin's templates for one build."""

    def __init__(
        self,
        theme_dirs: Sequence[str],
        taxonomy: Taxonomy,
        term_pages: TermPages,
        date_format: str | None = None,
    ) -> None:
        self.taxonomy = taxonomy
        self.term_pages = term_pages
        self.date_format = date_format
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(list(theme_dirs)),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )
        self.env.filters["readable_date"] = lambda value: readable_date(value, self.date_format)

    def render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(**context).strip()

    def term_link(self, term: Term, page_url: str) -> TermLink:
        url = self.term_pages.url(term)
        link = relative_url(url, page_url) if url is not None else None
        return TermLink(term.kind, term.name, term.slug, link)

    def term_links(self, article: Article, kind: str, page_url: str) -> list[TermLink]:
        return [
            self.term_link(self.taxonomy.term(kind, name), page_url)
            for name in self.taxonomy.names_of(article, kind)
        ]

    def article_header(self, article: Article, page_url: str) -> str:
        """The stance badge, date and company/topic links shown under an article's title."""
        stances = self.term_links(article, "stances", page_url)
        return self.render(
            ARTICLE_HEADER,
            article=article,
            stance=stances[0] if stances else None,
            companies=self.term_links(article, "companies", page_url),
            topics=self.term_links(article, "topics", page_url),
        )

    def related_box(
        self,
        entries: Sequence[Related],
        page_url: str,
        heading: str,
        counterpoint_label: str,
    ) -> str:
        """The "Read next" box for the page at ``page_url``; empty when there is nothing to show."""
        if not entries:
            return ""
        links = [self._related_link(entry, page_url) for entry in entries]
        return self.render(
            RELATED, entries=links, heading=heading, counterpoint_label=counterpoint_label
        )

    def _related_link(self, entry: Related, page_url: str) -> RelatedLink:
        other = entry.article
        stances = self.term_links(other, "stances", page_url)
        shared = [self.taxonomy.term("companies", name).name for name in entry.companies]
        shared += [self.taxonomy.term("topics", name).name for name in entry.topics]
        return RelatedLink(
            title=other.title,
            url=relative_url(other.url, page_url),
            date=other.date,
            stance=stances[0] if stances else None,
            companies=self.term_links(other, "companies", page_url),
            shared=shared,
            similar_text=entry.similar_text,
            pinned=entry.pinned,
            counterpoint=entry.counterpoint,
        )
