"""The Jinja environment and the templates; the only place the plugin's HTML comes from.

Templates are looked up through the theme's folders (``custom_dir`` first, the plugin's own
``templates/`` last), so a site overrides ``aicommentary/<name>.html`` like any theme partial.
Autoescaping is on: whatever an author typed reaches the page as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import jinja2

from .articles import Article
from .links import TermPages, relative_url
from .newsletter import SignupForm, is_absolute
from .taxonomy import Taxonomy, Term

TEMPLATES_DIR = str(Path(__file__).parent / "templates")
STYLESHEET = "assets/aicommentary/aicommentary.css"

ARTICLE_HEADER = "aicommentary/article_header.html"
NEWSLETTER = "aicommentary/newsletter.html"


@dataclass(frozen=True, slots=True)
class TermLink:
    """A term as a template shows it: its name, its slug and a page-relative link (or None)."""

    kind: str
    name: str
    slug: str
    url: str | None


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

    def newsletter_block(
        self,
        form: SignupForm,
        options: Mapping[str, object],
        page_url: str,
        privacy_target: str | None = None,
    ) -> str:
        """The signup block; ``privacy_target`` is an absolute URL or a site-relative path."""
        privacy_href = None
        if privacy_target is not None:
            privacy_href = (
                privacy_target
                if is_absolute(privacy_target)
                else relative_url(privacy_target.lstrip("/"), page_url)
            )
        return self.render(
            NEWSLETTER,
            form=form,
            options=options,
            privacy_href=privacy_href,
            has_note=bool(options.get("privacy") or privacy_href),
        )
