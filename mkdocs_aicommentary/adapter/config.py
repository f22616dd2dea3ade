"""The plugin's options, as typed MkDocs config classes.

Each section of the ``aicommentary`` entry in mkdocs.yml is one class here. A rule about one
option lives in that option's type (``option_types.py``), so MkDocs reports every bad value at
once, naming the option; ``plain_options.check_config`` holds only the rules that span several
options, and the provider rules of the ``newsletter`` section are in ``features/newsletter.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..features import newsletter
from ..features.related.ranking import RelatedOptions
from ..html.placement import PLACEMENTS
from ..i18n.language import ENGLISH
from ..i18n.translations import STANCE_KEYS
from ..model.companies import Company, clashing_spellings
from ..model.index_kinds import NAV_ORDER, Kind, kind
from .option_types import (
    FieldName,
    Folder,
    HexColor,
    HiddenFields,
    Identifier,
    ImageLocation,
    LanguageTag,
    Names,
    Number,
    SiteLink,
    Stances,
    Switch,
    Text,
    Texts,
    WholeNumber,
)

DEFAULT_STANCES = {key: ENGLISH(f"stance.{key}") for key in STANCE_KEYS}
"""The stances of a site that configures none, with their English labels."""


class CompanyConfig(base.Config):
    """One registered company: ``NVIDIA: {aliases: [Nvidia, NVDA], url: ..., ticker: NVDA}``."""

    aliases = Texts(default=[])
    url = c.Optional(c.URL())
    ticker = c.Optional(c.Type(str))


_Details = TypeVar("_Details", bound=base.Config)


class _Entry(c.SubConfig[_Details]):
    """Lets ``Anthropic:`` (or ``Compute supply:``) with nothing after it name an entry with
    no details."""

    def __init__(self, details: type[_Details]) -> None:
        super().__init__(details)
        self.config_class = details  # MkDocs takes a subclass's from its subscript alone.

    def run_validation(self, value: object) -> _Details:
        return super().run_validation({} if value is None else value)


class _Registry(c.DictOfItems[_Details]):
    """Canonical name -> details, where one spelling belongs to one name: the companies, and
    the topics the site names."""

    def __init__(
        self,
        details: type[_Details],
        as_entries: Callable[[Mapping[str, _Details]], list[Company]],
    ) -> None:
        super().__init__(_Entry(details), default={})
        self._as_entries = as_entries

    def run_validation(self, value: object) -> dict[str, _Details]:
        entries = super().run_validation(value)
        for spelling, first, second in clashing_spellings(self._as_entries(entries)):
            raise c.ValidationError(
                f"the spelling {spelling!r} belongs to both {first!r} and {second!r}; keep it "
                f"under one of them."
            )
        return entries


def as_companies(entries: Mapping[str, CompanyConfig]) -> list[Company]:
    return [
        Company(name, tuple(details.aliases), details.url or None, details.ticker or None)
        for name, details in entries.items()
    ]


class TopicConfig(base.Config):
    """One topic as the site names it: ``AI agents: {aliases: [agents, agentic AI]}``."""

    aliases = Texts(default=[])


def as_topics(entries: Mapping[str, TopicConfig]) -> list[Company]:
    """The ``topics`` option as registry entries: a name and its aliases, nothing else."""
    return [Company(name, tuple(details.aliases)) for name, details in entries.items()]


class KindOptions(base.Config):
    """The options of one kind of index page (``index.topics``...); ``kind_options`` makes each
    kind's class, with its own default folder."""

    enabled = Switch(default=True)


def kind_options(of_kind: Kind) -> type[KindOptions]:
    """The options class of one kind: ``enabled``, ``prefix`` (default: the kind's folder),
    ``title`` (unset: the translation of the site's language, see ``apply_language``) and, for
    a yearly kind, ``by_year`` (also one listing per year, ``archive/2026/``)."""
    options: dict[str, c.BaseConfigOption[Any]] = {
        "prefix": Folder(default=of_kind.default_prefix),
        "title": c.Optional(c.Type(str)),
    }
    if of_kind.yearly:
        options["by_year"] = Switch(default=False)
    if of_kind.left_to_blog:  # Unset: on, unless Material's blog lists the posts already.
        options["enabled"] = c.Optional(Switch())
    name = f"{of_kind.name.capitalize()}IndexConfig"
    return cast(type[KindOptions], type(name, (KindOptions,), options))


