"""Which plugins beside this one cover some of its ground, read from ``config.plugins``.

Plugins are recognised by the package their class comes from, so they are found under any
name a site lists them by (``blog``, ``material/blog``) and whatever their order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from mkdocs.structure.nav import Link
from mkdocs.utils.templates import TemplateContext

from ..model.neighbours import Neighbours

SITE_FEED_WRITERS = {"mkdocs_rss_plugin": "mkdocs-rss-plugin"}
"""Packages whose plugin writes a feed of the whole site (module -> package name)."""


def find_neighbours(plugins: Iterable[object]) -> Neighbours:
    """What the enabled plugins among ``plugins`` already show or write."""
    blog, tag_field, tag_context, site_feed_by = False, None, "tags", None
    for plugin in plugins:
        options: Any = getattr(plugin, "config", None)
        if not hasattr(options, "get") or options.get("enabled", True) is False:
            continue
        package = type(plugin).__module__
        if package.startswith("material.plugins.blog"):
            blog = True
        elif package.startswith("material.plugins.tags") and _draws_chips(options):
            if tag_field is None:  # The first of several instances draws the chips.
                tag_field = str(options.get("tags_name_property") or "tags")
                tag_context = str(options.get("tags_name_variable") or "tags")
        elif site_feed_by is None:
            site_feed_by = SITE_FEED_WRITERS.get(package.split(".")[0])
    return Neighbours(blog, tag_field, tag_context, site_feed_by)


def _draws_chips(options: Any) -> bool:
    """Whether Material's tags plugin draws a page's tags (not with ``export_only``)."""
    return bool(options.get("tags", True)) and not options.get("export_only", False)


def link_tag_chips(
    context: TemplateContext,
    neighbours: Neighbours,
    links_of: Callable[[list[str]], dict[str, str]],
) -> None:
    """Lead the tag chips Material's tags plugin linked nowhere (``context["tags"]``, tag
    references without a listing) to the pages ``links_of`` gives for their names."""
    if neighbours.tag_field is None:
        return
    unlinked = [
        tag
        for tag in context.get(neighbours.tag_context) or ()  # type: ignore[attr-defined]
        if getattr(tag, "url", "") is None and isinstance(getattr(tag, "links", None), list)
    ]
    links = links_of([str(tag.name) for tag in unlinked]) if unlinked else {}
    for tag in unlinked:
        if (url := links.get(str(tag.name))) is not None:
            tag.links.append(Link(str(tag.name), url))
