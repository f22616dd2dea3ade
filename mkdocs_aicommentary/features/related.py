"""Related articles: plain articles in, for each a short ranked list with its reasons out.

The ranking never compares every pair of posts. It builds inverted indexes once (company ->
posts, topic -> posts, distinctive word -> posts) and scores, for each post, only the posts found
in its own postings, then keeps the top few with ``heapq``. Postings are in date order, and a
company, topic or word shared by very many posts links a post only to the ``window`` posts on
either side of it in that list (its neighbours in time; ``text_window`` for words), so the work
per post is bounded and the whole ranking grows close to linearly with the site.

Signals, each weighted by an option:

* companies and topics: every shared one adds its rarity, ``ln(1 + N/df) / ln(1 + N/2)``
  (1.0 for a name only two posts share, less the more posts carry it, as with IDF); a topic on
  more than ``topic_cutoff`` of all posts says nothing and is ignored.
* text: cosine similarity of the posts' distinctive words (TF-IDF over the Markdown body with
  markup and the stop words of the site's language removed, the ``terms`` highest-weighted
  words of each post).
* recency: a small bonus for posts close in date, ``1 / (1 + days apart / 60)``; it reorders
  related posts but never makes an unrelated post related (``min_score`` ignores it).

The work is split by job: ``PublicPosts`` numbers the posts in date order (the ids every
list holds), ``NamePostings`` collects the company and topic lists, ``TextVectors`` makes each
post's distinctive words and the word lists, and ``RelatedIndex`` scores a post's window of
candidates and picks its box.

Stance is not a similarity signal. It only picks the counterpoint: the best-scoring post on a
shared company that takes a different stance, marked as "the other side" (it takes the last
slot when its score alone would not get it into the box).
"""

from __future__ import annotations

import functools
import heapq
import math
import posixpath
import re
import string
import sys
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import filterfalse
from urllib.parse import unquote

from ..i18n.translations import BUILT_IN, FALLBACK
from ..model.articles import Article, Problem, content_key
from ..model.slugs import name_key

__all__ = [
    "Related",
    "RelatedIndex",
    "RelatedOptions",
    "TextCache",
    "Weights",
    "rank",
    "resolve_pins",
    "tokenize",
]