class IndexConfig(base.Config):
    """Where the topic, company and stance pages and the archive live: one section per kind
    (``index.topics``...), in the nav's order, then the options they share."""

    # A class body's namespace is a dict: MkDocs reads the options from it as declared.
    locals().update({name: c.SubConfig(kind_options(kind(name))) for name in NAV_ORDER})
    per_page = WholeNumber(default=20)
    """Articles on page 1 of a topic's, company's or author's listing, in full (with the
    excerpt); the rest continue at ``<prefix>/<slug>/page/2/`` as compact entries."""
    compact_per_page = WholeNumber(default=100)
    """Compact entries (title, stance, date, companies) a page: the later pages of every
    listing, and every page of the archive and the stances."""
    min_posts = WholeNumber(default=2)
    """Posts a company, topic or author needs for a page and feed of its own; one named by
    fewer is shown as text (stances always get theirs). A page for a name one post carries
    would list only the page the reader came from."""
    nav = Switch(default=False)
    """Add Topics / Companies / Stances sections to the nav (explicit or automatic)."""
    feeds = c.Optional(Switch())
    """RSS 2.0 and JSON Feed 1.1 beside every company, topic and stance page. They need
    ``site_url``: unset (the default) means feeds whenever it is set; true warns when it is
    not."""
    feed_items = WholeNumber(default=20)
    """How many of the newest articles each feed holds."""
    inherit_meta = Switch(default=False)
    """Generated index pages keep what the site's ``.meta.yml`` files (Material's ``meta``
    plugin) give the pages of their folders; false (the default) takes it back, since such
    files are written for posts (``comments: true``)."""
    json_feeds = Switch(default=False)
    """A JSON Feed 1.1 beside each term's RSS feed too. Off by default: every feed reader
    reads RSS, and on a site of thousands of topics the second feed was a file per term that
    no reader needs (the site's own feeds keep both formats)."""


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


class LatestConfig(base.Config):
    """What ``<!-- aicommentary:latest -->`` shows: the newest posts, then a link to the archive."""

    count = WholeNumber(default=10)


class SiteFeedConfig(base.Config):
    """``feed.xml`` (RSS 2.0) and ``feed.json`` (JSON Feed 1.1) at the site root: what
    newsletter tools read to send the email digest. They need ``site_url``, as other feeds."""

    enabled = c.Optional(Switch())
    """Unset (the default): whenever ``site_url`` is set and no other plugin (such as
    mkdocs-rss-plugin) writes the site's feed; true warns when ``site_url`` is not set."""
    count = WholeNumber(default=20)
    """How many of the newest posts the feeds hold."""
    content = c.Choice(("full", "summary"), default="full")
    """``full``: each post's whole HTML; ``summary``: its summary only."""


class ImagesConfig(base.Config):
    """Each post's lead image (front matter ``image``) and where it is shown."""

    default = c.Optional(ImageLocation())
    """The image of posts that name none: a path in ``docs_dir`` or an https:// URL."""
    default_alt = c.Type(str, default="")
    """What the default image shows, for readers who cannot see it."""
    header = Switch(default=True)
    """The post's own image under its title (never the default image)."""
    listings = Switch(default=True)
    """A thumbnail beside each entry of the plugin's listings."""
    related = Switch(default=False)
    """A thumbnail beside each entry of the "Read next" box."""


class ReadingTimeConfig(base.Config):
    """ "6 min read" in the article header and listings."""

    enabled = Switch(default=True)
    words_per_minute = WholeNumber(default=265, minimum=1)
    """Material's blog counts 265, as Medium does."""
    characters_per_minute = WholeNumber(default=500, minimum=1)
    """For Chinese, Japanese and Korean text, which is read character by character."""


class DigestFeedConfig(base.Config):
    """``digest.xml`` (RSS 2.0) and ``digest.json`` (JSON Feed 1.1) at the site root: one item
    per day with posts, for an RSS-to-email campaign that sends one email a day."""

    enabled = c.Optional(Switch())
    """Unset (the default): whenever ``site_url`` is set; true warns when it is not."""
    days = WholeNumber(default=14)
    """How many of the newest days with posts the feeds hold."""


