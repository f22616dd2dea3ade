"""The plugin's options, as typed MkDocs config classes.

Each section of the ``aicommentary`` entry in mkdocs.yml is one class here; MkDocs validates
the types, and ``check_config`` adds the rules that span several options.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from .companies import Company, clashing_spellings
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
    per_page = c.Type(int, default=20)
    """Articles per listing page; longer listings continue at ``<prefix>/<slug>/page/2/``."""
    nav = c.Type(bool, default=False)
    """Add Topics / Companies / Stances sections to the nav (explicit or automatic)."""
    feeds = c.Type(bool, default=True)
    """RSS 2.0 and JSON Feed 1.1 beside every company and topic page (needs ``site_url``)."""
    feed_items = c.Type(int, default=20)
    """How many of the newest articles each feed holds."""


STRUCTURED_DATA_TYPES = (
    "OpinionNewsArticle",
    "AnalysisNewsArticle",
    "NewsArticle",
    "ReportageNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "Article",
)


class StructuredDataConfig(base.Config):
    """JSON-LD in the head of every article page (schema.org)."""

    enabled = c.Type(bool, default=True)
    type = c.Choice(STRUCTURED_DATA_TYPES, default="OpinionNewsArticle")


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

    structured_data = c.SubConfig(StructuredDataConfig)


def registered_companies(config: AICommentaryConfig) -> list[Company]:
    """The ``companies`` option as plain objects for the registry."""
    return [
        Company(name, tuple(details.aliases), details.url or None, details.ticker or None)
        for name, details in config.companies.items()
    ]


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
    for kind in ("topics", "companies", "stances"):
        prefix = config.index[kind].prefix.strip("/")
        if not prefix or any(part in ("", ".", "..") for part in prefix.split("/")):
            raise PluginError(
                f"aicommentary: 'index.{kind}.prefix' must be a relative folder such as "
                f"{kind!r}, not {config.index[kind].prefix!r}."
            )
    for option in ("per_page", "feed_items"):
        if config.index[option] < 1:
            raise PluginError(
                f"aicommentary: 'index.{option}' must be 1 or more, not {config.index[option]!r}."
            )
