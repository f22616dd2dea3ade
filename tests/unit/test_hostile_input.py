"""What a careless or hostile author can write, case by case: never a crash, never a blow-up.

Each test reproduces one finding of the hostile review (issue 13) on the pure functions; the
real builds are in ``tests/integration/test_hostile_build.py``.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime

import pytest
from factories import billion_laughs

from mkdocs_aicommentary.adapter.config import DEFAULT_STANCES
from mkdocs_aicommentary.features.charts import periods_between
from mkdocs_aicommentary.features.excerpts import excerpt, first_paragraph, plain_text
from mkdocs_aicommentary.features.related.words import strip_markup, tokenize
from mkdocs_aicommentary.model.articles import Article, Problem, Vocabulary
from mkdocs_aicommentary.model.front_matter import (
    FrontMatter,
    is_article,
    read_article,
    split_front_matter,
)
from mkdocs_aicommentary.model.slugs import MAX_SLUG_LENGTH, assign_slugs, name_key, slugify

VOCABULARY = Vocabulary(DEFAULT_STANCES)
WARNING_LIMIT = 400
"""Longest warning a hostile value may produce, in characters (the path aside)."""


def read(text: str, path: str = "posts/a.md") -> tuple[Article, list[Problem]]:
    return read_article(path, split_front_matter(path, text), VOCABULARY)


# 1. Dates YAML cannot build -------------------------------------------------------------------

IMPOSSIBLE_DATES = [
    "2026-02-30",
    "2026-13-01",
    "0000-01-01",
    "2026-01-01 25:00:00",
    "2026-01-01 10:00:00+99:00",
]


@pytest.mark.parametrize("value", IMPOSSIBLE_DATES)
def test_a_date_yaml_cannot_build_is_a_warning_on_that_field(value):
    article, problems = read(f"---\nstance: bullish\ndate: {value}\n---\n# Title\n")
    assert article.date is None
    assert article.title == "Title"
    assert [problem.field for problem in problems] == ["date"]
    assert value in str(problems[0])


@pytest.mark.parametrize("value", [*IMPOSSIBLE_DATES, "10:00:00+99:00"])
def test_any_field_holding_such_a_date_is_read_as_its_text(value):
    front_matter = split_front_matter("about.md", f"---\nupdated: {value}\n---\nText\n")
    assert front_matter.problem is None
    assert front_matter.meta["updated"] == value


def test_an_unknown_field_holding_an_impossible_date_is_reported_on_posts():
    _, problems = read("---\nstance: bullish\nupdated: 2026-02-30\n---\n")
    assert [problem.field for problem in problems] == ["updated"]
    assert "not a date on the calendar" in str(problems[0])


@pytest.mark.parametrize(
    "text",
    [
        "x: !!int nine",
        "x: !!float nine",
        "x: !!bool maybe",
        "x: !!timestamp soon",
        "x: !!binary ==",
    ],
)
def test_an_explicit_tag_that_cannot_build_is_a_problem_not_an_exception(text):
    front_matter = split_front_matter("a.md", f"---\nstance: bullish\n{text}\n---\n")
    if front_matter.problem is not None:
        assert str(front_matter.problem).startswith("a.md: front matter")


# 2. Dates at the edge of the calendar ---------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "0001-01-01 00:00:00+01:00",
        "9999-12-31 23:59:59-01:00",
        "0026-01-01",
        "1899-12-31",
        "2201-01-01",
    ],
)
def test_implausible_dates_are_left_out_with_a_warning(value):
    article, problems = read(f"---\nstance: bullish\ndate: {value}\n---\n")
    assert article.date is None
    assert [problem.field for problem in problems] == ["date"]
    assert "between 1900 and 2200" in str(problems[0])


@pytest.mark.parametrize(
    "value", ["1900-01-01", "2200-12-31 23:00:00", "2026-11-20T09:30:00+01:00"]
)
def test_plausible_dates_are_kept(value):
    article, problems = read(f"---\nstance: bullish\ndate: {value}\n---\n")
    assert problems == []
    assert isinstance(article.date, datetime)


def test_a_timeline_over_centuries_counts_years_not_months():
    periods = periods_between([(1900, 1), (2200, 12)])
    assert len(periods) == 301
    assert all(period.month is None for period in periods)
    assert periods[0].year == 1900 and periods[-1].year == 2200


def test_a_timeline_over_any_span_stays_bounded():
    assert len(periods_between([(1, 1), (9999, 12)])) <= 1000


# 3. Names too long for a file name ------------------------------------------------------------


def test_a_long_name_gets_a_slug_short_enough_for_any_file_system():
    name = "a very long topic name " * 20
    slug = slugify(name)
    assert len(slug) <= MAX_SLUG_LENGTH
    assert slug.startswith("a-very-long-topic-name")
    assert slugify(name) == slug


def test_long_names_that_share_a_beginning_keep_different_slugs():
    first, second = "x" * 300 + " one", "x" * 300 + " two"
    slugs = assign_slugs([first, second])
    assert slugs[first] != slugs[second]
    assert all(len(slug) <= MAX_SLUG_LENGTH for slug in slugs.values())


# 4. YAML alias bombs and huge values ----------------------------------------------------------

BILLION_LAUGHS = f"---\nstance: bullish\n{billion_laughs()}---\nBody\n"


def test_an_alias_bomb_is_refused_with_a_short_warning():
    front_matter = split_front_matter("posts/bomb.md", BILLION_LAUGHS)
    assert front_matter.meta == {}
    assert front_matter.problem is not None
    message = str(front_matter.problem)
    assert message.startswith("posts/bomb.md: front matter")
    assert "alias" in message
    assert len(message) < WARNING_LIMIT


def test_a_self_referring_alias_is_refused():
    front_matter = split_front_matter("a.md", "---\ntopics: &x [a, *x]\n---\n")
    assert front_matter.meta == {}
    assert front_matter.problem is not None


def test_a_few_aliases_are_fine():
    text = "---\nstance: bullish\nshared: &t [chips, models]\ntopics: *t\n---\n"
    article, problems = read(text)
    assert problems == []
    assert article.topics == ("chips", "models")


def test_deep_nesting_is_refused_not_a_recursion_error():
    text = "---\nstance: bullish\ntopics: " + "[" * 5000 + "]" * 5000 + "\n---\n"
    front_matter = split_front_matter("a.md", text)
    assert front_matter.problem is not None
    assert len(str(front_matter.problem)) < WARNING_LIMIT


@pytest.mark.parametrize(
    "nested",
    [
        "\n".join("  " * level + f"k{level}:" for level in range(150)) + " end",
        "- " * 150 + "end",
        "{a: " * 150 + "end" + "}" * 150,
    ],
)
def test_deep_nesting_without_aliases_is_refused_in_every_style(nested):
    value = "\n".join("  " + line for line in nested.splitlines())
    front_matter = split_front_matter("a.md", f"---\nstance: bullish\ntopics:\n{value}\n---\n")
    assert front_matter.problem is not None
    assert "deeper than 100" in str(front_matter.problem)


def test_a_warning_shows_a_huge_value_cut_short():
    shared = ["x" * 1000] * 1000
    problem = Problem("a.md", "topics", [shared] * 1000, "expected a name or a list of names")
    message = str(problem)
    assert len(message) < WARNING_LIMIT
    assert message.startswith("a.md: front matter field 'topics' has the value [[")
    assert message.endswith("expected a name or a list of names.")


# 5. Text scans that must stay linear ----------------------------------------------------------

HOSTILE_BODIES = {
    "stars": "*a " * 30_000,
    "underscores": "_a " * 30_000,
    "brackets": "[" * 60_000,
    "images": "![" * 30_000,
    "link targets": "](" * 30_000,
    "angles": "<" * 60_000,
    "comments": "<!--" * 15_000,
    "braces": "{" * 60_000,
    "attribute lists": "{:" * 30_000,
    "templates": "{%" * 30_000,
    "definitions": "\n[a" * 20_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_BODIES))
def test_markup_that_never_closes_is_scanned_in_one_pass(name):
    body = HOSTILE_BODIES[name]
    text = excerpt(Article("a.md", "A", body=body))
    assert len(text) <= 301
    words = tokenize("chips\n" + body)
    assert words.get("chips") == 1
    assert len(strip_markup(body)) <= len(body)


def test_a_long_heading_of_hashes_gives_a_title():
    article, _ = read("---\nstance: bullish\n---\n# a" + " #" * 40_000 + " b\n")
    assert article.title.startswith("a #")


def test_excerpts_still_strip_nested_emphasis_and_links():
    assert plain_text("***both*** and **`code`** and [a link](x.md) and ![pic](p.png)") == (
        "both and code and a link and pic"
    )
    assert first_paragraph("**bold *italic* bold** and _under_\n") == "bold italic bold and under"


def test_markup_stripping_still_removes_what_it_removed():
    text = strip_markup(
        "Words [link](http://x.example/a_b) <b>tag</b> <!-- note --> {{ var }} {% tag %} "
        "{: .class } ![img](i.png)\n[ref]: http://y.example\n```\ncode\n```\n"
    )
    assert "x.example" not in text and "var" not in text and "note" not in text
    assert "code" not in text and "y.example" not in text and "img" not in text
    assert "Words" in text and "link" in text and "tag" in text


# 9. Draft flags that are not clean booleans fail closed ---------------------------------------


@pytest.mark.parametrize("value", ['"true"', "1", "yes please", '"false"', "0", "[true]"])
def test_a_draft_flag_that_is_not_a_boolean_keeps_the_post_unpublished(value):
    article, problems = read(f"---\nstance: bullish\ndraft: {value}\n---\n")
    assert article.draft
    assert [problem.field for problem in problems] == ["draft"]
    assert "unpublished" in str(problems[0])


@pytest.mark.parametrize("key", ["Draft", "DRAFT"])
@pytest.mark.parametrize("value", ["true", "false"])
def test_a_draft_field_spelt_differently_keeps_the_post_unpublished(key, value):
    article, problems = read(f"---\nstance: bullish\n{key}: {value}\n---\n")
    assert article.draft
    assert [problem.field for problem in problems] == [key]
    assert "'draft'" in str(problems[0])


def test_a_known_field_in_another_case_is_a_warning():
    meta = {"Stance": "bullish", "Topics": ["chips"]}
    assert is_article("posts/a.md", meta, [])
    article, problems = read_article("posts/a.md", FrontMatter(meta, ""), VOCABULARY)
    assert sorted(problem.field for problem in problems) == ["Stance", "Topics"]
    assert "'stance'" in str(problems[0]) or "'stance'" in str(problems[1])
    assert article.stance is None and not article.draft


# 10. Names that look the same are the same name -----------------------------------------------


def test_names_in_nfc_nfd_and_with_invisible_characters_are_one_name():
    nfc = unicodedata.normalize("NFC", "Café")
    nfd = unicodedata.normalize("NFD", "Café")
    assert nfc != nfd
    spellings = [nfc, nfd, "Caf\u200bé", "\u2060Café", "Café\ufeff", "CAFÉ"]
    assert len({name_key(spelling) for spelling in spellings}) == 1
    assert len(set(assign_slugs(spellings).values())) == 1


def test_invisible_characters_are_dropped_from_names_as_read():
    article, _ = read("---\nstance: bullish\ntopics: ['Caf\u200bé', '\u200b', 'Cafe\u0301']\n---\n")
    assert article.topics == ("Café",)
