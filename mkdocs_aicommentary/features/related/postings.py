"""The lists the ranking walks, built once per build: the public posts numbered in date order,
the posts of each company and topic, and each post's distinctive words with the posts of each
word."""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from ...model.articles import Article
from ...model.slugs import name_key
from .words import TextCache

if TYPE_CHECKING:
    from .ranking import RelatedOptions

__all__ = ["NO_DATE", "NamePostings", "PublicPosts", "TextVectors", "day_number"]

MIN_COMMON = 10
"""A topic is never too common to count while fewer posts than this carry it (small sites)."""

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
NO_DATE = -1e12  # Sorts undated posts first and keeps them out of the recency bonus.
_SUBLINEAR_SIZE = 1024
_SUBLINEAR = [0.0, *(1.0 + math.log(count) for count in range(1, _SUBLINEAR_SIZE))]
"""``1 + ln count`` for counts under ``_SUBLINEAR_SIZE`` (nearly every word's), looked up
rather than computed: the text vectors need it for every word of every post."""


def day_number(article: Article) -> float:
    if article.date is None:
        return NO_DATE
    return (article.date - EPOCH).total_seconds() / 86400.0


def _date_key(article: Article) -> tuple[float, str]:
    return (day_number(article), article.src_path)


class PublicPosts:
    """The public posts numbered in date order (then by path): a post's number is its id.

    Every posting list holds ids in this order, so a post's neighbours in time are its
    neighbours in any list, found with ``bisect``. Drafts get no id: they are never listed.
    """

    def __init__(self, articles: Iterable[Article]) -> None:
        self.posts = sorted((article for article in articles if not article.draft), key=_date_key)
        """The posts by id."""
        self.ids = {post.src_path: post_id for post_id, post in enumerate(self.posts)}
        """Source path -> id."""
        self._keys = [_date_key(post) for post in self.posts]
        self.days = [days for days, _ in self._keys]
        """Each post's date in days since 1970 (by id), for the recency bonus."""
        names = sorted({post.stance for post in self.posts if post.stance})
        codes: dict[str | None, int] = {name: code for code, name in enumerate(names)}
        self.stance_codes = [codes.get(post.stance, -1) for post in self.posts]
        """Each post's stance as a small number (by id; -1: none). Whether a candidate takes
        another stance is then one look-up of an int in ``other_stances``, which is measurably
        faster than comparing stance names for every candidate of every post."""
        self._all_codes = frozenset(codes.values())
        self._other_codes = {
            stance: frozenset(other for name, other in codes.items() if name != stance)
            for stance in codes
        }

    def first_after(self, article: Article) -> int:
        """The id of the first public post after ``article`` in date order (a draft's place)."""
        return bisect_left(self._keys, _date_key(article))

    def other_stances(self, stance: str) -> frozenset[int]:
        """The codes of every stance of a public post but ``stance``."""
        return self._other_codes.get(stance, self._all_codes)


# Posting lists are plain tuples, unpacked where they are read: unpacking a NamedTuple takes
# a slower path in Python 3.11, which shows in the ranking benchmark.
NamePosting = tuple[list[int], float]
"""A company or topic: the ids of the public posts carrying it (in date order), and what
sharing it adds to a score, the signal's weight times its rarity."""
WordPosting = tuple[list[int], list[float]]
"""A distinctive word: the ids of the public posts having it among their terms (in date
order), and its weight in each."""


