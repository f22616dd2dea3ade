"""The site's language: which language file of :mod:`.translations`, plurals, dates, the
site's overrides, the ranking's stop words.

Plain data in, a :class:`Labels` out; nothing here imports MkDocs. Dates and month names come
from the language files, never from the machine's locale, so a build says "2. Oktober 2026" on
a laptop and in CI alike. Plural categories follow each file's CLDR rules for whole numbers.
Everything here asks ``BUILT_IN`` when called, so the languages are the files present.
"""

from __future__ import annotations

import datetime
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass

from .translations import BUILT_IN, FALLBACK, LISTS, Language, Text

_DIRECTIVE = re.compile(r"%(.)", re.DOTALL)
_NAMED_DIRECTIVES = {"B": "date.months", "b": "date.short_months", "h": "date.short_months"}
_WEEKDAY_DIRECTIVES = {"A": "date.weekdays", "a": "date.short_weekdays"}


class LabelsError(ValueError):
    """A ``labels`` entry that cannot work; the message says what to write instead."""


def placeholders(text: str) -> frozenset[str]:
    """The ``{names}`` in ``text``; ``{{`` and ``}}`` are braces. Only plain names are allowed:
    a format spec, a conversion or an attribute (``{count:>3}``, ``{name.upper}``) is refused."""
    names = set()
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        raise ValueError(f"{text!r} has a stray brace ({error}); write {{{{ for a brace") from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"{text!r} has '{{{name}...}}'; placeholders are plain {{names}}")
        names.add(name)
    return frozenset(names)


def _forms(text: Text) -> list[str]:
    return [text] if isinstance(text, str) else list(text.values())


_FALLBACK_TEXTS = BUILT_IN.language(FALLBACK).texts

PLACEHOLDERS: dict[str, frozenset[str]] = {
    key: frozenset().union(*(placeholders(form) for form in _forms(text)))
    for key, text in _FALLBACK_TEXTS.items()
}
"""Each key's placeholders, as its English text uses them; the keys are English's."""

PLURAL_KEYS = frozenset(key for key, text in _FALLBACK_TEXTS.items() if not isinstance(text, str))


def language_of(code: str) -> Language:
    """The built-in language ``code`` (as :func:`choose_language` gives it), English when
    there is none."""
    return BUILT_IN.language_or_fallback(code)


def plural_category(language: str, count: int) -> str:
    """The CLDR plural category of a whole number: "one" for 1 article, "other" for 2..."""
    return language_of(language).plural_category(count)


def plural_categories(language: str) -> tuple[str, ...]:
    """The categories ``plural_category`` gives for ``language``, in CLDR order."""
    return language_of(language).plural_categories


def stop_words(language: str) -> frozenset[str]:
    """The words of ``language`` the related-posts ranking leaves out."""
    return language_of(language).stop_words


LONGEST_TAG = 64
"""Most characters of a language tag. RFC 5646 sets no limit (private use may go on), but counts
35 as enough for any tag of language, extlang, script, region and variants (section 4.4.1)."""

_LANGUAGE_TAG = re.compile(
    r"""
    (?:[a-z]{2,3}(?:-[a-z]{3}){0,3} | [a-z]{4,8})   # language, with up to three extlangs
    (?:-[a-z]{4})?                                  # script: Hant
    (?:-(?:[a-z]{2} | [0-9]{3}))?                   # region: BR, 419
    (?:-(?:[a-z0-9]{5,8} | [0-9][a-z0-9]{3}))*      # variants: 1996, rozaj
    (?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*             # extensions: u-ca-buddhist
    (?:-x(?:-[a-z0-9]{1,8})+)?                      # private use at the end: x-house
    | x(?:-[a-z0-9]{1,8})+                          # private use alone
    | en-gb-oed | i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)
    | sgn-(?:be-fr|be-nl|ch-de) | art-lojban | cel-gaulish | no-(?:bok|nyn)
    | zh-(?:guoyu|hakka|min|min-nan|xiang)          # grandfathered
    """,
    re.ASCII | re.IGNORECASE | re.VERBOSE,
)
"""A well-formed BCP 47 language tag, RFC 5646 section 2.1 (case does not matter)."""


