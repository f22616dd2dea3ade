"""A post's HTML with every URL absolute, for feeds: attributes of the parsed HTML, never text."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_aicommentary.html.absolute_html import absolute_links
from mkdocs_aicommentary.html.markers import Slots
from mkdocs_aicommentary.html.placement import place_slot

PAGE = "https://x.example/posts/a/"


A = PAGE
S = "https://x.example/posts/"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="../b/">b</a>', f'<a href="{S}b/">b</a>'),
        ("<a href='../b/'>b</a>", f'<a href="{S}b/">b</a>'),
        ("<a href=../b/>b</a>", f'<a href="{S}b/">b</a>'),
        ('<a class=x HREF = "b/" id=y>b</a>', f'<a class=x HREF = "{A}b/" id=y>b</a>'),
        ('<img src="p.png" alt="../not-a-url">', f'<img src="{A}p.png" alt="../not-a-url">'),
        ("<img src=p.png/>", f'<img src="{A}p.png/">'),
        ("<img src=p.png />", f'<img src="{A}p.png" />'),
        (
            '<img srcset="a.png 1x, b,c.png 2x,d.png">',
            f'<img srcset="{A}a.png 1x, {A}b,c.png 2x,{A}d.png">',
        ),
        ('<source srcset="a.png,, b.png 480w">', f'<source srcset="{A}a.png,, {A}b.png 480w">'),
        ('<link imagesrcset=" a.png 2x ">', f'<link imagesrcset=" {A}a.png 2x ">'),
        ('<video poster="p.jpg" src="v.mp4">', f'<video poster="{A}p.jpg" src="{A}v.mp4">'),
        (
            '<svg><a xlink:href="../z/"><image href="i.svg"/>',
            f'<svg><a xlink:href="{S}z/"><image href="{A}i.svg"/>',
        ),
        ('<q cite="/src">q</q>', '<q cite="https://x.example/src">q</q>'),
        (
            '<form action="go"><button formaction="stop">',
            f'<form action="{A}go"><button formaction="{A}stop">',
        ),
        ('<a href="b/" ping="p  q">b</a>', f'<a href="{A}b/" ping="{A}p {A}q">b</a>'),
        (
            '<object data="m.svg"></object><div data="m.svg">',
            f'<object data="{A}m.svg"></object><div data="m.svg">',
        ),
        ('<a href="?x=1&amp;y=&quot;2">q</a>', f'<a href="{A}?x=1&amp;y=&quot;2">q</a>'),
        ('<a href="#fn:1">1</a>', f'<a href="{A}#fn:1">1</a>'),
        ('<a href="">here</a>', f'<a href="{A}">here</a>'),
        ('<a href="//cdn.example/x">x</a>', '<a href="https://cdn.example/x">x</a>'),
        ("<a href=x\u00a0y title=z>", f'<a href="{A}x\u00a0y" title=z>'),  # Not a separator.
    ],
)  # fmt: skip
def test_every_url_attribute_is_made_absolute(html, expected):
    assert absolute_links(html, PAGE) == expected


@pytest.mark.parametrize(
    "html",
    [
        '<p>No links at all, "quoted" &amp; plain.</p>',
        '<a href="https://y.example/x">y</a> <a href="mailto:a@b.example">m</a>',
        '<a href="javascript:void(0)">j</a> <img src="data:image/png;base64,AAAA">',
        '<a href=" https://y.example/x ">spaced</a> <a href="http://[x">odd host</a>',
        '<img data-src="lazy.png" src=https://y.example/p.png>',
        '<p><code>&lt;img src="inline.png"&gt;</code> and src="text.png" in a sentence</p>',
        '<pre><code>&lt;a href="../x/"&gt;</code></pre>',
        '<!-- <a href="../x/"> --><script>var a = \'<a href="../x/">\';</script>',
        '<style>a[href="../x/"] { color: red }</style><textarea><a href="../x/"></textarea>',
        '<span title="href=\'../x/\'" data-url="../x/">text</span>',
    ],
)
def test_text_and_absolute_urls_stay_byte_for_byte(html):
    assert absolute_links(html, PAGE) == html


TAG_PIECES = [
    '<a href="../b/">', "<a href='x y'>", "<a href=c>", '<img srcset="a.png 1x, b.png 2x">',
    '<video poster="p.png">', "<svg><use xlink:href='#i'/></svg>", "<code>", "</code>",
    '&lt;img src="t.png"&gt;', "<!-- src=x -->", "<script>src='s'</script>", "text ", "</a>",
    '"', "'", "=", "<", ">", "&amp;", "\n", '<a href="http://[x">', "<textarea>src=x</textarea>",
]  # fmt: skip
URL_ATTRIBUTES = ("href", "src", "poster", "xlink:href")


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(TAG_PIECES), max_size=20).map("".join))
def test_the_text_is_kept_and_every_url_a_reader_finds_is_absolute(html):
    before = BeautifulSoup(html, "html.parser")
    after = BeautifulSoup(absolute_links(html, PAGE), "html.parser")
    assert after.get_text() == before.get_text()
    for tag in after.find_all(True):
        for name in URL_ATTRIBUTES:
            value = tag.get(name)
            if isinstance(value, str) and "[" not in value:
                assert value.startswith(("https://", "http://")), (name, value, html)
        for candidate in (tag.get("srcset") or "").split(","):
            assert candidate.strip().startswith("https://") or not candidate.strip()


MARKUP_PIECES = [
    "<", ">", "!", "[", "]", "-", "?", "/", "=", '"', "'", " ", "\n", "&", "#", ";", "a",
    "href", "src", "CDATA", "DOCTYPE", "if", "foo", "<!--", "-->", "<![", "<p>", "</p>",
    "script", "textarea", "svg", 'class="footnote"', "<!-- aicommentary:related -->",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=40).map("".join))
def test_any_markup_is_scanned_without_an_exception(html):
    """Python's parser raises on ``<![foo[``; the scanner reads it as a browser does."""
    absolute_links(html, PAGE)
    for placement in ("end", "after_paragraph", "marker"):
        place_slot(html, Slots(), "related", placement, 1)


def test_a_marked_section_is_a_bogus_comment_as_in_a_browser():
    html = '<![foo[ <a href="x"> ]]><a href="y">'
    assert absolute_links(html, PAGE) == f'<![foo[ <a href="x"> ]]><a href="{A}y">'
