from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_aicommentary.adapter.config import DEFAULT_STANCES
from mkdocs_aicommentary.model.articles import Person, Vocabulary, in_utc
from mkdocs_aicommentary.model.companies import Company, CompanyRegistry
from mkdocs_aicommentary.model.front_matter import (
    FrontMatter,
    is_article,
    read_article,
    split_front_matter,
)

REGISTRY = CompanyRegistry([Company("NVIDIA", ("Nvidia",), "https://nvidia.com", "NVDA")])
VOCABULARY = Vocabulary(DEFAULT_STANCES, REGISTRY)


def read(text, vocabulary=VOCABULARY, path="posts/a.md"):
    return read_article(path, split_front_matter(path, text), vocabulary)


def test_a_complete_post():
    article, problems = read(
        "---\ntitle: The bet\ndate: 2026-11-20\nstance: Skeptical\n"
        "subject_company: [Nvda, Google]\ntopics: open-source AI\nsummary: Short.\n---\nBody\n"
    )
    assert problems == []
    assert article.title == "The bet"
    assert article.date == datetime(2026, 11, 20, tzinfo=timezone.utc)
    assert article.stance == "skeptical"
    assert article.companies == ("NVIDIA", "Google")
    assert article.topics == ("open-source AI",)
    assert article.summary == "Short."
    assert article.body == "Body\n"
    assert not article.draft


@pytest.mark.parametrize(
    ("front_matter", "field", "words"),
    [
        ("stance: bulish", "stance", "bullish, bearish, skeptical, neutral, mixed"),
        ("stance: [bullish]", "stance", "allowed stances"),
        ("date: next tuesday", "date", "2026-11-20"),
        ("date: [2026]", "date", "2026-11-20"),
        ("topics: {a: 1}", "topics", "list of names"),
        ("subject_company: 42", "subject_company", "list of names"),
        ("topics: [ok, 3]", "topics", "list of names"),
        ("draft: maybe", "draft", "true or false"),
        ("title: [a, b]", "title", "text"),
        ("summary: {a: 1}", "summary", "text"),
    ],
)
def test_each_bad_value_is_reported_with_file_field_and_allowed_values(front_matter, field, words):
    article, problems = read(f"---\nstance: neutral\n{front_matter}\n---\n# Heading\n")
    assert len(problems) == 1
    message = str(problems[0])
    assert message.startswith("posts/a.md: front matter field ")
    assert f"'{field}'" in message
    assert words in message
    assert article.title == "Heading"  # the article is still built


def test_bad_field_is_left_out_and_the_rest_kept():
    article, _ = read("---\nstance: bulish\ntopics: [chips]\n---\n")
    assert article.stance is None
    assert article.topics == ("chips",)


def test_yaml_error_is_reported_not_swallowed():
    front_matter = split_front_matter("posts/a.md", "---\ntitle: [unclosed\nstance: bullish\n---\n")
    assert front_matter.problem is not None
    assert "posts/a.md" in str(front_matter.problem)
    assert "line" in str(front_matter.problem)


def test_front_matter_that_is_not_a_mapping_is_reported():
    assert split_front_matter("a.md", "---\n- a\n- b\n---\n").problem is not None


def test_unknown_company_warns_only_when_asked():
    quiet, problems = read("---\nsubject_company: Acme\n---\n")
    assert quiet.companies == ("Acme",) and problems == []
    strict = Vocabulary(DEFAULT_STANCES, REGISTRY, warn_unknown_companies=True)
    _, problems = read("---\nsubject_company: [Acme, Nvidia]\n---\n", strict)
    assert len(problems) == 1
    assert "'Acme' is not in the company registry (NVIDIA)" in str(problems[0])


def test_names_are_deduplicated_by_case_and_blanks_dropped():
    article, _ = read(
        "---\ntopics: [AI chips, ai  chips, '', ' ']\nsubject_company: [NVIDIA, Nvidia]\n---\n"
    )
    assert article.topics == ("AI chips",)
    assert article.companies == ("NVIDIA",)


def test_dates_in_every_form_compare():
    aware, _ = read("---\ndate: 2026-11-20T10:00:00+02:00\n---\n")
    text, _ = read("---\ndate: '2026-11-20T09:30'\n---\n")
    plain, _ = read("---\ndate: 2026-11-20\n---\n")
    assert aware.date == datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)
    assert sorted([aware, text, plain], key=lambda a: a.sort_key)[0] is text


def test_a_date_keeps_the_authors_day_and_names_the_moment_in_utc():
    """Material's blog files a post dated half past midnight in Berlin under that day; the
    header, listings and archive show the same day, and feeds the moment in UTC."""
    article, _ = read("---\ndate: 2026-01-01T00:30:00+01:00\n---\n")
    assert article.date is not None
    assert (article.date.year, article.date.month, article.date.day) == (2026, 1, 1)
    assert in_utc(article.date) == datetime(2025, 12, 31, 23, 30)


