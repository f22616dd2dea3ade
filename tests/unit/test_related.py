"""The related-articles ranking on small hand-built sites where the right answer is clear."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from factories import post

from mkdocs_aicommentary.features.related.pins import resolve_pins
from mkdocs_aicommentary.features.related.ranking import RelatedIndex, RelatedOptions, Weights, rank
from mkdocs_aicommentary.features.related.words import TextCache, strip_markup, tokenize
from mkdocs_aicommentary.i18n.language import stop_words
from mkdocs_aicommentary.model.articles import Article, Vocabulary
from mkdocs_aicommentary.model.front_matter import read_article, split_front_matter

EXPORT_TEXT = """
Washington tightened export controls on accelerators again. Export licences for datacenter
accelerators now cover more countries, and the chipmaker says its export revenue will dip.
"""
CHIPS_TEXT = """
Accelerator supply stays tight: packaging capacity, high-bandwidth memory and licences decide
how many datacenter accelerators ship this quarter.
"""
WEIGHTS_TEXT = """
Open weights let anyone fine-tune the model. Releasing weights under a permissive licence
invites tinkering, and researchers can audit what open models learned.
"""
BREAD_TEXT = """
Sourdough needs a lively starter, patience and a hot oven. Fold the dough gently and let it
rest overnight before baking the loaf.
"""


def corpus() -> list[Article]:
    return [
        post("export-a", 0, stance="bullish", companies=("NVIDIA",),
             topics=("AI chips", "export controls"), body=EXPORT_TEXT),
        post("export-b", 3, stance="bullish", companies=("NVIDIA",),
             topics=("AI chips", "export controls"), body=EXPORT_TEXT + CHIPS_TEXT),
        post("supply", 10, stance="bearish", companies=("NVIDIA",), topics=("AI chips",),
             body=CHIPS_TEXT),
        post("open-weights", 5, stance="neutral", companies=("Mistral",),
             topics=("open-source AI",), body=WEIGHTS_TEXT),
        post("open-weights-2", 40, stance="bullish", companies=("Meta",),
             topics=("open-source AI",), body=WEIGHTS_TEXT),
        post("sourdough", 2, stance="neutral", companies=("Bakery",), topics=("bread",),
             body=BREAD_TEXT),
        post("draft-export", 1, stance="bearish", companies=("NVIDIA",),
             topics=("AI chips", "export controls"), body=EXPORT_TEXT, draft=True),
    ]  # fmt: skip


def paths(entries) -> list[str]:
    return [entry.article.src_path for entry in entries]


def test_posts_on_the_same_company_and_topic_rank_each_other_first():
    boxes = rank(corpus())
    assert paths(boxes["posts/export-a.md"])[0] == "posts/export-b.md"
    assert paths(boxes["posts/export-b.md"])[0] == "posts/export-a.md"
    first = boxes["posts/export-a.md"][0]
    assert first.companies == ("NVIDIA",)
    assert first.topics == ("AI chips", "export controls")
    assert first.similar_text


def test_an_unrelated_post_never_appears_and_gets_no_box():
    boxes = rank(corpus())
    assert "posts/sourdough.md" not in boxes
    assert all("posts/sourdough.md" not in paths(box) for box in boxes.values())


def test_drafts_are_never_listed_and_the_article_never_lists_itself():
    boxes = rank(corpus())
    for source, box in boxes.items():
        assert "posts/draft-export.md" not in paths(box)
        assert source not in paths(box)
    # A draft previewed under `mkdocs serve` still gets a box of public posts.
    assert paths(boxes["posts/draft-export.md"])[0] in {"posts/export-a.md", "posts/export-b.md"}


def test_counterpoint_is_the_best_post_on_the_same_company_with_another_stance():
    box = rank(corpus())["posts/export-a.md"]
    last = box[-1]
    assert last.counterpoint
    assert last.article.src_path == "posts/supply.md"
    assert last.article.stance == "bearish"
    assert last.companies == ("NVIDIA",)
    assert [entry for entry in box if entry.counterpoint] == [last]


def test_counterpoint_keeps_its_place_when_it_ranks_anyway():
    box = rank(corpus())["posts/supply.md"]  # Bearish; both other NVIDIA posts are bullish.
    assert paths(box) == ["posts/export-b.md", "posts/export-a.md"]
    assert [entry.counterpoint for entry in box] == [True, False]


def test_counterpoint_takes_the_last_slot_when_its_score_is_too_low():
    articles = [
        post("source", stance="bullish", companies=("Acme",), topics=("x", "y")),
        post("close", 1, stance="bullish", companies=("Acme",), topics=("x", "y")),
        post("closer", 2, stance="bullish", companies=("Acme",), topics=("x",)),
        post("against", 3, stance="bearish", companies=("Acme",)),
        *(post(f"filler-{n}", 9, topics=(f"z{n}",)) for n in range(6)),
    ]
    assert paths(
        rank(articles, RelatedOptions(count=2, counterpoint=False))["posts/source.md"]
    ) == [
        "posts/close.md",
        "posts/closer.md",
    ]
    box = rank(articles, RelatedOptions(count=2))["posts/source.md"]
    assert paths(box) == ["posts/close.md", "posts/against.md"]
    assert box[1].counterpoint


def test_counterpoint_needs_a_shared_company_and_can_be_switched_off():
    # The open-source posts share a topic but no company: no counterpoint between them.
    box = rank(corpus())["posts/open-weights.md"]
    assert paths(box) == ["posts/open-weights-2.md"]
    assert not box[0].counterpoint
    plain = rank(corpus(), RelatedOptions(counterpoint=False))["posts/export-a.md"]
    assert not any(entry.counterpoint for entry in plain)


def test_a_company_weight_of_zero_still_finds_the_other_side():
    box = rank(corpus(), RelatedOptions(weights=Weights(companies=0.0)))["posts/export-a.md"]
    assert box[-1].counterpoint and box[-1].article.src_path == "posts/supply.md"
    assert box[-1].companies == ("NVIDIA",)  # Still named as the reason.


def test_no_counterpoint_when_it_would_take_the_only_slot():
    box = rank(corpus(), RelatedOptions(count=1))["posts/export-a.md"]
    assert paths(box) == ["posts/export-b.md"]
    assert not box[0].counterpoint


def test_stance_alone_relates_nothing():
    articles = [
        post("a", body="Quarterly numbers beat estimates.", stance="bullish", companies=("X",)),
        post("b", body="A ship sails at dawn.", stance="bullish", companies=("Y",)),
    ]
    assert rank(articles) == {}


def test_a_rare_topic_outweighs_a_common_one():
    articles = [
        post("source", topics=("LLMs", "chip design")),
        post("common", 1, topics=("LLMs",)),
        post("rare", 30, topics=("chip design",)),
        *(post(f"filler-{n}", 2 + n, topics=("LLMs",)) for n in range(5)),
        *(post(f"other-{n}", 2 + n, topics=(f"subject {n}",)) for n in range(12)),
    ]
    box = RelatedIndex(articles).related(articles[0])
    assert paths(box)[0] == "posts/rare.md"
    assert box[0].score > box[1].score


def test_a_topic_on_too_many_posts_relates_nothing():
    articles = [post(f"p{n}", n, topics=("AI",)) for n in range(12)]
    assert rank(articles) == {}
    # Below the cut-off (a share of all posts, never fewer than 10 posts) it counts.
    assert rank(articles[:9])["posts/p0.md"]


def test_min_score_leaves_weak_matches_out():
    articles = corpus()
    loose = rank(articles, RelatedOptions(min_score=0.0))["posts/export-a.md"]
    strict = rank(articles, RelatedOptions(min_score=1.5))["posts/export-a.md"]
    assert len(strict) < len(loose)
    assert all(entry.score >= 1.5 for entry in strict)


def test_recency_breaks_ties_but_does_not_make_posts_related():
    source = post("source", 0, companies=("Acme",))
    near, far = post("near", 2, companies=("Acme",)), post("far", 300, companies=("Acme",))
    box = RelatedIndex([source, far, near]).related(source)
    assert paths(box) == ["posts/near.md", "posts/far.md"]
    assert box[0].score > box[1].score
    only_recent = [source, post("same-day", 0, companies=("Other",))]
    assert rank(only_recent) == {}


def test_ties_break_the_same_way_whatever_the_input_order():
    source = post("source", 10, companies=("Acme",))
    before, after = post("before", 8, companies=("Acme",)), post("after", 12, companies=("Acme",))
    twins = [post(f"twin-{n}", 20, companies=("Acme",)) for n in range(3)]
    articles = [source, before, after, *twins]
    expected = rank(articles)
    # Equally far in time: the newer post first; same date: by path, the later one first.
    assert paths(expected["posts/source.md"])[:2] == ["posts/after.md", "posts/before.md"]
    for seed in range(5):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        assert rank(shuffled) == expected


def test_pins_come_first_in_the_authors_order():
    articles = corpus()
    pins = {"posts/export-a.md": ("posts/sourdough.md", "posts/open-weights.md")}
    box = rank(articles, pins=pins)["posts/export-a.md"]
    assert paths(box)[:3] == [
        "posts/sourdough.md",
        "posts/open-weights.md",
        "posts/export-b.md",
    ]
    assert [entry.pinned for entry in box[:3]] == [True, True, False]
    assert len(box) == 4  # Pins count towards `count`; the counterpoint keeps the last slot.
    assert box[-1].counterpoint


def test_a_page_with_related_false_gets_no_box_but_is_still_listed():
    articles = corpus()
    articles[1] = replace(articles[1], related=False)
    boxes = rank(articles)
    assert "posts/export-b.md" not in boxes
    assert paths(boxes["posts/export-a.md"])[0] == "posts/export-b.md"


def test_weights_change_what_counts():
    articles = [
        post("source", companies=("Acme",), topics=("robots",)),
        post("same-company", 1, companies=("Acme",)),
        post("same-topic", 1, topics=("robots",)),
    ]
    by_company = rank(articles, RelatedOptions(weights=Weights(companies=2, topics=0.5)))
    by_topic = rank(articles, RelatedOptions(weights=Weights(companies=0.5, topics=2)))
    assert paths(by_company["posts/source.md"])[0] == "posts/same-company.md"
    assert paths(by_topic["posts/source.md"])[0] == "posts/same-topic.md"


def test_names_match_whatever_their_case_and_spacing():
    articles = [
        post("a", companies=("OpenAI",), topics=("AI  Safety",)),
        post("b", 1, companies=("openai",), topics=("ai safety",)),
    ]
    entry = rank(articles)["posts/a.md"][0]
    assert entry.companies == ("OpenAI",)  # As the page being read spells it.
    assert entry.topics == ("AI  Safety",)


def test_text_alone_relates_posts_with_similar_wording():
    filler = [
        post(f"f{n}", n, body=f"Entry {n} about gardening and {n} tomatoes.") for n in range(4)
    ]
    articles = [
        post("a", body=EXPORT_TEXT),
        post("b", 5, body=EXPORT_TEXT + "More on export licences."),
        *filler,
    ]
    entry = rank(articles)["posts/a.md"][0]
    assert entry.article.src_path == "posts/b.md"
    assert entry.similar_text and not entry.companies and not entry.topics


def test_undated_posts_are_ranked_too():
    articles = [
        post("a", companies=("Acme",), date=None),
        post("b", companies=("Acme",), date=None),
        post("c", companies=("Acme",)),
    ]
    boxes = rank(articles)
    assert set(paths(boxes["posts/a.md"])) == {"posts/b.md", "posts/c.md"}
    assert set(paths(boxes["posts/c.md"])) == {"posts/a.md", "posts/b.md"}


def test_the_window_bounds_the_work_on_long_lists():
    # 200 posts on one company: a post only meets its neighbours in date order.
    articles = [post(f"p{n:03d}", n, companies=("Acme",)) for n in range(200)]
    index = RelatedIndex(articles, RelatedOptions(window=5))
    scores, _ = index.scores(articles[100])
    assert sorted(index.public.posts[post_id].src_path for post_id in scores) == [
        f"posts/p{n:03d}.md" for n in (95, 96, 97, 98, 99, 101, 102, 103, 104, 105)
    ]


def test_the_text_cache_counts_each_body_once_and_forgets_removed_posts():
    cache = TextCache()
    articles = corpus()
    bodies = len({article.body for article in articles})
    first = rank(articles, cache=cache)
    assert cache.misses == bodies == len(cache)
    assert rank(articles, cache=cache) == first
    assert cache.misses == bodies  # The second build counted no words.
    edited = [replace(articles[0], body=articles[0].body + "\nOne more line.\n"), *articles[1:]]
    rank(edited, cache=cache)
    assert cache.misses == bodies + 1
    rank(edited[:3], cache=cache)
    assert len(cache) == 3  # Only the bodies still on the site are kept.


def test_the_text_cache_recounts_when_the_stop_words_change():
    """A site whose language changes under ``mkdocs serve`` gets its new stop words at once."""
    cache = TextCache()
    articles = [post("a", body="Über die Chips und die Preise."), post("b", body="Weiter so.")]
    rank(articles, cache=cache)
    assert "und" in cache.counts(articles[0].body)
    german = RelatedOptions(stop_words=stop_words("de"))
    rank(articles, german, cache=cache)
    assert cache.counts(articles[0].body) == {"chips": 1, "preise": 1}
    assert cache.stop_words == stop_words("de")


def test_a_german_sites_ranking_ignores_german_function_words():
    """Two German posts alike only in "und", "der", "die": English's words count them as
    alike, German's do not, while posts alike in what they say stay related."""
    glue = " und der die das mit für nicht auch eine"
    articles = [
        post("a", body="Chipexporte Lizenzen Rechenzentren" + glue),
        post("b", 1, body="Sauerteig Backofen Roggenmehl" + glue),
        post("c", 2, body="Chipexporte Lizenzen Halbleiter"),
        post("d", 3, body="Gartenbau Tomaten Bohnen"),
    ]
    english = rank(articles)
    german = rank(articles, RelatedOptions(stop_words=stop_words("de")))
    assert "posts/b.md" in [entry.article.src_path for entry in english["posts/a.md"]]
    assert [entry.article.src_path for entry in german["posts/a.md"]] == ["posts/c.md"]
    assert "posts/b.md" not in german
    assert tokenize("Der Export und die Lizenzen", stop_words("de")) == {
        "export": 1,
        "lizenzen": 1,
    }