def is_language_tag(text: str) -> bool:
    """Whether ``text`` is a well-formed BCP 47 language tag (``de``, ``pt-BR``,
    ``zh-Hant-TW``, ``x-house``), with ``_`` read as ``-`` as MkDocs' locales write it
    (``de_DE``). Well-formed, not registered: ``qaa`` passes, as does a language without
    translations here. Nothing around it: ``"de\n"`` is no tag."""
    return len(text) <= LONGEST_TAG and _LANGUAGE_TAG.fullmatch(text.replace("_", "-")) is not None


def base_language(code: str) -> str:
    """``de_DE``, ``de-AT`` and ``DE`` are all ``de``."""
    return re.split(r"[-_]", code.strip(), maxsplit=1)[0].lower()


def choose_language(wanted: str | None) -> tuple[str, str | None]:
    """The table for a language code, and a note when there is none (English is used then)."""
    if not wanted:
        return FALLBACK, None
    language = base_language(wanted)
    if language in BUILT_IN.codes:
        return language, None
    return FALLBACK, (
        f"there are no built-in translations for language {wanted!r}, so the plugin's words "
        f"are in English; built in: {', '.join(BUILT_IN.codes)}. Translate them with 'labels'."
    )


@dataclass(frozen=True, slots=True)
class DateFormat:
    """How readers' dates are written, as the site decided it: an strftime format of its own,
    or the Babel format of a blog beside the plugin (Material's ``post_date_format``, in the
    theme's locale), so one page shows one style of date. Neither: the language file's."""

    strftime: str | None = None
    babel: str | None = None
    """A Babel format (``long``, ``medium``, a CLDR pattern such as ``d MMM y``)."""
    locale: str = "en"
    """The locale Babel writes in (``de_DE``, ``pt_BR``)."""


_BABEL_STYLES = frozenset({"full", "long", "medium", "short"})


def babel_date(value: datetime.date, date_format: str, locale: str) -> str | None:
    """``value`` as Material's blog writes it (``format_date`` for the named styles, else
    ``format_datetime``, which reads times too); None without Babel, or for a locale or
    pattern Babel cannot use."""
    try:
        from babel import UnknownLocaleError, dates
    except ImportError:  # pragma: no cover - Babel comes with Material.
        return None
    locale = locale.replace("-", "_")
    try:
        if date_format in _BABEL_STYLES or not isinstance(value, datetime.datetime):
            return str(dates.format_date(value, format=date_format, locale=locale))
        return str(dates.format_datetime(value, format=date_format, locale=locale))
    except (UnknownLocaleError, ValueError, TypeError, KeyError):
        return None


class Labels:
    """Every word of one build in one language: ``labels("key", **values)`` gives the text.

    Templates get this object as ``labels``; ``labels("articles", count=3)`` picks the plural
    form, ``labels.date(value)`` writes a date.
    """

    def __init__(self, language: Language, texts: Mapping[str, Text]) -> None:
        self._language = language
        self.language = language.code
        self.texts = dict(texts)
        self.rtl = language.rtl
        """True for right-to-left languages; templates then mark their boxes ``dir="rtl"``."""
        self._lists = {key: _split_list(str(self.texts[key])) for key in LISTS}

    def __call__(self, key: str, /, **values: object) -> str:
        text = self.texts[key]
        if not isinstance(text, str):
            count = values["count"]
            assert isinstance(count, int)
            text = text.get(self._language.plural_category(count)) or text["other"]
        return text.format_map(values) if PLACEHOLDERS[key] else text

    def replaced(self, texts: Mapping[str, str]) -> Labels:
        """A copy with some texts replaced as they are (options such as ``related.heading``,
        which hold no placeholders and need no checks)."""
        return Labels(self._language, {**self.texts, **texts})

    def names(self, key: str) -> tuple[str, ...]:
        """A list of names from the table: ``labels.names("date.months")[2]`` is March."""
        return self._lists[key]

    def month_year(self, year: int, month: int) -> str:
        """ "March 2026", "März 2026", "marzo de 2026"."""
        return self("date.month_year", month=self.names("date.months")[month - 1], year=year)

    def date(self, value: datetime.date | None, date_format: DateFormat | str | None = None) -> str:
        """ "20 November 2026" in the site's language; or as ``date_format`` says: an
        strftime format (a ``str`` is one) with month and weekday names (%B, %b, %A, %a) from
        the table, or its Babel format (where Babel cannot write it, the language's own)."""
        if value is None:
            return ""
        if isinstance(date_format, str):
            date_format = DateFormat(strftime=date_format)
        if date_format is not None and date_format.strftime:
            return self.strftime(value, date_format.strftime)
        if date_format is not None and date_format.babel:
            written = babel_date(value, date_format.babel, date_format.locale)
            if written is not None:
                return written
        month = self.names("date.months")[value.month - 1]
        return self("date.long", day=value.day, month=month, year=value.year)

    def strftime(self, value: datetime.date, date_format: str) -> str:
        """``value.strftime(date_format)``, with names in this language instead of the C
        locale's English, and ``%s`` (seconds since 1970, a glibc extension that reads the
        date in the machine's time zone) as the moment the date names, which is the same on
        every machine; other directives are left to ``strftime``."""

        def name(match: re.Match[str]) -> str:
            code = match.group(1)
            if code == "s":
                return str(int(_moment(value).timestamp()))
            if code in _NAMED_DIRECTIVES:
                text = self.names(_NAMED_DIRECTIVES[code])[value.month - 1]
            elif code in _WEEKDAY_DIRECTIVES:
                text = self.names(_WEEKDAY_DIRECTIVES[code])[value.weekday()]
            else:
                return match.group(0)
            return text.replace("%", "%%")

        return value.strftime(_DIRECTIVE.sub(name, date_format))


