"""Every word the plugin shows or writes, per language: the files in ``languages/``, read here.

One YAML file per built-in language, named by its code (``de.yml``), holds the language's name,
its direction, its plural rules, its stop words for the related-posts ranking and every text
by key; ``languages/en.yml`` says how to write one. The languages are the files present: a new
file is a new language, with no Python to change. A :class:`Catalog` lists the files and reads
each the first time it is asked for it, once per process (``BUILT_IN`` is the package's).

A text is a string with ``{placeholders}`` the code fills in (the English text says which;
the others must use the same), or, for texts that count something, one string per plural
category of the language (CLDR's names; ``other`` is required and used for any category left
out). The keys in ``LISTS`` are lists of names, written as one string with ", " between them.
:mod:`.language` makes a build's labels from these; a site overrides any entry with ``labels``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

try:  # The C loader reads the files several times faster; fall back where it is not built.
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

Text = str | Mapping[str, str]
"""A string, or one string per plural category."""

FOLDER = Path(__file__).parent / "languages"
"""The package's language files."""

FALLBACK = "en"
"""The language of a site whose language has no file; its file names every key and placeholder."""

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
"""CLDR's plural categories, in CLDR's order."""

STANCE_KEYS = ("bullish", "bearish", "skeptical", "neutral", "mixed")
"""The stances a site gets when it configures none; each has a ``stance.<key>`` text."""

LISTS = {
    "date.months": 12,
    "date.short_months": 12,
    "date.initial_months": 12,
    "date.weekdays": 7,
    "date.short_weekdays": 7,
}
"""Keys whose text is a list of names, and how many names each holds."""

_FIELDS = ("name", "direction", "plurals", "stop_words", "texts")
_CODE = re.compile(r"[a-z]{2,8}")
"""A file's name: the primary language subtag that ``i18n.base_language`` reads from a tag."""
_DIRECTIONS = {"ltr": False, "rtl": True}
_RELATION = re.compile(
    r"\s*[ni]\s*(?:%\s*(?P<modulo>[1-9][0-9]*)\s*)?(?P<operator>!?=)"
    r"\s*(?P<ranges>[0-9]+(?:\.\.[0-9]+)?(?:\s*,\s*[0-9]+(?:\.\.[0-9]+)?)*)\s*"
)
"""One relation of a CLDR plural rule on a whole number: ``n % 100 = 3..10``, ``n != 0``,
``n = 0,1``. ``n`` and ``i`` are the same for whole numbers; CLDR's other operands are about
decimals, which the plugin never counts."""


class LanguageFileError(ValueError):
    """A language file the plugin cannot use; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Relation:
    """``n [% modulo] = ranges`` (or ``!=``), as a CLDR plural rule writes it."""

    modulo: int | None
    equal: bool
    ranges: tuple[tuple[int, int], ...]

    def holds(self, number: int) -> bool:
        value = number % self.modulo if self.modulo else number
        return any(low <= value <= high for low, high in self.ranges) == self.equal


PluralRule = tuple[tuple[Relation, ...], ...]
"""Relations joined by "and" (the inner tuples), those joined by "or" (the outer one)."""


def parse_plural_rule(rule: str) -> PluralRule:
    """A CLDR plural rule for whole numbers as data: ``n % 100 = 3..10 or n = 0``.

    Raises ``ValueError`` for anything else (an operand other than ``n`` or ``i``, a
    comparison other than ``=`` and ``!=``, a range that runs backwards).
    """
    alternatives = []
    for alternative in re.split(r"\bor\b", rule):
        relations = []
        for relation in re.split(r"\band\b", alternative):
            match = _RELATION.fullmatch(relation)
            if match is None:
                raise ValueError(
                    f"{relation.strip()!r} is not a relation such as 'n = 1' or 'n % 100 = 3..10'"
                )
            ranges = []
            for part in match["ranges"].split(","):
                low, _, high = part.strip().partition("..")
                ranges.append((int(low), int(high or low)))
                if ranges[-1][0] > ranges[-1][1]:
                    raise ValueError(f"the range {part.strip()!r} runs backwards")
            modulo = int(match["modulo"]) if match["modulo"] else None
            relations.append(Relation(modulo, match["operator"] == "=", tuple(ranges)))
        alternatives.append(tuple(relations))
    return tuple(alternatives)


@dataclass(frozen=True, slots=True)
class Language:
    """One language file, read and checked."""

    code: str
    name: str
    """Its name in English ("German")."""
    rtl: bool
    """Written right to left; the plugin's blocks then say ``dir="rtl"``."""
    plurals: tuple[tuple[str, PluralRule], ...]
    """Each plural category but ``other`` with its rule, in CLDR's order."""
    stop_words: frozenset[str]
    """Words the related-posts ranking ignores, as its tokenizer writes them (case-folded)."""
    texts: Mapping[str, Text]
    """Every text by key, in the file's order."""

    @property
    def plural_categories(self) -> tuple[str, ...]:
        """The categories :meth:`plural_category` gives, in CLDR's order."""
        return (*(category for category, _ in self.plurals), "other")

    def plural_category(self, count: int) -> str:
        """The CLDR plural category of a whole number: "one" for 1 article in English."""
        number = abs(count)
        for category, rule in self.plurals:
            if any(all(relation.holds(number) for relation in relations) for relations in rule):
                return category
        return "other"


