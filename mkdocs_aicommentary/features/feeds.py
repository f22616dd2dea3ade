"""RSS 2.0 and JSON Feed 1.1 documents: the whole site's, one per company, topic or stance, and
the daily digest (one item per day with posts, for newsletter tools that send one email a day).

Plain data in, text out. Every link is absolute (feed readers fetch items out of context), and
dates come from the articles, never from the clock, so two builds of the same site give the same
bytes. XML is written with ElementTree and JSON with ``json``, which do all the escaping.

Specs: https://www.rssboard.org/rss-specification and https://www.jsonfeed.org/version/1.1/
"""

from __future__ import annotations

import html as html_text
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from email.utils import format_datetime
from xml.etree import ElementTree as etree

from ..html.absolute_html import absolute_links
from ..html.feed_content import feed_fragment
from ..html.links import absolute_image, absolute_url
from ..model.articles import Article, Person, in_utc, iso_utc
from ..model.images import PageImage
from ..model.taxonomy import Taxonomy
from .excerpts import excerpt

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
MEDIA = "http://search.yahoo.com/mrss/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
RSS_TYPE = "application/rss+xml"
JSON_TYPE = "application/feed+json"
DIGEST_FILES = ("digest.xml", "digest.json")
"""Where the daily digest's RSS and JSON Feed live, at the site's root."""


@dataclass(frozen=True, slots=True)
class FeedLink:
    """A feed as a page's ``<link rel="alternate">`` names it."""

    type: str
    title: str
    href: str


@dataclass(frozen=True, slots=True)
class FeedItem:
    url: str
    """Absolute URL of the article, also its id."""
    title: str
    summary: str
    date: datetime | None = None
    """Naive UTC, as on Article."""
    updated: datetime | None = None
    authors: tuple[Person, ...] = ()
    tags: tuple[str, ...] = ()
    content_html: str | None = None
    """The whole post as HTML with absolute links (site feeds), or None for summaries only."""
    image: PageImage | None = None
    """The post's image, its ``url`` absolute."""
    guid: str | None = None
    """The item's id when it is not its URL (a digest's day): no permalink."""


@dataclass(frozen=True, slots=True)
class Feed:
    title: str
    description: str
    home_url: str
    """Absolute URL of the page the feed belongs to."""
    rss_url: str
    json_url: str
    items: tuple[FeedItem, ...]
    language: str | None = None


def rss(feed: Feed) -> str:
    """The feed as an RSS 2.0 document."""
    etree.register_namespace("atom", ATOM)
    etree.register_namespace("dc", DC)
    etree.register_namespace("content", CONTENT)
    etree.register_namespace("media", MEDIA)
    root = etree.Element("rss", {"version": "2.0"})
    channel = etree.SubElement(root, "channel")
    _text(channel, "title", feed.title)
    _text(channel, "link", feed.home_url)
    _text(channel, "description", feed.description)
    etree.SubElement(
        channel, f"{{{ATOM}}}link", {"href": feed.rss_url, "rel": "self", "type": RSS_TYPE}
    )
    if feed.language:
        _text(channel, "language", feed.language)
    newest = _newest(feed.items)
    if newest is not None:
        _text(channel, "lastBuildDate", _rfc822(newest))
    _text(channel, "docs", "https://www.rssboard.org/rss-specification")
    for item in feed.items:
        element = etree.SubElement(channel, "item")
        _text(element, "title", item.title)
        _text(element, "link", item.url)
        _text(element, "description", item.summary)
        if item.content_html is not None:
            _text(element, f"{{{CONTENT}}}encoded", item.content_html)
        if item.image is not None:
            _media_content(element, item.image)
        for author in item.authors:
            _text(element, f"{{{DC}}}creator", author.name)
        for tag in item.tags:
            _text(element, "category", tag)
        if item.guid is None:
            etree.SubElement(element, "guid", {"isPermaLink": "true"}).text = item.url
        else:
            etree.SubElement(element, "guid", {"isPermaLink": "false"}).text = item.guid
        if item.date is not None:
            _text(element, "pubDate", _rfc822(item.date))
    etree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, "unicode") + "\n"


def json_feed(feed: Feed) -> str:
    """The feed as a JSON Feed 1.1 document."""
    document: dict[str, object] = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "home_page_url": feed.home_url,
        "feed_url": feed.json_url,
        "description": feed.description,
    }
    if feed.language:
        document["language"] = feed.language
    items = []
    for item in feed.items:
        entry: dict[str, object] = {
            "id": item.guid or item.url,
            "url": item.url,
            "title": item.title,
            "summary": item.summary,
        }
        if item.content_html is not None:
            entry["content_html"] = item.content_html
        else:
            entry["content_text"] = item.summary
        if item.image is not None:
            entry["image"] = item.image.url
        if item.date is not None:
            entry["date_published"] = iso_utc(item.date)
        if item.updated is not None:
            entry["date_modified"] = iso_utc(item.updated)
        if item.authors:
            entry["authors"] = [_json_author(person) for person in item.authors]
        if item.tags:
            entry["tags"] = list(item.tags)
        items.append(entry)
    document["items"] = items
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _media_content(item: etree.Element, image: PageImage) -> None:
    """Media RSS's ``<media:content>``: what feed readers show as an item's picture (an
    ``enclosure`` would need the file's length in bytes, which an https image hides)."""
    attributes = {"url": image.url, "medium": "image"}
    if image.media_type:
        attributes["type"] = image.media_type
    if image.width and image.height:
        attributes |= {"width": str(image.width), "height": str(image.height)}
    media = etree.SubElement(item, f"{{{MEDIA}}}content", attributes)
    if image.alt:
        _text(media, f"{{{MEDIA}}}description", image.alt)


