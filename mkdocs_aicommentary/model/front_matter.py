"""Front matter -> immutable Article objects, with every bad value reported as a Problem.

Nothing here imports MkDocs: it takes the text of a Markdown file and returns plain data, so the
rules for what a post may say are tested in microseconds and apply the same in every build.
A bad field never stops the build: the article is kept without that field and the problem is
returned for the plugin to log as a warning (which ``mkdocs build --strict`` turns into failure).
"""

from __future__ import annotations

import fnmatch
import hashlib
import itertools
import posixpath
import re
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from . import safe_yaml
from .articles import Article, ImageRef, Person, Problem, Vocabulary, title_from_body
from .safe_yaml import UnbuildableDate
from .slugs import clean_name, name_key

# The same front matter block MkDocs itself recognises (mkdocs.utils.meta.YAML_RE).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)

ARTICLE_MARKERS = ("stance", "subject_company")
"""Front matter fields whose presence makes a page a post (unless glob patterns are set)."""
IMAGE_FIELDS = ("image", "feature_image", "cover_image", "images")
"""Where a post names its lead image, first found wins: ``image`` (this plugin's, and what
mkdocs-rss-plugin reads), Ghost's ``feature_image``, dev.to's ``cover_image``, Hugo's
``images`` (a list; the first is taken)."""
IMAGE_ALT_FIELDS = ("image_alt", "feature_image_alt")
"""Its text alternative: ``image_alt``, or Ghost's ``feature_image_alt``."""
KNOWN_FIELDS = frozenset(
    {*ARTICLE_MARKERS, "title", "date", "topics", "summary", "description", "draft", "author"}
    | {"authors", "related", "newsletter", "readtime", *IMAGE_FIELDS, *IMAGE_ALT_FIELDS}
)
"""The fields a post's front matter may hold that mean something to the plugin."""
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200
"""Dates outside these years are typos (``0026-01-01``), not commentary on AI companies."""


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A Markdown file split into its YAML front matter and its body."""

    meta: Mapping[str, Any]
    body: str
    problem: Problem | None = None


def content_key(text: str) -> bytes:
    """A short digest of ``text``: what caches that outlive one build compare texts by."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class FrontMatterCache:
    """Each page's front matter, kept while its text is unchanged: a ``mkdocs serve`` rebuild
    reads the YAML of the pages an author edited, not of every post again."""

    def __init__(self) -> None:
        self._by_page: dict[str, tuple[bytes, FrontMatter, int]] = {}
        """By page: its text's key, its front matter with no body, and where the body starts
        in the text. Bodies are cut from the text they are asked with, so the cache holds none
        (a build lets go of a post's body once it has read what it needs from it)."""

    def split(self, src_path: str, text: str) -> FrontMatter:
        """``split_front_matter(src_path, text)``, from the cache when the text is the same."""
        key = content_key(text)
        cached = self._by_page.get(src_path)
        if cached is not None and cached[0] == key:
            return replace(cached[1], body=text[cached[2] :])
        front_matter = split_front_matter(src_path, text)
        body_start = len(text) - len(front_matter.body)
        self._by_page[src_path] = (key, replace(front_matter, body=""), body_start)
        return front_matter

    def retain(self, src_paths: Iterable[str]) -> None:
        """Forget every page but ``src_paths`` (the site's pages now; not deleted ones)."""
        keep = set(src_paths)
        for src_path in self._by_page.keys() - keep:
            del self._by_page[src_path]


def front_matter_block(text: str) -> str | None:
    """The YAML between a Markdown file's opening and closing ``---``; None without one."""
    match = _FRONT_MATTER.match(text)
    return match.group(1) if match else None


