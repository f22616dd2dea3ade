"""The one place the plugin learns where a page is finally written, and whether it is.

Other plugins move pages (Material's blog gives posts ``blog/2026/03/02/<slug>/``) and leave
pages out of a build (drafts, scheduled posts) in their own events, before or after ours. So no
URL is remembered from front matter: every link asks the ``File`` when it is written into a
page or a feed, by which time every plugin's ``on_files`` and ``on_nav`` have run.
"""

from __future__ import annotations

from mkdocs.structure.files import File, Files


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