def test_tokenize_counts_prose_words_only():
    body = """
# Export rules

The `secret_function` call and [a link](https://example.com/hidden-path) <span>tagged</span>.
Visit www.example.org today. Chips, chips and CHIPS!

```python
invisible_code = 1
```
"""
    counts = tokenize(body)
    assert counts["chips"] == 3
    assert counts["export"] == 1 and counts["link"] == 1 and counts["tagged"] == 1
    for hidden in ("secret_function", "hidden", "https", "span", "invisible_code", "example"):
        assert hidden not in counts
    for stop in ("the", "and"):
        assert stop not in counts
    assert "a" not in counts  # Words under three letters never count.
    assert tokenize("Künstliche Intelligenz, künstliche") == {"künstliche": 2, "intelligenz": 1}


def test_words_keep_their_digits_but_numbers_are_no_words():
    counts = tokenize("The H100 and GPT4o, in 2026; see https://a.example and http://b.example.")
    assert counts["h100"] == 1 and counts["gpt4o"] == 1
    for hidden in ("https", "http", "example", "the", "and"):
        assert hidden not in counts
    # Posts that share only numbers are not alike in wording: numbers never become terms.
    filler = [post(f"f{n}", n, body=f"Gardening tomatoes {n} beans") for n in range(4)]
    articles = [post("a", body="Revenue 2026 31337 forecast"), post("b", body="Rain 2026 31337")]
    index = RelatedIndex([*articles, *filler])
    assert "2026" not in index.text.idf and "31337" not in index.text.idf
    assert "posts/a.md" not in rank([*articles, *filler])