def split_front_matter(src_path: str, text: str) -> FrontMatter:
    """Separate the YAML block from the body, reporting YAML errors instead of hiding them."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return FrontMatter({}, text)
    body = text[match.end() :]
    try:
        meta = safe_yaml.load(match.group(1))
    except safe_yaml.FrontMatterError as error:
        line = error.line + 2 if error.line is not None else None  # After the opening ---.
        reason = f"front matter{f' at line {line}' if line else ''}: {error.reason}"
        return FrontMatter({}, body, Problem(src_path, "", None, reason, line))
    if meta is None:
        return FrontMatter({}, body)
    if not isinstance(meta, dict):
        expected = "front matter must be 'key: value' lines, not a " + type(meta).__name__
        return FrontMatter({}, body, Problem(src_path, "", None, expected))
    return FrontMatter(meta, body)


def is_article(src_path: str, meta: Mapping[str, Any], patterns: Iterable[str]) -> bool:
    """Posts are the pages matching the configured globs, or else those that take a stance."""
    patterns = list(patterns)
    if patterns:
        return any(fnmatch.fnmatchcase(src_path, pattern) for pattern in patterns)
    # A marker in another case ("Stance:") is a post with a misspelt field, reported as such.
    return any(_field_name(key) in ARTICLE_MARKERS for key in meta)


def read_article(
    src_path: str, front_matter: FrontMatter, vocabulary: Vocabulary
) -> tuple[Article, list[Problem]]:
    """Build the Article for one post; each invalid field is left out and reported."""
    meta = front_matter.meta
    problems: list[Problem] = []

    def report(name: str, expected: str) -> None:
        value: object = meta
        for part in name.split("."):  # "date.updated" names a key inside "date"
            value = value.get(part) if isinstance(value, dict) else None
        problems.append(Problem(src_path, name, value, expected))

    title = _text(meta.get("title"))
    if "title" in meta and title is None:
        report("title", "expected text")
    stance = _read_stance(meta, vocabulary, report)
    companies = _read_companies(meta, vocabulary, report)
    topics = _read_topics(meta, vocabulary, companies, report)
    authors = _read_authors(meta, vocabulary, report)
    published, updated = _read_dates(meta, report)
    draft = _read_draft(meta, report)
    misspelt = _report_misspelt_fields(src_path, meta, vocabulary, problems)
    draft = draft or "draft" in misspelt
    summary_field = "summary" if "summary" in meta else "description"
    summary = _text(meta.get(summary_field))
    if summary_field in meta and summary is None:
        report(summary_field, "expected text")

    related = _read_related(meta, report)
    image = _read_image(src_path, meta, report)
    readtime = meta.get("readtime")
    if readtime is not None and (not isinstance(readtime, int) or isinstance(readtime, bool)):
        report("readtime", "expected a whole number of minutes, such as 6")
        readtime = None

    article = Article(
        src_path=src_path,
        title=title or title_from_body(front_matter.body) or _title_from_path(src_path),
        date=published,
        updated=updated,
        stance=stance,
        companies=companies,
        topics=topics,
        draft=draft,
        summary=summary,
        body=front_matter.body,
        authors=authors,
        related=related,
        image=image,
        readtime=readtime if readtime is None or readtime > 0 else None,
    )
    return article, problems


def _read_draft(meta, report) -> bool:
    """Only a clean ``true`` or ``false`` says; anything else fails closed, as a draft."""
    draft = meta.get("draft", False)
    if isinstance(draft, bool):
        return draft
    report("draft", "expected true or false; the post stays unpublished until it says which")
    return True


def _report_misspelt_fields(
    src_path: str, meta, vocabulary: Vocabulary, problems: list[Problem]
) -> set[str]:
    """Report the fields that are a known field spelt in another case (``Draft``, ``Stance``),
    which the plugin does not read, and return the fields they stand for.

    Other fields are the author's business, but a date in one that YAML could not build
    (``updated: 2026-02-30``) is reported too: the theme or another plugin may read it.
    """
    known = KNOWN_FIELDS | set(vocabulary.topic_fields)
    meant: set[str] = set()
    for key, value in meta.items():
        name = _field_name(key)
        if key not in known and name in known:
            meant.add(name)
            consequence = (
                "the post stays unpublished until it is spelt 'draft'"
                if name == "draft"
                else "it is ignored"
            )
            expected = f"did you mean '{name}'? Field names are lower case; {consequence}"
            problems.append(Problem(src_path, key, value, expected))
        elif isinstance(value, UnbuildableDate) and key not in known:
            problems.append(Problem(src_path, str(key), value, _NOT_ON_THE_CALENDAR))
    return meant


def _field_name(key: object) -> str | None:
    """A front matter key as the known field it may be meant as: ``" Draft"`` -> ``draft``."""
    return key.strip().lower() if isinstance(key, str) else None


def _read_stance(meta, vocabulary: Vocabulary, report) -> str | None:
    value = meta.get("stance")
    if value is None:
        return None
    allowed = ", ".join(vocabulary.stances)
    if isinstance(value, str):
        key = name_key(value)  # "Bullish", " bullish\u200b": one stance
        if key in vocabulary.stances:
            return key
    report("stance", f"allowed stances are: {allowed}")
    return None


def _read_companies(meta, vocabulary: Vocabulary, report) -> tuple[str, ...]:
    names = _read_names(meta, "subject_company", report)
    registry = vocabulary.companies
    if not registry:
        return names
    resolved: list[str] = []
    for name in names:
        canonical = registry.resolve(name)
        if canonical is None and vocabulary.warn_unknown_companies:
            known = ", ".join(registry.names)
            report("subject_company", f"{name!r} is not in the company registry ({known})")
        resolved.append(canonical or name)
    return tuple(dict.fromkeys(resolved))


def _read_topics(
    meta, vocabulary: Vocabulary, companies: tuple[str, ...], report
) -> tuple[str, ...]:
    """Topics from every field in ``topic_fields``, merged, each by the display name the site
    gives it (the ``topics`` option); a topic naming one of the post's own companies (any
    registered spelling) is that company, so it is not a topic too."""
    own = {name_key(company) for company in companies}
    registry = vocabulary.companies
    unique: dict[str, str] = {}
    for field_name in vocabulary.topic_fields:
        shown_as = vocabulary.shown_as.get(field_name)
        for written in _read_names(meta, field_name, report):
            topic = shown_as(written) if shown_as is not None else written
            key = name_key(topic)
            company = registry.resolve(topic)
            if key in own or (company is not None and name_key(company) in own):
                continue
            topic = vocabulary.topics.resolve(topic) or topic
            unique.setdefault(name_key(topic), topic)
    return tuple(unique.values())


def _read_authors(meta, vocabulary: Vocabulary, report) -> tuple[Person, ...]:
    """``author``: names as typed. ``authors`` (Material's blog): keys of the post's blog's
    authors file, each shown as the name it gives; a key the file lacks is reported and shown
    as typed."""
    people = [Person(name) for name in _read_names(meta, "author", report)]
    for key in _read_names(meta, "authors", report):
        person = vocabulary.authors.get(key)
        if person is None:
            report("authors", _unknown_author(key, vocabulary))
            person = Person(key)
        people.append(person)
    return tuple(dict.fromkeys(people))


KNOWN_AUTHORS_SHOWN = 10
"""Most keys of an authors file a warning lists: the file may name thousands."""


def _unknown_author(key: str, vocabulary: Vocabulary) -> str:
    if vocabulary.authors_file is None:
        return (
            f"{key!r} would be a key of a Material blog's authors file, but this page is in "
            "no blog; name its authors with 'author' instead"
        )
    keys = list(itertools.islice(vocabulary.authors, KNOWN_AUTHORS_SHOWN))
    more = len(vocabulary.authors) - len(keys)
    known = ", ".join(keys) + (f" and {more:,} more" if more else "") or "none"
    return f"{key!r} is not in {vocabulary.authors_file} (known: {known})"


def _read_names(meta, name: str, report) -> tuple[str, ...]:
    """A name or a list of names; blanks dropped, duplicates (by case) merged, order kept."""
    value = meta.get(name)
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        report(name, "expected a name or a list of names, such as [NVIDIA, Google]")
        return ()
    unique: dict[str, str] = {}
    for item in items:
        cleaned = clean_name(item)
        if cleaned:
            unique.setdefault(name_key(cleaned), cleaned)
    return tuple(unique.values())


def _read_related(meta, report) -> bool | tuple[str, ...]:
    """``related: false`` (no box), ``true`` (the default) or a list of links to pin first."""
    value = meta.get("related", True)
    if value is None or isinstance(value, bool):
        return value is not False
    items = [value] if isinstance(value, str) else value
    if isinstance(items, list) and all(isinstance(item, str) for item in items):
        links = (item.strip() for item in items)
        return tuple(dict.fromkeys(link for link in links if link))
    report("related", "expected false, or a list of links to posts such as [../gpu-rally.md]")
    return True


_IMAGE_EXAMPLE = (
    "expected a path to an image (cover.png, beside the post; /assets/cover.png, from the "
    "top of the docs folder) or an https:// URL"
)


def _read_image(src_path: str, meta, report) -> ImageRef | None:
    """The first image field the post fills, resolved against the post as MkDocs resolves a
    relative link (``../img/x.png``; ``/img/x.png`` from the top of ``docs_dir``). Whether
    the file exists is the site's to say (:mod:`..adapter.page_images`)."""
    name = next((field for field in IMAGE_FIELDS if meta.get(field) not in (None, "", [])), None)
    if name is None:
        return None
    value = meta[name]
    if name == "images" and isinstance(value, list):  # Hugo: a list, the first one leads.
        name, value = "images", value[0]
    if not isinstance(value, str) or not value.strip():
        report(name, _IMAGE_EXAMPLE)
        return None
    value = value.strip()
    alt_field = next((field for field in IMAGE_ALT_FIELDS if field in meta), IMAGE_ALT_FIELDS[0])
    alt = _text(meta.get(alt_field))
    if alt_field in meta and alt is None and meta.get(alt_field) not in (None, ""):
        report(alt_field, "expected text saying what the image shows")
    parts = urllib.parse.urlsplit(value)
    if parts.scheme or value.startswith("//"):
        if parts.scheme.lower() == "https" and parts.netloc:
            return ImageRef(value, name, alt)
        if parts.scheme.lower() == "http":
            report(name, "pages served over https cannot show it; use its https:// URL")
        else:
            report(name, _IMAGE_EXAMPLE)
        return None
    path = urllib.parse.unquote(parts.path)
    if not path or path.endswith("/"):
        report(name, _IMAGE_EXAMPLE + "; it names a folder")
        return None
    base = "" if path.startswith("/") else posixpath.dirname(src_path)
    target = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
    if target == ".." or target.startswith("../"):
        report(name, "it points outside the docs folder, which MkDocs does not publish")
        return None
    return ImageRef(target, name, alt, written=value)


_DATE_EXAMPLE = "expected a date such as 2026-11-20 or 2026-11-20T09:30:00"
_NOT_ON_THE_CALENDAR = "it is not a date on the calendar; write one such as 2026-11-20"


def _read_dates(meta, report) -> tuple[datetime | None, datetime | None]:
    """``date``: one date, or Material's mapping ``{created: ..., updated: ...}`` (its other
    keys are the blog's business and ignored)."""
    value = meta.get("date")
    if not isinstance(value, dict):
        return _read_date(value, "date", report), None
    created = _read_date(value.get("created"), "date.created", report)
    if created is None and "created" not in value:
        report("date", "a date mapping needs 'created', such as {created: 2026-11-20}")
    return created, _read_date(value.get("updated"), "date.updated", report)


def _read_date(value: object, name: str, report) -> datetime | None:
    """The date as written (the article makes it aware); a date off the calendar or outside
    1900-2200 is left out."""
    if value is None:
        return None
    if isinstance(value, UnbuildableDate):
        report(name, _NOT_ON_THE_CALENDAR)
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            report(name, _DATE_EXAMPLE)
            return None
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    if not isinstance(value, datetime):
        report(name, _DATE_EXAMPLE)
        return None
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        report(name, f"expected a date between {EARLIEST_YEAR} and {LATEST_YEAR}")
        return None
    return value


def _text(value: object) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text or None
    return None


def _title_from_path(src_path: str) -> str:
    stem = src_path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if stem in ("index", "README"):
        stem = src_path.rsplit("/", 2)[-2] if "/" in src_path else "Home"
    return stem.replace("-", " ").replace("_", " ").strip().capitalize() or src_path
