"""A generated page's heading reads exactly the name, whatever Markdown extensions run."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mkdocs_aicommentary.html.literal_headings import NAME, PREFIX, heading

MKDOCS_DEFAULTS = ["toc", "tables", "fenced_code"]
PYMDOWNX = [
    *MKDOCS_DEFAULTS,
    "pymdownx.mark",
    "pymdownx.caret",
    "pymdownx.tilde",
    "pymdownx.emoji",
    "pymdownx.magiclink",
    "pymdownx.betterem",
    "smarty",
    "abbr",
    "attr_list",
]
NAMES = [
    "a~b",
    "==x==",
    "^^y^^",
    "~~z~~",
    ":smile:",
    '"q"',
    "a -- b ... <<c>>",
    "*AT&T* &amp; _co_",
    "</title><script>alert(1)</script>",
    "x\" onmouseover='alert(1)'",
    "[link](https://example.com) www.example.com @someone",
    "# not a heading {: #id }",
    "AI",
]


def render(source: str, extensions: list[str]) -> tuple[BeautifulSoup, list[dict]]:
    md = markdown.Markdown(
        extensions=[NAME, *extensions], extension_configs={"toc": {"permalink": True}}
    )
    html = md.convert(source + "\n\n*[AI]: Artificial intelligence\n")
    return BeautifulSoup(html, "html.parser"), md.toc_tokens  # type: ignore[attr-defined]


def heading_text(soup: BeautifulSoup) -> str:
    h1 = soup.find("h1")
    for permalink in h1.select(".headerlink"):
        permalink.decompose()
    return h1.get_text()


@pytest.mark.parametrize("extensions", [MKDOCS_DEFAULTS, PYMDOWNX], ids=["defaults", "pymdownx"])
@pytest.mark.parametrize("name", NAMES)
def test_the_heading_reads_the_name_and_gets_an_id_and_a_permalink(name, extensions):
    soup, toc = render(heading(name), extensions)
    h1 = soup.find("h1")
    assert heading_text(soup) == name
    assert h1.find_all(True) == []  # No markup but the permalink, which was taken out.
    assert h1["id"]
    assert BeautifulSoup(toc[0]["name"], "html.parser").get_text() == name


def test_an_authors_heading_is_never_taken_for_an_encoded_one():
    guessed = "aicommentary" + "0" * 16 + "414243"  # The key is drawn when the module loads.
    for typed in (guessed, f"{PREFIX}zz", f"{PREFIX}ff"):
        soup, _ = render(f"# {typed}", MKDOCS_DEFAULTS)
        assert heading_text(soup) == typed


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1))
def test_any_text_reads_as_typed(text):
    assume(text.strip())  # Names hold a letter: a heading of white space alone is one space.
    soup, _ = render(heading(text), PYMDOWNX)
    # Markdown keeps its placeholder characters out of what it writes, as for a page's source.
    assert heading_text(soup) == text.replace("\x02", "").replace("\x03", "")
