"""What other plugins of the site already show or write, as far as this plugin steps aside for
them: Material's blog (its index and archive list every post), Material's tags plugin (its
chips above a page's title) and a plugin that writes the site's feed (mkdocs-rss-plugin).

Plain data, read from ``config.plugins`` once a build by :mod:`..adapter.neighbours`; what the
plugin leaves to them is decided in :mod:`..core.publication`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Neighbours:
    """The plugins beside this one that cover some of its ground; none by default."""

    blog: bool = False
    """Material's blog runs: its index lists every post, its archive files them by year."""
    tag_field: str | None = None
    """The front matter field whose names Material's tags plugin draws as chips above every
    page's title (its ``tags_name_property``, ``tags``); None without that plugin."""
    tag_context: str = "tags"
    """Where that plugin leaves a page's tags in the template context
    (``tags_name_variable``)."""
    site_feed_by: str | None = None
    """The plugin that writes the site's feed and links it from every page, by its package
    name; None when no other plugin does."""


NO_NEIGHBOURS = Neighbours()
"""A site where no other plugin covers any of this one's ground."""
