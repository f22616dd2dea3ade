"""The page's title and description in the head, as text, whatever the theme printed.

Themes print both without escaping, each in its own way, so no one value of ``page.title`` or
``page.meta.description`` comes out right on all of them:

- ``page.title`` is HTML (MkDocs takes it from the first heading, entities kept). The mkdocs
  and readthedocs themes print it as it is into ``<title>``, as Material does a ``title:``
  from front matter; Material otherwise prints ``page.title | striptags``, and ``striptags``
  turns ``&lt;`` back into ``<``: a name ``</title><script>...`` is then a live script.
- ``page.meta.description`` is plain text (what an author types, what the plugin sets for a
  post, what feeds and social cards read). Material prints it, or else ``site_description``,
  as it is into ``<meta name="description" content="...">``: a quote ends the attribute. The
  mkdocs and readthedocs themes print ``site_description`` so on the home page.

So once a page is rendered, each of these prints, found by the exact text the theme had, is
made the same text escaped once, where a browser would not have read that text from it.
Every other print (escaped already, or read right as it is) is left exactly as it was.
Plain strings in, a string out; no MkDocs here.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import unescape

from markupsafe import Markup

from .placement import head_of

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_TITLE = "<title>"


def repair_head(page: str, titles: Iterable[object], descriptions: Iterable[object]) -> str:
    """The rendered ``page`` with the title and description in its head as text.

    ``titles`` are the page's title as HTML (``page.meta.title``, then ``page.title``),
    ``descriptions`` the plain texts a theme may print as the description
    (``page.meta.description``, ``site_description``); values that are not text are skipped,
    and ``Markup`` is read as the ``str`` a theme prints (adding to it would escape the page).
    """
    head = original = head_of(page)
    head = _repair_title(head, [str(title) for title in titles if isinstance(title, str) and title])
    for description in descriptions:
        if isinstance(description, str) and description:
            head = _repair_description(head, str(description))
    return head + page[len(original) :] if head is not original else page


def _repair_title(head: str, titles: list[str]) -> str:
    """The ``<title>`` element starts with the page's title as the theme printed it: HTML as
    it is, or Material's ``striptags`` of it, plain text. Its end cannot be trusted: the
    title may hold ``</title>``."""
    start = head.find(_TITLE)
    if start < 0:
        return head
    at = start + len(_TITLE)
    for html in titles:  # A browser shows the HTML's text, unless "</title" ends it early.
        if head.startswith(html, at):
            return _replace(head, at, html, html.replace("<", "&lt;")) if _ends(html) else head
    for html in titles:  # Plain text printed raw: references in it would be decoded too.
        text = Markup(html).striptags()
        if text and head.startswith(text, at):
            if _ends(text) or unescape(text) != text:
                return _replace(head, at, text, text.translate(_TEXT))
            return head
    return head


def _repair_description(head: str, text: str) -> str:
    """Every ``content="..."`` in ``head`` that holds ``text`` raw, where a browser would not
    read ``text`` from it (a quote ends it, a reference is decoded), holds it escaped."""
    if '"' not in text and unescape(text) == text:
        return head
    raw = f'content="{text}"'
    return head.replace(raw, f'content="{text.translate(_ATTRIBUTE)}"') if raw in head else head


def _ends(printed: str) -> bool:
    """Whether ``printed`` could end a ``<title>`` element early."""
    return "</title" in printed.lower()


def _replace(head: str, at: int, printed: str, escaped: str) -> str:
    return head[:at] + escaped + head[at + len(printed) :]
