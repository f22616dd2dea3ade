"""The plugin's options, as typed MkDocs config classes.

Each section of the ``aicommentary`` entry in mkdocs.yml is one class here. A rule about one
option lives in that option's type (``WholeNumber``, ``Folder``, ...), so MkDocs reports every
bad value at once, naming the option; ``check_config`` holds only the rules that span several
options, and the provider rules of the ``newsletter`` section are in ``newsletter.py``.
"""

from __future__ import annotations

import itertools
import math
import posixpath
import re
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from ..core.page_boxes import BoxOptions
from ..core.publication import PublicationOptions, SignupRules
from ..features import newsletter
from ..features.related.ranking import RelatedOptions, Weights
from ..html.links import IndexKind, path_key
from ..html.placement import PLACEMENTS
from ..html.render import STYLESHEET
from ..i18n.language import (
    ENGLISH,
    Labels,
    LabelsError,
    choose_language,
    is_language_tag,
    labels_for,
    stop_words,
)
from ..i18n.translations import STANCE_KEYS
from ..model.articles import Vocabulary, short_repr
from ..model.companies import Company, CompanyRegistry, clashing_spellings
from ..model.index_kinds import ARCHIVE, KINDS, NAV_ORDER, Kind, kind
from ..model.slugs import slugify

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

DEFAULT_STANCES = {key: ENGLISH(f"stance.{key}") for key in STANCE_KEYS}
"""The stances of a site that configures none, with their English labels."""


# --- Option types: each checks one option's value and says what to write instead -------------


def _as_written(value: object) -> str:
    """A value as the author wrote it in YAML, for messages (``true``, not ``True``), cut short
    where it is long."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "null" if value is None else short_repr(value)


def _is_yes_no(value: object) -> str:
    """Words that point out a YAML boolean, which Python would count as the number 1 or 0."""
    return ", a yes/no value" if isinstance(value, bool) else ""


def _number_in(value: object, minimum: float, maximum: float | None) -> bool:
    """Whether ``value`` is a finite number (not a yes/no value) from minimum to maximum."""
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and minimum <= value
        and (maximum is None or value <= maximum)
    )


class WholeNumber(c.OptionallyRequired[int]):
    """A count: a whole number from ``minimum`` (up to ``maximum``); never ``true`` or
    ``false``, which would otherwise pass as 1 and 0."""

    def __init__(
        self,
        default: int | None = None,
        *,
        minimum: int = 1,
        maximum: int | None = None,
        hint: str = "",
    ) -> None:
        super().__init__(default=default)
        self.minimum, self.maximum, self.hint = minimum, maximum, hint

    def run_validation(self, value: object) -> int:
        if isinstance(value, int) and _number_in(value, self.minimum, self.maximum):
            return value
        allowed = (
            f"from {self.minimum} to {self.maximum}"
            if self.maximum is not None
            else f"of {self.minimum} or more"
        )
        example = self.default if self.default is not None else self.minimum
        raise c.ValidationError(
            f"is {_as_written(value)}{_is_yes_no(value)}; write a whole number {allowed}, "
            f"such as {example}{self.hint}."
        )


class Number(c.OptionallyRequired[float]):
    """A weight or a share: a finite number from 0 (up to ``maximum``), never a yes/no value."""

    def __init__(
        self, default: float | None = None, *, maximum: float | None = None, hint: str = ""
    ) -> None:
        super().__init__(default=default)
        self.maximum, self.hint = maximum, hint

    def run_validation(self, value: object) -> float:
        if isinstance(value, (int, float)) and _number_in(value, 0, self.maximum):
            return float(value)
        allowed = f"from 0 to {self.maximum}" if self.maximum is not None else "of 0 or more"
        raise c.ValidationError(
            f"is {_as_written(value)}{_is_yes_no(value)}; write a number {allowed}, such as "
            f"{self.default}{self.hint}."
        )


_NOT_IN_WINDOWS_NAMES = re.compile(r'[<>:"|?*]')
"""Characters Windows refuses in a file name; ``:`` would also make ``C:/x`` a drive."""
_UNSEEN = frozenset(("Cc", "Cf", "Cs", "Cn", "Zl", "Zp"))
"""Unicode categories of characters no folder name should hold: controls, invisible format
characters, lone surrogates (no file system can store them), unassigned ones, line breaks."""
_WINDOWS_DEVICES = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?", re.IGNORECASE)
"""Names Windows gives to devices, with any extension: ``nul/`` is no folder there."""

RESERVED_OUTPUTS = {
    "feed.xml": "the site's RSS feed",
    "feed.json": "the site's JSON Feed",
    "sitemap.xml": "MkDocs' sitemap",
    "sitemap.xml.gz": "MkDocs' compressed sitemap",
    "404.html": "the theme's page for addresses that do not exist",
    "search": "MkDocs' search index",
    posixpath.dirname(posixpath.dirname(STYLESHEET)): "the theme's and this plugin's stylesheets",
}
"""What MkDocs, its themes and this plugin write at the site root, whatever the site holds; no
kind's pages may go there, or inside: a file where a folder is needed stops the build."""


