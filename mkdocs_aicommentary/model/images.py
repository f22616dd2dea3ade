"""The image that stands for a page: an author's lead image or a generated social card."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageImage:
    """One image as every consumer needs it (the head, JSON-LD, feeds, listings, the header).

    ``url`` is a site-relative path without a leading slash (``assets/x.png``, resolved against
    ``site_url`` where an absolute URL is needed) or an absolute ``https://`` URL. Width and
    height are in pixels where known, so pages reserve the space and Open Graph can say them.
    """

    url: str
    alt: str
    width: int | None = None
    height: int | None = None
    media_type: str | None = None
