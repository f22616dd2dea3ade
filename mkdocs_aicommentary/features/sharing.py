"""What a shared link shows: Open Graph and Twitter card tags, and a description, for a post.

Plain data in, a list of tags out; the head template writes them, escaped. A tag the page
already has (written by the theme, Material's ``social`` or ``meta`` plugins, or the author's
own template) is not written again: :func:`missing_from` compares by property or name.

Spec: https://ogp.me/ (``og:*``, ``article:*``) and X's card markup (``twitter:card``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model.articles import Article, iso_utc
from ..model.images import PageImage


@dataclass(frozen=True, slots=True)
class MetaTag:
    """``<meta property="og:title" content="...">``; ``attribute`` is ``property`` or ``name``."""

    attribute: str
    key: str
    content: str


def open_graph(
    article: Article,
    *,
    url: str | None,
    site_name: str,
    description: str,
    author_urls: Sequence[str],
    tags: Iterable[str],
    image: PageImage | None = None,
) -> list[MetaTag]:
    """The tags for one post; ``url`` is its absolute URL (none without ``site_url``), and so
    is ``image``'s, which makes the card large; ``author_urls`` are its authors' profile
    pages, as ``article:author`` wants them (an author without one is left out)."""
    tags_out = [
        MetaTag("property", "og:type", "article"),
        MetaTag("property", "og:title", article.title),
    ]
    if description:
        tags_out.append(MetaTag("name", "description", description))
        tags_out.append(MetaTag("property", "og:description", description))
    if url:
        tags_out.append(MetaTag("property", "og:url", url))
    if site_name:
        tags_out.append(MetaTag("property", "og:site_name", site_name))
    if article.date is not None:
        tags_out.append(MetaTag("property", "article:published_time", iso_utc(article.date)))
    if article.updated is not None:
        tags_out.append(MetaTag("property", "article:modified_time", iso_utc(article.updated)))
    for author_url in author_urls:
        tags_out.append(MetaTag("property", "article:author", author_url))
    for tag in dict.fromkeys(tags):
        tags_out.append(MetaTag("property", "article:tag", tag))
    if image is not None:
        return tags_out + image_tags(image)
    tags_out.append(MetaTag("name", "twitter:card", "summary"))
    return tags_out


def image_tags(image: PageImage) -> list[MetaTag]:
    """``og:image`` and what Open Graph says of it, and X's large image card; ``image.url``
    must be absolute."""
    tags = [MetaTag("property", "og:image", image.url)]
    if image.media_type:
        tags.append(MetaTag("property", "og:image:type", image.media_type))
    if image.width and image.height:
        tags.append(MetaTag("property", "og:image:width", str(image.width)))
        tags.append(MetaTag("property", "og:image:height", str(image.height)))
    if image.alt:
        tags.append(MetaTag("property", "og:image:alt", image.alt))
        tags.append(MetaTag("name", "twitter:image:alt", image.alt))
    tags.append(MetaTag("name", "twitter:card", "summary_large_image"))
    return tags


def missing_from(head: str, tags: Sequence[MetaTag]) -> list[MetaTag]:
    """The tags whose property (or name) ``head`` does not have yet. Repeatable properties
    (``article:tag``, ``article:author``) count as present when any one of them is. An image
    the page has already (Material's ``social`` cards) keeps its own size and text: none of
    the post's image tags are added beside it."""
    present = {match.lower() for match in _META_KEY.findall(head)}
    has_image = "og:image" in present
    return [
        tag
        for tag in tags
        if tag.key.lower() not in present and not (has_image and tag.key in _IMAGE_KEYS)
    ]


_IMAGE_KEYS = frozenset(
    {"og:image:type", "og:image:width", "og:image:height", "og:image:alt", "twitter:image:alt"}
)


_META_KEY = re.compile(r"""<meta\b[^>]*?\b(?:property|name)\s*=\s*["']?([\w:.-]+)""", re.I)
