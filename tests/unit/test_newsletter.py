"""Provider options -> form descriptions, URL checks, page choice and placement (no build)."""

from __future__ import annotations

import pytest
from newsletter_cases import BEEHIIV_FORM_ID, MISSING_REQUIRED

from mkdocs_aicommentary.features.newsletter import (
    GHOST_SCRIPT,
    page_wants_block,
    resolve_provider,
    signup_form,
)
from mkdocs_aicommentary.features.newsletter_links import (
    NewsletterError,
    check_link,
    check_url,
    missing_privacy_page,
    privacy_target,
)

# --- URL checks -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/subscribe",
        "https://example.com:8443/a?b=c",
        "http://localhost:8000/subscribe",
        "http://127.0.0.1:54321/s",
        "http://[::1]:9000/",
    ],
)
def test_accepted_urls(url):
    assert check_url(url, "action") == url


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("javascript:alert(1)", "not javascript: URLs"),
        ("JavaScript:alert(1)", "not javascript: URLs"),
        ("data:text/html,hi", "not data: URLs"),
        ("ftp://example.com/x", "not ftp: URLs"),
        ("http://example.com/subscribe", "use https://"),
        ("http://localhost.evil.com/", "use https://"),
        ("//example.com/subscribe", "absolute URL starting with https://"),
        ("/subscribe", "absolute URL starting with https://"),
        ("example.com/subscribe", "absolute URL starting with https://"),
        ("https:///nohost", "absolute URL starting with https://"),
        (" https://example.com/", "spaces"),
        ("https://example.com/\nx", "spaces"),
        ("https://user:pw@example.com/", "user name or password"),
        ("", "must be an absolute https:// URL"),
        (None, "must be an absolute https:// URL"),
        ("https://[::1/subscribe", "not a valid URL"),
        ("https://example.com:99999/subscribe", "not a valid URL"),
        ("https://example.com:port/subscribe", "not a valid URL"),
    ],
)
def test_refused_urls(url, says):
    with pytest.raises(NewsletterError, match="'action'") as error:
        check_url(url, "action")
    assert says in str(error.value)


def test_privacy_links():
    assert check_link("https://example.com/privacy", "privacy_url")
    assert check_link("/privacy/", "privacy_url") == "/privacy/"
    with pytest.raises(NewsletterError, match="privacy_url"):
        check_link("javascript:alert(1)", "privacy_url")
    with pytest.raises(NewsletterError, match="not a valid URL"):
        check_link("https://[example.com/privacy", "privacy_url")
    assert privacy_target("privacy.md", True) == "privacy/"
    assert privacy_target("/legal/privacy.md#cookies", False) == "legal/privacy.html#cookies"
    assert privacy_target("https://example.com/p", True) == "https://example.com/p"


@pytest.mark.parametrize(
    "url",
    [
        "\\\\evil.example",  # browsers read \\ in a link as //: another host
        "/\\evil.example",
        "privacy\\page.md",
        "//evil.example/privacy",
        "http://example.com/privacy",  # leaves the site without https
        "privacy.md\tx",
        "../privacy.md",  # out of docs_dir: on a site served from a folder, another site's
        "legal/../../x.md",
        "%2E%2E/x",  # browsers read it as ..
        "/..",
        "#",  # names nothing
        "?",
    ],
)
def test_a_privacy_link_never_leaves_the_site_unless_it_is_https(url):
    with pytest.raises(NewsletterError, match="'privacy_url'"):
        check_link(url, "privacy_url")


def test_a_privacy_link_to_a_page_the_site_lacks_is_reported():
    site = {"privacy.md"}.__contains__
    assert missing_privacy_page("/privacy.md#email", site) is None
    assert missing_privacy_page("https://example.com/privacy.md", site) is None
    assert missing_privacy_page("/privacy/", site) is None  # a URL path: nothing to look up
    assert missing_privacy_page(None, site) is None
    problem = missing_privacy_page("legal/privacy.md#email", site)
    assert problem is not None
    assert "'privacy_url'" in problem and "no page legal/privacy.md" in problem


