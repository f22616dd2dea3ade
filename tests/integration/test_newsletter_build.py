"""The signup block in built sites: each provider's form, placement, opt-out, bad options."""

from __future__ import annotations

import json
from urllib.parse import urljoin, urlsplit

import pytest
from factories import article
from newsletter_cases import BEEHIIV_FORM_ID, MISSING_REQUIRED

POST = article(
    """
    title: The GPU maker's gambit
    date: 2026-11-20
    stance: skeptical
    subject_company: NVIDIA
    topics: [chips]
    """,
    "# The GPU maker's gambit\n\nFirst point.\n\nSecond point.\n\nThird point.\n\nFourth point.\n",
)
PAGES = {"index.md": "# Home\n\nNot a post.\n", "posts/gpu.md": POST}


def build_with(build_site, newsletter, pages=PAGES, **kwargs):
    site = build_site(pages, {"newsletter": newsletter}, strict=True, **kwargs)
    assert site.aborted is None, site.warnings
    return site


def block(site, url="posts/gpu/"):
    return site.page(url).select_one("section.aic-newsletter")


def form_fields(section):
    """(name, type, value) of every input the form posts."""
    return [
        (field["name"], field.get("type"), field.get("value"))
        for field in section.select("form input[name]")
    ]


# --- Each provider's form, as that provider documents it ---------------------------------------


def test_buttondown(build_site):
    site = build_with(build_site, {"provider": "buttondown", "username": "aiwatch", "tag": "blog"})
    section = block(site)
    form = section.form
    assert section["data-provider"] == "buttondown"
    assert form["action"] == "https://buttondown.com/api/emails/embed-subscribe/aiwatch"
    assert form["method"] == "post"
    assert form_fields(section) == [
        ("email", "email", None),
        ("embed", "hidden", "1"),
        ("tag", "hidden", "blog"),
        ("aic_website", "text", ""),
    ]


def test_kit(build_site):
    site = build_with(build_site, {"provider": "kit", "form_id": 7654321})
    form = block(site).form
    assert form["action"] == "https://app.kit.com/forms/7654321/subscriptions"
    assert form["method"] == "post"
    assert [name for name, _, _ in form_fields(block(site))] == ["email_address", "aic_website"]


def test_mailchimp(build_site):
    url = "https://acme.us21.list-manage.com/subscribe/post?u=4ae587a7&id=24e0f13e"
    site = build_with(build_site, {"provider": "mailchimp", "url": url})
    section = block(site)
    assert section.form["action"] == url
    assert section.form["method"] == "post"
    assert form_fields(section) == [("EMAIL", "email", None), ("b_4ae587a7_24e0f13e", "text", "")]
    trap = section.select_one(".aic-newsletter-trap")
    assert trap["aria-hidden"] == "true"
    assert trap.input["tabindex"] == "-1"


def test_custom_with_hidden_fields(build_site):
    site = build_with(
        build_site,
        {
            "action": "https://example.com/subscribe",
            "email_field": "addr",
            "hidden": {"list": "ai-weekly", "source": "blog"},
        },
    )
    section = block(site)
    assert section["data-provider"] == "custom"
    assert section.form["action"] == "https://example.com/subscribe"
    assert form_fields(section) == [
        ("addr", "email", None),
        ("list", "hidden", "ai-weekly"),
        ("source", "hidden", "blog"),
        ("aic_website", "text", ""),
    ]


def test_substack(build_site):
    site = build_with(build_site, {"provider": "substack", "publication": "aiwatch"})
    frame = block(site).iframe
    assert frame["src"] == "https://aiwatch.substack.com/embed"
    assert frame["loading"] == "lazy"
    assert "Substack" in frame["title"]
    assert block(site).form is None


def test_beehiiv(build_site):
    site = build_with(build_site, {"provider": "beehiiv", "form_id": BEEHIIV_FORM_ID})
    frame = block(site).iframe
    assert frame["src"] == f"https://embeds.beehiiv.com/{BEEHIIV_FORM_ID}"
    assert frame["loading"] == "lazy"
    assert frame["height"] == "320"
    assert "beehiiv" in frame["title"]


