"""Hypothesis plays the hostile author: front matter, dates, bodies and names.

Each property holds for anything an author can type; when one fails, hypothesis shrinks the
input to a minimal case. Examples are few (the suite runs in ``make test``) and there is no
deadline, so a busy machine cannot turn slowness into a failure.
"""

from __future__ import annotations

import posixpath
import re
from datetime import datetime
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_aicommentary.adapter.config import DEFAULT_STANCES
from mkdocs_aicommentary.features.charts import MAX_MONTHS, MAX_YEARS, periods_between, timeline
from mkdocs_aicommentary.features.excerpts import EXCERPT_CHARS, excerpt
from mkdocs_aicommentary.features.newsletter import SignupForm
from mkdocs_aicommentary.features.newsletter_links import (
    NewsletterError,
    check_link,
    privacy_target,
)
from mkdocs_aicommentary.features.related.words import tokenize
from mkdocs_aicommentary.html.links import TermPages, is_absolute
from mkdocs_aicommentary.html.render import TEMPLATES_DIR, Renderer
from mkdocs_aicommentary.model.articles import Article, Problem, Vocabulary
from mkdocs_aicommentary.model.front_matter import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    read_article,
    split_front_matter,
)
from mkdocs_aicommentary.model.slugs import MAX_SLUG_LENGTH, name_key, slugify
from mkdocs_aicommentary.model.taxonomy import Taxonomy

HOSTILE = settings(max_examples=60, deadline=None)
VOCABULARY = Vocabulary(DEFAULT_STANCES)
SHORT_WARNING = 400

FIELDS = ["title", "date", "stance", "subject_company", "topics", "draft", "Draft", "updated"]
YAML_PIECES = [
    "&a ", "*a", "&b ", "*b", "!!int ", "!!float ", "!!bool ", "!!timestamp ", "!!binary ",
    "[", "]", "{", "}", ", ", ": ", "- ", "'", '"', "\n", "  ", "#", "|", ">", "?", "<<: ",
    "true", "1", "2026-02-30", "0000-01-01", "9999-12-31 23:59:59-01:00", "10:00:00+99:00",
    "Café", "\u200b", "\t", "~", "null", ".inf", "0x", "1e999",
]  # fmt: skip
yaml_texts = st.lists(
    st.sampled_from(FIELDS).map(lambda field: f"\n{field}: ")
    | st.sampled_from(YAML_PIECES)
    | st.text(max_size=5),
    max_size=30,
).map("".join)


def check_problems(problems: list[Problem], src_path: str) -> None:
    for problem in problems:
        message = str(problem)
        assert message.startswith(src_path + ": ")
        assert len(message) < SHORT_WARNING + len(src_path)


@HOSTILE
@given(yaml_texts, st.text(max_size=200))
def test_any_front_matter_gives_an_article_and_short_warnings(front_matter, body):
    text = f"---\nstance: bullish{front_matter}\n---\n{body}"
    split = split_front_matter("posts/x.md", text)
    check_problems([split.problem] if split.problem else [], "posts/x.md")
    article, problems = read_article("posts/x.md", split, VOCABULARY)
    check_problems(problems, "posts/x.md")
    assert isinstance(article.title, str) and article.title
    assert article.date is None or EARLIEST_YEAR - 1 <= article.date.year <= LATEST_YEAR + 1
    if "draft" not in split.meta and not any(
        isinstance(key, str) and key.strip().lower() == "draft" for key in split.meta
    ):
        assert not article.draft
    elif split.meta.get("draft") is not False:
        assert article.draft  # Fails closed: only a clean false publishes.