RECENCY_DAYS = 60.0
"""Days apart at which the recency bonus has halved."""
MIN_COMMON = 10
"""A topic is never too common to count while fewer posts than this carry it (small sites)."""
SIMILAR_WORDING = 0.2
"""Text similarity (cosine) from which a result's reasons say "similar wording"."""

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_NO_DATE = -1e12  # Sorts undated posts first and keeps them out of the recency bonus.
_SUBLINEAR_SIZE = 1024
_SUBLINEAR = [0.0, *(1.0 + math.log(count) for count in range(1, _SUBLINEAR_SIZE))]
"""``1 + ln count`` for counts under ``_SUBLINEAR_SIZE`` (nearly every word's), looked up
rather than computed: the text vectors need it for every word of every post."""

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


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each signal counts; see the module docstring for what each one measures."""

    companies: float = 1.0
    topics: float = 0.8
    text: float = 1.5
    recency: float = 0.2


@dataclass(frozen=True, slots=True)
class RelatedOptions:
    count: int = 4
    """Entries per box, pins and the counterpoint included (pins beyond it are all kept)."""
    min_score: float = 0.3
    """Similarity (without the recency bonus) a post needs to be shown."""
    counterpoint: bool = True
    weights: Weights = field(default_factory=Weights)
    topic_cutoff: float = 0.25
    """Share of all posts above which a topic is too common to count."""
    terms: int = 10
    """Distinctive words kept per post for the text signal."""
    window: int = 25
    """Posts looked at on either side (in date order) in a long company or topic list."""
    text_window: int = 12
    """The same for a word list (a post is in ``terms`` of them, each counting for less);
    the plugin sets it to half of ``window``."""
    stop_words: frozenset[str] = ENGLISH_STOP_WORDS
    """Words left out of the text signal (the plugin gives the site language's; words under
    three letters never count)."""


@dataclass(frozen=True, slots=True)
class Related:
    """One entry of an article's box: the post, its score and why it was chosen (the template
    words the reason: "Also on NVIDIA · open-source AI · similar wording")."""

    article: Article
    score: float
    companies: tuple[str, ...] = ()
    """Shared companies, as the page being read spells them."""
    topics: tuple[str, ...] = ()
    """Shared topics that count (too common ones are left out)."""
    similar_text: bool = False
    pinned: bool = False
    """The author listed it in front matter ``related``."""
    counterpoint: bool = False
    """It is the other side: same company, different stance."""


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


def _days(article: Article) -> float:
    if article.date is None:
        return _NO_DATE
    return (article.date - _EPOCH).total_seconds() / 86400.0


def _date_key(article: Article) -> tuple[float, str]:
    return (_days(article), article.src_path)


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


class RelatedIndex:
    """The ranking of one build: postings and text vectors made once, then asked for every
    article's box."""

    def __init__(
        self,
        articles: Iterable[Article],
        options: RelatedOptions | None = None,
        cache: TextCache | None = None,
    ) -> None:
        self.options = options = options or RelatedOptions()
        articles = list(articles)
        self.public = PublicPosts(articles)
        self.names = NamePostings(articles, self.public, options)
        self.text = TextVectors(
            articles, self.public, cache if cache is not None else TextCache(), options
        )

    def scores(self, article: Article) -> tuple[dict[int, float], set[int]]:
        """Similarity to every candidate post (by id), and the candidates sharing a company.

        Only the posts in the article's own postings are visited; in a posting list longer than
        ``2 * window + 1``, only the ``window`` posts on either side of the article's place in
        date order. Whether two posts meet in a list depends only on how far apart they are in
        it, so a score is the same seen from either post.

        The window is the ``reach`` ids on either side of ``centre`` in a list: the post's own
        id, with its own entry between the two sides (``own_entry``), or for a draft, which is
        in no list, the id of the first public post after it. It is worked out inline in both
        loops, like the plain loops that add up the scores (on Python 3.11 they beat chains of
        ``map`` and ``zip``): this runs for every long list of every post, where even a
        function call shows in the benchmark.
        """
        own_id = self.public.ids.get(article.src_path)
        centre = own_id if own_id is not None else self.public.first_after(article)
        own_entry = 0 if own_id is None else 1
        scores: dict[int, float] = {}
        peers: set[int] = set()

        reach = self.options.window
        long_list = 2 * reach + 1
        company_keys, topic_keys = self.names.keys[article.src_path]
        for keys, postings, is_company in (
            (company_keys, self.names.by_company, True),
            (topic_keys, self.names.by_topic, False),
        ):
            for key in keys:
                name_posting = postings.get(key)
                if name_posting is None:
                    continue
                ids, gain = name_posting
                if len(ids) > long_list:
                    at = bisect_left(ids, centre)
                    ids = ids[at - reach if at > reach else 0 : at + reach + own_entry]
                for post_id in ids:
                    if post_id in scores:
                        scores[post_id] += gain
                    else:
                        scores[post_id] = gain
                if is_company:
                    peers.update(ids)

        text_weight = self.options.weights.text
        if text_weight:
            reach = self.options.text_window
            long_list = 2 * reach + 1
            by_word = self.text.by_word
            for word, weight in self.text.vectors[article.src_path].items():
                word_posting = by_word.get(word)
                if word_posting is None:
                    continue
                ids, their_weights = word_posting
                if len(ids) < 2 and own_id is not None:
                    continue  # Only the article itself uses the word.
                factor = text_weight * weight
                if len(ids) > long_list:
                    at = bisect_left(ids, centre)
                    low, high = (at - reach if at > reach else 0), at + reach + own_entry
                    ids, their_weights = ids[low:high], their_weights[low:high]
                for post_id, their_weight in zip(ids, their_weights, strict=True):
                    if post_id in scores:
                        scores[post_id] += factor * their_weight
                    else:
                        scores[post_id] = factor * their_weight
        if own_id is not None:
            scores.pop(own_id, None)
            peers.discard(own_id)
        return scores, peers

    def related(self, article: Article, pins: Sequence[str] = ()) -> tuple[Related, ...]:
        """The box for one article: pins first, then the best matches, best first.

        The counterpoint is marked where it ranks; when it would not make the list on its
        score, it takes the last slot.
        """
        options = self.options
        scores, peers = self.scores(article)
        pinned = [self.public.ids[path] for path in pins if path in self.public.ids]
        for post_id in pinned:
            scores.pop(post_id, None)
            peers.discard(post_id)
        free = max(0, options.count - len(pinned))
        days = _days(article)

        other_side = None
        best = self._best(scores, free, days)
        stance = article.stance
        if options.counterpoint and free >= 2 and stance:
            codes, others = self.public.stance_codes, self.public.other_stances(stance)
            opposed = {post_id: scores[post_id] for post_id in peers if codes[post_id] in others}
            counterpoint = self._best(opposed, 1, days)
            if counterpoint:
                other_side = counterpoint[0][2]
                if all(post_id != other_side for _, _, post_id in best):
                    best = [*best[: free - 1], *counterpoint]  # It takes the last slot.

        entries = [self._entry(article, post_id, 0.0, pinned=True) for post_id in pinned]
        entries += [
            self._entry(article, post_id, score, counterpoint=post_id == other_side)
            for score, _, post_id in best
        ]
        return tuple(entries)

    def _best(
        self, among: Mapping[int, float], count: int, days: float
    ) -> list[tuple[float, float, int]]:
        """The ``count`` best posts of ``among`` (id -> similarity) whose similarity reaches
        min_score, best first, as (similarity + recency bonus, minus days apart, id).

        The bonus is ``recency / (1 + days apart / RECENCY_DAYS)``; sorting these tuples puts
        the best first, and on equal scores the nearer date, then the newer post (higher id).
        An undated post is 1e12 days from everything, so it gets no bonus.

        The ``count`` most similar posts reach, with their bonus, at least some score ``floor``;
        a post more than the bonus's weight below ``floor`` cannot take the place of any of
        them, so only the posts above that line need their bonus worked out.
        """
        minimum = self.options.min_score
        if count <= 0 or not among:
            return []
        top = heapq.nlargest(count, among.values()) if count > 1 else [max(among.values())]
        if top[0] < minimum:
            return []
        recency = self.options.weights.recency
        if days == _NO_DATE or not recency:
            cut = max(minimum, top[-1]) if len(top) == count else minimum
            return heapq.nlargest(
                count, [(score, 0.0, post_id) for post_id, score in among.items() if score >= cut]
            )
        cut, kth, found = minimum, top[-1], 0
        all_days = self.public.days
        if len(top) == count and kth >= minimum:
            floor = math.inf
            for post_id, score in among.items():
                if score >= kth:
                    apart = abs(all_days[post_id] - days)
                    floor = min(floor, score + recency / (1.0 + apart / RECENCY_DAYS))
                    found += 1
                    if found == count:
                        break
            cut = max(minimum, floor - recency - 1e-9)
        ranked = []
        for post_id, score in among.items():
            if score >= cut:
                apart = abs(all_days[post_id] - days)
                ranked.append((score + recency / (1.0 + apart / RECENCY_DAYS), -apart, post_id))
        return heapq.nlargest(count, ranked)

    def _entry(
        self,
        article: Article,
        post_id: int,
        score: float,
        *,
        pinned: bool = False,
        counterpoint: bool = False,
    ) -> Related:
        other = self.public.posts[post_id]
        companies, topics = self.names.shared(article.src_path, other.src_path)
        return Related(
            article=other,
            score=score,
            companies=companies,
            topics=topics,
            similar_text=self.text.cosine(article.src_path, other.src_path) >= SIMILAR_WORDING,
            pinned=pinned,
            counterpoint=counterpoint,
        )


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


def rank(
    articles: Iterable[Article],
    options: RelatedOptions | None = None,
    pins: Mapping[str, Sequence[str]] | None = None,
    cache: TextCache | None = None,
) -> dict[str, tuple[Related, ...]]:
    """Every article's box (articles with ``related: false`` or nothing to show are left out)."""
    articles = list(articles)
    index = RelatedIndex(articles, options, cache)
    pins = pins or {}
    boxes: dict[str, tuple[Related, ...]] = {}
    for article in articles:
        if not article.shows_related:
            continue
        entries = index.related(article, pins.get(article.src_path, ()))
        if entries:
            boxes[article.src_path] = entries
    return boxes
