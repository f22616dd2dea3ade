"""The article model: a post as immutable plain data (``Article``, ``Person``), what front matter
may say on a site (``Vocabulary``), and a bad value reported as a ``Problem``.

Nothing here imports MkDocs; ``front_matter.py`` reads a Markdown file into these objects.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
import reprlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from .companies import CompanyRegistry

_FIRST_H1 = re.compile(r"^#[ \t]+(.+)$", re.MULTILINE)

SHORT_VALUE = 120
"""Most characters of a value a warning shows."""


class _ShortRepr(reprlib.Repr):
    """``repr`` that looks at no more of a value than it shows; dates as authors write them."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 2
        self.maxlist = self.maxtuple = self.maxdict = self.maxset = self.maxfrozenset = 4
        self.maxstring = self.maxother = 40

    def repr_date(self, value: date, level: int) -> str:
        return value.isoformat()

    def repr_datetime(self, value: datetime, level: int) -> str:
        return value.isoformat(sep=" ")


_SHORT = _ShortRepr()


def short_repr(value: object) -> str:
    """``repr(value)`` cut short, in time as well as length: a value YAML aliases made huge
    is never printed whole."""
    text = _SHORT.repr(value)
    return text if len(text) <= SHORT_VALUE else text[: SHORT_VALUE - 1] + "…"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a file's front matter, worded for the author who must fix it."""

    src_path: str
    field: str
    value: object
    expected: str
    line: int | None = None
    """Where the file says what is wrong (1 is its first line), when the reader knew; a check
    finds the line of a field itself (:mod:`.locations`)."""

    def __str__(self) -> str:
        if self.field:
            return (
                f"{self.src_path}: front matter field {short_repr(self.field)} has the value "
                f"{short_repr(self.value)}; {self.expected}."
            )
        return f"{self.src_path}: {self.expected}."


@dataclass(frozen=True, slots=True)
class Person:
    """An author as readers see them: a name, and a page about them when there is one."""

    name: str
    url: str | None = None
    """Their own page, an http(s) URL (``url`` in Material's authors file)."""
    description: str | None = None
    """A line about them (``description`` in Material's authors file)."""
    avatar: str | None = None
    """An http(s) URL of their picture (``avatar`` in Material's authors file)."""
    page: str | None = None
    """The source path of the profile page Material's blog makes for them
    (``authors_profiles``), which stands in for an author page of this plugin."""


@dataclass(frozen=True, slots=True)
class ImageRef:
    """The image a post's front matter names, before the site says whether it exists."""

    target: str
    """A file's source path in ``docs_dir`` (resolved against the post, as MkDocs resolves
    its links) or an ``https://`` URL."""
    field: str
    """The field it came from (``image``, ``cover_image``...), for warnings."""
    alt: str | None = None
    """``image_alt``: what the image shows, for readers who cannot see it."""
    written: str = dataclasses.field(default="", compare=False)  # `field` is a name here.
    """The value as the author wrote it, which warnings quote (empty: ``target``)."""

    @property
    def is_url(self) -> bool:
        return self.target.startswith("https://")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What front matter may say on this site and how to read it."""

    stances: Mapping[str, str]
    companies: CompanyRegistry = field(default_factory=CompanyRegistry)
    warn_unknown_companies: bool = False
    topic_fields: tuple[str, ...] = ("topics",)
    """Fields whose values are topics (``topics_from``), e.g. Material's ``tags``."""
    topics: CompanyRegistry = field(default_factory=CompanyRegistry)
    """The site's display names of topics (the ``topics`` option), resolved as companies'
    are: any spelling it lists, in any case, is its display name."""
    authors: Mapping[str, Person] = field(default_factory=dict)
    """Keys of an ``authors`` list and who they stand for: those of the authors file of the
    Material blog the post belongs to, never another blog's (both may have a key ``same``)."""
    authors_file: str | None = None
    """That file's path in ``docs_dir``; None for a page in no blog, which has none."""
    shown_as: Mapping[str, Callable[[str], str]] = field(default_factory=dict)
    """Per topic field, how the site shows a name of it, where that is not as written: a
    Material blog's ``categories`` under the titles of their category pages."""