def test_ghost(build_site):
    site = build_with(
        build_site, {"provider": "ghost", "site": "https://news.example.com", "labels": ["blog"]}
    )
    script = block(site).script
    assert script["src"] == "https://cdn.jsdelivr.net/ghost/signup-form@~0.3/umd/signup-form.min.js"
    assert script["data-site"] == "https://news.example.com/"
    assert script["data-locale"] == "en"
    assert script["data-label-1"] == "blog"
    assert script.has_attr("async")
    fallback = block(site).select_one("noscript")
    assert "https://news.example.com/#/portal/signup" in str(fallback)


# --- The form itself --------------------------------------------------------------------------


def test_form_is_labelled_and_accessible(build_site):
    site = build_with(
        build_site,
        {
            "provider": "buttondown",
            "username": "aiwatch",
            "heading": "Get AI news in your inbox",
            "text": "Daily digest of what matters in AI",
            "privacy": "One email a day, no tracking.",
            "privacy_url": "privacy.md",
        },
        pages={**PAGES, "privacy.md": "# Privacy\n\nWe keep nothing.\n"},
    )
    section = block(site)
    assert section["aria-labelledby"] == section.h2["id"]
    assert section.h2.get_text() == "Get AI news in your inbox"
    assert section.select_one(".aic-newsletter-text").get_text() == (
        "Daily digest of what matters in AI"
    )
    email = section.select_one("input[type=email]")
    label = section.select_one(f"label[for='{email['id']}']")
    assert label.get_text() == "Email address"
    assert email.has_attr("required")
    assert email["autocomplete"] == "email"
    assert section.select_one("button[type=submit]").get_text() == "Subscribe"
    note = section.select_one(".aic-newsletter-note")
    assert email["aria-describedby"] == note["id"]
    assert note.get_text(" ", strip=True) == "One email a day, no tracking. Privacy policy"
    assert note.a["href"] == "../../privacy/"
    trap = section.select_one(".aic-newsletter-trap input")
    assert trap["autocomplete"] == "off"
    assert trap["tabindex"] == "-1"
    assert not section.form.has_attr("target")


def test_privacy_link_to_a_missing_page_warns(build_site):
    """The box is filled in after MkDocs checks links, so the plugin checks this one itself."""
    options = {"action": "https://example.com/s", "privacy_url": "legal/privacy.md#email"}
    site = build_site(PAGES, {"newsletter": options})
    assert any(
        "'privacy_url'" in warning and "legal/privacy.md" in warning for warning in site.warnings
    ), site.warnings
    assert block(site).select_one(".aic-newsletter-note a")["href"] == "../../legal/privacy/#email"
    pages = {**PAGES, "legal/privacy.md": "# Privacy\n\n## Email\n\nWe keep your address.\n"}
    assert build_with(build_site, options, pages).warnings == []


@pytest.mark.parametrize(
    ("privacy_url", "href"),
    [
        ("./privacy.md", "../../privacy/"),
        ("legal/../privacy.md", "../../privacy/"),
        ("/privacy.md", "../../privacy/"),
        ("privacy.md?from=signup#email", "../../privacy/?from=signup#email"),
        ("#signup-terms", "#signup-terms"),
    ],
)
def test_a_privacy_path_is_resolved_as_mkdocs_resolves_links(build_site, privacy_url, href):
    """Relative to docs_dir and normalised, the query and fragment kept; a fragment alone is a
    link within the page. None of them is a missing page, under --strict."""
    pages = {**PAGES, "privacy.md": "# Privacy\n\n## Email\n\nWe keep your address.\n"}
    options = {"action": "https://example.com/s", "privacy_url": privacy_url}
    site = build_with(build_site, options, pages)
    link = block(site).select_one(".aic-newsletter-note a")["href"]
    assert link == href
    landing = urljoin("https://x.example/posts/gpu/", link)
    if not href.startswith("#"):
        assert urlsplit(landing).path == "/privacy/" and site.exists("privacy/")


@pytest.mark.parametrize("privacy_url", ["../../etc/passwd", "legal/../../terms.md", "%2e%2e/x"])
def test_a_privacy_path_out_of_the_site_is_a_configuration_error(build_site, privacy_url):
    options = {"action": "https://example.com/s", "privacy_url": privacy_url}
    site = build_site(PAGES, {"newsletter": options})
    assert site.aborted is not None
    assert any("leads out of the site" in warning for warning in site.warnings), site.warnings


def test_new_tab(build_site):
    site = build_with(build_site, {"action": "https://example.com/s", "new_tab": True})
    form = block(site).form
    assert form["target"] == "_blank"
    assert form["rel"] == "noopener"