def test_markup_is_removed_wherever_it_starts():
    body = (
        "```\nhiddencode\n```\nIntro words.\n  ~~~python\nhiddentilde\n  ~~~\n"
        "[label]: https://hidden.example/definition\n"
        "An ![hiddenalt](hiddenimage.png) and [shown text][label] and www.hidden.org/x.\n"
        "Unclosed\n```\nshowncode"
    )
    counts = tokenize(body)
    assert {"intro", "words", "shown", "text", "unclosed", "showncode"} <= counts.keys()
    assert not any(word.startswith("hidden") for word in counts), counts
    assert "label" not in counts and "definition" not in counts


def test_strip_markup_keeps_link_text():
    assert "Read the paper" in strip_markup("[Read the paper](paper.pdf){: .button }")
    assert "paper.pdf" not in strip_markup("[Read the paper](paper.pdf)")


class TestResolvePins:
    @staticmethod
    def site(*links: str) -> list[Article]:
        return [
            post("a", related=tuple(links)),
            post("b"),
            Article("notes/c.md", "C"),
            post("secret", draft=True),
        ]

    def test_links_resolve_like_markdown_links(self):
        pins, problems = resolve_pins(self.site("b.md", "../notes/c.md#part", "/posts/b.md"))
        assert pins == {"posts/a.md": ("posts/b.md", "notes/c.md")}
        assert problems == []

    def test_escaped_characters_are_read_as_markdown_links_read_them(self):
        articles = [*self.site("my%20notes.md", "../posts/my%20notes.md"), post("my notes")]
        pins, problems = resolve_pins(articles)
        assert pins == {"posts/a.md": ("posts/my notes.md",)}
        assert problems == []

    def test_a_path_from_the_docs_folder_also_works(self):
        pins, problems = resolve_pins(self.site("notes/c.md"))
        assert pins == {"posts/a.md": ("notes/c.md",)}
        assert problems == []

    @pytest.mark.parametrize(
        ("link", "expected"),
        [
            ("missing.md", "no post exists at that path"),
            ("secret.md", "posts/secret.md is a draft"),
            ("a.md", "cannot be related to itself"),
            ("https://example.com/post", "no post exists at that path"),
        ],
    )
    def test_bad_links_are_reported_with_file_and_link(self, link, expected):
        pins, problems = resolve_pins(self.site(link))
        assert pins == {}
        assert len(problems) == 1
        message = str(problems[0])
        assert message.startswith("posts/a.md: front matter field 'related'")
        assert repr(link) in message
        assert expected in message