class Catalog:
    """The languages of one folder of language files: one ``<code>.yml`` per language.

    ``codes`` lists the files (the fallback language first); :meth:`language` reads a file the
    first time it is asked for, and keeps it.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        found = sorted(path.stem for path in folder.glob("*.yml"))
        for code in found:
            if not _CODE.fullmatch(code):
                raise LanguageFileError(
                    f"{folder / code}.yml: name a language file by its language subtag in small "
                    f"letters (de.yml, not de-AT.yml or DE.yml), as a site's language is read: "
                    f"de-AT and de_DE are de"
                )
        if FALLBACK not in found:
            raise LanguageFileError(f"{folder} has no {FALLBACK}.yml, the fallback language")
        self.codes = (FALLBACK, *(code for code in found if code != FALLBACK))
        """Every language with a file, the fallback first."""
        self._read: dict[str, Language] = {}

    def language(self, code: str) -> Language:
        """The language of ``<code>.yml``; ``KeyError`` when there is no such file."""
        language = self._read.get(code)
        if language is None:
            if code not in self.codes:
                raise KeyError(code)
            language = self._read[code] = read_language(self.folder / f"{code}.yml")
        return language

    def language_or_fallback(self, code: str) -> Language:
        """The language of ``code``, or the fallback's where it has no file."""
        return self.language(code if code in self.codes else FALLBACK)


def read_language(path: Path) -> Language:
    """Read and check one language file: every field there and of its type. Whether it has
    every key with the right placeholders is for the tests to say, not every build."""
    try:
        with path.open(encoding="utf-8") as stream:
            return _language(path.stem, yaml.load(stream, Loader=_SafeLoader))
    except (ValueError, yaml.YAMLError) as error:  # UnicodeDecodeError is a ValueError.
        raise LanguageFileError(f"{path}: {error}") from None


def _language(code: str, data: object) -> Language:
    if not isinstance(data, dict) or set(data) != set(_FIELDS):
        found = list(data) if isinstance(data, dict) else type(data).__name__
        raise ValueError(f"holds {found}; a language file holds {', '.join(_FIELDS)}")
    name, direction, plurals, stop_words, texts = (data[field] for field in _FIELDS)
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"'name' is {name!r}; write the language's name in English")
    if not isinstance(direction, str) or direction not in _DIRECTIONS:
        raise ValueError(f"'direction' is {direction!r}; write ltr or rtl")
    if not isinstance(stop_words, str):
        raise ValueError("'stop_words' must be one text of words separated by spaces")
    return Language(
        code=code,
        name=name,
        rtl=_DIRECTIONS[direction],
        plurals=_plural_rules(plurals),
        stop_words=frozenset(word.casefold() for word in stop_words.split()),
        texts=_texts(texts),
    )


def _plural_rules(plurals: object) -> tuple[tuple[str, PluralRule], ...]:
    if not isinstance(plurals, dict):
        raise ValueError(f"'plurals' is {plurals!r}; give a rule for each category but 'other'")
    rules = {}
    for category, rule in plurals.items():
        if category not in PLURAL_CATEGORIES[:-1] or not isinstance(rule, str):
            raise ValueError(
                f"'plurals' has {category!r}: {rule!r}; give each of the categories "
                f"{', '.join(PLURAL_CATEGORIES[:-1])} the language has a rule such as 'n = 1'"
            )
        try:
            rules[category] = parse_plural_rule(rule)
        except ValueError as error:
            raise ValueError(f"'plurals.{category}': {error}") from None
    return tuple((category, rules[category]) for category in PLURAL_CATEGORIES if category in rules)


def _texts(texts: object) -> dict[str, Text]:
    if not isinstance(texts, dict):
        raise ValueError("'texts' must map each key to its text")
    checked: dict[str, Text] = {}
    for key, text in texts.items():
        if isinstance(text, str):
            checked[key] = text
        elif isinstance(text, dict) and all(
            category in PLURAL_CATEGORIES and isinstance(form, str)
            for category, form in text.items()
        ):
            checked[key] = dict(text)
        else:
            raise ValueError(
                f"'texts.{key}' is {text!r}; write a quoted text, or one per plural category"
            )
    return checked


BUILT_IN = Catalog(FOLDER)
"""The plugin's own languages."""