def test_everything_typed_is_escaped(build_site):
    evil = '<script>alert("x")</script>'
    site = build_with(
        build_site,
        {
            "action": 'https://example.com/s?a=1&b="><script>',
            "email_field": 'e"><script>',
            "hidden": {'n"><b>': 'v"><script>alert(1)</script>'},
            "heading": evil,
            "text": evil,
            "label": evil,
            "placeholder": '"><script>',
            "button": evil,
            "privacy": evil,
            "privacy_url": 'https://example.com/p"><script>',
        },
    )
    page = site.text("posts/gpu/index.html")
    start = page.index('<section class="aic-newsletter"')
    raw = page[start : page.index("</section>", start)]
    assert "<script>" not in raw
    assert "<b>" not in raw
    assert "&lt;script&gt;" in raw
    section = block(site)
    assert section.h2.get_text() == evil
    assert section.form["action"] == 'https://example.com/s?a=1&b="><script>'
    assert section.select_one("input[type=email]")["name"] == 'e"><script>'
    assert section.select_one("input[type=hidden]")["value"] == 'v"><script>alert(1)</script>'


def test_block_stays_out_of_search_and_toc(build_site):
    options = {"newsletter": {"action": "https://example.com/s", "heading": "Zebra heading"}}
    site = build_site(PAGES, strict=True, extra={"plugins": ["search", {"aicommentary": options}]})
    assert site.aborted is None, site.warnings
    assert block(site) is not None
    index = json.loads(site.text("search/search_index.json"))
    assert "Zebra" not in json.dumps(index)
    assert "Zebra" not in str(site.page("posts/gpu/").select_one(".bs-sidebar, nav"))


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_every_theme_gets_block_and_styles(build_site, theme):
    site = build_with(build_site, {"action": "https://example.com/s"}, theme=theme)
    assert block(site) is not None
    css = site.text("assets/aicommentary/aicommentary.css")
    assert ".aic-newsletter" in css
    assert any(
        link["href"].endswith("assets/aicommentary/aicommentary.css")
        for link in site.page("posts/gpu/").select("link[rel=stylesheet]")
    )


# --- Which pages ------------------------------------------------------------------------------


def test_no_newsletter_section_no_block_no_warning(build_site):
    site = build_site(PAGES, {}, strict=True)
    assert site.aborted is None
    assert site.warnings == []
    assert block(site) is None


def test_articles_only_by_default(build_site):
    site = build_with(build_site, {"action": "https://example.com/s"})
    assert block(site) is not None
    assert block(site, "") is None


def test_front_matter_opt_out_and_opt_in(build_site):
    pages = {
        **PAGES,
        "posts/quiet.md": article("title: Quiet\nstance: neutral\nnewsletter: false"),
        "about.md": "---\nnewsletter: true\n---\n# About\n\nWho we are.\n",
        "notes/a.md": "---\nnewsletter: false\n---\n# A note\n\n<!-- aicommentary:newsletter -->\n",
        "notes/b.md": "# B note\n\nText.\n",
    }
    site = build_with(build_site, {"action": "https://example.com/s", "pages": ["notes/*"]}, pages)
    assert block(site, "posts/quiet/") is None
    assert block(site, "about/") is not None
    assert block(site, "notes/a/") is None
    assert "aicommentary:newsletter" not in site.text("notes/a/index.html")
    assert block(site, "notes/b/") is not None


def test_bad_front_matter_value_warns(build_site):
    pages = {**PAGES, "posts/odd.md": article("title: Odd\nstance: neutral\nnewsletter: maybe")}
    site = build_site(pages, {"newsletter": {"action": "https://example.com/s"}})
    assert any("posts/odd.md" in w and "'newsletter'" in w for w in site.warnings)
    assert block(site, "posts/odd/") is not None


def test_index_pages_get_the_block_when_asked(build_site):
    """The plan's pages, generated or the author's own in their place; not any page that
    happens to sit in an index folder."""
    pages = {
        **PAGES,
        "topics/index.md": "# Topics\n\nAll topics.\n",
        "topics/notes.md": "# Notes\n\nHow we pick topics.\n",
        "insights/chips.md": "# Chips\n\nCompanies that make chips.\n",
    }
    plugin_index = {"companies": {"prefix": "insights"}}
    off = build_site(
        pages, {"newsletter": {"action": "https://example.com/s"}, "index": plugin_index}
    )
    assert block(off, "topics/") is None
    on = build_site(
        pages,
        {
            "newsletter": {"action": "https://example.com/s", "index_pages": True},
            "index": plugin_index,
        },
    )
    assert block(on, "topics/") is not None
    assert block(on, "insights/") is not None
    assert block(on, "insights/chips/") is None and block(on, "topics/notes/") is None
    assert block(on, "") is None


