"""schema.org JSON-LD for an article: what search engines read about a piece of commentary.

``OpinionNewsArticle`` by default (a site can choose ``AnalysisNewsArticle`` and the like), with
the headline, the publication date, the author, and ``about`` naming each subject company as an
``Organization``. The JSON goes inside ``<script type="application/ld+json">``, where the HTML
parser ends the script at the first ``</script>`` whatever JSON thinks of it; so ``<``, ``>`` and
``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026``, which JSON reads back unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, time

from ..model.articles import Article, Person, in_utc, iso_utc
from ..model.index_kinds import COMPANIES, TOPICS
from ..model.taxonomy import Taxonomy


def article_data(
    article: Article,
    *,
    schema_type: str,
    site_name: str,
    url: str | None = None,
    default_authors: tuple[Person, ...] = (),
    taxonomy: Taxonomy,
    company_url: Callable[[str], str | None] = lambda name: None,
    description: str | None = None,
    author_page: Callable[[Person], str | None] = lambda person: None,
    image: str | None = None,
) -> dict[str, object]:
    """The JSON-LD object for one article (plain dicts and lists, ready for ``json.dumps``).

    ``url`` is the page's absolute URL (none without ``site_url``); companies and topics go by
    the names ``taxonomy`` shows them under. An author without a URL of their own gets
    ``author_page``'s, the absolute URL of their page on the site, if any."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "headline": article.title,
    }
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = url
    if article.date is not None:
        data["datePublished"] = _iso(article.date)
    if article.updated is not None:
        data["dateModified"] = _iso(article.updated)
    authors = article.authors or default_authors
    if authors:
        people = [_person(author, author.url or author_page(author)) for author in authors]
        data["author"] = people[0] if len(people) == 1 else people
    if description:
        data["description"] = description
    if image:
        data["image"] = image
    companies = taxonomy.shown_names(article, COMPANIES.name)
    if companies:
        about = []
        for name in companies:
            organization = {"@type": "Organization", "name": name}
            website = company_url(name)
            if website:
                organization["url"] = website
            about.append(organization)
        data["about"] = about
    topics = taxonomy.shown_names(article, TOPICS.name)
    if topics:
        data["keywords"] = topics
    if site_name:
        data["publisher"] = {"@type": "Organization", "name": site_name}
    return data


def _person(author: Person, url: str | None) -> dict[str, str]:
    return {"@type": "Person", "name": author.name, **({"url": url} if url else {})}


def script_json(data: object) -> str:
    """JSON that can sit inside a ``<script>`` element: no ``<``, ``>`` or ``&`` in the text."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Three replaces: str.translate looks every character up in a table, several times slower.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _iso(value: datetime) -> str:
    """A date alone when the author gave no time (a date is midnight UTC), else the time in
    UTC: seven in the evening in New York on 31 December is 2026-01-01T00:00:00Z, not the
    date 2026-01-01."""
    utc = in_utc(value)
    if utc.time() == time() and not value.utcoffset():
        return utc.date().isoformat()
    return iso_utc(value)