def test_a_privacy_path_is_the_page_mkdocs_would_resolve_it_to():
    site = {"privacy.md", "index.md"}.__contains__
    for url in ("./privacy.md", "legal/../privacy.md", "privacy.md?x=1#email", "privacy.md#"):
        assert missing_privacy_page(url, site) is None, url
    problem = missing_privacy_page("legal/privacy.md?x=1", site)
    assert problem is not None and "no page legal/privacy.md" in problem
    assert privacy_target("./index.md?x=1", True) == "./?x=1"  # the home page, not this one
    assert privacy_target("?x=1", True) == "?x=1"
    assert privacy_target("legal/..", True) == "./"
    assert privacy_target("legal/./", True) == "legal/"
    assert privacy_target("Datenschutz%20&%20mehr.md", False) == "Datenschutz%20%26%20mehr.html"


# --- Providers --------------------------------------------------------------------------------


def test_only_an_action_means_custom():
    assert resolve_provider({"action": "https://example.com/s"}).name == "custom"


def test_no_provider_and_no_action_says_what_to_add():
    with pytest.raises(NewsletterError, match=r"choose a 'provider'.*or give the 'action'"):
        resolve_provider({"heading": "News"})


def test_buttondown():
    form = signup_form({"provider": "buttondown", "username": "aiwatch", "tag": "site"})
    assert form.kind == "form"
    assert form.action == "https://buttondown.com/api/emails/embed-subscribe/aiwatch"
    assert form.method == "post"
    assert form.email_field == "email"
    assert form.hidden == (("embed", "1"), ("tag", "site"))
    assert form.honeypot == "aic_website"


def test_kit_takes_a_number():
    form = signup_form({"provider": "kit", "form_id": 1234567})
    assert form.action == "https://app.kit.com/forms/1234567/subscriptions"
    assert form.email_field == "email_address"
    assert form.honeypot == "aic_website"
    with pytest.raises(NewsletterError, match="number from your Kit form's action URL"):
        signup_form({"provider": "kit", "form_id": "86bb906577"})


def test_mailchimp_uses_its_own_honeypot():
    form = signup_form(
        {
            "provider": "mailchimp",
            "url": "https://acme.us21.list-manage.com/subscribe/post?u=abc123&id=def456&f_id=00aa",
        }
    )
    assert form.action == (
        "https://acme.us21.list-manage.com/subscribe/post?u=abc123&id=def456&f_id=00aa"
    )
    assert form.email_field == "EMAIL"
    assert form.honeypot == "b_abc123_def456"
    assert form.hidden == ()


def test_mailchimp_url_copied_from_the_embed_html():
    url = "https://acme.us21.list-manage.com/subscribe/post?u=abc123&amp;id=def456"
    form = signup_form({"provider": "mailchimp", "url": url})
    assert form.action == "https://acme.us21.list-manage.com/subscribe/post?u=abc123&id=def456"


def test_mailchimp_hosted_form_url_becomes_the_post_url():
    form = signup_form(
        {"provider": "mailchimp", "url": "https://acme.us21.list-manage.com/subscribe?u=a1&id=b2"}
    )
    assert form.action == "https://acme.us21.list-manage.com/subscribe/post?u=a1&id=b2"


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("https://example.com/subscribe/post?u=a&id=b", "action URL of Mailchimp's embedded"),
        ("https://acme.us21.list-manage.com/subscribe/post?u=a", "both the 'u' and the 'id'"),
        ('https://acme.us21.list-manage.com/subscribe/post?u=a&id=b"x', "both the 'u'"),
        ("http://acme.us21.list-manage.com/subscribe/post?u=a&id=b", "use https://"),
    ],
)
def test_mailchimp_bad_urls(url, says):
    with pytest.raises(NewsletterError, match="'url'") as error:
        signup_form({"provider": "mailchimp", "url": url})
    assert says in str(error.value)


def test_substack_iframe():
    form = signup_form({"provider": "substack", "publication": "aiwatch"})
    assert form.kind == "iframe"
    assert form.frame_src == "https://aiwatch.substack.com/embed"
    assert form.frame_height == 320
    custom = signup_form({"provider": "substack", "publication": "https://news.example.com/"})
    assert custom.frame_src == "https://news.example.com/embed"
    with pytest.raises(NewsletterError, match="Substack subdomain"):
        signup_form({"provider": "substack", "publication": "ai watch"})


