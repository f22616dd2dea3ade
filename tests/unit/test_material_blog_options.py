"""What Material's blog decides, read from its options as plain data."""

from datetime import datetime, timezone
from types import SimpleNamespace

from factories import billion_laughs

from mkdocs_aicommentary.adapter.config import AICommentaryConfig
from mkdocs_aicommentary.adapter.plain_options import date_format
from mkdocs_aicommentary.i18n.language import DateFormat
from mkdocs_aicommentary.model.articles import Person
from mkdocs_aicommentary.model.material_blog import Blog, Blogs, find_blogs

UTC = timezone.utc
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # As Blogs.now and article dates: aware.
BLOG_OPTIONS = {
    "enabled": True,
    "blog_dir": "blog",
    "post_dir": "{blog}/posts",
    "draft": False,
    "draft_on_serve": True,
    "draft_if_future_date": True,
    "authors": True,
    "authors_file": "{blog}/.authors.yml",
}


def test_the_blogs_draft_rule():
    blog = Blog("blog/posts", drafts_by_date=True)
    assert blog.is_draft(True, None, NOW)
    assert not blog.is_draft(False, datetime(2099, 1, 1, tzinfo=UTC), NOW)  # said so explicitly
    assert blog.is_draft(None, datetime(2099, 1, 1, tzinfo=UTC), NOW)  # scheduled
    assert not blog.is_draft(None, datetime(2026, 1, 1, tzinfo=UTC), NOW)
    assert not Blog("blog/posts").is_draft(None, datetime(2099, 1, 1, tzinfo=UTC), NOW)
    assert not Blog("blog/posts", publishes_drafts=True).is_draft(True, None, NOW)


def test_blogs_are_found_by_their_options_and_read_their_authors_file(tmp_path):
    (tmp_path / "blog").mkdir()
    (tmp_path / "blog/.authors.yml").write_text(
        "authors:\n  ines: {name: Inés, url: 'https://ines.example/'}\n"
        "  bad: {name: Bad, url: 'javascript:alert(1)'}\n"
    )
    other = SimpleNamespace(config={"lang": ["en"]})
    blog = SimpleNamespace(config=BLOG_OPTIONS, is_serve=False)
    blogs, problems = find_blogs([other, blog], str(tmp_path))
    assert problems == []
    (found,) = blogs.blogs
    assert found.post_dir == "blog/posts" and found.drafts_by_date
    assert found.owns("blog/posts/a.md") and not found.owns("blog/index.md")
    assert found.authors == {"ines": Person("Inés", "https://ines.example/"), "bad": Person("Bad")}
    assert found.authors_file == "blog/.authors.yml"


def test_drafts_previewed_by_serve_stay_drafts():
    serving = SimpleNamespace(config={**BLOG_OPTIONS, "draft": True}, is_serve=True)
    blogs, _ = find_blogs([serving], "/nonexistent")
    assert not blogs.blogs[0].publishes_drafts
    building = SimpleNamespace(config={**BLOG_OPTIONS, "draft": True}, is_serve=False)
    assert find_blogs([building], "/nonexistent")[0].blogs[0].publishes_drafts


def test_the_authors_the_blog_read_are_taken_without_parsing_the_file_again(tmp_path):
    """Material reads ``.authors.yml`` in its ``on_config`` and keeps it as ``authors``; the
    plugin takes that (one parse a build), here different from the file on disk."""
    (tmp_path / "blog").mkdir()
    (tmp_path / "blog/.authors.yml").write_text("authors:\n  ines: {name: From the file}\n")
    read_by_blog = {"ines": {"name": "Inés", "url": "https://ines.example/", "avatar": "a.png"}}
    blog = SimpleNamespace(config=BLOG_OPTIONS, is_serve=False, authors=read_by_blog)
    blogs, problems = find_blogs([blog], str(tmp_path))
    assert problems == []
    assert blogs.blogs[0].authors == {"ines": Person("Inés", "https://ines.example/")}


def test_an_authors_file_read_by_the_plugin_has_front_matters_bounds(tmp_path):
    (tmp_path / "blog").mkdir()
    (tmp_path / "blog/.authors.yml").write_text(billion_laughs("authors"))
    blogs, problems = find_blogs([SimpleNamespace(config=BLOG_OPTIONS)], str(tmp_path))
    assert blogs.blogs[0].authors == {}
    (problem,) = problems
    assert problem.startswith(".authors.yml: cannot be read (its aliases") and len(problem) < 200


def test_authors_carry_description_avatar_and_materials_profile_page():
    read_by_blog = {
        "ines": {
            "name": "Inés",
            "description": "Chips",
            "avatar": "https://avatars.example/ines.png",
            "slug": "ines-duarte",
        },
        "tomas": {"name": "Tomás", "avatar": "javascript:alert(1)", "description": " "},
    }
    options = {
        **BLOG_OPTIONS,
        "authors_profiles": True,
        "authors_profiles_url_format": "author/{slug}",
    }
    blog = SimpleNamespace(config=options, is_serve=False, authors=read_by_blog)
    authors = find_blogs([blog], "/nonexistent")[0].blogs[0].authors
    assert authors["ines"] == Person(
        "Inés", None, "Chips", "https://avatars.example/ines.png", "blog/author/ines-duarte.md"
    )
    assert authors["tomas"] == Person("Tomás", page="blog/author/tomas.md")


def test_without_profiles_or_with_a_format_the_blog_cannot_fill_there_is_no_profile_page():
    read_by_blog = {"ines": {"name": "Inés"}}
    for options in (
        BLOG_OPTIONS,
        {**BLOG_OPTIONS, "authors_profiles": False, "authors_profiles_url_format": "a/{slug}"},
        {**BLOG_OPTIONS, "authors_profiles": True, "authors_profiles_url_format": "a/{nope}"},
    ):
        blog = SimpleNamespace(config=options, is_serve=False, authors=read_by_blog)
        assert find_blogs([blog], "/nonexistent")[0].blogs[0].authors["ines"].page is None


def test_dates_follow_the_sites_format_then_the_blogs_then_the_language_file():
    plugin = SimpleNamespace(config={**BLOG_OPTIONS, "post_date_format": "medium"})
    blogs, _ = find_blogs([plugin], "docs")
    config = AICommentaryConfig()
    config.load_dict({})
    config.validate()
    material = {"name": "material", "language": "pt-BR"}
    assert date_format(config, material, blogs) == DateFormat(babel="medium", locale="pt-BR")
    assert date_format(config, material, Blogs()) is None
    config.date_format = "%d/%m/%Y"
    assert date_format(config, material, blogs) == DateFormat(strftime="%d/%m/%Y")