class NamePostings:
    """Companies and topics: each post's names, and name -> the public posts carrying it.

    Names are compared by ``name_key`` (case and spacing do not matter); a post keeps its own
    spelling for the reasons shown to readers.
    """

    def __init__(
        self, articles: Sequence[Article], public: PublicPosts, options: RelatedOptions
    ) -> None:
        key_of: dict[str, str] = {}
        self.names = {
            article.src_path: (_names(article.companies, key_of), _names(article.topics, key_of))
            for article in articles
        }
        """Per post: its companies and its topics as (name key, name), one per different name."""
        self.keys = {
            path: (tuple(key for key, _ in companies), tuple(key for key, _ in topics))
            for path, (companies, topics) in self.names.items()
        }
        """Per post: the keys of its companies and of its topics."""
        company_ids: dict[str, list[int]] = {}
        topic_ids: dict[str, list[int]] = {}
        for post_id, post in enumerate(public.posts):
            company_keys, topic_keys = self.keys[post.src_path]
            for key in company_keys:
                company_ids.setdefault(key, []).append(post_id)
            for key in topic_keys:
                topic_ids.setdefault(key, []).append(post_id)
        total = len(public.posts)
        too_common = max(options.topic_cutoff * total, MIN_COMMON - 1)
        scale = math.log1p(total / 2) if total else 1.0
        weights = options.weights

        def posting(ids: list[int], weight: float) -> NamePosting:
            return (ids, weight * math.log1p(total / len(ids)) / scale)

        # Kept with a weight of 0 too: a shared company still picks the counterpoint.
        self.by_company: dict[str, NamePosting] = {
            key: posting(ids, weights.companies) for key, ids in company_ids.items()
        }
        self.by_topic: dict[str, NamePosting] = {
            key: posting(ids, weights.topics)
            for key, ids in topic_ids.items()
            if weights.topics and len(ids) <= too_common
        }
        """Only the topics that count: not too common, and a topic weight above 0."""

    def shared(self, reader: str, other: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The companies and the counted topics both posts carry, as ``reader`` spells them."""
        my_companies, my_topics = self.names[reader]
        their_companies, their_topics = self.keys[other]
        counted = self.by_topic
        return (
            tuple([name for key, name in my_companies if key in their_companies]),
            tuple([name for key, name in my_topics if key in their_topics and key in counted]),
        )


class TextVectors:
    """Each post's distinctive words as a unit-length TF-IDF vector, and word -> posts.

    Word counts come from the ``TextCache``; the IDF depends on every public post, so the
    vectors are made anew each build. Words only one post uses, words every post uses and
    numbers ("2026", "3x") have no IDF and never become terms.
    """

    def __init__(
        self,
        articles: Sequence[Article],
        public: PublicPosts,
        cache: TextCache,
        options: RelatedOptions,
    ) -> None:
        cache.count_without(options.stop_words)
        hashes = [cache.key(article.body) for article in articles]
        counts = {
            article.src_path: cache.counts(article.body, key)
            for article, key in zip(articles, hashes, strict=True)
        }
        cache.retain(hashes)
        total = len(public.posts)
        frequency: Counter[str] = Counter()
        for post in public.posts:
            frequency.update(counts[post.src_path].keys())
        self.idf = {
            word: math.log(total / df)
            for word, df in frequency.items()
            if 1 < df < total and not word[0].isdigit()
        }
        self.terms = options.terms
        self.vectors = {
            article.src_path: self._vector(counts[article.src_path]) for article in articles
        }
        """Per post: its ``terms`` distinctive words and their weights."""
        self.by_word: dict[str, WordPosting] = {}
        for post_id, post in enumerate(public.posts):
            for word, weight in self.vectors[post.src_path].items():
                if word not in self.by_word:
                    self.by_word[word] = ([], [])
                ids, weights = self.by_word[word]
                ids.append(post_id)
                weights.append(weight)

    def _vector(self, counts: Mapping[str, int]) -> dict[str, float]:
        """The post's ``terms`` best words, weighted ``(1 + ln count) * idf`` (sublinear counts,
        looked up in a table for counts under 1024), ties broken by the word, scaled to unit
        length."""
        idf = self.idf
        weighted = [
            (
                (_SUBLINEAR[count] if count < _SUBLINEAR_SIZE else 1 + math.log(count)) * idf[word],
                word,
            )
            for word, count in counts.items()
            if word in idf
        ]
        kept = heapq.nlargest(self.terms, weighted)
        norm = math.sqrt(sum(weight * weight for weight, _ in kept)) or 1.0
        return {word: weight / norm for weight, word in kept}

    def cosine(self, first: str, second: str) -> float:
        """How alike two posts' wording is, 0 to 1."""
        theirs = self.vectors[second]
        cosine = 0.0
        for word, weight in self.vectors[first].items():
            if word in theirs:
                cosine += weight * theirs[word]
        return cosine


def _names(names: Sequence[str], keys: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """(name key, name) for each different name, in order, first spelling kept.

    ``keys`` remembers the key of every spelling seen: sites use few names, many times.
    """
    unique: dict[str, str] = {}
    for name in names:
        key = keys.get(name)
        if key is None:
            key = keys[name] = name_key(name)
        unique.setdefault(key, name)
    return tuple(unique.items())