class Folder(c.OptionallyRequired[str]):
    """A folder inside the site where the plugin writes pages, such as ``topics`` or
    ``browse/topics``, without the slashes around it.

    Refused: backslashes (browsers read them as '/', and a link to ``\\\\host/x/`` would leave
    the site); names Windows cannot hold or reads as a drive or a device (``C:/x``, ``nul``), or
    whose spaces or dots at either end it would drop (``topics /``); and the places of
    :data:`RESERVED_OUTPUTS`, in any letter case.
    """

    def run_validation(self, value: object) -> str:
        folder = value.strip("/") if isinstance(value, str) else ""
        parts = folder.split("/")
        if not folder or "\\" in folder or any(part in ("", ".", "..") for part in parts):
            raise c.ValidationError(
                f"is {_as_written(value)}; write a relative folder inside the site, such as "
                f"{self.default!r}."
            )
        for part in parts:
            if (
                _NOT_IN_WINDOWS_NAMES.search(part)
                or _WINDOWS_DEVICES.fullmatch(part)
                or part != part.strip().rstrip(".")
                or any(unicodedata.category(char) in _UNSEEN for char in part)
            ):
                raise c.ValidationError(
                    f"is {_as_written(value)}; {part!r} is no folder name that every system "
                    f'keeps as written (spaces or dots at its ends, any of <>:"|?*, control or '
                    f"invisible characters, a drive like C:, device names like nul). Write "
                    f"letters, digits and '-', such as {self.default!r}."
                )
        first = path_key(parts[0])
        for reserved, what in RESERVED_OUTPUTS.items():
            if first == path_key(reserved):
                raise c.ValidationError(
                    f"is {_as_written(value)}, where {what} ({reserved}) is written; write "
                    f"another folder, such as {self.default!r}."
                )
        return folder


class Text(c.OptionallyRequired[str]):
    """Text readers need (a heading, a button): blank is refused."""

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str):
            raise c.ValidationError(f"is {_as_written(value)}; write some text.")
        if not value.strip():
            raise c.ValidationError(
                "is empty; readers need it to know what the form does. Give it some text."
            )
        return value


class FieldName(c.OptionallyRequired[str]):
    """The name of a form field, without the spaces around it; an empty value leaves the
    provider's own name."""

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or (value and not value.strip()):
            raise c.ValidationError(
                f"is {_as_written(value)}; write a field name such as {self.default or 'email'!r}."
            )
        return value.strip()


class Identifier(c.OptionallyRequired[Any]):
    """An id given as text or as a number (``form_id: 1234567``), never a yes/no value."""

    def run_validation(self, value: object) -> str | int:
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise c.ValidationError(
                f"is {_as_written(value)}{_is_yes_no(value)}; write the id as text or a number."
            )
        return value


class SiteLink(c.OptionallyRequired[str]):
    """A link readers follow: an ``https://`` URL, or a path inside the site."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def run_validation(self, value: object) -> str:
        try:
            return newsletter.check_link(value, self.name)
        except newsletter.NewsletterError as error:
            raise c.ValidationError(str(error)) from None


class LanguageTag(c.OptionallyRequired[str]):
    """A BCP 47 language tag (``de``, ``pt-BR``, ``zh-Hant``; ``de_DE`` as MkDocs' locales
    write it), as written: it goes into every feed's ``<language>``."""

    def run_validation(self, value: object) -> str:
        if isinstance(value, str) and is_language_tag(value):
            return value
        raise c.ValidationError(f"is {_as_written(value)}; {_LANGUAGE_HINT}.")


