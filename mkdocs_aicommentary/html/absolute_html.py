"""A page's HTML with every URL in it absolute, for feed readers, which show it far from the page.

URLs are found in the attributes of the parsed HTML, the ones the HTML standard defines as
URLs (its index of attributes): ``href``, ``src``, ``srcset`` and ``imagesrcset`` (each
candidate's URL), ``poster``, ``cite``, ``action``, ``formaction``, ``ping`` (a list of
URLs), ``itemid``, ``data`` of ``<object>``, and SVG's ``xlink:href``. Text is never touched:
a code sample that shows ``<img src="x.png">``, a comment, the content of ``<script>`` or
``<textarea>``; nor are ``data-*`` attributes, which only scripts read. A start tag whose URLs
are absolute already, and the rest of every tag, stay byte for byte as they were.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from urllib.parse import urljoin, urlsplit

from .markup import Scanner

URL_ATTRIBUTES = frozenset(
    {"href", "src", "poster", "cite", "action", "formaction", "itemid", "xlink:href"}
)
"""Attributes whose value is one URL, on whichever element they are."""
URL_LIST_ATTRIBUTES = frozenset({"ping"})
"""Attributes whose value is URLs separated by spaces."""
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
"""Attributes whose value is image candidates: a URL, maybe a width or density, commas between."""
ELEMENT_URL_ATTRIBUTES = {"object": frozenset({"data"})}
"""Attributes that are URLs only on one element (``data`` is a URL on ``<object>``)."""
_EVERY_URL_ATTRIBUTE = URL_ATTRIBUTES | URL_LIST_ATTRIBUTES | SRCSET_ATTRIBUTES | {"data"}

_MAY_HOLD_URL = re.compile(r"(?:href|src|srcset|poster|cite|action|ping|itemid|data)\s*=", re.I)
"""A cheap test that a page has no URL attribute at all, so it need not be parsed."""
_SPACE = " \t\n\f\r"
"""ASCII white space: what separates attributes and URLs in HTML, and is stripped around a URL
(a no-break space is part of a value, as a browser reads it)."""
_TAG_NAME = re.compile(rf"<[^{_SPACE}/>]*")
_ATTRIBUTE = re.compile(
    rf"""[{_SPACE}/]*(?P<name>[^{_SPACE}/>][^{_SPACE}/>=]*)"""
    rf"""(?:[{_SPACE}]*=[{_SPACE}]*(?P<value>"[^"]*"|'[^']*'|[^{_SPACE}>]*))?"""
)
"""One attribute of a start tag as the HTML standard tokenizes it (name, then maybe ``=``
and a value in double, single or no quotes)."""
_CANDIDATE_GAP = re.compile(rf"[{_SPACE},]*")
_NOT_SPACE = re.compile(rf"[^{_SPACE}]+")


def absolute_links(html: str, page_url: str) -> str:
    """``html``, from the page at the absolute URL ``page_url``, with every URL absolute."""
    if _MAY_HOLD_URL.search(html) is None:
        return html
    scanner = _UrlAttributes(html, page_url)
    scanner.scan()
    if not scanner.edits:
        return html
    pieces, done = [], 0
    for start, end, tag in scanner.edits:
        pieces += [html[done:start], tag]
        done = end
    pieces.append(html[done:])
    return "".join(pieces)


class _UrlAttributes(Scanner):
    """Collects each start tag with a relative URL, written again with absolute ones."""

    def __init__(self, html: str, page_url: str) -> None:
        super().__init__(html)
        self.page_url = page_url
        self.edits: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if _EVERY_URL_ATTRIBUTE.isdisjoint(name for name, _ in attrs):
            return
        raw = self.get_starttag_text()
        if raw is None:
            return
        rewritten = _absolute_tag(raw, tag, self.page_url)
        if rewritten != raw:
            start = self.where()
            self.edits.append((start, start + len(raw), rewritten))


def _absolute_tag(raw: str, tag: str, page_url: str) -> str:
    """The start tag ``raw`` with its URL attributes' values absolute; the rest as it was."""
    name_end = _TAG_NAME.match(raw)
    position = name_end.end() if name_end else 1
    element_urls = ELEMENT_URL_ATTRIBUTES.get(tag, frozenset())
    pieces = []
    done = 0
    while (found := _ATTRIBUTE.match(raw, position)) is not None and found.end() > position:
        position = found.end()
        name, value = found.group("name").lower(), found.group("value")
        if value is None:
            continue
        rewrite: Callable[[str, str], str]
        if name in URL_ATTRIBUTES or name in element_urls:
            rewrite = _absolute
        elif name in SRCSET_ATTRIBUTES:
            rewrite = _absolute_candidates
        elif name in URL_LIST_ATTRIBUTES:
            rewrite = _absolute_list
        else:
            continue
        text = unescape(value[1:-1] if value[:1] in ("'", '"') else value)
        absolute = rewrite(text, page_url)
        if absolute != text:
            start, end = found.span("value")
            pieces += [raw[done:start], '"', _attribute_text(absolute), '"']
            done = end
    return "".join([*pieces, raw[done:]]) if pieces else raw


def _absolute(url: str, page_url: str) -> str:
    """``url`` resolved from ``page_url`` as a browser resolves it; as it was when it names
    its scheme already (``https:``, ``mailto:``, ``data:``) or cannot be read as a URL."""
    stripped = url.strip(_SPACE)
    try:
        return url if urlsplit(stripped).scheme else urljoin(page_url, stripped)
    except ValueError:  # "http://[x": a host Python cannot read; the reader will not either.
        return url


def _absolute_list(urls: str, page_url: str) -> str:
    listed = _NOT_SPACE.findall(urls)
    absolute = [_absolute(url, page_url) for url in listed]
    return urls if absolute == listed else " ".join(absolute)


def _absolute_candidates(srcset: str, page_url: str) -> str:
    """Each image candidate's URL made absolute; its descriptors and the commas kept. As the
    HTML standard reads a ``srcset``: a URL runs to the next white space (commas at its end
    separate it from the next candidate), then descriptors run to the next comma."""
    pieces = []
    position = 0
    while position < len(srcset):
        gap = _CANDIDATE_GAP.match(srcset, position)
        assert gap is not None  # Matches the empty string too.
        pieces.append(gap.group())
        position = gap.end()
        url = _NOT_SPACE.match(srcset, position)
        if url is None:
            break
        position = url.end()
        text = url.group().rstrip(",")
        pieces += [_absolute(text, page_url), url.group()[len(text) :]]
        if len(text) == len(url.group()):  # Descriptors follow, up to the next comma.
            comma = srcset.find(",", position)
            end = len(srcset) if comma < 0 else comma
            pieces.append(srcset[position:end])
            position = end
    return "".join(pieces)


def _attribute_text(value: str) -> str:
    """``value`` as the text of a double-quoted attribute."""
    return value.replace("&", "&amp;").replace('"', "&quot;")
