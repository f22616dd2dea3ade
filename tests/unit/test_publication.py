"""The core decides without MkDocs: posts, what is published, index pages, related posts and
feeds' items, from plain pages."""

import json
import subprocess
import sys
import textwrap
from dataclasses import replace

from mkdocs_aicommentary.core.publication import (
    DRAFT,
    NOT_IN_NAV,
    Publication,
    PublicationOptions,
    SignupRules,
)
from mkdocs_aicommentary.features.excerpts import excerpt
from mkdocs_aicommentary.features.reading_time import ReadingSpeed
from mkdocs_aicommentary.features.related.ranking import RelatedOptions, rank
from mkdocs_aicommentary.model.articles import Vocabulary
from mkdocs_aicommentary.model.front_matter import FrontMatterCache
from mkdocs_aicommentary.model.images import PageImage
from mkdocs_aicommentary.model.material_blog import Blog, Blogs
from mkdocs_aicommentary.model.taxonomy import Taxonomy

STANCES = {"bullish": "Bullish", "bearish": "Bearish"}

WHOLE_PLAN = textwrap.dedent(
    """
    import json, sys
    from mkdocs_aicommentary.model.articles import Vocabulary
    from mkdocs_aicommentary.model.front_matter import FrontMatterCache
    from mkdocs_aicommentary.features.feeds import article_feed
    from mkdocs_aicommentary.core.index_plan import plan
    from mkdocs_aicommentary.html.links import IndexKind
    from mkdocs_aicommentary.core.publication import Publication, PublicationOptions
    from mkdocs_aicommentary.features.related.ranking import rank
    from mkdocs_aicommentary.model.taxonomy import Taxonomy

    def page(title, day, stance, *companies, draft=False):
        return (
            f"---\\ntitle: {title}\\ndate: 2026-03-{day:02}\\nstance: {stance}\\n"
            f"subject_company: [{', '.join(companies)}]\\ntopics: [chips]\\ndraft: {draft}\\n---\\n"
            f"Words about {title} and export rules.\\n"
        )

    pages = [
        ("posts/a.md", page("Alpha", 1, "bullish", "NVIDIA")),
        ("posts/b.md", page("Beta", 2, "bearish", "NVIDIA", "AMD")),
        ("posts/c.md", page("Gamma", 3, "bullish", "AMD")),
        ("posts/draft.md", page("Draft", 4, "bullish", "NVIDIA", draft=True)),
        ("posts/left-out.md", page("Left out", 5, "bearish", "NVIDIA")),
        ("about.md", "# About\\n"),
    ]
    stances = {"bullish": "Bullish", "bearish": "Bearish"}
    publication = Publication(PublicationOptions(patterns=("posts/*",), site_url="https://x.test/"))
    inclusions, problems = publication.read_posts(
        ((src, text, True) for src, text in pages), Vocabulary(stances), FrontMatterCache()
    )
    published = publication.publish(lambda src: src != "posts/left-out.md")
    taxonomy = Taxonomy(publication.articles.values(), stances)
    sections = [IndexKind(kind, kind, kind.title()) for kind in ("companies", "archive")]
    index_plan = plan(published.values(), taxonomy, sections, per_page=20)
    related = rank(publication.ranked())
    feed = article_feed(
        title="T", description="D", site_url="https://x.test/", page_url="", folder="",
        articles=index_plan.page("archive/index.md").articles,
        url_of=lambda src: src.removesuffix(".md") + "/", limit=10, taxonomy=taxonomy,
    )
    print(json.dumps({
        "posts": sorted(publication.articles),
        "inclusions": inclusions,
        "problems": problems,
        "published": sorted(published),
        "pages": {p.src_path: [a.src_path for a in p.articles] for p in index_plan.pages},
        "related": {src: [r.article.src_path for r in box] for src, box in related.items()},
        "feed": [item.url for item in feed.items],
        "mkdocs_imported": any(name.split(".")[0] == "mkdocs" for name in sys.modules),
    }))
    """
)