def test_beehiiv_iframe():
    form = signup_form({"provider": "beehiiv", "form_id": BEEHIIV_FORM_ID.upper(), "height": 160})
    assert form.frame_src == f"https://embeds.beehiiv.com/{BEEHIIV_FORM_ID}"
    assert form.frame_height == 160
    with pytest.raises(NewsletterError, match="the end of your beehiiv embed URL"):
        signup_form({"provider": "beehiiv", "form_id": "../../evil"})


def test_ghost_script():
    form = signup_form(
        {
            "provider": "ghost",
            "site": "https://news.example.com",
            "labels": ["site", "ai"],
            "button_color": "#FF1A75",
        }
    )
    assert form.kind == "script"
    assert form.script_src == GHOST_SCRIPT
    assert dict(form.script_data) == {
        "button-color": "#FF1A75",
        "site": "https://news.example.com/",
        "locale": "en",
        "label-1": "site",
        "label-2": "ai",
    }
    assert form.fallback_url == "https://news.example.com/#/portal/signup"
    with pytest.raises(NewsletterError, match="CSS colour"):
        signup_form({"provider": "ghost", "site": "https://x.io", "button_color": "red;x:y"})


def test_custom_form():
    form = signup_form(
        {
            "action": "https://example.com/subscribe",
            "method": "GET",
            "email_field": "addr",
            "hidden": {"list": 7, "double_opt_in": True},
            "honeypot_field": "nickname",
        }
    )
    assert form.provider == "custom"
    assert (form.action, form.method, form.email_field) == (
        "https://example.com/subscribe",
        "get",
        "addr",
    )
    assert form.hidden == (("list", "7"), ("double_opt_in", "true"))
    assert form.fields == ("addr", "list", "double_opt_in", "nickname")


@pytest.mark.parametrize(
    ("options", "says"),
    [
        *MISSING_REQUIRED,
        ({"provider": "myspace"}, "choose one of buttondown, kit"),
        (
            {"provider": "buttondown", "username": "https://buttondown.com/me"},
            "give your Buttondown username",
        ),
        (
            {"provider": "buttondown", "username": "me", "form_id": 3},
            "'form_id' is not used by provider 'buttondown' (it belongs to kit and beehiiv)",
        ),
        ({"action": "https://e.com/s", "method": "put"}, "use post or get"),
        ({"action": "javascript:alert(1)"}, "not javascript: URLs"),
        (
            {"action": "https://e.com/s", "email_field": "email", "hidden": {"email": "x"}},
            "need different names",
        ),
        ({"provider": "ghost", "site": "http://news.example.com"}, "use https://"),
    ],
)
def test_bad_options(options, says):
    with pytest.raises(NewsletterError) as error:
        signup_form(options)
    assert says in str(error.value)


# --- Which pages ------------------------------------------------------------------------------


def test_articles_by_default_and_front_matter_wins():
    assert page_wants_block("posts/a.md", {}, is_article=True) == (True, None)
    assert page_wants_block("about.md", {}, is_article=False) == (False, None)
    assert page_wants_block("posts/a.md", {"newsletter": False}, is_article=True) == (False, None)
    assert page_wants_block("about.md", {"newsletter": True}, is_article=False) == (True, None)
    assert page_wants_block("posts/a.md", {}, is_article=True, articles=False) == (False, None)


def test_index_pages_and_globs():
    index_page = {"is_article": False, "is_index_page": True}
    assert page_wants_block("topics/index.md", {}, **index_page, index_pages=True)[0]
    assert not page_wants_block("topics/index.md", {}, **index_page)[0]
    assert not page_wants_block("topics/notes.md", {}, is_article=False, index_pages=True)[0]
    assert page_wants_block("about.md", {}, is_article=False, patterns=["about.md"])[0]
    assert page_wants_block("about.md", {}, is_article=False, marked=True)[0]
    assert not page_wants_block("about.md", {"newsletter": False}, is_article=False, marked=True)[0]
    assert page_wants_block("notes/x.md", {}, is_article=False, patterns=["notes/*"])[0]


def test_a_bad_front_matter_value_is_reported_and_ignored():
    wanted, problem = page_wants_block("posts/a.md", {"newsletter": "no"}, is_article=True)
    assert wanted is True
    assert problem is not None
    assert "posts/a.md" in problem and "'newsletter'" in problem and "true or false" in problem
