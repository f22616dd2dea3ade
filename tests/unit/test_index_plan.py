"""Which index pages exist, what each lists, and in what order."""

from factories import post

from mkdocs_aicommentary.adapter.config import DEFAULT_STANCES
from mkdocs_aicommentary.core.index_charts import charts_for, company_bars, stance_bars
from mkdocs_aicommentary.core.index_plan import (
    listed,
    nav_sections,
    page_markdown,
    pager,
    plan,
)
from mkdocs_aicommentary.html.links import IndexKind
from mkdocs_aicommentary.html.literal_headings import decode
from mkdocs_aicommentary.model.taxonomy import Taxonomy

SECTIONS = [
    IndexKind("companies", "companies", "Companies"),
    IndexKind("topics", "topics", "Topics"),
    IndexKind("stances", "stances", "Stances"),
]


def make_plan(articles, per_page=20, author_pages=(), sections=SECTIONS, compact_per_page=None):
    """The plan of ``articles``; later pages hold ``per_page`` posts too unless told."""
    taxonomy = Taxonomy(articles, DEFAULT_STANCES)
    return plan(
        articles,
        taxonomy,
        sections,
        per_page=per_page,
        compact_per_page=compact_per_page or per_page,
        author_page=lambda src: src if src in author_pages else None,
        stance_order=list(DEFAULT_STANCES),
    ), taxonomy


def srcs(index_plan):
    return [page.src_path for page in index_plan.pages]


def test_listing_is_newest_first_then_title_and_skips_drafts():
    articles = [
        post("old", 1, companies=("NVIDIA",)),
        post("zeta", 5, companies=("NVIDIA",)),
        post("alpha", 5, companies=("NVIDIA",)),
        post("undated", companies=("NVIDIA",), date=None),
        post("hidden", 9, companies=("NVIDIA",), draft=True),
    ]
    index_plan, _ = make_plan(articles)
    nvidia = index_plan.page("companies/nvidia/index.md")
    assert [a.title for a in nvidia.entries] == ["Alpha", "Zeta", "Old", "Undated"]
    assert [a.title for a in listed(articles)] == ["Alpha", "Zeta", "Old", "Undated"]


def test_terms_of_drafts_only_get_no_page_and_no_overview_entry():
    articles = [
        post("public", 1, companies=("NVIDIA",), topics=("Chips",), stance="bullish"),
        post(
            "secret", 2, companies=("SecretCo",), topics=("Rumours",), stance="bearish", draft=True
        ),
    ]
    index_plan, _ = make_plan(articles)
    assert srcs(index_plan) == [
        "companies/nvidia/index.md",
        "companies/index.md",
        "topics/chips/index.md",
        "topics/index.md",
        "stances/bullish/index.md",
        "stances/index.md",
    ]
    overview = index_plan.page("companies/index.md")
    assert [(item.term.name, item.count) for item in overview.terms] == [("NVIDIA", 1)]


def test_a_kind_with_no_public_terms_has_no_overview_and_disabled_kinds_nothing():
    articles = [post("a", 1, companies=("NVIDIA",))]
    index_plan, _ = make_plan(articles, sections=SECTIONS[:1])
    assert srcs(index_plan) == ["companies/nvidia/index.md", "companies/index.md"]
    index_plan, _ = make_plan(articles)
    assert "topics/index.md" not in srcs(index_plan)
    assert "stances/index.md" not in srcs(index_plan)


def test_pages_of_a_long_listing():
    articles = [post(f"p{day}", day, topics=("Agents",)) for day in range(1, 6)]
    index_plan, _ = make_plan(articles, per_page=2, sections=SECTIONS[1:2])
    pages = [page for page in index_plan.pages if not page.is_overview]
    assert [page.src_path for page in pages] == [
        "topics/agents/index.md",
        "topics/agents/page/2/index.md",
        "topics/agents/page/3/index.md",
    ]
    assert [[a.title for a in page.entries] for page in pages] == [
        ["P5", "P4"],
        ["P3", "P2"],
        ["P1"],
    ]
    assert [page.title for page in pages] == ["Agents", "Agents (page 2)", "Agents (page 3)"]
    overview = index_plan.page("topics/index.md")
    assert overview.terms[0].count == 5


