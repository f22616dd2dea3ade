"""Material for MkDocs' blog plugin, as far as this plugin must follow it.

Posts under a blog's post folder belong to that blog: it moves them to its own URLs, decides
which are drafts (``draft``, ``draft_if_future_date``, its ``draft`` option, ``draft_on_serve``),
shows their dates and authors beside them, and names authors by keys into ``.authors.yml``. This
module reads those settings once per build, in plain data, so the plugin agrees with the blog
instead of contradicting it. Nothing here changes what the blog does.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import safe_yaml
from .articles import Person

_OPTIONS = (
    "blog_dir",
    "post_dir",
    "draft",
    "draft_on_serve",
    "draft_if_future_date",
    "authors_file",
)
"""Options only Material's blog plugin has: how it is recognised under any name in ``plugins``."""

VIEW_MAKER = "material/blog"
"""What the blog writes into ``File.generated_by`` of its index, archive and category pages:
pages that list posts themselves, which no listing of the plugin's may join."""

EXCERPT_TITLE_LEVEL = 2
"""Excerpts on the blog's index, archive and category pages render a post a heading level
down: its ``<h1>`` title is an ``<h2>`` there."""


@dataclass(frozen=True, slots=True)
class Blog:
    """One instance of the blog plugin (a site may run several)."""

    post_dir: str
    """Source folder of its posts, ``blog/posts``."""
    publishes_drafts: bool = False
    """The blog's ``draft`` option as the site set it: drafts in every build."""
    drafts_by_date: bool = False
    """``draft_if_future_date``: a post dated after the build is a draft unless it says."""
    authors: Mapping[str, Person] = field(default_factory=dict)
    """The people its authors file names, by key: the only ones its posts' ``authors`` name
    (two blogs may give one key to two people)."""
    authors_file: str = ".authors.yml"
    """Where that file is, relative to ``docs_dir``, for messages."""
    shows_readtime: bool = True
    """``post_readtime``: the blog shows each post's reading time beside it."""
    category_page: Callable[[str], str] | None = None
    """The source path of the page the blog shows a category on, by its name as a post writes
    it (its ``categories_url_format`` and ``categories_slugify``); None when the blog shows no
    categories (``categories: false``)."""
    category_titles: Mapping[str, str] = field(default_factory=dict)
    """The titles of the category pages the site wrote itself, by source path: the names the
    blog shows those categories under."""
    index_page: str | None = None
    """The source path of its index, which lists every post it publishes (``blog/index.md``)."""
    date_format: str = "long"
    """How it writes a post's date (``post_date_format``, a Babel format)."""

    def owns(self, src_path: str) -> bool:
        return src_path.startswith(self.post_dir + "/")

    def category_name(self, name: str) -> str:
        """A category as the blog shows it: the title of its page where the site wrote one
        (``blog/category/ml.md`` with ``# Machine learning``), else as the post writes it."""
        if self.category_page is None:
            return name
        return self.category_titles.get(self.category_page(name), name)

    def is_draft(self, draft_field: object, date: datetime | None, now: datetime) -> bool:
        """Whether the blog leaves the post out of a build, by the blog's own rule."""
        if self.publishes_drafts:
            return False
        if not isinstance(draft_field, bool):
            return self.drafts_by_date and date is not None and date > now
        return draft_field


@dataclass(frozen=True, slots=True)
class Blogs:
    """Every blog of the site; empty on a site without Material's blog plugin."""

    blogs: tuple[Blog, ...] = ()
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    """Taken once, so every post is judged at the same moment."""

    def owner(self, src_path: str) -> Blog | None:
        return next((blog for blog in self.blogs if blog.owns(src_path)), None)

    def index_page(self) -> str | None:
        """The index of the site's (first) blog, a page that lists every post it publishes."""
        return next((blog.index_page for blog in self.blogs if blog.index_page), None)

    def category_folders(self) -> set[str]:
        """The folders the blogs keep their category pages in (``blog/category``)."""
        return {
            posixpath.dirname(blog.category_page("-"))
            for blog in self.blogs
            if blog.category_page is not None
        }

    def with_category_titles(self, titles: Mapping[str, str]) -> Blogs:
        """The blogs knowing the titles of the category pages the site wrote (by source
        path), which the blogs show those categories under."""
        blogs = tuple(replace(blog, category_titles=titles) for blog in self.blogs)
        return replace(self, blogs=blogs)