def _posts(count):
    return {
        f"posts/p{number}.md": article(
            f"title: Post {number}\ndate: 2026-01-{number + 1:02d}\nstance: skeptical\n"
            "subject_company: NVIDIA\ntopics: [chips]"
        )
        for number in range(count)
    }


def test_generated_index_pages_get_the_block_after_their_listing(build_site):
    pages = {"index.md": "# Home\n\nNot a post.\n", **_posts(3)}
    options = {"action": "https://example.com/s", "index_pages": True}
    site = build_site(
        pages, {"newsletter": options, "index": {"per_page": 2, "compact_per_page": 2}}, strict=True
    )
    assert site.aborted is None, site.warnings
    for url in (
        "topics/",
        "topics/chips/",
        "topics/chips/page/2/",
        "companies/nvidia/",
        "stances/skeptical/",
    ):
        children = top_level(site, url)
        assert "aic-newsletter" in children[-1]["class"], url
        assert len(site.page(url).select("section.aic-newsletter")) == 1, url
    listing = top_level(site, "topics/chips/")[-2]
    assert "aic-index" in listing["class"]
    assert block(site, "") is None


def test_an_authors_index_page_opts_out_with_its_continuation_pages(build_site):
    """``newsletter: false`` on companies/nvidia.md holds for page 2, 3... of its listing."""
    pages = {
        **_posts(5),
        "companies/nvidia.md": (
            "---\nnewsletter: false\n---\n# NVIDIA\n\nOur page.\n\n<!-- aicommentary:index -->\n"
        ),
        "topics/chips.md": "---\nnewsletter: true\n---\n# Chips\n\n<!-- aicommentary:index -->\n",
    }
    options = {"action": "https://example.com/s", "index_pages": True}
    site = build_site(
        pages, {"newsletter": options, "index": {"per_page": 2, "compact_per_page": 2}}, strict=True
    )
    assert site.aborted is None, site.warnings
    for url in ("companies/nvidia/", "companies/nvidia/page/2/", "companies/nvidia/page/3/"):
        assert site.exists(url), url
        assert block(site, url) is None, url
    assert block(site, "stances/skeptical/page/2/") is not None

    # And newsletter: true on page 1 brings the block to the listing's other pages.
    options["index_pages"] = False
    site = build_site(
        pages, {"newsletter": options, "index": {"per_page": 2, "compact_per_page": 2}}, strict=True
    )
    assert site.aborted is None, site.warnings
    for url in ("topics/chips/", "topics/chips/page/2/", "topics/chips/page/3/"):
        assert block(site, url) is not None, url
    assert block(site, "stances/skeptical/page/2/") is None


def test_articles_can_be_switched_off(build_site):
    site = build_with(
        build_site, {"action": "https://example.com/s", "articles": False, "pages": ["index.md"]}
    )
    assert block(site) is None
    assert block(site, "") is not None


# --- Where on the page ------------------------------------------------------------------------


def top_level(site, url="posts/gpu/"):
    main = site.page(url).select_one("[role=main]")
    return [child for child in main.find_all(recursive=False)]


def test_end_placement(build_site):
    site = build_with(build_site, {"action": "https://example.com/s"})
    children = top_level(site)
    assert "aic-newsletter" in children[-1]["class"]
    assert children[-2].get_text() == "Fourth point."


def test_after_paragraph(build_site):
    site = build_with(
        build_site,
        {"action": "https://example.com/s", "placement": "after_paragraph", "paragraph": 2},
    )
    children = top_level(site)
    where = next(i for i, c in enumerate(children) if "aic-newsletter" in c.get("class", []))
    assert children[where - 1].get_text() == "Second point."
    assert children[where + 1].get_text() == "Third point."


