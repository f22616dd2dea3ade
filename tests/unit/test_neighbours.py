"""Which plugins beside this one cover its ground, and what it leaves to them (plain data)."""

from mkdocs_aicommentary.adapter.neighbours import find_neighbours
from mkdocs_aicommentary.core.publication import (
    Publication,
    PublicationOptions,
    left_to_neighbours,
)
from mkdocs_aicommentary.model.articles import Article
from mkdocs_aicommentary.model.material_blog import Blog, Blogs
from mkdocs_aicommentary.model.neighbours import Neighbours


def plugin(module: str, **options: object) -> object:
    """A plugin object as MkDocs holds it: its class's module and its options."""
    cls = type("Plugin", (), {"__module__": module})
    instance = cls()
    instance.config = {"enabled": True, **options}  # type: ignore[attr-defined]
    return instance


def test_plugins_are_recognised_by_their_package_under_any_name():
    found = find_neighbours(
        [
            plugin("material.plugins.blog.plugin"),
            plugin("material.plugins.tags.plugin", tags=True, tags_name_property="labels"),
            plugin("mkdocs_rss_plugin.plugin"),
            plugin("mkdocs.contrib.search"),
        ]
    )
    assert found == Neighbours(
        blog=True, tag_field="labels", tag_context="tags", site_feed_by="mkdocs-rss-plugin"
    )


def test_switched_off_plugins_cover_nothing():
    found = find_neighbours(
        [
            plugin("material.plugins.blog.plugin", enabled=False),
            plugin("material.plugins.tags.plugin", tags=True, export_only=True),
            plugin("mkdocs_rss_plugin.plugin", enabled=False),
        ]
    )
    assert found == Neighbours()


def test_an_unset_option_steps_aside_and_a_set_one_is_kept():
    assert left_to_neighbours(None, covered=True) is False
    assert left_to_neighbours(None, covered=False) is None
    assert left_to_neighbours(True, covered=True) is True
    assert left_to_neighbours(False, covered=False) is False


def category_page(name: str) -> str:
    return f"blog/category/{name.lower().replace(' ', '-')}.md"


BLOG = Blog(
    "blog/posts",
    category_page=category_page,
    category_titles={"blog/category/software.md": "Developer tooling"},
)


def test_a_category_goes_by_the_title_of_its_page():
    assert BLOG.category_name("Software") == "Developer tooling"
    assert BLOG.category_name("Strategy") == "Strategy"  # No page of the site's own.
    assert Blog("blog/posts").category_name("Software") == "Software"  # categories: false


def publication(header_topics: str, neighbours: Neighbours) -> Publication:
    options = PublicationOptions(header_topics=header_topics, neighbours=neighbours)
    post = Article("blog/posts/a.md", "A", topics=("kernels", "Open Models", "Developer tooling"))
    return Publication(options, blogs=Blogs((BLOG,)), articles={post.src_path: post})


META = {"tags": ["open models"], "categories": ["Software"]}
TAGS = Neighbours(blog=True, tag_field="tags")


def test_the_header_leaves_out_what_the_page_shows():
    left_out = publication("auto", TAGS).topics_left_out("blog/posts/a.md", META)
    assert left_out == {"open models", "developer tooling"}
    # The blog's excerpts draw no chips: only the categories are shown there.
    excerpt = publication("auto", TAGS).topics_left_out("blog/posts/a.md", META, tag_chips=False)
    assert excerpt == {"developer tooling"}
    # Without the tags plugin the tags are the header's to show.
    assert publication("auto", Neighbours()).topics_left_out("blog/posts/a.md", META) == {
        "developer tooling"
    }


def test_tags_the_page_hides_are_the_headers_to_show():
    meta = {**META, "hide": ["toc", "tags"]}
    assert publication("auto", TAGS).topics_left_out("blog/posts/a.md", meta) == {
        "developer tooling"
    }


def test_all_and_none_say_it_outright():
    assert publication("all", TAGS).topics_left_out("blog/posts/a.md", META) == frozenset()
    none = publication("none", TAGS).topics_left_out("blog/posts/a.md", META)
    assert none == {"kernels", "open models", "developer tooling"}


def test_pages_that_are_not_posts_leave_nothing_out():
    assert publication("auto", TAGS).topics_left_out("about.md", META) == frozenset()


def test_all_articles_leads_to_the_blogs_index_unless_that_is_the_page_itself():
    blogs = Blogs((Blog("posts", index_page="index.md"),))
    publication = Publication(PublicationOptions(), blogs=blogs)
    assert publication.every_post_page("about.md") == "index.md"
    assert publication.every_post_page("index.md") is None
    assert Publication(PublicationOptions()).every_post_page("index.md") is None
