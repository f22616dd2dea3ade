"""Metadata a page inherits from its folders (Material's ``meta`` plugin and its ``.meta.yml``
files), told apart from the page's own.

A site's ``.meta.yml`` is written for its posts (``comments: true``, a template, tags); the
plugin's generated index pages have no front matter of their own, so everything such a file
gave them is inherited, and by default taken back again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any

APPLIED = "__extends"
"""Where Material's meta plugin lists the meta files it merged into a page."""


def folder_meta_keys(meta: Mapping[str, Any], plugins: Iterable[object]) -> set[str]:
    """The keys the meta files applied to a page (``meta[APPLIED]``) hold, as the meta plugin
    among ``plugins`` read them (``plugin.meta``: path -> mapping)."""
    applied = meta.get(APPLIED)
    if not isinstance(applied, list) or not applied:
        return set()
    keys: set[str] = set()
    for plugin in plugins:
        files = getattr(plugin, "meta", None)
        options = getattr(plugin, "config", None)
        if not isinstance(files, Mapping) or not isinstance(options, Mapping):
            continue
        if "meta_file" not in options:
            continue
        for path in applied:
            defaults = files.get(path)
            if isinstance(defaults, Mapping):
                keys.update(str(key) for key in defaults)
    return keys


def drop_folder_meta(meta: MutableMapping[str, Any], plugins: Iterable[object]) -> None:
    """Take back from a page without front matter of its own what its folders' meta files
    gave it."""
    for key in folder_meta_keys(meta, plugins):
        meta.pop(key, None)
