"""The types of the plugin's options: each checks one option's value and, when it is wrong,
says what to write instead, so MkDocs reports every bad value at once, naming the option."""

from __future__ import annotations

import math
import posixpath
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from mkdocs.config import config_options as c

from ..features import newsletter_links
from ..html.links import path_key
from ..html.render import STYLESHEET
from ..i18n.language import is_language_tag
from ..i18n.translations import STANCE_KEYS
from ..model.articles import short_repr
from ..model.slugs import slugify


def as_written(value: object) -> str:
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
            f"is {as_written(value)}{_is_yes_no(value)}; write a whole number {allowed}, "
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
            f"is {as_written(value)}{_is_yes_no(value)}; write a number {allowed}, such as "
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
    "digest.xml": "the daily digest's RSS feed",
    "digest.json": "the daily digest's JSON Feed",
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
                f"is {as_written(value)}; write a relative folder inside the site, such as "
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
                    f"is {as_written(value)}; {part!r} is no folder name that every system "
                    f'keeps as written (spaces or dots at its ends, any of <>:"|?*, control or '
                    f"invisible characters, a drive like C:, device names like nul). Write "
                    f"letters, digits and '-', such as {self.default!r}."
                )
        first = path_key(parts[0])
        for reserved, what in RESERVED_OUTPUTS.items():
            if first == path_key(reserved):
                raise c.ValidationError(
                    f"is {as_written(value)}, where {what} ({reserved}) is written; write "
                    f"another folder, such as {self.default!r}."
                )
        return folder


class Text(c.OptionallyRequired[str]):
    """Text readers need (a heading, a button): blank is refused."""

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str):
            raise c.ValidationError(f"is {as_written(value)}; write some text.")
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
                f"is {as_written(value)}; write a field name such as {self.default or 'email'!r}."
            )
        return value.strip()


class Identifier(c.OptionallyRequired[Any]):
    """An id given as text or as a number (``form_id: 1234567``), never a yes/no value."""

    def run_validation(self, value: object) -> str | int:
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise c.ValidationError(
                f"is {as_written(value)}{_is_yes_no(value)}; write the id as text or a number."
            )
        return value


class SiteLink(c.OptionallyRequired[str]):
    """A link readers follow: an ``https://`` URL, or a path inside the site."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def run_validation(self, value: object) -> str:
        try:
            return newsletter_links.check_link(value, self.name)
        except newsletter_links.NewsletterError as error:
            raise c.ValidationError(str(error)) from None


class ImageLocation(c.OptionallyRequired[str]):
    """An image: a path inside ``docs_dir`` (``assets/cover.png``) or an ``https://`` URL."""

    def run_validation(self, value: object) -> str:
        if isinstance(value, str) and value.strip():
            text = value.strip()
            scheme = text.split(":", 1)[0].lower() if ":" in text else ""
            if scheme == "https" and text.lower().startswith("https://") and len(text) > 8:
                return text
            if not scheme and not text.startswith("//") and not text.endswith("/"):
                return text
        raise c.ValidationError(
            f"expected a path to an image in the docs folder (assets/cover.png) or an https:// "
            f"URL, not {value!r}"
        )


class LanguageTag(c.OptionallyRequired[str]):
    """A BCP 47 language tag (``de``, ``pt-BR``, ``zh-Hant``; ``de_DE`` as MkDocs' locales
    write it), as written: it goes into every feed's ``<language>``."""

    def run_validation(self, value: object) -> str:
        if isinstance(value, str) and is_language_tag(value):
            return value
        raise c.ValidationError(f"is {as_written(value)}; {LANGUAGE_HINT}.")


LANGUAGE_HINT = (
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
                        f"{as_written(item)}."
                    )
        return super().run_validation(value)


class Switch(c.OptionallyRequired[bool]):
    """``true`` or ``false`` (left empty, the default), with a message that says so where
    MkDocs' own would name Python types."""

    def run_validation(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise c.ValidationError(f"is {as_written(value)}; write true or false.")
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


class Stances(c.DictOfItems[str]):
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


class HexColor(c.Type[str]):
    """A colour as ``#rrggbb`` or ``#rgb``, the form an image is drawn with."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        if not re.fullmatch(r"#(?:[0-9a-fA-F]{3}){1,2}", text):
            raise c.ValidationError(
                f"is {as_written(value)}; give a colour as #rrggbb, e.g. #c62828."
            )
        return text