def test_page_one_in_full_then_the_rest_compact_five_times_as_many_a_page():
    articles = [post(f"p{day}", day, topics=("Agents",), stance="bullish") for day in range(1, 13)]
    index_plan, _ = make_plan(articles, per_page=2, compact_per_page=4)
    topic = [page for page in index_plan.pages if page.kind == "topics" and page.term]
    assert [(len(page.entries), page.compact) for page in topic] == [
        (2, False),
        (4, True),
        (4, True),
        (2, True),
    ]
    assert [a for page in topic for a in page.entries] == sorted(
        articles, key=lambda a: a.date, reverse=True
    )
    # A stance lists a large share of every post: compact from its first page.
    stance = [page for page in index_plan.pages if page.kind == "stances" and page.term]
    assert [(len(page.entries), page.compact) for page in stance] == [
        (4, True),
        (4, True),
        (4, True),
    ]


def test_pager_links_and_gaps():
    articles = [post(f"p{day}", day, topics=("Agents",)) for day in range(1, 21)]
    index_plan, _ = make_plan(articles, per_page=2, sections=SECTIONS[1:2])
    pages = [page for page in index_plan.pages if not page.is_overview]
    first = pager(pages[0])
    assert first.previous is None
    assert first.next == "topics/agents/page/2/index.md"
    assert [number for number, _ in first.numbers] == [1, 2, 3, 0, 10]
    middle = pager(pages[5])
    assert middle.previous == "topics/agents/page/5/index.md"
    assert middle.next == "topics/agents/page/7/index.md"
    assert [number for number, _ in middle.numbers] == [1, 0, 4, 5, 6, 7, 8, 0, 10]
    assert dict(middle.numbers)[6] is None  # The current page is not a link.
    assert dict(middle.numbers)[1] == "topics/agents/index.md"
    assert pager(pages[9]).next is None


def test_single_page_listing_has_no_pager():
    index_plan, _ = make_plan([post("a", 1, topics=("Agents",))])
    assert pager(index_plan.page("topics/agents/index.md")) is None


def test_author_page_is_used_in_place_of_a_generated_one():
    articles = [post(f"p{day}", day, companies=("NVIDIA",)) for day in range(1, 4)]
    index_plan, _ = make_plan(
        articles, per_page=2, author_pages={"companies/nvidia/index.md"}, sections=SECTIONS[:1]
    )
    assert index_plan.page("companies/nvidia/index.md").generated is False
    assert index_plan.page("companies/nvidia/page/2/index.md").generated is True
    assert index_plan.page("companies/index.md").generated is True


def test_author_page_beside_the_folder_counts_too():
    articles = [post("a", 1, companies=("NVIDIA",))]
    taxonomy = Taxonomy(articles, DEFAULT_STANCES)
    index_plan = plan(
        articles,
        taxonomy,
        SECTIONS[:1],
        per_page=20,
        author_page=lambda src: (
            "companies/nvidia.md" if src == "companies/nvidia/index.md" else None
        ),
    )
    assert index_plan.page("companies/nvidia.md") is not None
    assert index_plan.term_src(taxonomy.term("companies", "NVIDIA")) == "companies/nvidia.md"
    overview = index_plan.page("companies/index.md")
    assert overview.terms[0].src_path == "companies/nvidia.md"


def test_stances_follow_the_configured_order():
    articles = [
        post("a", 1, stance="neutral"),
        post("b", 2, stance="bullish"),
        post("c", 3, stance="bearish"),
    ]
    index_plan, _ = make_plan(articles, sections=SECTIONS[2:])
    assert srcs(index_plan) == [
        "stances/bullish/index.md",
        "stances/bearish/index.md",
        "stances/neutral/index.md",
        "stances/index.md",
    ]


def test_generated_markdown_holds_the_name_only_as_a_literal_heading():
    name = "<script>*AT&T*</script> [x](y) #1 ==x=="
    articles = [post("a", 1, companies=(name,))]
    index_plan, _ = make_plan(articles, sections=SECTIONS[:1])
    text = page_markdown(index_plan.pages[0])
    heading, rest = text.split("\n", 1)
    assert heading.startswith("# ")
    assert decode(heading.removeprefix("# ")) == name
    assert rest.strip() == "<!-- aicommentary:index -->"