class StructuredDataConfig(base.Config):
    """JSON-LD in the head of every post and index page (schema.org)."""

    enabled = Switch(default=True)
    type = c.Choice(STRUCTURED_DATA_TYPES, default="OpinionNewsArticle")
    """The type of a post that takes a stance."""
    type_without_stance = c.Choice(STRUCTURED_DATA_TYPES, default="BlogPosting")
    """The type of a post that takes none."""
    site_author_type = c.Choice(("Person", "Organization"), default="Person")
    """What ``site_author`` is: a person, or the newsroom itself."""
    logo = c.Optional(c.Type(str))
    """The publisher's logo: an http(s) URL or a path in the site; unset, the theme's ``logo``."""


class NewsletterConfig(base.Config):
    """The signup block: which provider, what it says, where it goes and on which pages.

    The provider options come first. What each provider needs and takes, and what each of its
    options means, is in its record in ``newsletter.PROVIDERS``; they have no defaults here,
    so that ``newsletter.signup_form`` can tell which were given.
    """

    provider = c.Optional(c.Choice(newsletter.PROVIDER_NAMES))
    username = c.Optional(c.Type(str))
    tag = c.Optional(c.Type(str))
    form_id = c.Optional(Identifier())
    url = c.Optional(c.Type(str))
    publication = c.Optional(c.Type(str))
    height = c.Optional(WholeNumber(minimum=40, maximum=2000, hint=" (pixels)"))
    site = c.Optional(c.Type(str))
    locale = c.Optional(c.Type(str))
    labels = Names(default=[])
    button_color = c.Optional(c.Type(str))
    button_text_color = c.Optional(c.Type(str))
    action = c.Optional(c.Type(str))
    method = c.Optional(c.Type(str))
    email_field = c.Optional(FieldName())
    hidden = HiddenFields()
    honeypot_field = FieldName(default=newsletter.DEFAULT_HONEYPOT)
    """Name of the bot trap added where the provider has none of its own."""

    heading = c.Optional(Text())
    """Unset, like label, placeholder, button and privacy_link_text: in the site's language."""
    text = c.Optional(c.Type(str))
    label = c.Optional(Text())
    placeholder = c.Optional(c.Type(str))
    button = c.Optional(Text())
    privacy = c.Optional(c.Type(str))
    """A short note under the form, e.g. "One email a week. Unsubscribe any time."."""
    privacy_url = c.Optional(SiteLink("privacy_url"))
    privacy_link_text = c.Optional(c.Type(str))

    placement = c.Choice(PLACEMENTS, default="end")
    """end, after_paragraph (see ``paragraph``) or marker; a marker is honoured in every mode."""
    paragraph = WholeNumber(default=3, hint=" (the paragraph the block follows)")
    articles = Switch(default=True)
    index_pages = Switch(default=False)
    """Also on the index pages (topics, companies, stances, the archive), the generated ones and
    an author's own in their place."""
    pages = Texts(default=[])
    """Glob patterns of other source paths that get the block, e.g. ``about.md``."""
    new_tab = Switch(default=False)
    """Submit into a new tab (target=_blank, rel=noopener) so the reader keeps the page."""
    digest_link = Switch(default=False)
    """A link under the form to the daily digest feed, for readers who would rather follow it."""


class _OptionalSection(c.SubConfig[NewsletterConfig]):
    """``newsletter:`` left out (or empty) is None: no block and no warning."""

    def __init__(self) -> None:
        super().__init__(NewsletterConfig)
        self.default = None

    def run_validation(self, value: object) -> NewsletterConfig | None:  # type: ignore[override]
        if value is None:
            return None
        return super().run_validation(value)


_RANKING = RelatedOptions()  # The ranking's own defaults are the options' defaults.


class RelatedWeightsConfig(base.Config):
    """How much each signal counts in the related-articles score (see docs/related.md)."""

    companies = Number(default=_RANKING.weights.companies)
    topics = Number(default=_RANKING.weights.topics)
    text = Number(default=_RANKING.weights.text)
    recency = Number(default=_RANKING.weights.recency)