def test_marker_placement(build_site):
    pages = {
        **PAGES,
        "posts/marked.md": article(
            "title: Marked\nstance: bullish",
            "Intro.\n\n<!-- aicommentary:newsletter -->\n\nMiddle.\n\nEnd.\n",
        ),
    }
    site = build_with(build_site, {"action": "https://example.com/s", "placement": "marker"}, pages)
    assert block(site) is None  # no marker in that post
    children = top_level(site, "posts/marked/")
    where = next(i for i, c in enumerate(children) if "aic-newsletter" in c.get("class", []))
    assert children[where - 1].get_text() == "Intro."
    assert "aicommentary:newsletter" not in site.text("posts/marked/index.html")


def test_a_marker_gives_any_page_the_block_unless_it_says_no(build_site):
    pages = {
        **PAGES,
        "about.md": "# About\n\nWho we are.\n\n<!-- aicommentary:newsletter -->\n\nThanks.\n",
        "colophon.md": "---\nnewsletter: false\n---\n# Colophon\n<!-- aicommentary:newsletter -->",
    }
    site = build_with(build_site, {"action": "https://example.com/s"}, pages)
    children = top_level(site, "about/")
    where = next(i for i, c in enumerate(children) if "aic-newsletter" in c.get("class", []))
    assert children[where - 1].get_text() == "Who we are."
    assert children[where + 1].get_text() == "Thanks."
    assert block(site, "colophon/") is None
    assert "aicommentary:newsletter" not in site.text("colophon/index.html")


def test_marker_wins_over_end_placement(build_site):
    pages = {
        "posts/marked.md": article(
            "title: Marked\nstance: bullish",
            "Intro.\n\nText with <!-- aicommentary:newsletter --> inline.\n\nEnd.\n",
        ),
    }
    site = build_with(build_site, {"action": "https://example.com/s"}, pages)
    children = top_level(site, "posts/marked/")
    where = next(i for i, c in enumerate(children) if "aic-newsletter" in c.get("class", []))
    assert children[where + 1].get_text() == "End."
    assert len(site.page("posts/marked/").select("section.aic-newsletter")) == 1


def test_rebuild_does_not_repeat_block(build_site, tmp_path):
    root = tmp_path / "again"
    for _ in range(2):
        site = build_with(build_site, {"action": "https://example.com/s"}, root=root)
    assert len(site.page("posts/gpu/").select("section.aic-newsletter")) == 1


# --- Bad configuration ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("newsletter", "says"),
    [
        *MISSING_REQUIRED,
        ({"heading": "News"}, "choose a 'provider'"),
        ({"action": "javascript:alert(1)"}, "only https:// URLs are allowed, not javascript:"),
        ({"action": "http://example.com/s"}, "use https://"),
        ({"action": "/subscribe"}, "must be an absolute URL starting with https://"),
        ({"action": "https://[::1/subscribe"}, "not a valid URL"),
        ({"provider": "ghost", "site": "https://news.example.com:0x50/"}, "not a valid URL"),
        (
            {"provider": "mailchimp", "url": "https://acme.us1.list-manage.com/subscribe/post"},
            "both the 'u' and the 'id'",
        ),
        ({"provider": "kit", "form_id": "abc"}, "number from your Kit form's action URL"),
        (
            {"provider": "kit", "form_id": 1, "username": "me"},
            "'username' is not used by provider 'kit'",
        ),
        ({"action": "https://e.com/s", "paragraph": 0}, "is 0; write a whole number of 1 or more"),
        ({"action": "https://e.com/s", "privacy_url": "javascript:x"}, "'privacy_url'"),
        # Browsers read href="\\evil.example" as //evil.example: another site.
        ({"action": "https://e.com/s", "privacy_url": "\\evil.example"}, "'privacy_url'"),
        ({"action": "https://e.com/s", "privacy_url": "http://e.com/p"}, "use https://"),
        ({"action": "https://e.com/s", "button": " "}, "is empty; readers need it"),
    ],
)
def test_bad_configuration_is_a_plugin_error(build_site, newsletter, says):
    site = build_site(PAGES, {"newsletter": newsletter})
    assert site.aborted is not None
    assert any(says in message and "newsletter" in message for message in site.warnings), (
        site.warnings
    )


def test_unknown_provider_and_option_are_config_errors(build_site):
    site = build_site(PAGES, {"newsletter": {"provider": "myspace"}})
    assert site.aborted is not None
    assert any("myspace" in message for message in site.warnings)
    typo = build_site(PAGES, {"newsletter": {"action": "https://e.com/s", "placment": "end"}})
    assert any("placment" in message for message in typo.warnings)
