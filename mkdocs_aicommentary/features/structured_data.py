"""schema.org JSON-LD: what search engines read about a post and about an index page.

A post is an ``Article`` of the type the site chose for it (``OpinionNewsArticle`` for one that
takes a stance, ``BlogPosting`` for one that does not, by default) with what Google's Article
guidelines ask for: the headline, both dates (``dateModified`` is ``datePublished`` until the
post is updated; times in UTC, as the Open Graph tags give them), each author with the URL of
their page where one is known, the publisher with its logo, and ``about`` naming each subject
company as an ``Organization``. An index page is a ``CollectionPage`` whose main entity is the
``ItemList`` of what it lists, with the ``BreadcrumbList`` that leads to it.

The JSON goes inside ``<script type="application/ld+json">``, where the HTML parser ends the
script at the first ``</script>`` whatever JSON thinks of it; so ``<``, ``>`` and ``&`` are
written as ``\\u003c``, ``\\u003e`` and ``\\u0026``, which JSON reads back unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..model.articles import Article, Person, iso_utc
from ..model.index_kinds import COMPANIES, TOPICS
from ..model.taxonomy import Taxonomy


@dataclass(frozen=True)
class Publisher:
    """Who publishes the site, as every post's JSON-LD names it."""

    name: str
    url: str | None = None
    """The site's absolute URL."""
    logo: str | None = None
    """The absolute URL of its logo."""
    site_author_type: str = "Person"
    """What the site's author (``site_author``) is: a ``Person`` or an ``Organization``."""


def article_data(
    article: Article,
    *,
    schema_type: str,
    publisher: Publisher,
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
    ``author_page``'s, the absolute URL of their page on the site, if any; the
    ``default_authors`` (the site's author, for a post that names none) are of the type
    ``publisher`` says."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "headline": article.title,
    }
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = url
    if article.date is not None:
        data["datePublished"] = iso_utc(article.date)
        data["dateModified"] = iso_utc(article.updated or article.date)
    elif article.updated is not None:
        data["dateModified"] = iso_utc(article.updated)
    authors, author_type = article.authors, "Person"
    if not authors:
        authors, author_type = default_authors, publisher.site_author_type
    if authors:
        people = [
            _person(author, author.url or author_page(author), author_type) for author in authors
        ]
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
    if publisher.name:
        data["publisher"] = _organization(publisher)
    return data


def _organization(publisher: Publisher) -> dict[str, object]:
    organization: dict[str, object] = {"@type": "Organization", "name": publisher.name}
    if publisher.url:
        organization["url"] = publisher.url
    if publisher.logo:
        organization["logo"] = {"@type": "ImageObject", "url": publisher.logo}
    return organization


def _person(author: Person, url: str | None, schema_type: str) -> dict[str, str]:
    return {"@type": schema_type, "name": author.name, **({"url": url} if url else {})}


def collection_data(
    *,
    name: str,
    url: str,
    items: Sequence[tuple[str, str]],
    trail: Sequence[tuple[str, str]],
    publisher: Publisher,
) -> dict[str, object]:
    """The JSON-LD object for an index page at the absolute ``url``: ``items`` (name and
    absolute URL of each post or term it lists, in its order) as its ``ItemList``, ``trail``
    (name and absolute URL, from the home page to this page) as its ``BreadcrumbList``."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": name,
        "url": url,
        "mainEntity": {
            "@type": "ItemList",
            "numberOfItems": len(items),
            "itemListElement": [
                {"@type": "ListItem", "position": number, "name": item_name, "url": item_url}
                for number, (item_name, item_url) in enumerate(items, 1)
            ],
        },
        "breadcrumb": {
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": number, "name": step_name, "item": step_url}
                for number, (step_name, step_url) in enumerate(trail, 1)
            ],
        },
    }
    if publisher.name:
        data["publisher"] = _organization(publisher)
    return data


def script_json(data: object) -> str:
    """JSON that can sit inside a ``<script>`` element: no ``<``, ``>`` or ``&`` in the text."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Three replaces: str.translate looks every character up in a table, several times slower.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