@dataclass(frozen=True, slots=True)
class BodyDigest:
    """What a build still reads from a post's body once its related posts are ranked, kept
    in the body's place (``Publication.let_go_of_bodies``): MkDocs holds its own copy of every
    page's Markdown to the end of the build, and the plugin's would stay beside it."""

    opening: str
    """The first paragraph as plain text (what an excerpt is made of)."""
    first_heading: str | None
    """The text of the body's first ``# heading``."""
    names_image: bool
    """Whether the body names the lead image's file (and so shows the image itself)."""


@dataclass(frozen=True, slots=True)
class Article:
    """A post as the plugin sees it: what it is about, where it stands, and when."""

    src_path: str
    """Where the post's source lives; its URL is whatever the File says when a page renders,
    since other plugins (Material's blog among them) move pages after front matter is read."""
    title: str
    date: datetime | None = None
    """As the author wrote it, with its UTC offset (UTC where it names none, as Material's blog
    reads it): its day, month and year are the author's, which the blog files the post under,
    and dates from different posts compare as moments."""
    updated: datetime | None = None
    """When the post last changed (Material's ``date: {updated: ...}``), the same way."""
    stance: str | None = None
    companies: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    draft: bool = False
    summary: str | None = None
    body: str = ""
    authors: tuple[Person, ...] = ()
    """From ``author`` (names) or ``authors`` (keys of the authors file); empty means the
    site's author."""
    related: bool | tuple[str, ...] = True
    """Front matter ``related``: false hides the box; a list of links pins those posts first."""
    image: ImageRef | None = None
    """Front matter ``image`` (or a spelling other tools use): the post's lead image."""
    readtime: int | None = None
    """Front matter ``readtime`` (Material's blog): minutes, as the author counted them."""
    digest: BodyDigest | None = None
    """What is read from the body, once ``body`` is let go (then empty); None while held."""

    def __post_init__(self) -> None:
        for name in ("date", "updated"):
            value = getattr(self, name)
            if value is not None and value.tzinfo is None:
                object.__setattr__(self, name, value.replace(tzinfo=timezone.utc))

    @property
    def shows_related(self) -> bool:
        return self.related is not False

    @property
    def related_pins(self) -> tuple[str, ...]:
        """The links the author pinned, as typed (resolved against the site by
        ``features/related/pins.py``)."""
        return self.related if isinstance(self.related, tuple) else ()

    @property
    def heading_is_title(self) -> bool:
        """Whether the body's first ``# heading`` says the title: a feed, which gives the title
        apart, leaves that heading out, and keeps one that says something else."""
        heading = self.digest.first_heading if self.digest else title_from_body(self.body)
        return heading == self.title

    @property
    def names_own_image(self) -> bool:
        """Whether the body names the lead image's file: it shows the image itself."""
        if self.image is None:
            return False
        if self.digest is not None:
            return self.digest.names_image
        return posixpath.basename(self.image.target) in self.body

    @property
    def sort_key(self) -> tuple[float, str, str]:
        """Newest first, then by title, then by path: the one order every listing uses."""
        timestamp = self.date.timestamp() if self.date else 0.0
        return (-timestamp, self.title.casefold(), self.src_path)


def in_utc(value: datetime) -> datetime:
    """A date as the moment it names, in UTC, naive (a naive one is UTC already): what feeds,
    JSON-LD and sharing tags write."""
    return value if value.tzinfo is None else value.astimezone(timezone.utc).replace(tzinfo=None)


def iso_utc(value: datetime) -> str:
    """That moment as feeds, JSON-LD and sharing tags write a time: ``2026-01-01T00:00:00Z``."""
    return in_utc(value).replace(microsecond=0).isoformat() + "Z"


def title_from_body(body: str) -> str | None:
    """The text of the body's first ``# heading``, if it has one."""
    match = _FIRST_H1.search(body)
    if not match:
        return None
    # The closing hashes are stripped here: in the pattern, "(.+?)[ \t#]*$" would try every
    # split of a long line of "# # # #" between the two, which takes its length squared.
    heading = match.group(1).strip()
    return heading.rstrip(" \t#") or heading