def find_blogs(plugins: Iterable[object], docs_dir: str) -> tuple[Blogs, list[str]]:
    """The enabled blog plugins among ``plugins``, and problems reading their authors files."""
    blogs, problems = [], []
    for plugin in plugins:
        options: Any = getattr(plugin, "config", None)
        if not isinstance(options, Mapping) or not all(name in options for name in _OPTIONS):
            continue
        if options.get("enabled") is False:
            continue
        root = posixpath.normpath(options["blog_dir"])
        authors_file = posixpath.normpath(options["authors_file"].format(blog=root))
        authors: dict[str, Person] = {}
        if options.get("authors", True):
            profiles = None
            if options.get("authors_profiles"):
                profiles = Profiles(root, str(options["authors_profiles_url_format"]))
            authors, problem = _blog_authors(plugin, Path(docs_dir, authors_file), profiles)
            if problem:
                problems.append(problem)
        blogs.append(
            Blog(
                post_dir=posixpath.normpath(options["post_dir"].format(blog=root)),
                index_page=posixpath.normpath(posixpath.join(root, "index.md")),
                publishes_drafts=_publishes_drafts(plugin, options),
                drafts_by_date=bool(options["draft_if_future_date"]),
                authors=authors,
                authors_file=authors_file,
                shows_readtime=bool(options.get("post_readtime", True)),
                category_page=_category_page(root, options) if options.get("categories") else None,
                date_format=str(options.get("post_date_format") or "long"),
            )
        )
    return Blogs(tuple(blogs)), problems


def _category_page(root: str, options: Mapping[str, Any]) -> Callable[[str], str] | None:
    """Where the blog puts a category's page, as Material's ``_format_path_for_category``
    does; None for a blog whose settings this cannot follow."""
    slugify = options.get("categories_slugify")
    separator = options.get("categories_slugify_separator")
    url_format = options.get("categories_url_format")
    if not callable(slugify) or not isinstance(separator, str) or not isinstance(url_format, str):
        return None

    def page(name: str) -> str:
        path = url_format.format(slug=slugify(name, separator))
        return posixpath.join(root, f"{posixpath.normpath(path.strip('/'))}.md")

    return page


def _publishes_drafts(plugin: object, options: Mapping[str, Any]) -> bool:
    """The blog's ``draft`` option as a build has it. Under ``mkdocs serve`` the blog switches
    it on itself (``draft_on_serve``) to preview drafts, which stay drafts all the same."""
    previewing = bool(getattr(plugin, "is_serve", False)) and bool(options["draft_on_serve"])
    return bool(options["draft"]) and not previewing


@dataclass(frozen=True, slots=True)
class Profiles:
    """Where a blog with ``authors_profiles`` puts each author's page, as Material's
    ``_format_path_for_profile`` does: ``authors_profiles_url_format`` under the blog."""

    blog_dir: str
    url_format: str

    def src_path(self, key: str, name: str, slug: object) -> str | None:
        try:
            path = self.url_format.format(
                slug=slug if isinstance(slug, str) and slug else key, name=name
            )
        except (KeyError, IndexError, ValueError, AttributeError):
            return None  # A format the blog cannot fill either.
        return posixpath.join(self.blog_dir, f"{posixpath.normpath(path.strip('/'))}.md")


def _blog_authors(
    plugin: object, path: Path, profiles: Profiles | None = None
) -> tuple[dict[str, Person], str | None]:
    """The people the blog's authors file names, and a problem reading it.

    The blog reads the file in its ``on_config``, before any ``on_files``, and keeps what it
    read as ``authors`` (key -> ``name``, ``url``, ...): that is taken as it is, so the file is
    parsed once a build (10,000 authors take the blog's pure-Python YAML loader 2.6 s) and the
    plugin names whoever the blog names. A blog that keeps them elsewhere has the file read
    here.
    """
    read = getattr(plugin, "authors", None)
    if isinstance(read, Mapping):
        return _people(read, profiles), None
    return _read_authors(path, profiles)


def _read_authors(
    path: Path, profiles: Profiles | None = None
) -> tuple[dict[str, Person], str | None]:
    """``authors: {key: {name, url, ...}}`` from an authors file, if there is one, read as
    front matter is (the C loader where PyYAML has it, aliases and nesting bounded)."""
    if not path.is_file():
        return {}, None
    try:
        data = safe_yaml.load(path.read_text(encoding="utf-8-sig")) or {}
    except (OSError, UnicodeDecodeError) as error:
        return {}, f"{path.name}: cannot be read ({type(error).__name__}); authors shown by key"
    except safe_yaml.FrontMatterError as error:
        return {}, f"{path.name}: cannot be read ({error.reason}); authors shown by key"
    entries = data.get("authors") if isinstance(data, dict) else None
    return _people(entries, profiles) if isinstance(entries, Mapping) else {}, None


def _people(
    entries: Mapping[object, object], profiles: Profiles | None = None
) -> dict[str, Person]:
    """Each entry as a Person: its name (the key where it has none), an http(s) URL and
    avatar, its description, and the blog's profile page of them when it makes them."""
    people = {}
    for key, entry in entries.items():
        if not isinstance(entry, Mapping):
            continue
        name = entry.get("name")
        name = str(name) if isinstance(name, str) and name.strip() else str(key)
        description = entry.get("description")
        people[str(key)] = Person(
            name,
            _web_url(entry.get("url")),
            description if isinstance(description, str) and description.strip() else None,
            _web_url(entry.get("avatar")),
            profiles.src_path(str(key), name, entry.get("slug")) if profiles else None,
        )
    return people


def _web_url(value: object) -> str | None:
    """``value`` when it is an http(s) URL: the only links an authors file may add."""
    return value if isinstance(value, str) and value.startswith(("https://", "http://")) else None
