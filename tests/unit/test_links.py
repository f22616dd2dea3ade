import posixpath
from urllib.parse import urljoin

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from mkdocs_aicommentary.html.links import (
    IndexKind,
    TermPages,
    absolute_url,
    from_root,
    page_url,
    relative_url,
    root_prefix,
)
from mkdocs_aicommentary.model.taxonomy import Term


@pytest.mark.parametrize(
    ("src", "directory_urls", "url"),
    [
        ("index.md", True, ""),
        ("index.md", False, "index.html"),
        ("posts/a.md", True, "posts/a/"),
        ("posts/a.md", False, "posts/a.html"),
        ("topics/x/index.md", True, "topics/x/"),
        ("topics/x/index.md", False, "topics/x/index.html"),
    ],
)
def test_page_url_follows_mkdocs(src, directory_urls, url):
    assert page_url(src, directory_urls) == url


@pytest.mark.parametrize(
    ("target", "page", "link"),
    [
        ("topics/x/", "posts/a/", "../../topics/x/"),
        ("topics/x/", "", "topics/x/"),
        ("", "posts/a/", "../../"),
        ("posts/a/", "posts/a/", "./"),
        ("topics/x/index.html", "posts/a.html", "../topics/x/index.html"),
        ("topics/x/index.html", "index.html", "topics/x/index.html"),
    ],
)
def test_relative_url(target, page, link):
    assert relative_url(target, page) == link


FOLDERS = st.lists(st.sampled_from(["posts", "a", "b", "topics"]), max_size=4)
PAGE = st.sampled_from(["", "x.html", "index.html"])
"""A URL MkDocs gives a page: folders, then "" (directory URLs) or a file name."""


@given(FOLDERS, PAGE, FOLDERS, PAGE)
def test_relative_url_is_the_shortest_path_relpath_gives(folders, name, page_folders, page_name):
    target = "".join(f"{folder}/" for folder in folders) + name
    page = "".join(f"{folder}/" for folder in page_folders) + page_name
    base = page if page.endswith("/") or not page else posixpath.dirname(page)
    expected = posixpath.relpath("/" + target, "/" + base)
    if target.endswith("/") or target == "":
        expected = "./" if expected == "." else expected + "/"
    assert relative_url(target, page) == expected


@pytest.mark.parametrize(
    ("page", "prefix"),
    [
        ("", ""),
        ("index.html", ""),
        ("archive/", "../"),
        ("topics/x/", "../../"),
        ("topics/x/page/2/", "../../../../"),
        ("topics/x.html", "../"),
        ("topics/x/index.html", "../../"),
    ],
)
def test_links_from_the_root_lead_to_the_same_page_as_relative_ones(page, prefix):
    assert root_prefix(page) == prefix
    for target in ("", "posts/a/", "topics/x/", "posts/a.html"):
        resolved = posixpath.normpath(
            posixpath.join("/", posixpath.dirname("/" + page), from_root(prefix, target))
        )
        expected = posixpath.normpath(
            posixpath.join("/", posixpath.dirname("/" + page), relative_url(target, page))
        )
        assert resolved == expected, (page, target)


def test_term_pages_know_disabled_kinds():
    topics = IndexKind("topics", "topics", "Topics")
    pages = TermPages.for_sections([topics], lambda src: page_url(src, True))
    assert topics.term_src("ai") == "topics/ai/index.md"
    assert pages.url(Term("topics", "AI", "ai")) == "topics/ai/"
    assert pages.url(Term("companies", "NVIDIA", "nvidia")) is None


def test_terms_without_a_page_get_no_link():
    pages = TermPages.for_sections([IndexKind("topics", "topics", "Topics")], lambda src: None)
    assert pages.url(Term("topics", "Secret", "secret")) is None


URL_TEXT = st.text(alphabet=st.sampled_from(list("ab-_~%é.:/?#\\ \t\n\x00!=@;")), max_size=14)
SITE_URLS = st.sampled_from(
    [
        "https://x.example",
        "https://x.example/blog/",
        "https://ex.example/?q=1",
        "https://ex.example/blog/?q=1#top",
        "https://ex.example/#top",
        "https://ex.example/a/../b/",
        "https://ex.example/./blog/",
        "https://ex.example//blog//",
        "https://ex.example/a;p/",
        "ipfs://cid/blog/",
    ]
) | st.builds(
    "https://x.example/{}".format,
    st.text(alphabet=st.sampled_from(list("ab./?#;%=&")), max_size=10),
)


@given(URL_TEXT, SITE_URLS)
def test_absolute_url_is_what_urljoin_gives(url, site_url):
    base = site_url if site_url.endswith("/") else site_url + "/"
    assert absolute_url(site_url, url) == urljoin(base, url)


PAGE_NAMES = st.text(alphabet=st.sampled_from(list("ab-_%é .;=@")), min_size=1, max_size=6)


@given(
    st.lists(PAGE_NAMES, min_size=1, max_size=3).map("/".join),
    st.booleans(),
    st.sampled_from(
        ["https://ex.example/?q=1", "https://ex.example/docs/#x", "https://ex.example/"]
    ),
)
def test_absolute_url_is_the_canonical_url_mkdocs_gives_the_page(path, directory_urls, site_url):
    file = File(f"{path}.md", "docs", "site", use_directory_urls=directory_urls)
    page = Page(None, file, {"site_url": site_url})  # type: ignore[arg-type]
    assert absolute_url(site_url, page.url) == page.canonical_url


def test_a_url_that_is_not_a_plain_path_is_found_out_in_one_pass():
    """A long name, then a segment starting with a dot: the plain-path pattern once tried
    every way of splitting the long name before giving up (2**60 of them here)."""
    url = "posts/" + "a" * 60 + "/.notes/"
    assert (
        absolute_url("https://x.example/", url)
        == "https://x.example/posts/" + "a" * 60 + "/.notes/"
    )