def image_html(image: PageImage) -> str:
    """The image as the first thing of a post's full content in a feed."""
    size = f' width="{image.width}" height="{image.height}"' if image.width and image.height else ""
    alt = html_text.escape(image.alt)
    return f'<p><img src="{html_text.escape(image.url)}" alt="{alt}"{size}></p>\n'


def _json_author(person: Person) -> dict[str, str]:
    return {"name": person.name, **({"url": person.url} if person.url else {})}


def _text(parent: etree.Element, tag: str, text: str) -> None:
    etree.SubElement(parent, tag).text = _xml_safe(text)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""The characters XML 1.0 cannot carry at all, even escaped."""


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _newest(items: Sequence[FeedItem]) -> datetime | None:
    dates = [item.date for item in items if item.date is not None]
    return max(dates) if dates else None


def _rfc822(value: datetime) -> str:
    return format_datetime(in_utc(value).replace(tzinfo=timezone.utc))


def article_feed(
    *,
    title: str,
    description: str,
    site_url: str,
    page_url: str,
    folder: str,
    articles: Sequence[Article],
    url_of: Callable[[str], str | None],
    limit: int,
    taxonomy: Taxonomy,
    default_authors: tuple[Person, ...] = (),
    language: str | None = None,
    content_of: Callable[[str], str | None] | None = None,
    image_of: Callable[[str], PageImage | None] = lambda src_path: None,
    lead_image_of: Callable[[str], PageImage | None] = lambda src_path: None,
) -> Feed:
    """The newest ``limit`` of ``articles`` (already in listing order) as a Feed.

    ``page_url`` is the site-relative URL of the page the feed belongs to; ``folder`` is where
    ``feed.xml`` and ``feed.json`` live (``companies/nvidia``; ``""`` for the site root);
    ``url_of`` gives the URL at which a post's source is written (None: it is not, and stays
    out of the feed);
    ``taxonomy`` names each post's categories as its pages do; ``content_of`` gives a
    post's rendered HTML for full-content feeds (made a fragment without permalink marks or a
    leading heading that only repeats the title, :func:`..html.feed_content.feed_fragment`,
    and its links absolute here); ``image_of`` gives the image that stands for a post
    (``media:content``, JSON Feed's ``image``), ``lead_image_of`` the one its page shows
    under the title, which full content begins with (a generated card only repeats the
    title).
    """
    items = []
    for article in articles:
        url = url_of(article.src_path)
        if url is None:
            continue
        absolute = absolute_url(site_url, url)
        html = content_of(article.src_path) if content_of is not None else None
        if html is not None:
            html = feed_fragment(html, article.title, heading_is_title=article.heading_is_title)
        content = absolute_links(html, absolute) if html is not None else None
        image = image_of(article.src_path)
        if image is not None:
            image = absolute_image(site_url, image)
        lead = lead_image_of(article.src_path)
        if lead is not None and content is not None:
            lead = absolute_image(site_url, lead)
            if lead.url not in content:
                content = image_html(lead) + content
        items.append(
            FeedItem(
                url=absolute,
                title=article.title,
                summary=excerpt(article),
                date=article.date,
                updated=article.updated,
                authors=article.authors or default_authors,
                tags=tuple(taxonomy.categories(article)),
                content_html=content,
                image=image,
            )
        )
        if len(items) == limit:
            break
    return Feed(
        title=title,
        description=description,
        home_url=absolute_url(site_url, page_url),
        rss_url=absolute_url(site_url, f"{folder}/feed.xml".lstrip("/")),
        json_url=absolute_url(site_url, f"{folder}/feed.json".lstrip("/")),
        items=tuple(items),
        language=language,
    )


@dataclass(frozen=True, slots=True)
class DigestPost:
    """One post as a day of the digest shows it: its title, lede and absolute link."""

    title: str
    url: str
    lede: str


def digest_feed(
    *,
    title: str,
    description: str,
    site_url: str,
    home_url: str,
    articles: Sequence[Article],
    url_of: Callable[[str], str | None],
    days: int,
    day_title: Callable[[date], str],
    day_content: Callable[[Sequence[DigestPost]], str],
    language: str | None = None,
) -> Feed:
    """The newest ``days`` days that have posts among ``articles`` (published, newest first),
    one item per day: its content (``day_content``) the day's posts in the order they
    appeared, title and lede and link each. A day is the date as the author wrote it, as the
    archive files posts; the item is dated by the day's last post, so a newsletter tool that
    sends what is new since its last run sends each day once. Undated posts are left out.

    ``home_url`` (site-relative) is where each day's item links: the archive, say."""
    by_day: dict[date, list[tuple[Article, str]]] = {}
    for article in articles:
        url = url_of(article.src_path)
        if url is None or article.date is None:
            continue
        day = article.date.date()
        if day not in by_day and len(by_day) == days:
            break
        by_day.setdefault(day, []).append((article, absolute_url(site_url, url)))
    link = absolute_url(site_url, home_url)
    rss_url = absolute_url(site_url, DIGEST_FILES[0])
    items = []
    for day, posts in by_day.items():
        in_order = posts[::-1]  # Listings are newest first; a day reads in the order it came.
        shown = [DigestPost(article.title, url, excerpt(article)) for article, url in in_order]
        items.append(
            FeedItem(
                url=link,
                title=day_title(day),
                summary=" · ".join(post.title for post in shown),
                date=max(article.date for article, _ in posts if article.date is not None),
                content_html=day_content(shown),
                guid=f"{rss_url}#{day.isoformat()}",
            )
        )
    return Feed(
        title=title,
        description=description,
        home_url=link,
        rss_url=rss_url,
        json_url=absolute_url(site_url, DIGEST_FILES[1]),
        items=tuple(items),
        language=language,
    )
