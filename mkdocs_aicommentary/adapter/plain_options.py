"""The options as the plain data the core and the features take, and the few checks that span
several options (``PluginError``)."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from ..core.page_boxes import BoxOptions
from ..core.publication import PublicationOptions, SignupRules, left_to_neighbours
from ..features import newsletter, newsletter_links
from ..features.reading_time import ReadingSpeed
from ..features.related.ranking import RelatedOptions, Weights
from ..html.links import IndexKind, path_key
from ..i18n.language import DateFormat, Labels, stop_words
from ..model.articles import Vocabulary
from ..model.companies import Company, CompanyRegistry
from ..model.index_kinds import ARCHIVE, KINDS
from ..model.material_blog import Blogs
from ..model.neighbours import NO_NEIGHBOURS, Neighbours
from .config import AICommentaryConfig, NewsletterConfig, as_companies, as_topics
from .site_language import theme_language

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def index_sections(
    config: AICommentaryConfig, neighbours: Neighbours = NO_NEIGHBOURS
) -> list[IndexKind]:
    """The kinds of index page switched on, with their URL prefix and title. A kind Material's
    blog covers is off where one runs, unless the site switches it on (or needs the archive
    in the nav, with ``articles_in_nav: false``)."""
    return [
        IndexKind(
            each.name,
            options.prefix,
            options.title,
            by_year=each.yearly and options.by_year,
        )
        for each in KINDS
        if left_to_neighbours(
            (options := config.index[each.name]).enabled,
            covered=each.left_to_blog and neighbours.blog and config.articles_in_nav,
        )
        is not False
    ]


def site_feed_enabled(config: AICommentaryConfig, neighbours: Neighbours) -> bool | None:
    """The ``site_feed.enabled`` option as the build takes it: left unset, off where another
    plugin writes the site's feed (None: whenever ``site_url`` is set)."""
    return left_to_neighbours(config.site_feed.enabled, neighbours.site_feed_by is not None)


def registeredas_companies(config: AICommentaryConfig) -> list[Company]:
    """The ``companies`` option as plain objects for the registry."""
    return as_companies(config.companies)


def front_matter_vocabulary(config: AICommentaryConfig) -> Vocabulary:
    """What front matter may say on this site, outside any Material blog."""
    return Vocabulary(
        stances=config.stances,
        companies=CompanyRegistry(registeredas_companies(config)),
        warn_unknown_companies=config.warn_unknown_companies,
        topic_fields=tuple(config.topics_from),
        topics=CompanyRegistry(as_topics(config.topics)),
    )


def signup_form(config: AICommentaryConfig) -> newsletter.SignupForm | None:
    """The newsletter form the options describe, None without a ``newsletter`` section."""
    section = config.newsletter
    if section is None:
        return None
    try:
        return newsletter.signup_form(dict(section))
    except newsletter_links.NewsletterError as error:
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
    config: AICommentaryConfig,
    site: MkDocsConfig,
    language: str | None,
    labels: Labels,
    neighbours: Neighbours = NO_NEIGHBOURS,
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
        schema_type_without_stance=config.structured_data.type_without_stance,
        site_author_type=config.structured_data.site_author_type,
        logo=config.structured_data.logo or _theme_logo(site),
        related=related_options(config, labels.language) if config.related.enabled else None,
        signup=SignupRules(signup.articles, signup.index_pages, tuple(signup.pages))
        if signup is not None
        else None,
        language=language,
        site_name=site.site_name,
        site_url=site.site_url,
        site_author=site.site_author,
        has_nav=site.nav is not None,
        reading_speed=ReadingSpeed(
            config.reading_time.words_per_minute, config.reading_time.characters_per_minute
        )
        if config.reading_time.enabled
        else None,
        header_topics=config.header_topics,
        neighbours=neighbours,
    )


def date_format(
    config: AICommentaryConfig, theme: Mapping[str, object], blogs: Blogs
) -> DateFormat | None:
    """How dates are written: the site's own ``date_format``; else, where Material's blog
    runs, as the blog writes them beside the plugin's (its ``post_date_format`` through Babel,
    in the theme's language), so a page shows one style; else (None) the language file's."""
    if config.date_format:
        return DateFormat(strftime=config.date_format)
    if blogs.blogs:
        return DateFormat(babel=blogs.blogs[0].date_format, locale=theme_language(theme) or "en")
    return None


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
        privacy_target=newsletter_links.privacy_target(privacy_url, use_directory_urls)
        if signup is not None and privacy_url
        else None,
        digest_link=section is not None and section.digest_link,
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
    if not config.articles_in_nav and config.index[ARCHIVE.name].enabled is False:
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


def _theme_logo(site: MkDocsConfig) -> str | None:
    """The theme's ``logo`` (Material's and others'), when it names an image file: a path in
    the site or a URL."""
    logo = site.theme.get("logo")
    return logo if isinstance(logo, str) and logo.strip() else None
