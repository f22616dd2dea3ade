"""The text that stands for an article in listings and feeds."""

from mkdocs_aicommentary.features.excerpts import excerpt, first_paragraph, plain_text, shorten
from mkdocs_aicommentary.model.articles import Article


def test_summary_wins():
    article = Article("a.md", "A", summary="Short and sweet.", body="# A\n\nLong body.\n")
    assert excerpt(article) == "Short and sweet."


def test_first_paragraph_skips_heading_images_code_and_html():
    body = """# Title

<!-- aicommentary:related -->
![chart](chart.png)

```python
print("not prose")
```

    indented code

The **real** start, with a [link](other.md) and `code`
that runs on to a second line.

Second paragraph.
"""
    assert first_paragraph(body) == (
        "The real start, with a link and code that runs on to a second line."
    )


def test_admonitions_lists_and_quotes():
    assert first_paragraph("!!! note\n    Aside.\n\n> Quoted *words*.\n") == "Quoted words."
    assert first_paragraph("- one\n- two\n") == "one two"


def test_plain_text_removes_markup_but_keeps_words():
    assert plain_text(r"***Bold italic*** <b>tag</b> \*literal\* ![alt](x.png)") == (
        "Bold italic tag *literal* alt"
    )


def test_shorten_cuts_at_a_word():
    assert shorten("one two three four", 9) == "one two…"
    assert shorten("short", 9) == "short"
    assert shorten("abcdefghijkl", 5) == "abcde…"


def test_empty_body_gives_empty_excerpt():
    assert excerpt(Article("a.md", "A", body="# Only a title\n")) == ""


def test_code_spans_are_shown_as_typed():
    """A reader sees the code's text, markup and all; it used to lose its tags and leave ``."""
    body = 'Write `<img src="chart.png">` and `a*b*c`, or ``a ` b``; \\`not code`.\n'
    assert first_paragraph(body) == 'Write <img src="chart.png"> and a*b*c, or a ` b; `not code`.'
