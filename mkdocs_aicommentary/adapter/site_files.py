"""The one place the plugin learns where a page is finally written, and whether it is.

Other plugins move pages (Material's blog gives posts ``blog/2026/03/02/<slug>/``) and leave
pages out of a build (drafts, scheduled posts) in their own events, before or after ours. So no
URL is remembered from front matter: every link asks the ``File`` when it is written into a
page or a feed, by which time every plugin's ``on_files`` and ``on_nav`` have run.

Where a file is written is asked the same way: :class:`Destinations` tells the plugin, once
other plugins have moved their pages, which places in the site folder are taken, so that no
page or feed of the plugin's is written over another file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from ..core.publication import DRAFT, NOT_IN_NAV
from ..html.links import path_key

INCLUSION_LEVELS = {DRAFT: InclusionLevel.DRAFT, NOT_IN_NAV: InclusionLevel.NOT_IN_NAV}
"""How MkDocs is told each inclusion the publication decides for a post."""


def author_page_candidates(src_path: str) -> tuple[str, ...]:
    """Sources that MkDocs would serve at the same URL as ``src_path``.

    ``companies/nvidia/index.md`` is served at ``companies/nvidia/``, and so are an author's
    ``companies/nvidia.md``, ``companies/nvidia/README.md`` and a static
    ``companies/nvidia/index.html``.
    """
    if not src_path.endswith("/index.md"):
        return (src_path,)
    folder = src_path.removesuffix("/index.md")
    return (src_path, f"{folder}.md", f"{folder}/README.md", f"{folder}/index.html")


class SiteFiles:
    """Answers for one build's files; cheap enough to ask on every page."""

    def __init__(self, files: Files) -> None:
        self._by_src = files.src_uris
        """The files by source path: the same mapping ``Files`` keeps, asked without building
        a path object for every link of every page, as ``get_file_from_path`` does."""

    def written(self, src_path: str) -> File | None:
        """The file at ``src_path`` if ``mkdocs build`` writes it (not a draft, not excluded)."""
        file = self._by_src.get(src_path)
        return file if file is not None and file.inclusion.is_included() else None

    def url(self, src_path: str) -> str | None:
        """The site-relative URL of a written page, None for a page that is not written."""
        file = self.written(src_path)
        return file.url if file is not None else None

    def served_at(self, src_path: str) -> File | None:
        """The written file a reader gets at ``src_path``'s URL, the author's own first."""
        file = self.present_at(src_path)
        return file if file is not None and file.inclusion.is_included() else None

    def present_at(self, src_path: str) -> File | None:
        """Any file, written or not, at ``src_path``'s URL: a place the plugin must not take."""
        for candidate in author_page_candidates(src_path):
            file = self._by_src.get(candidate)
            if file is not None:
                return file
        return None


@dataclass(frozen=True, slots=True)
class Clash:
    """Another file in the way of one the plugin would write."""

    other: str
    """What the other file is: its source path, or the output that MkDocs writes itself."""
    dest: str
    """Where the other file is written, as its writer spells it."""


class Destinations:
    """Where every file of a build is written, compared as macOS and Windows compare names
    (:func:`..html.links.path_key`): two files at one such place overwrite each other there, and a
    file where another needs a folder stops the build everywhere."""

    def __init__(self, files: Iterable[File], outputs: Iterable[str] = ()) -> None:
        """``files`` are the build's files; ``outputs`` what MkDocs writes beside them
        (``sitemap.xml``, ``404.html``: see :func:`mkdocs_outputs`)."""
        self._files: dict[str, Clash] = {}
        """Each file's place, the first file's when several share one."""
        self._folders: dict[str, Clash] = {}
        """Each folder that holds a file, with one of the files in it."""
        taken = [(file.src_uri, file.dest_uri) for file in files]
        taken += [(f"{output} (written by MkDocs)", output) for output in outputs]
        for other, dest in taken:
            clash = Clash(other, dest)
            key = path_key(dest)
            self._files.setdefault(key, clash)
            while "/" in key:
                key = key.rsplit("/", 1)[0]
                if key in self._folders:
                    break  # So are the folders around it: each folder is visited once.
                self._folders[key] = clash

    def taken(self, dest: str) -> Clash | None:
        """The file in the way of writing a file at ``dest``: written at the same place, in
        it (``dest`` would need to be a folder), or where one of its folders would go."""
        key = path_key(dest)
        clash = self._files.get(key) or self._folders.get(key)
        folder = key
        while clash is None and "/" in folder:
            folder = folder.rsplit("/", 1)[0]
            clash = self._files.get(folder)
        return clash


def mkdocs_outputs(config: MkDocsConfig) -> list[str]:
    """What MkDocs writes outside the build's files: the theme's static templates (such as
    ``404.html`` and ``sitemap.xml``, then also ``sitemap.xml.gz``) and ``extra_templates``."""
    outputs = [*config.theme.static_templates, *config.extra_templates]
    if "sitemap.xml" in outputs:
        outputs.append("sitemap.xml.gz")
    return outputs
