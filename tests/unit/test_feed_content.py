"""A post's content as a feed item carries it: the body's children, no permalink marks, no
leading heading that repeats the title."""

from mkdocs_aicommentary.html.feed_content import feed_fragment

MARK = '<a class="headerlink" href="#our-reading" title="Permanent link">&para;</a>'


def test_a_document_wrapper_is_taken_off():
    wrapped = (
        "<html><head><title>x</title></head><body><h1 id=t>Title</h1>\n<p>Body "
        '<a href="b/">link</a></p></body></html>'
    )
    assert feed_fragment(wrapped, "Title") == '<p>Body <a href="b/">link</a></p>'


def test_permalink_marks_go_and_the_heading_stays():
    html = f'<h2 id="our-reading">Our reading{MARK}</h2>\n<p>Text</p>'
    assert feed_fragment(html, "Title") == '<h2 id="our-reading">Our reading</h2>\n<p>Text</p>'


def test_the_leading_heading_goes_when_it_says_the_title_in_any_case():
    heading = f'<h1 id="t">Why  the <em>Chip</em> &amp; margins{MARK}</h1>'
    assert feed_fragment(f"{heading}<p>x</p>", "why the chip & MARGINS") == "<p>x</p>"
    assert feed_fragment(f"{heading}<p>x</p>", "Another title").startswith('<h1 id="t">Why')


def test_a_heading_the_title_came_from_goes_whatever_it_says():
    html = "<h1>Chips &amp; *margins*</h1><p>x</p>"
    assert feed_fragment(html, "Chips & margins", heading_is_title=True) == "<p>x</p>"


def test_a_heading_after_text_is_not_the_title():
    html = "<p>x</p><h1>Late</h1>"
    assert feed_fragment(html, "Late") == html
    assert feed_fragment("Intro words <h1>Late</h1>", "Late") == "Intro words <h1>Late</h1>"


def test_text_that_looks_like_markup_is_left_alone():
    html = '<pre><code>&lt;body&gt;&lt;a class="headerlink"&gt;¶&lt;/a&gt;</code></pre>'
    assert feed_fragment(html, "T") == html
    script = '<script>let s = "<body><h1>T</h1>";</script>'
    assert feed_fragment(script, "T") == script