def test_stance_bars_count_every_stance_and_the_unstated():
    articles = [
        post("a", 1, stance="bullish"),
        post("b", 2, stance="bullish"),
        post("c", 3, stance="mixed"),
        post("d", 4),
    ]
    bars = stance_bars(articles, DEFAULT_STANCES)
    assert [(bar.label, bar.count, bar.stance) for bar in bars] == [
        ("Bullish", 2, "bullish"),
        ("Bearish", 0, "bearish"),
        ("Skeptical", 0, "skeptical"),
        ("Neutral", 0, "neutral"),
        ("Mixed", 1, "mixed"),
        ("No stance", 1, None),
    ]


def test_company_bars_rank_by_count_then_name_and_count_the_rest():
    articles = [
        post("a", 1, companies=("Zeta", "Alpha")),
        post("b", 2, companies=("Zeta",)),
        post("c", 3, companies=("Beta",)),
    ]
    taxonomy = Taxonomy(articles, DEFAULT_STANCES)
    bars, more = company_bars(articles, taxonomy, limit=2)
    assert [(bar.label, bar.count) for bar in bars] == [("Zeta", 2), ("Alpha", 1)]
    assert more == 1


def test_charts_only_on_the_first_page_of_companies_and_stances():
    articles = [post(f"p{day}", day, companies=("NVIDIA",), stance="bullish") for day in (1, 2, 3)]
    index_plan, taxonomy = make_plan(articles, per_page=2)
    company = charts_for(index_plan.page("companies/nvidia/index.md"), taxonomy, DEFAULT_STANCES)
    assert [chart.name for chart in company] == ["stances", "months"]
    assert company[0].rows[0].count == 3
    later = index_plan.page("companies/nvidia/page/2/index.md")
    assert charts_for(later, taxonomy, DEFAULT_STANCES) == []
    stance = charts_for(index_plan.page("stances/bullish/index.md"), taxonomy, DEFAULT_STANCES)
    assert [(row.full_label, row.count) for row in stance[0].rows] == [("NVIDIA", 3)]


def test_nav_sections_list_overview_then_terms_in_topics_companies_stances_order():
    articles = [
        post("a", 1, companies=("NVIDIA", "AMD"), topics=("Chips",), stance="bullish"),
        post("b", 2, companies=("AMD",)),
    ]
    index_plan, _ = make_plan(articles, per_page=1)
    assert nav_sections(index_plan, SECTIONS) == [
        ("Topics", ["topics/index.md", "topics/chips/index.md"]),
        (
            "Companies",
            ["companies/index.md", "companies/amd/index.md", "companies/nvidia/index.md"],
        ),
        ("Stances", ["stances/index.md", "stances/bullish/index.md"]),
    ]


def test_a_listing_knows_since_when_and_an_overview_its_articles_and_each_terms_newest():
    articles = [
        post("old", 1, companies=("NVIDIA",), topics=("Chips",)),
        post("new", 9, companies=("NVIDIA", "AMD"), topics=("Chips",)),
        post("undated", companies=("AMD",), date=None),
    ]
    index_plan, _ = make_plan(articles)
    nvidia = index_plan.page("companies/nvidia/index.md")
    assert nvidia.since == articles[0].date  # The oldest dated one.
    assert index_plan.page("companies/amd/index.md").since == articles[1].date
    overview = index_plan.page("companies/index.md")
    assert overview.article_count == 3  # Each post once, however many companies it names.
    assert [(item.term.name, item.newest) for item in overview.terms] == [
        ("AMD", articles[1].date),
        ("NVIDIA", articles[1].date),
    ]
    assert index_plan.page("topics/index.md").article_count == 2


def test_min_posts_leaves_rarer_companies_and_topics_without_a_page_but_never_stances():
    articles = [
        post("a", 1, companies=("NVIDIA",), topics=("Chips", "Rumours"), stance="bearish"),
        post("b", 2, companies=("NVIDIA", "AMD"), topics=("Chips",), stance="bullish"),
    ]
    taxonomy = Taxonomy(articles, DEFAULT_STANCES)
    index_plan = plan(articles, taxonomy, SECTIONS, per_page=20, min_posts=2)
    assert srcs(index_plan) == [
        "companies/nvidia/index.md",
        "companies/index.md",
        "topics/chips/index.md",
        "topics/index.md",
        "stances/bullish/index.md",
        "stances/bearish/index.md",
        "stances/index.md",
    ]
    assert index_plan.term_src(taxonomy.term("companies", "AMD")) is None
    overview = index_plan.page("topics/index.md")
    assert [(item.term.name, item.count) for item in overview.terms] == [("Chips", 2)]