def test_the_whole_plan_runs_from_plain_pages_without_mkdocs():
    run = subprocess.run(
        [sys.executable, "-c", WHOLE_PLAN], capture_output=True, text=True, check=True
    )
    result = json.loads(run.stdout)
    assert result["mkdocs_imported"] is False
    assert result["posts"] == [
        "posts/a.md",
        "posts/b.md",
        "posts/c.md",
        "posts/draft.md",
        "posts/left-out.md",
    ]
    assert result["inclusions"] == {"posts/draft.md": DRAFT}
    assert result["problems"] == []
    assert result["published"] == ["posts/a.md", "posts/b.md", "posts/c.md"]
    newest_first = ["posts/c.md", "posts/b.md", "posts/a.md"]
    assert result["pages"]["archive/index.md"] == newest_first
    assert result["pages"]["companies/nvidia/index.md"] == ["posts/b.md", "posts/a.md"]
    assert result["pages"]["companies/amd/index.md"] == ["posts/c.md", "posts/b.md"]
    recommended = {src for box in result["related"].values() for src in box}
    assert recommended <= set(result["published"])  # Never a draft, never a post left out.
    assert "posts/draft.md" in result["related"]  # Its preview under serve has a box.
    assert result["feed"] == [f"https://x.test/{src.removesuffix('.md')}/" for src in newest_first]


def test_posts_out_of_the_nav_and_blog_posts_keep_the_blogs_inclusion():
    blog = Blog(post_dir="blog/posts", drafts_by_date=False)
    publication = Publication(
        PublicationOptions(patterns=("posts/*", "blog/posts/*"), articles_in_nav=False),
        blogs=Blogs((blog,)),
    )
    pages = [
        ("posts/a.md", "---\ntitle: A\n---\n", True),
        ("posts/b.md", "---\ntitle: B\ndraft: true\n---\n", True),
        ("blog/posts/c.md", "---\ntitle: C\ndraft: true\n---\n", True),
        ("posts/unreadable.md", None, True),
    ]
    inclusions, _ = publication.read_posts(pages, Vocabulary(STANCES), FrontMatterCache())
    assert inclusions == {"posts/a.md": NOT_IN_NAV, "posts/b.md": DRAFT}
    assert publication.articles["blog/posts/c.md"].draft  # The blog judged it.


def test_the_nav_folder_is_where_most_published_posts_live():
    publication = Publication(PublicationOptions(patterns=("*/*",), articles_in_nav=False))
    pages = [
        (f"{folder}/{n}.md", "---\ntitle: T\n---\n", True)
        for folder, n in [("posts", 1), ("posts", 2), ("notes", 3)]
    ]
    publication.read_posts(pages, Vocabulary(STANCES), FrontMatterCache())
    publication.publish(lambda src: True)
    assert publication.posts_folder() == "posts"
    with_nav = Publication(PublicationOptions(articles_in_nav=False, has_nav=True))
    assert with_nav.posts_folder() is None


def test_a_post_without_authors_is_by_the_site_author_in_its_head():
    publication = Publication(
        PublicationOptions(
            patterns=("posts/*",), site_name="S", site_url="https://x.test/", site_author="Ada"
        )
    )
    publication.read_posts(
        [("posts/a.md", "---\ntitle: A\ndate: 2026-03-01\n---\nText.\n", True)],
        Vocabulary(STANCES),
        FrontMatterCache(),
    )
    taxonomy = Taxonomy(publication.articles.values(), STANCES)
    json_ld, meta = publication.head("posts/a.md", "posts/a/", taxonomy, "<head></head>")
    assert json.loads(json_ld or "")["author"] == {"@type": "Person", "name": "Ada"}
    # Open Graph wants a profile URL for an author, never a name: none is known here.
    assert "article:author" not in {tag.key for tag in meta}
    with_page = publication.head(
        "posts/a.md", "posts/a/", taxonomy, "<head></head>", lambda person: "authors/ada/"
    )
    assert json.loads(with_page[0] or "")["author"]["url"] == "https://x.test/authors/ada/"
    assert ("article:author", "https://x.test/authors/ada/") in {
        (tag.key, tag.content) for tag in with_page[1]
    }
    assert publication.head("about.md", "about/", taxonomy, "<head></head>") == (None, [])


