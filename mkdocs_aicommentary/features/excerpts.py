"""The short text that stands for an article in listings and feeds.

An author's ``summary`` (or ``description``) wins; otherwise the first paragraph of the body,
with its Markdown reduced to plain words. The result is plain text for templates and feeds to
escape, never markup: a listing must not inherit an unclosed tag or a stray link from a post.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model.articles import Article

EXCERPT_CHARS = 160
"""Longest excerpt taken from a body, in characters, before it is cut at a word: what a
search result shows of a meta description, and two lines under a title in a listing. (It was
300 until December 2026; the excerpt is written about ten times a post, in its head three
times and in each listing and feed that shows it.)"""
SUMMARY_CHARS = 1000
"""Longest summary shown as typed; a post is listed on every page of its topics, so a longer
one is cut at a word too."""
PARAGRAPH_CHARS = 4 * EXCERPT_CHARS
"""Characters of Markdown read for an excerpt (markup shrinks to fewer words, never more)."""
EMPHASIS_DEPTH = 3
"""Emphasis nested deeper than ``***`` and ``**`code`**`` is left as typed."""

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
# Every pattern below that looks for a closing character also stops at the next opening one
# ("[^\[\]]", not "[^\]]"): a text of a thousand "[" with no "]" is then scanned once, not
# a thousand times over.
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_LINK = re.compile(r"\[([^\[\]]+)\](?:\([^()]*\)|\[[^\[\]]*\])")
_TAG = re.compile(r"<[^<>]+>")
_EMPHASIS = re.compile(
    r"""(?P<mark>\*{1,3}|_{1,3}|~~|`+)(?=\S)
        (?P<text>(?:[^*_~`]|(?!(?P=mark))[*_~`])+?)   # no mark of the same kind inside
        (?<=\S)(?P=mark)""",
    re.VERBOSE,
)
_EMPHASIS_MARKS = frozenset("*_~`")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE_MARK = re.compile(r"^\s*(?:>\s?)+")
_HIDE_START, _HIDE_END = "\ue000", "\ue001"
_TO_HIDE = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)|\\([\\`*_{}\[\]()#+\-.!>|])|\ue000")
"""A code span (its text shown as typed, markup and backslashes included), a
backslash-escaped character, or the character that starts a hidden run: an author's own is
hidden too, so every hidden run in the text is one the plugin hid."""
_HIDDEN = re.compile(f"{_HIDE_START}([0-9]+){_HIDE_END}")


# Listings, feeds and JSON-LD all ask for the same articles, at different times in a build: the
# cache holds more posts than a site has, or a 10,000-post site made 12,000 of its excerpts a
# second time (at 8,192). What it holds beyond this build's posts are edited posts' older versions.
@lru_cache(maxsize=65536)
def excerpt(article: Article, limit: int = EXCERPT_CHARS) -> str:
    """The article's summary, or else its first paragraph as plain text (maybe shortened)."""
    if article.summary:
        return shorten(article.summary, SUMMARY_CHARS)
    opening = article.digest.opening if article.digest else first_paragraph(article.body)
    return shorten(opening, limit)


def first_paragraph(markdown: str) -> str:
    """The first run of prose lines in a Markdown body, with inline syntax removed; only its
    first ``PARAGRAPH_CHARS`` characters are read."""
    lines: list[str] = []
    length = 0
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
        length += len(lines[-1])
        if length > PARAGRAPH_CHARS:
            break
    return plain_text(" ".join(lines)[:PARAGRAPH_CHARS])


def plain_text(markdown: str) -> str:
    """Inline Markdown -> the words a reader sees."""
    # Code spans and backslash-escaped characters are words, not syntax: each is hidden until
    # the end as its number in ``kept`` between two private-use characters, which no pattern
    # below splits (none of them is syntax).
    kept: list[str] = []

    def hide(shown: str) -> str:
        kept.append(shown)
        return f"{_HIDE_START}{len(kept) - 1}{_HIDE_END}"

    text = _TO_HIDE.sub(lambda match: hide(_shown(match)), markdown)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    if not _EMPHASIS_MARKS.isdisjoint(text):  # The pattern is slow to find nothing in prose.
        for _ in range(EMPHASIS_DEPTH):  # Nested emphasis: ***bold italic***, **`code`**.
            text, found = _EMPHASIS.subn(r"\g<text>", text)
            if not found:
                break
    text = _HIDDEN.sub(lambda match: kept[int(match.group(1))], text)
    return " ".join(text.split())


def _shown(hidden: re.Match[str]) -> str:
    code, escaped = hidden.group(2), hidden.group(3)
    return code.strip() if code is not None else escaped or hidden.group(0)


def shorten(text: str, limit: int) -> str:
    """Cut at the last word boundary before ``limit`` characters and add an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:.-\u2013\u2014") + "…"
