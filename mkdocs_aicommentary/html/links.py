"""Where the plugin's pages live, and how one page links to another.

URLs follow MkDocs' own rules (``use_directory_urls``). Every link the plugin writes into a page
is relative to that page, so a site works from any folder and from ``file://``; feeds, JSON-LD
and sharing tags carry absolute ones, under ``site_url``.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from ..model.images import PageImage
from ..model.taxonomy import Term


def page_url(src_path: str, use_directory_urls: bool) -> str:
    """The site-relative URL MkDocs gives a Markdown source path."""
    stem, _ = posixpath.splitext(src_path)
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        if use_directory_urls:
            return f"{folder}/" if folder else ""
        return f"{folder}/index.html" if folder else "index.html"
    if use_directory_urls:
        return f"{stem}/"
    return f"{stem}.html"


def dest_path(src_path: str, use_directory_urls: bool) -> str:
    """Where MkDocs writes the Markdown page ``src_path`` in the site folder."""
    stem, _ = posixpath.splitext(src_path)
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return posixpath.join(folder, "index.html")
    return f"{stem}/index.html" if use_directory_urls else f"{stem}.html"


def path_key(path: str) -> str:
    """``path`` as macOS and Windows compare names: without letter case, Unicode form (``é``
    as one character or as ``e`` and an accent) or the spaces and dots Windows drops from the
    end of a name. Two paths with one key are one file there, and one overwrites the other."""
    return "/".join(
        unicodedata.normalize("NFC", unicodedata.normalize("NFD", part).casefold()).rstrip(" .")
        for part in path.split("/")
    )


_SEGMENT = r"[\w\-~%!$&'()*+,=@][\w\-~%!$&'()*+,=@.]*"
_PLAIN_PATH = re.compile(rf"(?:{_SEGMENT}/)*(?:{_SEGMENT})?")
"""A relative path with nothing for ``urljoin`` to resolve: no scheme, query, fragment, white
space, ``.`` or ``..`` segment, or empty segment, and no ``;`` (whose parameters ``urljoin``
drops when they are empty: ``a;``). Each segment ends at its ``/``, so a path that does not
match is found out in one pass (``(?:segment/?)*`` tried every split of a long segment)."""


def absolute_url(site_url: str, url: str) -> str:
    """A site-relative URL (``posts/gpu/``) made absolute under ``site_url``, by MkDocs' own
    rule for a page's canonical URL (``Page._set_canonical_url``): ``urljoin`` of ``site_url``,
    given a trailing slash, and ``url``. So a ``site_url`` with a query or a fragment loses it,
    as it does in MkDocs' ``<link rel="canonical">``, instead of carrying the path after it."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    if _PLAIN_PATH.fullmatch(url) and _joins_by_appending(base):
        return base + url  # A page's URL as MkDocs writes it, under an ordinary site_url.
    return urljoin(base, url)


def absolute_image(site_url: str, image: PageImage) -> PageImage:
    """``image`` at the URL a reader or crawler fetches it from anywhere (og:image, JSON-LD
    and feeds want it absolute): its https URL as it is, else its path under ``site_url``."""
    return replace(image, url=absolute_url(site_url, image.url))


@lru_cache(maxsize=8)
def _joins_by_appending(base: str) -> bool:
    """Whether ``urljoin(base, path)`` is ``base + path`` for every path ``_PLAIN_PATH`` matches:
    true of an ordinary ``site_url``, false of one with a query, a fragment, a ``.``, ``..`` or
    empty segment, or a scheme ``urljoin`` does not resolve against (one probe tells, because
    such a path adds only segments that ``urljoin`` keeps as they are)."""
    return urljoin(base, "a/") == base + "a/"


def is_absolute(url: str) -> bool:
    """Whether ``url`` names its scheme (``https://...``): a link that may leave the site."""
    return bool(urlsplit(url).scheme)


def relative_url(target: str, from_page: str) -> str:
    """A link from the page at ``from_page`` to ``target`` (both site-relative), the shortest
    one, as ``posixpath.relpath`` gives it (but without its cost on every link of every page)."""
    base = from_page if from_page.endswith("/") or not from_page else posixpath.dirname(from_page)
    folders = base.strip("/").split("/") if base.strip("/") else []
    parts = target.split("/")
    common = 0
    while common < len(folders) and common < len(parts) - 1 and folders[common] == parts[common]:
        common += 1
    return "../" * (len(folders) - common) + "/".join(parts[common:]) or "./"


def root_prefix(page_url: str) -> str:
    """What leads from the page at ``page_url`` back to the site root: ``../../`` from
    ``topics/agents/`` (or from ``topics/agents.html``). Links written as this prefix and a
    site-relative URL are the same on every page of that depth, so they can be made once."""
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    return "../" * folder.strip("/").count("/") + ("../" if folder.strip("/") else "")


def from_root(prefix: str, url: str) -> str:
    """A link from a page whose ``root_prefix`` is ``prefix`` to the site-relative ``url``
    (MkDocs gives the home page's URL as ``./``: from ``topics/`` that is ``../``)."""
    return prefix + (url if url != "./" else "") or "./"


def listing_src(folder: str, number: int) -> str:
    """``archive/index.md`` for page 1 of the listing in ``archive``, then
    ``archive/page/2/index.md`` and on."""
    return f"{folder}/index.md" if number == 1 else f"{folder}/page/{number}/index.md"


@dataclass(frozen=True, slots=True)
class IndexKind:
    """One kind of index page as the site configured it: which (``topics``, ``archive``...),
    the folder its pages go in, and the title of its overview."""

    kind: str
    prefix: str
    title: str
    by_year: bool = False
    """A kind that lists every post (the archive) also lists each year's."""

    def term_folder(self, slug: str) -> str:
        """The folder of a term's listing and feeds: ``topics/open-source-ai``."""
        return f"{self.prefix}/{slug}"

    def term_src(self, slug: str) -> str:
        """The source path of a term's index page: ``topics/open-source-ai/index.md``."""
        return listing_src(self.term_folder(slug), 1)


@dataclass(frozen=True, slots=True)
class TermPages:
    """Knows the URL of each term's index page, or that its kind has no pages."""

    sections: Mapping[str, IndexKind]
    """Kind -> its configuration, for the kinds whose index pages are switched on."""
    url_of_src: Callable[[str], str | None]
    """Maps a source path to its page URL (honours an author's own page at that place), or
    None when there is no page there."""
    _known: dict[Term, str | None] = field(default_factory=dict, compare=False, repr=False)
    """Every header and box asks again for the same few hundred terms."""

    @classmethod
    def for_sections(
        cls, sections: Iterable[IndexKind], url_of_src: Callable[[str], str | None]
    ) -> TermPages:
        return cls({section.kind: section for section in sections}, url_of_src)

    def url(self, term: Term) -> str | None:
        if term not in self._known:
            section = self.sections.get(term.kind)
            url = None if section is None else self.url_of_src(section.term_src(term.slug))
            self._known[term] = url
        return self._known[term]
