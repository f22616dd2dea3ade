"""Pins: the posts an author lists in front matter ``related``, resolved like Markdown links to
public posts, and every link that finds none reported."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from urllib.parse import unquote

from ...model.articles import Article, Problem

__all__ = ["resolve_pins"]


def resolve_pins(articles: Iterable[Article]) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    """Each article's pinned links as source paths of public posts, and the links that fail.

    A link is resolved like a Markdown link: relative to the page, or from the docs folder when
    it starts with ``/``; a relative link that finds nothing is also tried from the docs folder.
    """
    by_path = {article.src_path: article for article in articles}
    pins: dict[str, tuple[str, ...]] = {}
    problems: list[Problem] = []
    for article in by_path.values():
        found: list[str] = []
        for link in article.related_pins:
            path = _pin_target(article.src_path, link, by_path)
            target = by_path.get(path) if path else None
            if path is None or target is None:
                expected = "no post exists at that path; link to a post's .md file"
            elif target.draft:
                expected = f"{path} is a draft, and drafts are never linked"
            elif path == article.src_path:
                expected = "a post cannot be related to itself"
            else:
                if path not in found:
                    found.append(path)
                continue
            problems.append(Problem(article.src_path, "related", link, expected))
        if found:
            pins[article.src_path] = tuple(found)
    return pins, problems


def _pin_target(src_path: str, link: str, known: Mapping[str, Article]) -> str | None:
    target = unquote(link.split("#", 1)[0].split("?", 1)[0].strip())  # %20 is a space.
    if not target or "://" in target:
        return None
    if target.startswith("/"):
        candidates = [target.lstrip("/")]
    else:
        candidates = [posixpath.join(posixpath.dirname(src_path), target), target]
    for candidate in candidates:
        path = posixpath.normpath(candidate)
        if path in known:
            return path
    return None
