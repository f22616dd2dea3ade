"""The plugin's options, as typed MkDocs config classes.

Each section of the ``aicommentary`` entry in mkdocs.yml is one class here; MkDocs validates
the types, and ``check_config`` adds the rules that span several options.
"""

from __future__ import annotations

import math

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from .companies import Company, clashing_spellings
from .related import RelatedOptions, Weights
from .slugs import slugify

DEFAULT_STANCES = {
    "bullish": "Bullish",
    "bearish": "Bearish",
    "skeptical": "Skeptical",
    "neutral": "Neutral",
    "mixed": "Mixed",
}


class CompanyConfig(base.Config):
    """One registered company: ``NVIDIA: {aliases: [Nvidia, NVDA], url: ..., ticker: NVDA}``."""

    aliases = c.ListOfItems(c.Type(str), default=[])
    url = c.Optional(c.URL())
    ticker = c.Optional(c.Type(str))


class _CompanyEntry(c.SubConfig[CompanyConfig]):
    """Lets ``Anthropic:`` with nothing after it register a company with no details."""

    def run_validation(self, value: object) -> CompanyConfig:
        return super().run_validation({} if value is None else value)


class _IndexKind(base.Config):
    enabled = c.Type(bool, default=True)


class TopicIndexConfig(_IndexKind):
    prefix = c.Type(str, default="topics")
    title = c.Type(str, default="Topics")


class CompanyIndexConfig(_IndexKind):
    prefix = c.Type(str, default="companies")
    title = c.Type(str, default="Companies")


class StanceIndexConfig(_IndexKind):
    prefix = c.Type(str, default="stances")
    title = c.Type(str, default="Stances")


class IndexConfig(base.Config):
    """Where the topic, company and stance pages live (article headers link to them)."""

    topics = c.SubConfig(TopicIndexConfig)
    companies = c.SubConfig(CompanyIndexConfig)
    stances = c.SubConfig(StanceIndexConfig)


_RANKING = RelatedOptions()  # The ranking's own defaults are the options' defaults.


class RelatedWeightsConfig(base.Config):
    """How much each signal counts in the related-articles score (see README)."""

    companies = c.Type((int, float), default=_RANKING.weights.companies)
    topics = c.Type((int, float), default=_RANKING.weights.topics)
    text = c.Type((int, float), default=_RANKING.weights.text)
    recency = c.Type((int, float), default=_RANKING.weights.recency)


class RelatedConfig(base.Config):
    """The "Read next" box at the end of each article."""

    enabled = c.Type(bool, default=True)
    count = c.Type(int, default=_RANKING.count)
    min_score = c.Type((int, float), default=_RANKING.min_score)
    heading = c.Type(str, default="Read next")
    placement = c.Choice(("end", "marker"), default="end")
    """``end``: after the article (or at its marker); ``marker``: only where the author put
    ``<!-- aicommentary:related -->``."""
    counterpoint = c.Type(bool, default=True)
    counterpoint_label = c.Type(str, default="The other side")
    topic_cutoff = c.Type((int, float), default=_RANKING.topic_cutoff)
    """Share of all posts above which a topic is too common to relate posts."""
    window = c.Type(int, default=_RANKING.window)
    """In a long company or topic list, the posts on either side in date order a post meets
    (half as many in a word list): larger finds older matches on big sites, slower."""
    weights = c.SubConfig(RelatedWeightsConfig)


class AICommentaryConfig(base.Config):
    """Options of the ``aicommentary`` plugin."""

    stances = c.DictOfItems(c.Type(str), default=dict(DEFAULT_STANCES))
    """Allowed ``stance`` values (the keys) and the label shown for each."""

    companies = c.DictOfItems(_CompanyEntry(CompanyConfig), default={})
    """Optional company registry: canonical name -> aliases, url, ticker."""

    warn_unknown_companies = c.Type(bool, default=False)
    """Warn when a post names a company the registry does not know."""

    articles = c.ListOfItems(c.Type(str), default=[])
    """Glob patterns of source paths that are posts; empty: every page with a stance or company."""

    header = c.Type(bool, default=True)
    """Show the stance badge and company/topic links under each article's title."""

    date_format = c.Optional(c.Type(str))
    """strftime format for dates shown to readers; default "20 November 2026"."""

    index = c.SubConfig(IndexConfig)

    related = c.SubConfig(RelatedConfig)


def registered_companies(config: AICommentaryConfig) -> list[Company]:
    """The ``companies`` option as plain objects for the registry."""
    return [
        Company(name, tuple(details.aliases), details.url or None, details.ticker or None)
        for name, details in config.companies.items()
    ]


def related_options(config: AICommentaryConfig) -> RelatedOptions:
    """The ``related`` section as the ranking's plain options."""
    related = config.related
    weights = related.weights
    return RelatedOptions(
        count=related.count,
        min_score=float(related.min_score),
        counterpoint=related.counterpoint,
        topic_cutoff=float(related.topic_cutoff),
        window=related.window,
        text_window=max(1, related.window // 2),
        weights=Weights(
            companies=float(weights.companies),
            topics=float(weights.topics),
            text=float(weights.text),
            recency=float(weights.recency),
        ),
    )


def check_config(config: AICommentaryConfig) -> None:
    """Reject option combinations MkDocs cannot catch by type alone, saying how to fix them."""
    if not config.stances:
        raise PluginError(
            "aicommentary: 'stances' is empty; list at least one stance, e.g. 'bullish: Bullish'."
        )
    for key in config.stances:
        if slugify(key) != key:
            raise PluginError(
                f"aicommentary: stance key {key!r} must be lowercase letters, digits and '-' "
                f"(it is used in URLs and CSS); try {slugify(key)!r} and put the display text "
                f"in its label."
            )
    for spelling, first, second in clashing_spellings(registered_companies(config)):
        raise PluginError(
            f"aicommentary: the company spelling {spelling!r} belongs to both {first!r} and "
            f"{second!r} in 'companies'; keep it under one of them."
        )
    _check_related(config.related)
    for kind in ("topics", "companies", "stances"):
        prefix = config.index[kind].prefix.strip("/")
        if not prefix or any(part in ("", ".", "..") for part in prefix.split("/")):
            raise PluginError(
                f"aicommentary: 'index.{kind}.prefix' must be a relative folder such as "
                f"{kind!r}, not {config.index[kind].prefix!r}."
            )


def _check_related(related: RelatedConfig) -> None:
    if related.count < 1:
        raise PluginError(
            f"aicommentary: 'related.count' is {related.count}; show at least 1 article, or "
            f"set 'related.enabled: false' to turn the box off."
        )
    if related.window < 1:
        raise PluginError(
            f"aicommentary: 'related.window' is {related.window}; it counts posts, so it must "
            f"be 1 or more (the default is {_RANKING.window})."
        )
    numbers = {
        "related.min_score": related.min_score,
        "related.topic_cutoff": related.topic_cutoff,
        **{f"related.weights.{name}": value for name, value in related.weights.items()},
    }
    for name, value in numbers.items():
        if isinstance(value, bool) or not math.isfinite(value) or value < 0:
            raise PluginError(
                f"aicommentary: '{name}' must be a number of 0 or more, not {value!r}."
            )
    if related.topic_cutoff > 1:
        raise PluginError(
            f"aicommentary: 'related.topic_cutoff' is a share of all posts between 0 and 1 "
            f"(0.25 means a quarter), not {related.topic_cutoff!r}."
        )
