"""The index pages in MkDocs' navigation: the author's own index pages left to the plugin, and
the Topics / Companies / Stances sections added where an automatic nav would put them."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence

from markupsafe import escape
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation
from mkdocs.structure.nav import Section as NavSection
from mkdocs.structure.pages import Page

from ..core.index_plan import IndexPlan, nav_sections
from ..html.links import IndexKind


def leave_nav_to_plugin(
    files: Files, index_plan: IndexPlan, sections: Sequence[IndexKind], kinds: Sequence[str]
) -> None:
    """Mark the author's own pages that ``index.nav`` will place as "not in nav" for MkDocs.

    The plugin puts them into its sections in ``on_nav``. Left as they were, an automatic nav
    would also file them under their folder (an author's ``companies/nvidia.md`` ahead of the
    overview and the other companies), and an explicit ``nav:`` that does not list them would
    report them as missing, a warning under ``validation: {nav: {omitted_files: warn}}``.
    A page the author listed in ``nav:`` stays where they put it.
    """
    for _, srcs in nav_sections(index_plan, sections, kinds):
        for src in srcs:
            file = files.get_file_from_path(src)
            if file is not None and file.inclusion.is_in_nav():
                file.inclusion = InclusionLevel.NOT_IN_NAV


def folder_position(items: Sequence[object], folder: str) -> int:
    """Where MkDocs' automatic nav puts a top-level ``folder``: after the top-level pages, among
    the folders' sections in the order of their names."""
    for index, item in enumerate(items):
        if isinstance(item, NavSection):
            first = next(_pages_in_order([item]), None)
            if first is not None and first.file.src_uri.split("/")[0] > folder:
                return index
    return len(items)


def add_nav_sections(
    nav: Navigation,
    files: Files,
    sections: Sequence[tuple[str, Sequence[str]]],
    places: Mapping[str, int] | None = None,
    entries: Mapping[str, str] | None = None,
) -> None:
    """Add "Topics", "Companies", "Stances" and "Archive" sections to a built nav, each at the
    end unless ``places`` gives its position among the top-level items.

    A page of ``entries`` (source path -> title) is listed as a link of that title ("All
    topics" for the overview, which would otherwise repeat its section's name), and keeps its
    own title in its heading, its ``<title>`` and search.

    Pages already in the nav (say, an author's ``companies/index.md`` listed in ``nav:``) are
    not added twice, and a top-level section of the same title (the automatic nav's section for
    an author's ``companies/`` folder) takes the pages instead of a second section beside it.
    Previous/next links then follow the nav's order again.
    """
    present = {id(page) for page in nav.pages}
    existing = {item.title.casefold(): item for item in nav.items if isinstance(item, NavSection)}
    for title, srcs in sections:
        children: list[Page | Link] = []
        for src in srcs:
            file = files.get_file_from_path(src)
            page = file.page if file is not None else None
            if isinstance(page, Page) and id(page) not in present:
                present.add(id(page))
                entry = (entries or {}).get(src)
                children.append(page if entry is None else Link(escape(entry), page.url))
        if not children:
            continue
        section = existing.get(title.casefold())
        if section is None:
            # Themes print nav titles as they are, like the page titles MkDocs escapes.
            section = NavSection(escape(title), [])
            nav.items.insert((places or {}).get(title, len(nav.items)), section)
        for child in children:
            child.parent = section
        section.children.extend(children)
    pages = list(_pages_in_order(nav.items))
    for before, after in itertools.pairwise(pages):
        before.next_page, after.previous_page = after, before
    nav.pages = pages


def shows_section_indexes(theme: Mapping[str, object]) -> bool:
    """Whether the theme shows a section's ``index.md`` as the section itself (Material with
    ``navigation.indexes``), so an overview needs no entry of its own in its section."""
    features = theme.get("features") or ()
    return theme.get("name") == "material" and "navigation.indexes" in features  # type: ignore[operator]


def _pages_in_order(items: Sequence[object]) -> Iterator[Page]:
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, NavSection):
            yield from _pages_in_order(item.children)
