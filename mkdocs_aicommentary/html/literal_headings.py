"""Headings whose text no Markdown extension can change.

A generated page's title is a name someone typed: a topic, a company, a stance label. Written
into Markdown as text, every extension the site enables may rewrite it: ``==x==`` becomes a
highlight (pymdownx.mark), ``:smile:`` an emoji, ``"q"`` curly quotes (smarty), ``{: .x }`` an
attribute (attr_list), and escaping cannot help, since ``\\~`` is an escape only where an
extension made ``~`` special. So the text enters the Markdown encoded, as one word
(``# aicommentary<key><hex of its UTF-8>``) that no extension rewrites, and the extension here
puts it into the document as an ``AtomicString``: after the inline patterns and attribute
lists have run, before abbreviations and the table of contents. Abbreviations, smarty and any
later inline processing leave an ``AtomicString`` alone; the table of contents (ids,
permalinks) and MkDocs (the page title) read it like the text of any heading.

The key is drawn at random when the module is loaded, so no heading an author writes is ever
taken for an encoded one: their text is theirs, whatever it holds.

Markdown only: load it with ``markdown_extensions: [mkdocs_aicommentary.html.literal_headings]``,
which the plugin does itself.
"""

from __future__ import annotations

import secrets
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX, AtomicString

NAME = "mkdocs_aicommentary.html.literal_headings"
"""The extension as ``markdown_extensions`` names it."""
PREFIX = f"aicommentary{secrets.token_hex(8)}"
"""How an encoded text starts, with a key of this process that no author can know; the rest
is hexadecimal: with the prefix, one word of letters and digits, which no extension rewrites
and no abbreviation matches part of."""
_CDATA = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def heading(text: str) -> str:
    """The Markdown line of a first-level heading that reads ``text``."""
    return f"# {PREFIX}{text.encode('utf-8', 'surrogatepass').hex()}"


def decode(text: str) -> str | None:
    """The text an encoded heading stands for; None when ``text`` is not one."""
    if not text.startswith(PREFIX):
        return None
    try:
        decoded = bytes.fromhex(text[len(PREFIX) :]).decode("utf-8", "surrogatepass")
    except ValueError:
        return None
    # Markdown's own placeholders are made of these; like Markdown with a page's source,
    # keep them out of the text it serializes.
    return decoded.replace(STX, "").replace(ETX, "")


class _LiteralText(Treeprocessor):
    """Turns each encoded first-level heading of the document into literal text."""

    def run(self, root: etree.Element) -> None:
        for element in root:
            if element.tag == "h1" and len(element) == 0 and element.text:
                text = decode(element.text.strip())
                if text is not None:
                    # Escaped the way Markdown holds code spans: AtomicString text is markup.
                    element.text = AtomicString(text.translate(_CDATA))


class LiteralHeadings(Extension):
    """Headings written with :func:`heading` read exactly their text."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline patterns (20) and attr_list (8), which read the text of a heading
        # even when it is an AtomicString; before abbr (7) and toc (5), which do not.
        md.treeprocessors.register(_LiteralText(md), "aicommentary_literal_headings", 7.5)


def makeExtension(**kwargs: Any) -> LiteralHeadings:
    """What Markdown calls to load the extension by its module's name."""
    return LiteralHeadings(**kwargs)
