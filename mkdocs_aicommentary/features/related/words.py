"""A post's words, counted for the text signal of the ranking: its Markdown body with the markup
and the stop words of the site's language left out, cached by content across rebuilds."""

from __future__ import annotations

import functools
import re
import string
import sys
from collections import Counter
from collections.abc import Iterable
from itertools import filterfalse

from ...i18n.translations import BUILT_IN, FALLBACK
from ...model.front_matter import content_key

__all__ = ["ENGLISH_STOP_WORDS", "TextCache", "strip_markup", "tokenize"]

# Markup removed before words are counted: code, comments, images and link targets, HTML
# tags, attribute lists and template tags, URLs. Each pattern starts with a fixed character or
# string, which the regular expression engine finds fast; "line starts with" is written as
# "\n" (the text gets one in front), as ``^`` would make the engine try every position.
# Every scan for a closing character also stops at the next opening one ("[^\[\]]", not
# "[^\]]"), and a comment or template tag left open runs to the end of the text or line: a
# body of a thousand "[" or "{{" with nothing closed is then scanned once, not a thousand times.
_FENCED_CODE = re.compile(r"\n[ \t]*(```|~~~).*?\n[ \t]*\1[^\n]*", re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_TAG = re.compile(r"<[^<>\n]+>")
_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)")
_LINK_TARGET = re.compile(r"\](?:\([^()]*\)|\[[^\[\]]*\])")
_LINK_DEFINITION = re.compile(r"\n[ \t]*\[[^\[\]\n]+\]:[^\n]*")
_BRACES = re.compile(r"\{[:#.][^{}\n]*\}|\{\{.*?(?:\}\}|$)|\{%.*?(?:%\}|$)", re.MULTILINE)
_URL = re.compile(r"://\S*")  # The scheme before it stays, and is ignored as a word.
_WWW = re.compile(r"www\.\S+")
_WORD = re.compile(r"[^\W\d_][^\W_]{2,}")
# ASCII prose is cut into words without a regular expression: every character but letters and
# digits becomes a space and capitals become small, then the text is split on spaces.
_ASCII_WORDS = str.maketrans(
    {
        **{chr(code): " " for code in range(128) if not chr(code).isalnum()},
        **{letter: letter.lower() for letter in string.ascii_uppercase},
    }
)

ENGLISH_STOP_WORDS = BUILT_IN.language(FALLBACK).stop_words
"""The stop words of a site in English (or in a language without a file), the default."""
_ALNUM = string.ascii_lowercase + string.digits
_ALWAYS_IGNORED = frozenset(
    {"ftp", "http", "https"} | {*_ALNUM} | {a + b for a in _ALNUM for b in _ALNUM}
)
"""URL schemes and every ASCII token under three characters."""


@functools.lru_cache(maxsize=16)
def _ignored(stop_words: frozenset[str]) -> frozenset[str]:
    """Stop words and ``_ALWAYS_IGNORED``, dropped in one look-up per word."""
    return stop_words | _ALWAYS_IGNORED


class TextCache:
    """Word counts of article bodies by content hash, kept across ``mkdocs serve`` rebuilds.

    Counting words is the costly part of the text signal and does not depend on the other posts,
    so an edit to one post recounts one body. ``retain`` drops bodies no longer on the site;
    ``count_without`` drops every count when the stop words change.
    """

    def __init__(self) -> None:
        self._counts: dict[bytes, dict[str, int]] = {}
        self.stop_words = ENGLISH_STOP_WORDS
        """The words the counts leave out."""
        self._ignored = _ignored(ENGLISH_STOP_WORDS)
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._counts)

    key = staticmethod(content_key)

    def counts(self, body: str, key: bytes | None = None) -> dict[str, int]:
        key = key if key is not None else self.key(body)
        counts = self._counts.get(key)
        if counts is None:
            self.misses += 1
            counts = self._counts[key] = _count_words(body, self._ignored)
        else:
            self.hits += 1
        return counts

    def count_without(self, stop_words: frozenset[str]) -> None:
        """Leave ``stop_words`` out from now on; counts made with other stop words are
        forgotten (a site whose language changed under ``mkdocs serve``)."""
        if stop_words != self.stop_words:
            self._counts.clear()
            self.stop_words = stop_words
            self._ignored = _ignored(stop_words)

    def retain(self, keys: Iterable[bytes]) -> None:
        keep = set(keys)
        for key in [key for key in self._counts if key not in keep]:
            del self._counts[key]


def strip_markup(markdown: str) -> str:
    """The prose of a Markdown body: code, HTML, link targets and URLs removed.

    Each pattern runs only when the text holds its tell-tale character: looking for one
    character is many times faster than a regular expression, or a search for two.
    """
    text = markdown
    if ("`" in text and "```" in text) or ("~" in text and "~~~" in text):
        text = _FENCED_CODE.sub("\n", "\n" + text)[1:]
    if "`" in text:
        text = _INLINE_CODE.sub(" ", text)
    if "<" in text:
        text = _TAG.sub(" ", _COMMENT.sub(" ", text))
    if "]" in text:
        if "!" in text:
            text = _IMAGE.sub(" ", text)
        text = _LINK_TARGET.sub(" ", text)
        if "]" in text:  # Not every "]" ended a link: there may be a "[label]: url" line.
            text = _LINK_DEFINITION.sub("\n", "\n" + text)[1:]
    if "{" in text:
        text = _BRACES.sub(" ", text)
    if "/" in text:
        text = _URL.sub(" ", text)
    if "www." in text:
        text = _WWW.sub(" ", text)
    return text


def tokenize(markdown: str, stop_words: frozenset[str] = ENGLISH_STOP_WORDS) -> dict[str, int]:
    """How often each word occurs in the prose: letters and digits, three characters or more,
    case-folded, not one of ``stop_words``.

    Prose in ASCII (most posts) is cut by ``str.translate`` and ``str.split``, a few times
    faster than a regular expression; other text goes through one that knows all alphabets.
    Numbers such as "2026" are counted here (in ASCII prose) and left out of the index's
    vocabulary, which is cheaper than dropping them from every post.
    """
    return _count_words(markdown, _ignored(stop_words))


def _count_words(markdown: str, ignored: frozenset[str]) -> dict[str, int]:
    """:func:`tokenize`, given every word it drops (``_ignored(stop_words)``)."""
    prose = strip_markup(markdown)
    if prose.isascii():
        words = prose.translate(_ASCII_WORDS).split()
    else:
        words = _WORD.findall(prose.casefold())
    counts = Counter(filterfalse(ignored.__contains__, words))
    # One string object per word for the whole site, not one per post: a third of the memory,
    # and look-ups that compare by identity.
    return dict(zip(map(sys.intern, counts), counts.values(), strict=True))
