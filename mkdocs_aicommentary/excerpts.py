"""The short text that stands for an article in listings and feeds.

An author's ``summary`` (or ``description``) wins; otherwise the first paragraph of the body,
with its Markdown reduced to plain words. The result is plain text for templates and feeds to
escape, never markup: a listing must not inherit an unclosed tag or a stray link from a post.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .articles import Article

EXCERPT_CHARS = 300
"""Longest excerpt taken from a body, in characters, before it is cut at a word."""

_FENCE = re.compile(r"^\s*(```|~~~)")
_SKIP_LINE = re.compile(
    r"""^\s*(
        \#                # heading
      | !!!|\?\?\?        # admonition
      | \[[^\]]+\]:\s     # link definition
      | [-*_](\s*[-*_]){2,}\s*$   # horizontal rule
      | \|                # table row
      | <                 # HTML block or comment
      | !\[               # image
      | \{.*\}\s*$        # attribute list
    )""",
    re.VERBOSE,
)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|~~|`+)(?=\S)(.+?)(?<=\S)\1")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE_MARK = re.compile(r"^\s*(?:>\s?)+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_HIDDEN = re.compile("\ue000([0-9]+)\ue001")


@lru_cache(maxsize=8192)  # Listings, feeds and JSON-LD all ask for the same articles.
def excerpt(article: Article, limit: int = EXCERPT_CHARS) -> str:
    """The article's summary, or else its first paragraph as plain text (maybe shortened)."""
    if article.summary:
        return article.summary
    return shorten(first_paragraph(article.body), limit)


def first_paragraph(markdown: str) -> str:
    """The first run of prose lines in a Markdown body, with inline syntax removed."""
    lines: list[str] = []
    in_fence = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            if lines:
                break
            continue
        if in_fence:
            continue
        if not line.strip() or (line.startswith(("    ", "\t")) and not lines):
            if lines:
                break
            continue
        if _SKIP_LINE.match(line):
            if lines:
                break
            continue
        lines.append(_QUOTE_MARK.sub("", _LIST_MARK.sub("", line)))
    return plain_text(" ".join(lines))


def plain_text(markdown: str) -> str:
    """Inline Markdown -> the words a reader sees."""
    # Backslash-escaped characters are words, not syntax: hide them until the end.
    text = _ESCAPE.sub(lambda match: f"\ue000{ord(match.group(1))}\ue001", markdown)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    previous = None
    while previous != text:  # Nested emphasis such as ***bold italic*** or **`code`**.
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    text = _HIDDEN.sub(lambda match: chr(int(match.group(1))), text)
    return " ".join(text.split())


def shorten(text: str, limit: int) -> str:
    """Cut at the last word boundary before ``limit`` characters and add an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:.-\u2013\u2014") + "…"
