from factories import post

from mkdocs_aicommentary.adapter.config import DEFAULT_STANCES
from mkdocs_aicommentary.model.articles import Article
from mkdocs_aicommentary.model.taxonomy import TERMS_PER_POST, TERMS_SHOWN, Taxonomy, crowded_posts


def test_most_used_spelling_is_shown():
    taxonomy = Taxonomy(
        [
            post("a", topics=["AI hardware"]),
            post("b", topics=["ai hardware"]),
            post("c", topics=["AI hardware"]),
        ],
        DEFAULT_STANCES,
    )
    term = taxonomy.term("topics", "ai hardware")
    assert (term.name, term.slug) == ("AI hardware", "ai-hardware")
    assert [t.name for t in taxonomy.terms("topics")] == ["AI hardware"]


def test_no_other_name_moves_a_public_url():
    alone = Taxonomy([post("a", topics=["C++"])], DEFAULT_STANCES).term("topics", "C++").slug
    for other in (
        post("b", topics=["C"], draft=True),
        post("b", topics=["C"]),
        post("b", topics=["C#"]),
    ):
        taxonomy = Taxonomy([post("a", topics=["C++"]), other], DEFAULT_STANCES)
        assert taxonomy.term("topics", "C++").slug == alone
        assert taxonomy.term("topics", other.topics[0]).slug != alone


def test_stances_use_configured_labels_and_keys():
    taxonomy = Taxonomy([post("a", stance="bullish")], {"bullish": "Optimistic"})
    assert taxonomy.term("stances", "bullish").name == "Optimistic"
    assert taxonomy.names_of(post("a", stance="bullish"), "stances") == ("bullish",)


def test_a_post_is_filed_under_its_terms_as_the_site_names_them():
    post = Article("posts/a.md", "A", stance="bullish", companies=("Nvidia",), topics=("ai",))
    other = Article("posts/b.md", "B", companies=("NVIDIA",), topics=("AI",))
    third = Article("posts/c.md", "C", companies=("NVIDIA",), topics=("AI",))
    taxonomy = Taxonomy([post, other, third], {"bullish": "Optimistic"})
    assert taxonomy.categories(post) == ["NVIDIA", "AI", "Optimistic"]
    many = Article("posts/d.md", "D", topics=tuple(f"topic {n}" for n in range(15)))
    assert len(Taxonomy([many], {}).categories(many)) == TERMS_SHOWN


def test_only_a_published_post_past_the_limit_is_warned_about_with_its_cost():
    pasted = tuple(f"topic {number}" for number in range(10_000))
    posts = [
        Article("posts/pasted.md", "Pasted", topics=pasted),
        Article("posts/draft.md", "Draft", topics=pasted, draft=True),
        Article("posts/fine.md", "Fine", topics=pasted[:TERMS_PER_POST]),
    ]
    (warning,) = crowded_posts(posts)
    assert warning.startswith("posts/pasted.md: names 10,000 companies and topics")
    assert "here 9,950, about 119 MB-189 MB of output and 10 s-30 s of build" in warning
    assert crowded_posts(posts[1:]) == []