class TestFrontMatter:
    @staticmethod
    def read(front_matter: str) -> tuple[Article, list[str]]:
        text = f"---\nstance: bullish\n{front_matter}\n---\n\nBody.\n"
        vocabulary = Vocabulary(stances={"bullish": "Bullish"})
        article, problems = read_article(
            "posts/a.md", split_front_matter("posts/a.md", text), vocabulary
        )
        return article, [str(problem) for problem in problems]

    def test_related_defaults_to_a_box_without_pins(self):
        article, problems = self.read("")
        assert article.shows_related and article.related_pins == () and problems == []

    def test_related_false_hides_the_box(self):
        article, problems = self.read("related: false")
        assert not article.shows_related and article.related_pins == () and problems == []

    def test_related_lists_pins_in_order_without_duplicates(self):
        article, problems = self.read("related: [b.md, ' ../c.md ', b.md, '']")
        assert article.shows_related
        assert article.related_pins == ("b.md", "../c.md")
        assert problems == []
        assert self.read("related: b.md")[0].related_pins == ("b.md",)

    def test_a_bad_related_value_is_reported_and_ignored(self):
        article, problems = self.read("related: {b.md: 1}")
        assert article.shows_related and article.related_pins == ()
        assert len(problems) == 1
        assert problems[0].startswith("posts/a.md: front matter field 'related'")
        assert "expected false, or a list of links" in problems[0]


def test_the_config_section_becomes_the_ranking_options():
    from mkdocs_aicommentary.adapter.config import AICommentaryConfig
    from mkdocs_aicommentary.adapter.plain_options import related_options

    config = AICommentaryConfig()
    config.load_dict({"related": {"count": 6, "window": 40, "weights": {"text": 0}}})
    errors, _ = config.validate()
    assert errors == []
    options = related_options(config, "en")
    assert (options.count, options.window, options.text_window) == (6, 40, 20)
    assert options.weights == Weights(companies=1.0, topics=0.8, text=0.0, recency=0.2)
    assert options.min_score == RelatedOptions().min_score