def _moment(value: datetime.date) -> datetime.datetime:
    """A date as the moment it names: a date, or a time without an offset, is in UTC, as the
    plugin reads front matter dates."""
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime(value.year, value.month, value.day)
    return value if value.tzinfo is not None else value.replace(tzinfo=datetime.timezone.utc)


def _split_list(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(","))


def labels_for(language: str, overrides: Mapping[str, object] | None = None) -> Labels:
    """The built-in texts of ``language`` (English where it has none), then the site's own.

    Raises :class:`LabelsError` for an unknown key or a text whose placeholders do not match.
    """
    own = language_of(language)
    texts = {key: own.texts.get(key, english) for key, english in _FALLBACK_TEXTS.items()}
    for key, value in (overrides or {}).items():
        texts[key] = checked_text(own.code, key, value)
    return Labels(own, texts)


def checked_text(language: str, key: str, value: object) -> Text:
    """One ``labels`` entry, checked against what the key's text must hold."""
    if key not in PLACEHOLDERS:
        raise LabelsError(f"'labels' has no key {key!r}. The keys are: {', '.join(PLACEHOLDERS)}.")
    expected = PLACEHOLDERS[key]
    if isinstance(value, Mapping) and key in PLURAL_KEYS:
        allowed = plural_categories(language)
        for category, form in value.items():
            if category not in allowed or not isinstance(form, str):
                raise LabelsError(
                    f"'labels.{key}' has {category!r}: {form!r}; give texts for the plural "
                    f"categories of {language!r}: {', '.join(allowed)} ('other' is required)."
                )
            _check_placeholders(key, form, expected, all_required=category == "other")
        if "other" not in value:
            raise LabelsError(f"'labels.{key}' needs an 'other' form, used for most counts.")
        return {str(category): str(form) for category, form in value.items()}
    if not isinstance(value, str):
        how = "a text, or one text per plural category" if key in PLURAL_KEYS else "a text"
        raise LabelsError(f"'labels.{key}' must be {how}, not {value!r}.")
    if key in LISTS:
        names = _split_list(value)
        if len(names) != LISTS[key] or not all(names):
            raise LabelsError(
                f"'labels.{key}' must list {LISTS[key]} names separated by commas, not {value!r}."
            )
        return value
    _check_placeholders(key, value, expected, all_required=True)
    return value


def _check_placeholders(key: str, text: str, expected: frozenset[str], all_required: bool) -> None:
    try:
        found = placeholders(text)
    except ValueError as error:
        raise LabelsError(f"'labels.{key}': {error}.") from None
    wanted = ", ".join(f"{{{name}}}" for name in sorted(expected)) or "no placeholders"
    unknown = found - expected
    missing = expected - found if all_required else set()
    if unknown or missing:
        problem = "unknown" if unknown else "missing"
        names = ", ".join(f"{{{name}}}" for name in sorted(unknown or missing))
        raise LabelsError(
            f"'labels.{key}' is {text!r}: {problem} {names}; this text takes {wanted}."
        )


ENGLISH = labels_for(FALLBACK)
"""The labels of a site that sets no language; also the default where code needs one."""