def test_title_falls_back_to_heading_then_file_name():
    from_heading, _ = read("---\nstance: bullish\n---\n\n# The real title #\n")
    from_path, _ = read("---\nstance: bullish\n---\nNo heading.\n", path="posts/open-bets.md")
    assert from_heading.title == "The real title"
    assert from_path.title == "Open bets"


def test_which_pages_are_articles():
    assert is_article("posts/a.md", {"stance": "bullish"}, [])
    assert is_article("posts/a.md", {"subject_company": "X"}, [])
    assert not is_article("about.md", {"title": "About"}, [])
    assert is_article("posts/2026/a.md", {}, ["posts/*"])
    assert not is_article("about.md", {"stance": "bullish"}, ["posts/*"])


yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text()
    | st.dates()
    | st.datetimes(),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(), children, max_size=3)
    ),
    max_leaves=6,
)
FIELDS = ["title", "date", "stance", "subject_company", "topics", "draft", "summary", "description"]


@settings(deadline=None)  # a busy CI machine must not turn slowness into a failure
@given(st.dictionaries(st.sampled_from(FIELDS), yaml_values))
def test_no_front_matter_value_makes_reading_crash(meta):
    article, problems = read_article("p.md", FrontMatter(meta, "body"), VOCABULARY)
    assert isinstance(article.title, str) and article.title
    assert all(problem.src_path == "p.md" for problem in problems)
    assert isinstance(article.sort_key, tuple)


def test_materials_date_mapping_gives_created_and_updated():
    article, problems = read(
        "---\nstance: neutral\ndate: {created: 2026-04-10, updated: 2026-04-18, other: x}\n---\n"
    )
    assert problems == []
    assert (article.date, article.updated) == (
        datetime(2026, 4, 10, tzinfo=timezone.utc),
        datetime(2026, 4, 18, tzinfo=timezone.utc),
    )


def test_a_bad_date_inside_the_mapping_names_its_key():
    article, problems = read(
        "---\nstance: neutral\ndate: {created: 2026-04-10, updated: soon}\n---\n"
    )
    assert article.date == datetime(2026, 4, 10, tzinfo=timezone.utc)
    assert article.updated is None
    assert [str(problem) for problem in problems] == [
        "posts/a.md: front matter field 'date.updated' has the value 'soon'; expected a date "
        "such as 2026-11-20 or 2026-11-20T09:30:00."
    ]


def test_topics_from_several_fields_without_the_posts_own_companies():
    vocabulary = Vocabulary(
        DEFAULT_STANCES, REGISTRY, topic_fields=("topics", "tags", "categories")
    )
    article, problems = read(
        "---\nstance: neutral\nsubject_company: NVIDIA\ntopics: [Chips]\n"
        "tags: [nvda, chips, Export rules]\ncategories: [Policy]\n---\n",
        vocabulary,
    )
    assert problems == []
    assert article.topics == ("Chips", "Export rules", "Policy")


def test_an_unregistered_topic_is_kept_whatever_the_company_is_called():
    """Found by the output properties: a company "-" and a topic "'" lost the topic."""
    article, _ = read("---\nstance: neutral\nsubject_company: '-'\ntopics: [\"'\", x]\n---\n")
    assert article.topics == ("'", "x")


def test_authors_keys_become_the_people_the_authors_file_names():
    ines = Person("Inés Duarte", "https://ines.example/")
    vocabulary = Vocabulary(DEFAULT_STANCES, authors={"ines": ines}, authors_file="b/.authors.yml")
    article, problems = read("---\nstance: neutral\nauthors: [ines, ghost]\n---\n", vocabulary)
    assert article.authors == (ines, Person("ghost"))
    assert len(problems) == 1 and "'ghost' is not in b/.authors.yml (known: ines)" in str(
        problems[0]
    )


def test_a_page_in_no_blog_has_no_authors_file_and_a_warning_lists_few_keys():
    text = "---\nstance: neutral\nauthors: [ghost]\n---\n"
    article, problems = read(text, Vocabulary(DEFAULT_STANCES))
    assert article.authors == (Person("ghost"),)
    assert "in no blog; name its authors with 'author'" in str(problems[0])
    many = {f"key{number}": Person(f"Name {number}") for number in range(10_000)}
    _, problems = read(text, Vocabulary(DEFAULT_STANCES, authors=many, authors_file="a.yml"))
    assert "(known: key0, key1," in str(problems[0]) and "key9 and 9,990 more)" in str(problems[0])


def test_topics_take_the_display_name_the_site_gives_them():
    topics = CompanyRegistry([Company("Compute supply"), Company("AI agents", ("agents",))])
    vocabulary = Vocabulary(DEFAULT_STANCES, REGISTRY, topics=topics)
    article, problems = read(
        "---\nstance: bullish\ntopics: [compute SUPPLY, Agents, agents, robotics]\n---\nBody\n",
        vocabulary,
    )
    assert problems == []
    # Any case or alias is the site's name; one topic once; a name it does not list as typed.
    assert article.topics == ("Compute supply", "AI agents", "robotics")
