"""The site's language, chosen from the plugin's option or the theme's, and applied to the
options: every text option the site left unset filled in from the translations."""

from __future__ import annotations

from collections.abc import Mapping

from mkdocs.config import base
from mkdocs.exceptions import PluginError

from ..i18n.language import Labels, LabelsError, choose_language, is_language_tag, labels_for
from ..i18n.translations import STANCE_KEYS
from ..model.index_kinds import KINDS
from .config import AICommentaryConfig
from .option_types import LANGUAGE_HINT, as_written

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
            f"aicommentary: the theme's 'language' is {as_written(language)}, which the "
            f"plugin would write into every feed; {LANGUAGE_HINT}, or set the plugin's own "
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
