"""Whatever a theme printed raw into the head, the title and description read as text.

The head templates below print exactly as the themes do (Jinja without autoescape, as MkDocs
renders themes); the page is then read as a browser would.
"""

from __future__ import annotations

import html

import jinja2
import pytest
from bs4 import BeautifulSoup
from helpers import title_text
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from mkdocs_aicommentary.html.head_text import repair_head
from mkdocs_aicommentary.model.slugs import clean_name

ENV = jinja2.Environment(autoescape=False)
HEADS = {
    # Material: base.html
    "material": ENV.from_string(
        "<html><head>{% if description %}"
        '<meta name="description" content="{{ description }}">{% endif %}'
        "{% if meta_title %}<title>{{ meta_title }} - Site</title>"
        "{% else %}<title>{{ title | striptags }} - Site</title>{% endif %}"
        "</head><body><h1>{{ title }}</h1></body></html>"
    ),
    # mkdocs and readthedocs: base.html
    "mkdocs": ENV.from_string(
        "<html><head><title>{{ title }} - Site</title></head><body>{{ title }}</body></html>"
    ),
}
TEXTS = st.text(
    st.one_of(st.sampled_from(list("<>&\"'/; #x0123abtile")), st.characters()), min_size=1
)


def render(theme: str, title: str, description: str = "", meta_title: str = "") -> str:
    page = HEADS[theme].render(title=title, description=description, meta_title=meta_title)
    return repair_head(page, titles=(meta_title, title), descriptions=(description,))


def read(page: str) -> tuple[str, list[str]]:
    soup = BeautifulSoup(page, "html.parser")
    descriptions = [
        meta["content"] for meta in soup.find_all("meta", attrs={"name": "description"})
    ]
    return title_text(page), descriptions


@settings(max_examples=80, deadline=None)
@given(name=TEXTS, description=TEXTS, theme=st.sampled_from(sorted(HEADS)))
def test_a_title_made_from_a_name_and_any_description_read_as_typed(name, description, theme):
    name = clean_name(name)  # As the plugin holds every name: what a page shows.
    assume(name)
    # A page title is HTML: the plugin's generated pages hold the name escaped once.
    title, descriptions = read(render(theme, str(escape(name)), description))
    assert title == f"{name} - Site"
    assert descriptions == ([description] if theme == "material" else [])


@settings(max_examples=80, deadline=None)
@given(meta_title=TEXTS)
def test_a_title_from_front_matter_shows_what_the_theme_showed_and_stays_in_the_title(
    meta_title,
):
    # Printed as it is into <title>, where a browser decodes references and shows tags as text.
    title, _ = read(render("material", "ignored", meta_title=meta_title))
    assert title == f"{html.unescape(meta_title)} - Site"


@pytest.mark.parametrize("theme", sorted(HEADS))
@pytest.mark.parametrize(
    ("title", "description"),
    [("chips", "Plain words."), ("AT&amp;T &lt;3", "Nvidia's <b>chips</b> > AMD's")],
)
def test_prints_that_read_right_are_left_exactly_as_they_are(theme, title, description):
    page = HEADS[theme].render(title=title, description=description, meta_title="")
    assert repair_head(page, titles=(None, title), descriptions=(description,)) == page


def test_a_raw_description_is_repaired_wherever_the_head_prints_it():
    page = (
        '<head><meta name="description" content="a "b" &c">'
        '<meta property="og:description" content="a "b" &c"></head>'
        '<body><p content="a "b" &c"></p></body>'
    )
    repaired = repair_head(page, titles=(), descriptions=('a "b" &c', 3, None))
    soup = BeautifulSoup(repaired, "html.parser")
    assert [meta["content"] for meta in soup.head.find_all("meta")] == ['a "b" &c'] * 2
    assert repaired.endswith('<body><p content="a "b" &c"></p></body>')  # Not its head.


def test_a_page_without_a_head_or_title_is_left_alone():
    for page in ("<p>no head</p>", "<head><meta charset=utf-8></head><p>x</p>"):
        assert repair_head(page, titles=("</title>",), descriptions=()) == page
