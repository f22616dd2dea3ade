"""The records of the index kinds, and the options MkDocs derives from them: the same option
names, defaults and checks as the four classes they replaced."""

from typing import Any

import pytest

from mkdocs_aicommentary.adapter.config import AICommentaryConfig, kind_options
from mkdocs_aicommentary.adapter.plain_options import index_sections
from mkdocs_aicommentary.model.articles import Article
from mkdocs_aicommentary.model.index_kinds import KINDS, NAV_ORDER, TERM_KINDS, Kind, kind
from mkdocs_aicommentary.model.taxonomy import Taxonomy


def validated(index: dict[str, Any]) -> tuple[AICommentaryConfig, list[str], list[str]]:
    config = AICommentaryConfig()
    config.load_dict({"index": index})
    errors, warnings = config.validate()
    return config, [str(error) for _, error in errors], [str(w) for _, w in warnings]


def test_every_kind_keeps_its_option_names_and_defaults():
    config, errors, warnings = validated({})
    assert (errors, warnings) == ([], [])
    for name in ("topics", "companies", "stances", "archive", "authors"):
        options = config.index[name]
        # Unset, the archive is on unless Material's blog lists the posts already.
        enabled = None if name == "archive" else True
        assert (options.enabled, options.prefix, options.title) == (enabled, name, None)
    assert config.index["archive"].by_year is False
    assert [section.prefix for section in index_sections(config)] == [
        "companies",
        "topics",
        "stances",
        "archive",
        "authors",
    ]


def test_options_of_a_kind_are_type_checked():
    _, errors, _ = validated({"topics": {"prefix": 3}})
    assert errors == [
        "Sub-option 'topics': Sub-option 'prefix': is 3; write a relative folder inside the "
        "site, such as 'topics'."
    ]
    _, errors, _ = validated({"companies": {"title": ["x"]}})
    assert len(errors) == 1 and "Sub-option 'companies': Sub-option 'title'" in errors[0]
    _, errors, _ = validated({"stances": {"enabled": "maybe"}})
    assert errors == [
        "Sub-option 'stances': Sub-option 'enabled': is 'maybe'; write true or false."
    ]


def test_an_option_a_kind_does_not_have_is_warned_about():
    config, errors, warnings = validated(
        {"topics": {"by_year": True, "prefx": "t"}, "archive": {"by_year": True}}
    )
    assert errors == []
    assert sorted(warnings) == [
        "Sub-option 'topics': Sub-option 'by_year': Unrecognised configuration name: by_year",
        "Sub-option 'topics': Sub-option 'prefx': Unrecognised configuration name: prefx",
    ]
    assert config.index["archive"].by_year is True
    assert [section.by_year for section in index_sections(config)] == [
        False,
        False,
        False,
        True,
        False,
    ]


def test_a_new_record_gets_its_own_options():
    authors = Kind(
        "people",
        lambda article: (),
        default_prefix="people",
        title_key="index.topics",
        nav_position=4,
        term_label_key="index.term.authors",
        count_key="index.count.authors",
        all_key="index.all.authors",
    )
    options = kind_options(authors)()
    options.load_dict({})
    assert options.validate() == ([], [])
    assert (options.enabled, options.prefix, options.title) == (True, "people", None)
    assert "by_year" not in options


def test_records_say_what_each_kind_does():
    assert NAV_ORDER == ("topics", "companies", "stances", "archive", "authors")
    assert [each.name for each in TERM_KINDS] == ["companies", "topics", "stances", "authors"]
    assert [each.name for each in KINDS if each.feeds] == [
        "companies",
        "topics",
        "stances",
        "authors",
    ]
    assert kind("archive").lists_every_post and not kind("topics").lists_every_post
    assert kind("stances").feed_description_key == "feed.stance_description"


def test_categories_follow_the_records():
    article = Article(
        src_path="a.md", title="A", stance="bullish", companies=("NVIDIA",), topics=("Chips",)
    )
    taxonomy = Taxonomy([article], {"bullish": "Bullish"})
    assert taxonomy.categories(article) == ["NVIDIA", "Chips", "Bullish"]


@pytest.mark.parametrize("name", ["companies", "topics", "stances"])
def test_a_post_names_its_terms_through_its_kind(name: str):
    article = Article(src_path="a.md", title="A", stance="bullish", companies=("N",), topics=("T",))
    expected = {"companies": ("N",), "topics": ("T",), "stances": ("bullish",)}[name]
    assert kind(name).names(article) == expected
    assert kind("archive").names(article) == ()


def test_authors_with_a_profile_of_materials_have_no_page_of_ours():
    from mkdocs_aicommentary.model.articles import Person

    profiled = Person("Inés", page="blog/author/ines.md")
    article = Article(src_path="a.md", title="A", authors=(Person("Ada"), profiled))
    assert kind("authors").names(article) == ("Ada",)
    assert not kind("authors").category


def test_an_author_page_describes_them_as_fully_as_any_post_does():
    from mkdocs_aicommentary.model.articles import Person

    plain = Article(src_path="a.md", title="A", authors=(Person("Ada"),))
    described = Person("ada", description="Wrote the first program")
    other = Article(src_path="b.md", title="B", authors=(described, Person("Grace")))
    details = kind("authors").details
    assert details is not None
    assert details("ADA", [plain, other]) == described
    assert details("Nobody", [plain]) is None