_LANGUAGE_HINT = (
    "write a language tag (BCP 47) such as 'de', 'pt-BR' or 'zh-Hant', with nothing around it"
)


class HiddenFields(c.DictOfItems[Any]):
    """Extra hidden form fields: each a name and one value (text, a number, true or false)."""

    def __init__(self) -> None:
        super().__init__(c.Type((str, int, float, bool)), default={})

    def run_validation(self, value: object) -> dict[str, Any]:
        if isinstance(value, Mapping):
            for name, item in value.items():
                if isinstance(name, str) and not name.strip():
                    raise c.ValidationError(f"has a field without a name: {name!r}.")
                if item is None or isinstance(item, (dict, list)):
                    raise c.ValidationError(
                        f"'{name}' must be a single value (text or a number), not "
                        f"{_as_written(item)}."
                    )
        return super().run_validation(value)


class Switch(c.OptionallyRequired[bool]):
    """``true`` or ``false`` (left empty, the default), with a message that says so where
    MkDocs' own would name Python types."""

    def run_validation(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise c.ValidationError(f"is {_as_written(value)}; write true or false.")
        return value


class Texts(c.ListOfItems[str]):
    """A list of text; one text alone gets a message that shows the brackets it needs."""

    def __init__(self, default: list[str]) -> None:
        super().__init__(c.Type(str), default=default)

    def run_validation(self, value: object) -> list[str]:
        if isinstance(value, str):
            raise c.ValidationError(f"is {value!r}, not a list; write [{value}], in brackets.")
        return super().run_validation(value)


class Names(Texts):
    """A list of names, none of them blank; with ``hint``, at least one."""

    def __init__(self, default: list[str], *, hint: str = "") -> None:
        super().__init__(default=default)
        self.hint = hint

    def run_validation(self, value: object) -> list[str]:
        names = super().run_validation(value)
        if (self.hint and not names) or not all(name.strip() for name in names):
            raise c.ValidationError(self.hint or "holds a blank name; remove it.")
        return names


class _Stances(c.DictOfItems[str]):
    """``stances``: key -> label. Left out, the built-in stances, and a built-in key without a
    label (``bullish:``) gets the translation: both are filled in by ``apply_language``, so
    labels are None (or the whole option is) only until that has run."""

    def __init__(self) -> None:
        super().__init__(c.Optional(c.Type(str)))  # type: ignore[arg-type]

    def run_validation(self, value: object) -> dict[str, str]:
        if value is None:
            return None  # type: ignore[return-value]
        stances = super().run_validation(value)
        if not stances:
            raise c.ValidationError("is empty; list at least one stance, e.g. 'bullish: Bullish'.")
        for key, label in stances.items():
            if slugify(key) != key:
                raise c.ValidationError(
                    f"key {key!r} must be lowercase letters, digits and '-' (it is used in URLs "
                    f"and CSS); try {slugify(key)!r} and put the display text in its label."
                )
            if label is None and key not in STANCE_KEYS:
                raise c.ValidationError(
                    f"stance {key!r} has no label; give it one ('{key}: ...'). Only the "
                    f"built-in stances ({', '.join(STANCE_KEYS)}) are translated."
                )
        return stances


class CompanyConfig(base.Config):
    """One registered company: ``NVIDIA: {aliases: [Nvidia, NVDA], url: ..., ticker: NVDA}``."""

    aliases = Texts(default=[])
    url = c.Optional(c.URL())
    ticker = c.Optional(c.Type(str))


class _CompanyEntry(c.SubConfig[CompanyConfig]):
    """Lets ``Anthropic:`` with nothing after it register a company with no details."""

    def run_validation(self, value: object) -> CompanyConfig:
        return super().run_validation({} if value is None else value)


class Companies(c.DictOfItems[CompanyConfig]):
    """The registry: canonical name -> details; one spelling belongs to one company."""

    def __init__(self) -> None:
        super().__init__(_CompanyEntry(CompanyConfig), default={})

    def run_validation(self, value: object) -> dict[str, CompanyConfig]:
        entries = super().run_validation(value)
        for spelling, first, second in clashing_spellings(_companies(entries)):
            raise c.ValidationError(
                f"the spelling {spelling!r} belongs to both {first!r} and {second!r}; keep it "
                f"under one of them."
            )
        return entries


def _companies(entries: Mapping[str, CompanyConfig]) -> list[Company]:
    return [
        Company(name, tuple(details.aliases), details.url or None, details.ticker or None)
        for name, details in entries.items()
    ]


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
    name = f"{of_kind.name.capitalize()}IndexConfig"
    return cast(type[KindOptions], type(name, (KindOptions,), options))


class IndexConfig(base.Config):
    """Where the topic, company and stance pages and the archive live: one section per kind
    (``index.topics``...), in the nav's order, then the options they share."""

    # A class body's namespace is a dict: MkDocs reads the options from it as declared.
    locals().update({name: c.SubConfig(kind_options(kind(name))) for name in NAV_ORDER})
    per_page = WholeNumber(default=20)
    """Articles per listing page; longer listings continue at ``<prefix>/<slug>/page/2/``."""
    nav = Switch(default=False)
    """Add Topics / Companies / Stances sections to the nav (explicit or automatic)."""
    feeds = c.Optional(Switch())
    """RSS 2.0 and JSON Feed 1.1 beside every company, topic and stance page. They need
    ``site_url``: unset (the default) means feeds whenever it is set; true warns when it is
    not."""
    feed_items = WholeNumber(default=20)
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


class LatestConfig(base.Config):
    """What ``<!-- aicommentary:latest -->`` shows: the newest posts, then a link to the archive."""

    count = WholeNumber(default=10)


class SiteFeedConfig(base.Config):
    """``feed.xml`` (RSS 2.0) and ``feed.json`` (JSON Feed 1.1) at the site root: what
    newsletter tools read to send the email digest. They need ``site_url``, as other feeds."""

    enabled = c.Optional(Switch())
    """Unset (the default): whenever ``site_url`` is set; true warns when it is not."""
    count = WholeNumber(default=20)
    """How many of the newest posts the feeds hold."""
    content = c.Choice(("full", "summary"), default="full")
    """``full``: each post's whole HTML; ``summary``: its summary only."""


class StructuredDataConfig(base.Config):
    """JSON-LD in the head of every article page (schema.org)."""

    enabled = Switch(default=True)
    type = c.Choice(STRUCTURED_DATA_TYPES, default="OpinionNewsArticle")


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
    """How much each signal counts in the related-articles score (see README)."""

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


class AICommentaryConfig(base.Config):
    """Options of the ``aicommentary`` plugin."""

    stances = _Stances()
    """Allowed ``stance`` values (the keys) and the label shown for each."""

    language = c.Optional(LanguageTag())
    """Language of every word the plugin writes and of the feeds; unset, the theme's (else
    English)."""

    labels = c.DictOfItems(c.Type((str, dict)), default={})
    """The site's own text for any key of the language files (``languages/en.yml``)."""

    companies = Companies()
    """Optional company registry: canonical name -> aliases, url, ticker."""

    warn_unknown_companies = Switch(default=False)
    """Warn when a post names a company the registry does not know."""

    articles = Texts(default=[])
    """Glob patterns of source paths that are posts; empty: every page with a stance or company
    (and every post of Material's blog)."""

    topics_from = Names(
        default=["topics"],
        hint="lists the front matter fields that hold topics, such as [topics] or "
        "[topics, tags]; it cannot be empty or hold a blank name.",
    )
    """Front matter fields whose values are topics, e.g. ``[topics, tags]`` or
    ``[tags, categories]`` on a Material blog."""

    header = Switch(default=True)
    """Show the stance badge and company/topic links under each article's title."""

    date_format = c.Optional(c.Type(str))
    """strftime format for dates shown to readers; default "20 November 2026"."""

    index = c.SubConfig(IndexConfig)

    latest = c.SubConfig(LatestConfig)
    site_feed = c.SubConfig(SiteFeedConfig)
    articles_in_nav = Switch(default=True)
    """False keeps posts out of the navigation (and out of MkDocs' "not in nav" notices); the
    archive's pages go into the nav instead, so every post is two clicks from any page."""
    sharing = Switch(default=True)
    """Open Graph and Twitter card tags, and a meta description, in each post's head."""
    structured_data = c.SubConfig(StructuredDataConfig)
    newsletter = _OptionalSection()
    """Signup block; see ``NewsletterConfig``. Left out: no block."""
    related = c.SubConfig(RelatedConfig)


def index_sections(config: AICommentaryConfig) -> list[IndexKind]:
    """The kinds of index page switched on, with their URL prefix and title."""
    return [
        IndexKind(
            each.name,
            options.prefix,
            options.title,
            by_year=each.yearly and options.by_year,
        )
        for each in KINDS
        if (options := config.index[each.name]).enabled
    ]


def registered_companies(config: AICommentaryConfig) -> list[Company]:
    """The ``companies`` option as plain objects for the registry."""
    return _companies(config.companies)


def front_matter_vocabulary(config: AICommentaryConfig) -> Vocabulary:
    """What front matter may say on this site, outside any Material blog."""
    return Vocabulary(
        stances=config.stances,
        companies=CompanyRegistry(registered_companies(config)),
        warn_unknown_companies=config.warn_unknown_companies,
        topic_fields=tuple(config.topics_from),
    )


def signup_form(config: AICommentaryConfig) -> newsletter.SignupForm | None:
    """The newsletter form the options describe, None without a ``newsletter`` section."""
    section = config.newsletter
    if section is None:
        return None
    try:
        return newsletter.signup_form(dict(section))
    except newsletter.NewsletterError as error:
        raise PluginError(f"aicommentary: newsletter: {error}") from None


def related_options(config: AICommentaryConfig, language: str) -> RelatedOptions:
    """The ``related`` section as the ranking's plain options, with the stop words of the
    site's ``language`` (as :func:`apply_language` chose it)."""
    related = config.related
    weights = related.weights
    return RelatedOptions(
        count=related.count,
        min_score=related.min_score,
        counterpoint=related.counterpoint,
        topic_cutoff=related.topic_cutoff,
        window=related.window,
        text_window=max(1, related.window // 2),
        weights=Weights(
            companies=weights.companies,
            topics=weights.topics,
            text=weights.text,
            recency=weights.recency,
        ),
        stop_words=stop_words(language),
    )


def publication_options(
    config: AICommentaryConfig, site: MkDocsConfig, language: str | None, labels: Labels
) -> PublicationOptions:
    """The options and site settings the publication decides by, as plain data; the ranking
    leaves out the stop words of the language ``labels`` speak (English where the site's
    language has no file)."""
    signup = config.newsletter
    return PublicationOptions(
        patterns=tuple(config.articles),
        articles_in_nav=config.articles_in_nav,
        index_nav=config.index.nav,
        sharing=config.sharing,
        structured_data=config.structured_data.enabled,
        schema_type=config.structured_data.type,
        related=related_options(config, labels.language) if config.related.enabled else None,
        signup=SignupRules(signup.articles, signup.index_pages, tuple(signup.pages))
        if signup is not None
        else None,
        language=language,
        site_name=site.site_name,
        site_url=site.site_url,
        site_author=site.site_author,
        has_nav=site.nav is not None,
    )


def box_options(
    config: AICommentaryConfig, signup: newsletter.SignupForm | None, use_directory_urls: bool
) -> BoxOptions:
    """The options that say which boxes a page gets and where, as plain data."""
    section = config.newsletter
    placement, paragraph = signup_placement(config)
    privacy_url = section.privacy_url if section is not None else None
    return BoxOptions(
        header=config.header,
        latest_count=config.latest.count,
        related_heading=config.related.heading,
        counterpoint_label=config.related.counterpoint_label,
        related_placement=config.related.placement,
        signup_placement=placement,
        signup_paragraph=paragraph,
        signup=signup,
        signup_options=section if section is not None else {},
        privacy_target=newsletter.privacy_target(privacy_url, use_directory_urls)
        if signup is not None and privacy_url
        else None,
    )


def signup_placement(config: AICommentaryConfig) -> tuple[str, int]:
    """Where the signup block goes (``placement``, ``paragraph``); the options' defaults when
    there is no ``newsletter`` section, whose markers are then only removed."""
    section = config.newsletter
    if section is None:
        return NewsletterConfig.placement.default, NewsletterConfig.paragraph.default
    return section.placement, section.paragraph


def check_config(config: AICommentaryConfig) -> newsletter.SignupForm | None:
    """Reject option combinations that cannot work together, saying how to fix them; return
    the signup form the ``newsletter`` options describe, if any (its provider's rules)."""
    _check_prefixes_apart(index_sections(config))
    if not config.articles_in_nav and not config.index[ARCHIVE.name].enabled:
        raise PluginError(
            "aicommentary: 'articles_in_nav: false' takes posts out of the navigation and puts "
            "the archive there instead, so it needs the archive: remove "
            "'index.archive.enabled: false', or keep 'articles_in_nav: true'."
        )
    return signup_form(config)


def _check_prefixes_apart(sections: list[IndexKind]) -> None:
    """Two kinds in one folder would make pages at the same path, and one would silently
    replace the other (a topic "NVIDIA" and the company NVIDIA, or an overview and a term).
    Folders are compared as macOS and Windows compare them (``Topics`` is ``topics`` there)."""
    for first, second in itertools.combinations(sections, 2):
        inner, outer = sorted((path_key(first.prefix), path_key(second.prefix)), key=len)[::-1]
        if inner == outer or inner.startswith(outer + "/"):
            raise PluginError(
                f"aicommentary: 'index.{first.kind}.prefix' ({first.prefix!r}) and "
                f"'index.{second.kind}.prefix' ({second.prefix!r}) overlap, so their pages "
                f"would replace each other (letter case and Unicode form aside, as macOS and "
                f"Windows compare names); give each kind a folder of its own, e.g. "
                f"{first.kind!r} and {second.kind!r}."
            )


TRANSLATED_OPTIONS = {
    "related.heading": ("related", "heading"),
    "related.counterpoint": ("related", "counterpoint_label"),
    **{each.title_key: (f"index.{each.name}", "title") for each in KINDS},
    "newsletter.heading": ("newsletter", "heading"),
    "newsletter.label": ("newsletter", "label"),
    "newsletter.placeholder": ("newsletter", "placeholder"),
    "newsletter.button": ("newsletter", "button"),
    "newsletter.privacy_link": ("newsletter", "privacy_link_text"),
}
"""Texts a site could set as options before it could set a language: key -> (section, option)."""


def theme_language(theme: Mapping[str, object]) -> str | None:
    """The language a theme is set to: Material's ``language``, the ``locale`` of the mkdocs
    and readthedocs themes."""
    language = theme.get("language") or theme.get("locale")
    return str(language) if language else None


def site_language(config: AICommentaryConfig, theme: Mapping[str, object]) -> str | None:
    """The site's language: the plugin's ``language`` option, else the theme's, which must be
    a language tag as much as the option (MkDocs checks ``locale``, Material not its
    ``language``); None for neither."""
    if config.language:
        return config.language
    language = theme_language(theme)
    if language is not None and not is_language_tag(language):
        raise PluginError(
            f"aicommentary: the theme's 'language' is {_as_written(language)}, which the "
            f"plugin would write into every feed; {_LANGUAGE_HINT}, or set the plugin's own "
            f"'language'."
        )
    return language


def apply_language(config: AICommentaryConfig, language: str | None) -> tuple[Labels, str | None]:
    """The build's labels for the site's ``language`` (:func:`site_language`), and every text
    option the site left unset filled in from them.

    The one place that decides a text: an option the site set wins, then ``labels``, then the
    translation. The options then hold the final texts, which templates overridden before
    translations existed keep reading. Returns the labels, and a note when the language asked
    for has no translations.
    """
    language, note = choose_language(language)
    try:
        labels = labels_for(language, config.labels)
    except LabelsError as error:
        raise PluginError(f"aicommentary: {error}") from None
    chosen: dict[str, str] = {}
    for key, (path, option) in TRANSLATED_OPTIONS.items():
        section = _section(config, path)
        if section is None:
            continue
        if section[option] is None:
            section[option] = labels(key)
        else:
            chosen[key] = section[option]
    stances = {}
    configured: dict[str, str | None] = (
        dict.fromkeys(STANCE_KEYS) if config.stances is None else dict(config.stances)
    )
    for key, label in configured.items():
        stances[key] = labels(f"stance.{key}") if label is None else label
        if label is not None and key in STANCE_KEYS:
            chosen[f"stance.{key}"] = label
    config.stances = stances
    signup = config.newsletter
    if signup is not None and signup.provider == "ghost" and signup.locale is None:
        signup.locale = language  # Ghost's own form speaks the site's language too.
    return labels.replaced(chosen), note


def _section(config: AICommentaryConfig, path: str) -> base.Config | None:
    section: base.Config | None = config
    for part in path.split("."):
        section = section[part] if section is not None else None
    return section
