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

import heapq
import math
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ...model.articles import Article
from .postings import NO_DATE, NamePostings, PublicPosts, TextVectors, day_number
from .words import ENGLISH_STOP_WORDS, TextCache

__all__ = ["Related", "RelatedIndex", "RelatedOptions", "Weights", "rank"]

RECENCY_DAYS = 60.0
"""Days apart at which the recency bonus has halved."""
SIMILAR_WORDING = 0.2
"""Text similarity (cosine) from which a result's reasons say "similar wording"."""


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
        days = day_number(article)

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
        if days == NO_DATE or not recency:
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