@HOSTILE
@given(
    st.integers(0, 10_000),
    st.integers(0, 13),
    st.integers(0, 32),
    st.integers(0, 25),
    st.integers(-99, 99),
    st.sampled_from(["date", "updated"]),
)
def test_any_date_is_a_date_in_range_or_a_warning(year, month, day, hour, offset, field):
    value = f"{year:04d}-{month:02d}-{day:02d} {hour:02d}:00:00{offset:+03d}:00"
    text = f"---\nstance: bullish\n{field}: {value}\n---\n"
    article, problems = read_article("a.md", split_front_matter("a.md", text), VOCABULARY)
    check_problems(problems, "a.md")
    if article.date is not None:
        assert isinstance(article.date, datetime) and article.date.tzinfo is not None
        assert EARLIEST_YEAR <= article.date.year <= LATEST_YEAR
    elif field == "date":
        assert [problem.field for problem in problems] == ["date"]


MARKUP = [*"*_~`[]()!<>{}%#:-|\\\n ", "<!--", "-->", "```", "{{", "}}", "{%", "%}", "]("]


@HOSTILE
@given(st.lists(st.sampled_from(MARKUP) | st.text(max_size=4), max_size=400).map("".join))
def test_any_body_gives_a_bounded_excerpt_and_word_counts(body):
    text = excerpt(Article("a.md", "A", body=body))
    assert len(text) <= EXCERPT_CHARS + 1
    assert "\n" not in text
    counts = tokenize(body)
    assert all(count > 0 and len(word) >= 3 for word, count in counts.items())


PATH_PIECES = ["..", ".", "/", "privacy.md", "legal", "%2e", "%2E%2e", "?", "#", "x=1", "index.md"]


@HOSTILE
@given(
    st.lists(st.sampled_from(PATH_PIECES) | st.text(max_size=3), max_size=12).map("".join),
    st.sampled_from(["", "posts/a/", "a/b/c/", "posts/a.html"]),
)
def test_a_privacy_path_either_is_refused_or_links_inside_the_site(url, page):
    """Whatever is typed, the link from any page lands under the site's root, or the option is
    a configuration error: never a crash, never a link out of the site."""
    try:
        check_link(url, "privacy_url")
    except NewsletterError as error:
        assert len(str(error)) < SHORT_WARNING
        return
    target = privacy_target(url, use_directory_urls=True)
    if is_absolute(target):
        assert target.startswith("https://")
        return
    terms = TermPages({}, lambda src: None)
    renderer = Renderer([TEMPLATES_DIR], Taxonomy([], DEFAULT_STANCES), terms, lambda src: None)
    options = {"privacy_link_text": "Privacy"}
    block = renderer.newsletter_block(SignupForm("form"), options, page, target)
    href = BeautifulSoup(block, "html.parser").select_one(".aic-newsletter-note a")["href"]
    site = "https://x.example/site/"
    landing = urlsplit(urljoin(site + page, href))
    assert landing.netloc == "x.example"
    assert posixpath.normpath(unquote(landing.path)).startswith("/site"), (url, href)


@HOSTILE
@given(st.text(min_size=1, max_size=600))
def test_any_name_gets_a_short_url_safe_slug(name):
    slug = slugify(name)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert len(slug) <= MAX_SLUG_LENGTH


@HOSTILE
@given(st.text(max_size=40), st.integers(0, 40), st.sampled_from(["\u200b", "\u2060", "\ufeff"]))
def test_invisible_characters_and_normal_forms_do_not_make_another_name(name, where, invisible):
    import unicodedata

    key = name_key(name)
    assert name_key(unicodedata.normalize("NFD", name)) == key
    assert name_key(name[:where] + invisible + name[where:]) == key


@HOSTILE
@given(st.lists(st.tuples(st.integers(1, 9999), st.integers(1, 12)), max_size=20))
def test_a_timeline_never_has_more_columns_than_its_limits(dated):
    periods = periods_between(dated)
    assert len(periods) <= max(MAX_MONTHS, MAX_YEARS)
    assert sum(period.count for period in periods) in (0, len(dated))
    if periods:
        chart = timeline("t", "T", periods)
        assert len(chart.columns) == len(periods)