class RelatedConfig(base.Config):
    """The "Read next" box at the end of each article."""

    enabled = Switch(default=True)
    count = WholeNumber(
        default=_RANKING.count, hint="; to show no box at all, set 'related.enabled: false'"
    )
    min_score = Number(default=_RANKING.min_score)
    heading = c.Optional(c.Type(str))
    """Unset, like counterpoint_label: in the site's language."""
    placement = c.Choice(("end", "marker"), default="end")
    """``end``: after the article (or at its marker); ``marker``: only where the author put
    ``<!-- aicommentary:related -->``."""
    counterpoint = Switch(default=True)
    counterpoint_label = c.Optional(c.Type(str))
    topic_cutoff = Number(
        default=_RANKING.topic_cutoff,
        maximum=1,
        hint=" (a share of all posts: 0.25 means a quarter)",
    )
    """Share of all posts above which a topic is too common to relate posts."""
    window = WholeNumber(default=_RANKING.window, hint=" (posts on either side)")
    """In a long company or topic list, the posts on either side in date order a post meets
    (half as many in a word list): larger finds older matches on big sites, slower."""
    weights = c.SubConfig(RelatedWeightsConfig)


class SocialCardsConfig(base.Config):
    """A generated 1200x630 PNG as the shared image of every post without one of its own and of
    every index page (``features/social_cards.py``)."""

    enabled = Switch(default=False)
    """Off by default: a card costs tens of milliseconds to draw the first time (the figures
    are in docs/front-door.md, "Social cards")."""
    font = c.Optional(c.File(exists=True))
    """A TrueType or OpenType file for scripts DejaVu Sans lacks; relative to mkdocs.yml."""
    colors = c.DictOfItems(HexColor(), default={})
    """Stance key -> ``#rrggbb`` for the badge and stripe, over the built-in colours."""
    cache_dir = c.Type(str, default=".cache/aicommentary/cards")
    """Cards kept across builds, relative to mkdocs.yml; empty: drawn anew each build."""


class AICommentaryConfig(base.Config):
    """Options of the ``aicommentary`` plugin."""

    stances = Stances()
    """Allowed ``stance`` values (the keys) and the label shown for each."""

    language = c.Optional(LanguageTag())
    """Language of every word the plugin writes and of the feeds; unset, the theme's (else
    English)."""

    labels = c.DictOfItems(c.Type((str, dict)), default={})
    """The site's own text for any key of the language files (``languages/en.yml``)."""

    companies = _Registry(CompanyConfig, as_companies)
    """Optional company registry: canonical name -> aliases, url, ticker; one spelling
    belongs to one company."""

    warn_unknown_companies = Switch(default=False)
    """Warn when a post names a company the registry does not know."""

    articles = Texts(default=[])
    """Glob patterns of source paths that are posts; empty: every page with a stance or company
    (and every post of Material's blog)."""

    topics = _Registry(TopicConfig, as_topics)
    """Optional display names of topics: name -> aliases (``compute supply`` shown as
    ``Compute supply``, ``agents`` filed under ``AI agents``)."""

    topics_from = Names(
        default=["topics"],
        hint="lists the front matter fields that hold topics, such as [topics] or "
        "[topics, tags]; it cannot be empty or hold a blank name.",
    )
    """Front matter fields whose values are topics, e.g. ``[topics, tags]`` or
    ``[tags, categories]`` on a Material blog."""

    header = Switch(default=True)
    """Show the stance badge and company/topic links under each article's title."""

    header_topics = c.Choice(("auto", "all", "none"), default="auto")
    """Which topics the header names: ``auto`` those the page does not show already (Material's
    tag chips, its blog's categories), ``all`` every one, ``none`` none."""

    date_format = c.Optional(c.Type(str))
    """strftime format for dates shown to readers; default "20 November 2026"."""

    index = c.SubConfig(IndexConfig)

    latest = c.SubConfig(LatestConfig)
    site_feed = c.SubConfig(SiteFeedConfig)
    digest_feed = c.SubConfig(DigestFeedConfig)
    articles_in_nav = Switch(default=True)
    """False keeps posts out of the navigation (and out of MkDocs' "not in nav" notices); the
    archive's pages go into the nav instead, so every post is two clicks from any page."""
    sharing = Switch(default=True)
    """Open Graph and Twitter card tags, and a meta description, in each post's head."""
    structured_data = c.SubConfig(StructuredDataConfig)
    newsletter = _OptionalSection()
    """Signup block; see ``NewsletterConfig``. Left out: no block."""
    related = c.SubConfig(RelatedConfig)
    images = c.SubConfig(ImagesConfig)
    reading_time = c.SubConfig(ReadingTimeConfig)
    social_cards = c.SubConfig(SocialCardsConfig)
