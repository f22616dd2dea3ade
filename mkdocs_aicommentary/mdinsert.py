"""Template HTML put into a page's Markdown tree, so MkDocs resolves and checks its links.

Why this exists. An index page's listing is HTML from a Jinja template (stance badges, dates,
excerpts inside ``<div class="aic-index">``), and its links should point at the articles'
``.md`` sources so that MkDocs turns them into the right URLs and warns when one is broken.
MkDocs rewrites links in a Markdown treeprocessor ("relpath", priority 0) that walks the
ElementTree of the page; raw HTML, including any HTML written into the Markdown text, is kept
aside in Python-Markdown's stash and never reaches that walk. So the choice is:

* Markdown text for the listing: only plain Markdown links are resolved, and without the
  ``md_in_html`` extension (which a site may not enable) nothing inside a ``<div>`` is Markdown.
* Template HTML added after rendering (``on_page_content``): links must be computed by the
  plugin itself, and MkDocs neither resolves nor validates them.
* Template HTML parsed into ElementTree elements and put into the page's tree *before* "relpath"
  runs: MkDocs then treats the listing's ``<a href="../../posts/gpu.md">`` exactly like a link
  the author typed. This module does that.

The page's Markdown carries an ``<!-- aicommentary:index -->`` marker where the listing goes
(generated pages always have one; an author's own page may), or ``<!-- aicommentary:latest -->``
where the newest posts go. The plugin hands the rendered HTML for each marker to
:class:`HtmlInserter` in ``on_page_markdown``, right before MkDocs converts that page; the
treeprocessor swaps each marker paragraph for the parsed elements, or, for an insertion that
must not be lost, appends them when the page has no marker. The treeprocessor runs after
"inline" (so the listing's text is never read as Markdown) and after "toc" (so nothing in it
enters the table of contents).

The parser is ``html.parser``: forgiving about void elements, entities and unclosed tags, so a
template overridden in a site's ``custom_dir`` cannot break the build by not being XHTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from .markers import marker_regex
from .markup import VOID_ELEMENTS

PRIORITY = 4
"""After "inline" (20), "prettify" (10) and "toc" (5); before MkDocs' "relpath" (0)."""


@dataclass(frozen=True, slots=True)
class Insertion:
    """HTML that replaces the marker ``name``; appended to the page when it has none and
    ``append`` is set, else dropped."""

    name: str
    html: str
    append: bool = False


class HtmlInserter(Extension):
    """Holds the HTML for the page being converted; one instance per build."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: list[Insertion] = []
        """Insertions for the next conversion; consumed (and cleared) by it."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_InsertTreeprocessor(md, self), "aicommentary_insert", PRIORITY)


class _InsertTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, owner: HtmlInserter) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, root: etree.Element) -> None:
        insertions, self.owner.pending = self.owner.pending, []
        for insertion in insertions:
            elements = parse_fragment(insertion.html)
            parent, index = self._find_marker(root, insertion.name)
            if parent is not None:
                parent[index : index + 1] = elements
            elif insertion.append:
                root.extend(elements)

    def _find_marker(self, root: etree.Element, name: str) -> tuple[etree.Element | None, int]:
        """The parent and position of the first paragraph that holds only the marker."""
        pattern = re.compile(rf"\A\s*{marker_regex(name)}\s*\Z")
        stash = self.md.htmlStash.rawHtmlBlocks
        for parent in root.iter():
            for index, child in enumerate(parent):
                if child.tag != "p" or len(child) or not child.text:
                    continue
                match = HTML_PLACEHOLDER_RE.fullmatch(child.text.strip())
                if match is None:
                    continue
                number = int(match.group(1))
                if number < len(stash) and pattern.match(str(stash[number])):
                    return parent, index
        return None, 0


def parse_fragment(html: str) -> list[etree.Element]:
    """HTML -> the top-level ElementTree elements (text between them is dropped).

    The plugin's own templates give well-formed markup, which expat (in C) reads about ten
    times faster; anything else (``<br>``, ``&nbsp;``, namespaces) goes to ``html.parser``.
    """
    if "xmlns" not in html:
        parser = etree.XMLParser(target=etree.TreeBuilder(insert_comments=True))
        try:
            parser.feed(f"<div>{html}</div>")
            return list(parser.close())
        except etree.ParseError:
            pass
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return list(builder.root)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = etree.Element("div")
        self.stack: list[etree.Element] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = etree.SubElement(
            self.stack[-1], tag, {name: value or "" for name, value in attrs}
        )
        if tag not in VOID_ELEMENTS:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        etree.SubElement(self.stack[-1], tag, {name: value or "" for name, value in attrs})

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return
        # A stray end tag closes nothing.

    def handle_data(self, data: str) -> None:
        self._add_text(data)

    def handle_comment(self, data: str) -> None:
        self.stack[-1].append(etree.Comment(data))

    def _add_text(self, data: str) -> None:
        parent = self.stack[-1]
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + data
        else:
            parent.text = (parent.text or "") + data
