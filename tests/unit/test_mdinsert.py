"""Template HTML put into a Markdown tree at the author's marker."""

from xml.etree import ElementTree as etree

import markdown

from mkdocs_aicommentary.mdinsert import HtmlInserter, Insertion, parse_fragment

LISTING = '<div class="aic-index"><a href="posts/a.md">A &amp; B</a></div>'


def convert(text, html=LISTING, *more):
    inserter = HtmlInserter()
    md = markdown.Markdown(extensions=["toc", inserter])
    inserter.pending = [Insertion("index", html, append=True), *more]
    result = md.convert(text)
    assert inserter.pending == []  # Consumed: never leaks into the next page.
    return result


def test_replaces_the_marker_paragraph():
    html = convert("# T\n\nBefore.\n\n<!-- aicommentary:index -->\n\nAfter.\n")
    assert html.index("Before.") < html.index('class="aic-index"') < html.index("After.")
    assert "aicommentary:index" not in html
    assert "A &amp; B" in html


def test_appends_when_there_is_no_marker_or_only_one_in_code():
    html = convert("# T\n\n    <!-- aicommentary:index -->\n\nText.\n")
    assert "&lt;!-- aicommentary:index --&gt;" in html
    assert html.rstrip().endswith("</div>")
    assert html.index("Text.") < html.index('class="aic-index"')


def test_several_markers_each_get_their_html_and_an_optional_one_is_dropped():
    latest = Insertion("latest", '<ul class="aic-latest"><li>New</li></ul>')
    html = convert("<!-- aicommentary:latest -->\n\nText.\n", LISTING, latest)
    assert html.index('class="aic-latest"') < html.index("Text.") < html.index('class="aic-index"')
    assert "aicommentary:latest" not in html
    html = convert("Text.\n", LISTING, latest)
    assert "aic-latest" not in html


def test_marker_inside_a_container_is_found():
    html = convert("> Quote.\n>\n> <!-- aicommentary:index -->\n")
    assert (
        html.index("<blockquote>") < html.index('class="aic-index"') < html.index("</blockquote>")
    )


def test_nothing_pending_means_nothing_changes():
    inserter = HtmlInserter()
    md = markdown.Markdown(extensions=[inserter])
    assert md.convert("Text.\n\n<!-- aicommentary:index -->\n") == (
        "<p>Text.</p>\n<!-- aicommentary:index -->"
    )


def test_inserted_links_are_real_elements_for_later_treeprocessors():
    seen = []

    class Spy(markdown.treeprocessors.Treeprocessor):
        def run(self, root):
            seen.extend(el.get("href") for el in root.iter("a"))

    class SpyExtension(markdown.extensions.Extension):
        def extendMarkdown(self, md):
            md.treeprocessors.register(Spy(md), "spy", 0)  # Where MkDocs' "relpath" runs.

    inserter = HtmlInserter()
    md = markdown.Markdown(extensions=[inserter, SpyExtension()])
    inserter.pending = [Insertion("index", LISTING, append=True)]
    md.convert("Text.\n")
    assert seen == ["posts/a.md"]


def test_fragment_parser_forgives_html():
    elements = parse_fragment('<p>a<br>b &nbsp;<img src="x.png"></p><!-- slot --><div>open')
    assert [el.tag for el in elements[0]] == ["br", "img"]
    assert elements[0][0].tail == "b \xa0"
    assert elements[1].text == " slot "
    assert elements[2].text == "open"
    assert parse_fragment("</span>text") == []  # A stray end tag closes nothing.


def test_well_formed_and_forgiving_paths_give_the_same_tree():
    html = '<ol class="x"><li data-a="1">A &amp; B<!-- c --></li><li>&lt;b&gt;</li></ol>'
    fast = parse_fragment(html)
    slow = parse_fragment(html.replace("&amp;", "&#38;").replace("<ol", "<ol hidden"))
    assert [etree.tostring(el) for el in fast] == [
        etree.tostring(el).replace(b' hidden=""', b"") for el in slow
    ]
    assert fast[0][0].text == "A & B"
    assert fast[0][0][0].text == " c "