def test_a_post_with_a_stance_is_commentary_and_one_without_a_blog_post():
    publication = Publication(
        PublicationOptions(patterns=("posts/*",), site_name="S", site_author="The Desk")
    )
    publication.read_posts(
        [
            ("posts/view.md", "---\ntitle: A view\nstance: bearish\n---\nText.\n", True),
            ("posts/howto.md", "---\ntitle: How to\nsubject_company: X\n---\nText.\n", True),
        ],
        Vocabulary(STANCES),
        FrontMatterCache(),
    )
    taxonomy = Taxonomy(publication.articles.values(), STANCES)
    view = json.loads(publication.head("posts/view.md", "posts/view/", taxonomy, "")[0] or "")
    howto = json.loads(publication.head("posts/howto.md", "posts/howto/", taxonomy, "")[0] or "")
    assert (view["@type"], howto["@type"]) == ("OpinionNewsArticle", "BlogPosting")
    organization = replace(publication.options, site_author_type="Organization")
    newsroom = replace(publication, options=organization)
    author = json.loads(newsroom.head("posts/view.md", "posts/view/", taxonomy, "")[0] or "")
    assert author["author"] == {"@type": "Organization", "name": "The Desk"}


def test_later_pages_of_a_listing_follow_page_one_and_leave_it_the_warning():
    publication = Publication(PublicationOptions(signup=SignupRules(index_pages=True)))
    page_one = {"newsletter": "maybe"}
    wanted, problem = publication.wants_signup(
        "topics/x/index.md",
        page_one,
        marked=False,
        is_index_page=True,
        first_page=None,
        front_matter_of=lambda src: {},
    )
    assert wanted and problem is not None
    wanted, problem = publication.wants_signup(
        "topics/x/page/2/index.md",
        {},
        marked=False,
        is_index_page=True,
        first_page="topics/x/index.md",
        front_matter_of=lambda src: {"newsletter": False},
    )
    assert (wanted, problem) == (False, None)


def test_the_publishers_logo_is_a_url_or_a_path_in_the_site():
    def logo(value):
        options = PublicationOptions(site_name="S", site_url="https://x.test/ledger/", logo=value)
        return Publication(options).publisher().logo

    assert logo("assets/logo.png") == logo("/assets/logo.png")
    assert logo("assets/logo.png") == "https://x.test/ledger/assets/logo.png"
    assert logo("https://cdn.example/logo.png") == "https://cdn.example/logo.png"
    assert logo(None) is None


def what_is_read(publication):
    """What the build reads from each post's body after ranking, by source path."""
    return {
        src: (
            excerpt(article),
            article.heading_is_title,
            publication.lead_image(src),
            publication.reading_time(src),
        )
        for src, article in publication.articles.items()
    }


def test_bodies_let_go_after_ranking_leave_every_answer_read_from_them():
    def post(title: str, image: str, body: str) -> str:
        return (
            f"---\ntitle: {title}\nstance: bullish\nimage: {image}\n"
            f"subject_company: [NVIDIA]\ntopics: [chips]\n---\n{body}"
        )

    pages = [
        ("posts/a.md", post("Alpha", "a.png", "# Alpha\n\n" + "Chips and export rules. " * 120)),
        ("posts/b.md", post("Beta", "b.png", "Export rules, chips.\n\n![Chart](b.png)\n")),
    ]
    options = PublicationOptions(
        patterns=("posts/*",), related=RelatedOptions(), reading_speed=ReadingSpeed()
    )
    publication = Publication(options)
    publication.read_posts(
        ((src, text, True) for src, text in pages), Vocabulary(STANCES), FrontMatterCache()
    )
    publication.publish(lambda src: True)
    publication.own_images = {src: PageImage(src[:-3] + ".png", "") for src, _ in pages}
    ranking = rank(publication.ranked(), options.related)
    before = what_is_read(publication)
    publication._minutes.clear()  # Counted again as bodies are let go.

    kept = publication.let_go_of_bodies(ranking)

    assert all(article.body == "" for article in publication.articles.values())
    assert publication.published == publication.articles
    after = what_is_read(publication)
    assert after == before
    assert before["posts/a.md"][1:] == (True, PageImage("posts/a.png", ""), 2)
    assert before["posts/b.md"][2] is None  # Its body shows the image itself.
    shown = [entry.article for box in kept.values() for entry in box]
    assert shown and all(article.body == "" for article in shown)


def test_the_front_matter_cache_gives_the_body_of_the_text_it_is_asked_with():
    cache = FrontMatterCache()
    text = "---\ntitle: A\n---\nThe body.\n"
    first = cache.split("a.md", text)
    again = cache.split("a.md", text)
    assert (again.meta, again.body) == (first.meta, "The body.\n")
