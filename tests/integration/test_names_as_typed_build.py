"""Names, labels and descriptions come out as the text the author typed, on every theme.

One site, built for real with each theme (mkdocs, readthedocs, material), once with MkDocs'
default Markdown extensions and once with common pymdownx ones. Its names are ordinary text
that Markdown extensions would rewrite (``a~b``, ``==x==``, ``:smile:``, ``"q"``) and text that
would become markup if any theme printed it raw (``</title><script>``, a quote that ends an
attribute), given as topics, Material-style tags, a subject company and a stance label. Every
place a reader or a search engine reads them is read as a browser (BeautifulSoup) or a search
client (json) would.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from factories import article
from helpers import SITE_URL, BuiltSite

SITE_NAME = "Test publication"
PLAIN_NAMES = ["a~b", "==x==", "^^y^^", "~~z~~", ":smile:", '"q"', "a -- b ...", "AT&T &amp; co"]
SCRIPT_TOPIC = '</title><script>alert("topic")</script>'
SCRIPT_TAG = '</title><script>alert("tag")</script>'
SCRIPT_COMPANY = '</title><script>alert("company")</script>'
SCRIPT_STANCE = '</title><script>alert("stance")</script>'
SCRIPT_SECTION = '</title><script>alert("section")</script>'
QUOTE_TOPIC = 'x" onmouseover="alert(1)'
TOPICS = [*PLAIN_NAMES, SCRIPT_TOPIC, QUOTE_TOPIC]
HOSTILE_LEDE = 'See: "><svg onload=alert(document.domain) //'
QUOTED_LEDE = 'Nvidia\'s CEO said "AI is everywhere".'
OWN_DESCRIPTION = 'An "own" <b>description</b> & more'
SITE_DESCRIPTION = 'The "best" commentary & <i>more</i>'
ODD_TITLE = "Why </title> matters"

PAGES = {
    "index.md": "# Home\n\nA publication.\n",
    "posts/names.md": article(
        f"title: Names\ndate: 2026-03-01\nstance: bullish\n"
        f"subject_company: {json.dumps(SCRIPT_COMPANY)}\n"
        f"topics: {json.dumps(PLAIN_NAMES)}\ntags: {json.dumps([SCRIPT_TAG])}",
        f"{HOSTILE_LEDE}\n",
    ),
    "posts/quoted.md": article(
        f"title: Quoted\ndate: 2026-03-02\nstance: bullish\n"
        f"topics: {json.dumps([SCRIPT_TOPIC, QUOTE_TOPIC])}",
        f"{QUOTED_LEDE}\n",
    ),
    "posts/own.md": article(
        f"title: {json.dumps(ODD_TITLE)}\ndate: 2026-03-03\nstance: bullish\n"
        f"topics: [chips]\ndescription: {json.dumps(OWN_DESCRIPTION)}"
    ),
}
OPTIONS = {
    "index": {"nav": True, "topics": {"title": SCRIPT_SECTION}},
    "stances": {"bullish": SCRIPT_STANCE},
    "topics_from": ["topics", "tags"],
}
PYMDOWNX = [
    "pymdownx.mark",
    "pymdownx.caret",
    "pymdownx.tilde",
    "pymdownx.emoji",
    "smarty",
    "abbr",
    "attr_list",
    {"toc": {"permalink": True}},
]
THEMES = {
    "mkdocs": {"name": "mkdocs"},
    "readthedocs": {"name": "readthedocs"},
    "material": {"name": "material", "features": ["navigation.path"]},
}
NAV = {"mkdocs": ".navbar", "readthedocs": ".wy-menu-vertical", "material": ".md-nav--primary"}
BREADCRUMBS = {"readthedocs": ".wy-breadcrumbs .breadcrumb-item", "material": ".md-path__item"}
BUILDS = [(theme, extensions) for theme in THEMES for extensions in ("defaults", "pymdownx")]


@pytest.fixture(scope="module", params=BUILDS, ids=["-".join(build) for build in BUILDS])
def built(request, tmp_path_factory) -> tuple[str, BuiltSite]:
    from helpers import make_builder

    theme, extensions = request.param
    build = make_builder(tmp_path_factory.mktemp(f"{theme}-{extensions}"))
    extra = {"site_description": SITE_DESCRIPTION}
    if extensions == "pymdownx":
        extra["markdown_extensions"] = PYMDOWNX
    site = build(
        PAGES, OPTIONS, theme=THEMES[theme], extra=extra, plugins=["search"], site_url=SITE_URL
    )
    assert site.aborted is None, site.warnings
    return theme, site


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def term_pages(site: BuiltSite, kind: str) -> dict[str, str]:
    """Name -> URL of each term page, as the overview of ``kind`` links them."""
    overview = site.page(f"{kind}/")
    return {
        link.get_text(): f"{kind}/{link['href'].strip('./')}/"
        for link in overview.select(".aic-index-overview a[href]")
    }


def heading(soup: BeautifulSoup) -> str:
    h1 = soup.find("h1")
    for permalink in h1.select(".headerlink"):
        permalink.decompose()
    return h1.get_text()


def search_titles(site: BuiltSite, url: str) -> list[str]:
    """The titles search shows for ``url`` and its sections, as the text they read."""
    index = json.loads(site.text("search/search_index.json"))
    return [
        BeautifulSoup(entry["title"], "html.parser").get_text()
        for entry in index["docs"]
        if entry["location"].split("#")[0] == url
    ]


def expected_pages(site: BuiltSite) -> dict[str, str]:
    """Every name and label of the site -> its page; fails when one has no page under it."""
    topics, companies, stances = (
        term_pages(site, kind) for kind in ("topics", "companies", "stances")
    )
    names = [*TOPICS, SCRIPT_TAG]
    assert set(names) <= set(topics), sorted(topics)
    assert SCRIPT_COMPANY in companies
    assert SCRIPT_STANCE in stances
    return {
        **{name: topics[name] for name in names},
        SCRIPT_COMPANY: companies[SCRIPT_COMPANY],
        SCRIPT_STANCE: stances[SCRIPT_STANCE],
        SCRIPT_SECTION: "topics/",
    }


def test_no_text_becomes_markup_on_any_page(built):
    _, site = built
    for path in sorted(site.site_dir.rglob("*.html")):
        soup = parse(path)
        runnable = [
            script.get_text()
            for script in soup.find_all("script")
            if script.get("type", "text/javascript") in ("text/javascript", "module")
        ]
        assert not [text for text in runnable if text.strip().startswith("alert(")], path
        assert soup.find("svg", onload=True) is None, path
        handlers = [
            (element.name, name)
            for element in soup.find_all(True)
            for name in element.attrs
            if name.startswith("on")
        ]
        assert handlers == [], path


def test_a_name_reads_as_typed_in_title_heading_nav_breadcrumbs_and_search(built):
    theme, site = built
    for name, url in expected_pages(site).items():
        soup = site.page(url)
        assert soup.title.get_text() == f"{name} - {SITE_NAME}", url
        assert heading(soup) == name, url
        nav_links = soup.select(f"{NAV[theme]} a")
        if name == SCRIPT_SECTION:  # The section's name; its overview's entry is "All topics".
            assert name in soup.select_one(NAV[theme]).get_text(), url
        else:
            assert name in [link.get_text(" ", strip=True) for link in nav_links], url
        titles = search_titles(site, url)
        assert titles and set(titles) == {name}, (url, titles)
        if theme == "material":
            topic = soup.select("[data-md-component=header-topic] .md-ellipsis")
            assert name in [element.get_text(strip=True) for element in topic], url
        if theme in BREADCRUMBS and url.startswith("topics/") and url != "topics/":
            crumbs = [item.get_text(" ", strip=True) for item in soup.select(BREADCRUMBS[theme])]
            assert SCRIPT_SECTION in crumbs, (url, crumbs)
    if theme == "readthedocs":  # Its previous and next buttons print titles into attributes.
        buttons = {
            str(button["title"])
            for path in site.site_dir.rglob("*.html")
            for button in parse(path).select("a.btn[title]")
        }
        assert {QUOTE_TOPIC, SCRIPT_TOPIC} <= buttons


def meta(soup: BeautifulSoup, **attributes: str) -> list[str]:
    return [str(tag["content"]) for tag in soup.find_all("meta", attrs=attributes)]


@pytest.mark.parametrize(
    ("url", "description"),
    [
        ("posts/names/", HOSTILE_LEDE),
        ("posts/quoted/", QUOTED_LEDE),
        ("posts/own/", OWN_DESCRIPTION),
    ],
)
def test_a_posts_description_is_the_text_the_author_wrote(built, url, description):
    _, site = built
    soup = site.page(url)
    assert meta(soup, name="description") == [description]
    assert meta(soup, property="og:description") == [description]
    data = json.loads(soup.find("script", type="application/ld+json").get_text())
    assert data["description"] == description


def test_the_site_description_is_the_text_the_author_wrote(built):
    _, site = built
    assert meta(site.page(""), name="description") == [SITE_DESCRIPTION]


def test_a_title_with_an_end_tag_stays_in_the_title(built):
    _, site = built
    assert site.page("posts/own/").title.get_text() == f"{ODD_TITLE} - {SITE_NAME}"


@pytest.mark.parametrize(
    ("url", "names"),
    [("posts/names/", [*PLAIN_NAMES, SCRIPT_TAG]), ("posts/quoted/", [SCRIPT_TOPIC, QUOTE_TOPIC])],
)
def test_open_graph_and_json_ld_carry_the_names_as_typed(built, url, names):
    _, site = built
    soup = site.page(url)
    assert set(meta(soup, property="article:tag")) >= set(names)
    data = json.loads(soup.find("script", type="application/ld+json").get_text())
    assert set(data["keywords"]) == set(names)
    if url == "posts/names/":
        assert [company["name"] for company in data["about"]] == [SCRIPT_COMPANY]
