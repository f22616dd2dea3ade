"""Hypothesis plays the hostile author on real builds, on all three themes.

Whatever titles, summaries, bodies, company and topic names and stance labels hold, no build
raises, no page gains markup that the author typed, and every place the plugin shows them (the
article header, index pages with their ``<title>`` and heading, the meta description, Open
Graph, JSON-LD, RSS and JSON feeds) gives back the text as typed. Each example is a real
``mkdocs build``, so examples are few and hypothesis reports a failing site without shrinking
it (shrinking real builds takes many minutes).

A post's own page is the author's: Markdown keeps HTML in a body, and MkDocs themes write a
front-matter ``title`` as HTML, with or without this plugin. Posts stay out of the nav here, so
their pages alone are read for the plugin's parts only (its boxes, head tags and JSON-LD).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from helpers import SITE_URL, dead_links, make_builder, title_text
from hypothesis import HealthCheck, Phase, assume, example, given, settings
from hypothesis import strategies as st

from mkdocs_aicommentary.model.slugs import clean_name, name_key

PIECES = [
    "<", ">", "&", '"', "'", "</title>", "<script>alert(1)</script>", '"><svg onload=alert(1)>',
    "&lt;", "&amp;", "{{ x }}", "{%", "~", "==", "^^", ":smile:", "\\", "*", "_", "`", "[x](y)",
    "\ue000", "\ue00060\ue001", "\ue00099999999999\ue001", "\ue0f5",
    "<!-- aicommentary:related -->", "é", "ß", "١", "😀", " ", "a", "Z", "0", "-", "+", "#",
]  # fmt: skip
text_pieces = st.sampled_from(PIECES) | st.text(
    st.characters(blacklist_categories=("Cs", "Cc")), max_size=3
)
names = st.lists(text_pieces, min_size=1, max_size=6).map("".join).filter(lambda s: clean_name(s))
HOSTILE_BUILDS = settings(
    max_examples=12,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def front_matter(fields: dict[str, object], body: str) -> str:
    return f"---\n{yaml.safe_dump(fields, allow_unicode=True)}---\n\n{body}\n"


def build(theme: str, title: str, summary: str, company: str, topic: str, label: str):
    pages = {
        "index.md": "# Home\n\nA publication.\n",
        "posts/a.md": front_matter(
            {
                "title": title,
                "date": "2026-03-01",
                "stance": "bullish",
                "subject_company": company,
                "topics": [topic],
                "summary": summary,
            },
            "Words about the subject.",
        ),
        "posts/b.md": front_matter(
            {"title": "Plain", "date": "2026-03-02", "stance": "bullish", "topics": [topic]},
            summary.replace("\n", " "),
        ),
    }
    with tempfile.TemporaryDirectory() as root:
        site = make_builder(Path(root))(
            pages,
            {"stances": {"bullish": label}, "articles_in_nav": False},
            theme=theme,
            site_url=SITE_URL,
        )
        assert site.aborted is None, site.aborted
        return site, read_outputs(site.site_dir), dead_links(site)


def read_outputs(site_dir: Path) -> dict[str, object]:
    """Every page parsed and every feed read, before the build's folder goes away."""
    outputs: dict[str, object] = {}
    for path in site_dir.rglob("*"):
        relative = path.relative_to(site_dir).as_posix()
        if path.suffix == ".html" and not relative.startswith(("assets/", "search/")):
            html = path.read_text(encoding="utf-8")
            outputs[relative] = BeautifulSoup(html, "html.parser")
            outputs[f"{relative}<title>"] = title_text(html)
        elif path.name == "feed.xml":
            raw = path.read_bytes()
            # feedparser checks the feed is well formed; the titles come from the XML itself,
            # since feedparser "repairs" text that looks like UTF-8 read as Latin-1 ("ïµ½").
            outputs[relative] = (feedparser.parse(raw), ElementTree.fromstring(raw))
        elif path.name == "feed.json":
            outputs[relative] = json.loads(path.read_text(encoding="utf-8"))
    return outputs


def assert_no_markup_from_authors(relative: str, soup: BeautifulSoup) -> None:
    elements = soup.find_all(True)
    if relative.startswith("posts/"):  # The author's own page; see the docstring.
        elements = [
            *soup.head.find_all(["meta", "link"]),
            *(part for box in soup.select("[class*='aic-']") for part in box.find_all(True)),
        ]
    for element in elements:
        if element.find_parent("title"):
            continue  # A browser reads what <title> holds as text, up to "</title".
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, (relative, element.name, handlers)
        if element.name == "script":  # One the author's text opened, not a theme's string.
            assert not element.get_text().startswith("alert("), (relative, str(element)[:200])
    assert len(soup.head.find_all("title", recursive=False)) == 1, relative
    for script in soup.select("script[type='application/ld+json']"):
        json.loads(script.get_text())  # Data, whole: no text of the author's closed it early.


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
@HOSTILE_BUILDS
@given(title=names, summary=names, company=names, topic=names, label=names)
@example(title="T", summary="S", company="C", topic="5¶", label="L")  # ¶ is not a permalink.
@example(title="ïµ½<x>", summary="S", company="-", topic="'", label="L")
def test_what_authors_type_comes_out_as_text_everywhere(
    theme, title, summary, company, topic, label
):
    assume(name_key(topic) != name_key(company))  # A post's topic never repeats its company.
    _site, outputs, dead = build(theme, title, summary, company, topic, label)
    assert not dead
    for relative, output in outputs.items():
        if isinstance(output, BeautifulSoup):
            assert_no_markup_from_authors(relative, output)

    post = outputs["posts/a/index.html"]
    assert isinstance(post, BeautifulSoup)
    shown = clean_name
    description = post.find("meta", attrs={"name": "description"})
    assert description is not None and description["content"] == " ".join(summary.split())
    header = post.select_one(".aic-article-meta")
    assert label in header.select_one(".aic-stance").get_text()  # Options are shown as set.
    assert [a.get_text() for a in header.select(".aic-company")] == [shown(company)]
    [topic_link] = header.select(".aic-topic")
    assert topic_link.get_text() == shown(topic)
    [data] = [json.loads(s.get_text()) for s in post.select("script[type='application/ld+json']")]
    assert data["headline"] == title.strip() or data["headline"] == shown(title)

    topic_page = outputs[f"{topic_link['href'].removeprefix('../../')}index.html"]
    assert isinstance(topic_page, BeautifulSoup)
    heading = topic_page.find("h1")
    for permalink in heading.select("a.headerlink"):
        permalink.extract()
    assert heading.get_text() == shown(topic)
    assert outputs[f"{topic_link['href'].removeprefix('../../')}index.html<title>"].startswith(
        shown(topic)
    )

    for relative, output in outputs.items():
        if relative.endswith("feed.xml"):
            parsed, document = output
            assert not parsed.bozo, (relative, parsed.bozo_exception)
            assert {item.findtext("title") for item in document.iter("item")} <= {
                title.strip(),
                shown(title),
                "Plain",
            }
        elif relative.endswith("feed.json"):
            assert {item["title"] for item in output["items"]} <= {
                title.strip(),
                shown(title),
                "Plain",
            }
