"""A site built in each built-in language shows none of the plugin's English words.

One publication that makes the plugin write everything it can (headers with every part, a
draft, "Read next" boxes with every kind of reason and a counterpoint, a signup block, paginated
listings, overviews, the archive, the latest posts, every chart, the site's and each term's
feeds) is built once per language. Then every element the
plugin wrote (``aic-`` classes, chart titles, descriptions and tooltips, feed links, the titles
of its pages, the feeds) is read back: the language's own words must be there, and no English
text of any key may be, unless that language says it the same way ("Neutral" in German).
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from factories import article, markdown_post
from helpers import SITE_URL, BuiltSite, language_folder, make_builder

from mkdocs_aicommentary.i18n import language as i18n
from mkdocs_aicommentary.i18n.language import labels_for
from mkdocs_aicommentary.i18n.translations import BUILT_IN, LISTS, Catalog

LANGUAGES = BUILT_IN.codes
KEYS = list(BUILT_IN.language("en").texts)

WORDS_A = "Quorra velin tasmar okudo. Brisel tandor quorra velin, maseko tandor okudo brisel.\n"
WORDS_B = "Feluna krast dovim orrel. Krast feluna zipa dovim, orrel zipa krast.\n"
WORDS_C = "Xatrel vomi quint drazel. Vomi xatrel pelun quint, drazel pelun vomi xatrel.\n"
WORDS_D = "Mirbo steng ulfar kelpo. Ulfar mirbo steng, kelpo ulfar dreng mirbo.\n"

MANY = [
    "Aleph",
    "Baidu",
    "Cohere",
    "Databricks",
    "Groq",
    "Kyutai",
    "Lightricks",
    "Mistral",
    "Perplexity",
    "Reka",
    "Sakana",
]
"""Companies of one post: more than a chart's ten rows, so some are "not shown"."""


PAGES = {
    "index.md": "# Start\n\n<!-- aicommentary:latest -->\n",
    "privacy.md": "# Datenschutz\n\nNur die Adresse.\n",
    # NVIDIA: five listed posts (three listing pages), every stance bar and "no stance", an
    # undated post, months named under the timeline; their boxes share names and words.
    "posts/nv-a.md": markdown_post(
        "Eins",
        WORDS_A,
        author="Ada",
        date=date(2025, 1, 10),
        stance="bullish",
        subject_company=["NVIDIA", "AMD"],
        topics=["chips", "cloud"],
    ),
    "posts/nv-b.md": markdown_post(
        "Zwei", WORDS_A, date=date(2025, 3, 2), stance="bearish", subject_company="NVIDIA"
    ),
    "posts/nv-c.md": markdown_post(
        "Drei", WORDS_A, date=date(2025, 3, 20), subject_company="NVIDIA"
    ),
    "posts/nv-d.md": markdown_post(
        "Vier", WORDS_A, date=date(2025, 6, 1), stance="skeptical", subject_company="NVIDIA"
    ),
    "posts/nv-e.md": markdown_post("Fünf", WORDS_A, stance="neutral", subject_company="NVIDIA"),
    "posts/draft.md": markdown_post(
        "Sechs", WORDS_A, date=date(2025, 6, 2), subject_company="NVIDIA", draft=True
    ),
    # Eleven companies in one post; Aleph's timeline has one month, Cohere's two years (so
    # month initials).
    "posts/many.md": markdown_post(
        "Sieben", WORDS_B, date=date(2025, 2, 1), stance="bullish", subject_company=MANY
    ),
    "posts/cohere.md": markdown_post(
        "Acht", WORDS_B, date=date(2027, 1, 15), stance="mixed", subject_company="Cohere"
    ),
    # Watson's two posts are more than ten years apart: a timeline by year.
    "posts/watson-old.md": markdown_post(
        "Zwölf", WORDS_D, date=date(2011, 2, 14), stance="bearish", subject_company="Watson"
    ),
    "posts/watson-new.md": markdown_post(
        "Dreizehn", WORDS_D, date=date(2025, 9, 1), stance="bullish", subject_company="Watson"
    ),
    # Related by wording alone, and a pin that shares nothing.
    "posts/lone-1.md": markdown_post(
        "Neun", WORDS_C, date=date(2025, 4, 1), subject_company="Zhipu", topics=["robotik"]
    ),
    "posts/lone-2.md": markdown_post(
        "Zehn", WORDS_C, date=date(2025, 4, 2), subject_company="Yandex", topics=["sprache"]
    ),
    "posts/pinning.md": markdown_post(
        "Elf",
        WORDS_D,
        date=date(2025, 5, 5),
        stance="mixed",
        subject_company="Xiaomi",
        related=["lone-1.md"],
    ),
}

OPTIONS = {
    "index": {"per_page": 2, "compact_per_page": 2, "nav": True, "archive": {"by_year": True}},
    "newsletter": {
        "action": "https://example.com/subscribe",
        "privacy_url": "privacy.md",
        "digest_link": True,
    },
}

THEMES = {
    "en": ({"name": "mkdocs"}, {}),
    "de": ({"name": "material", "language": "de", "font": False}, {}),
    "fr": ({"name": "mkdocs", "locale": "fr"}, {}),
    "es": ({"name": "readthedocs", "locale": "es"}, {}),
    "pt": ({"name": "mkdocs", "locale": "pt_BR"}, {}),
    "it": ({"name": "mkdocs"}, {"language": "it"}),
    "ar": ({"name": "material", "language": "ar", "font": False}, {}),
    "he": ({"name": "mkdocs"}, {"language": "he"}),
}
"""How each site says its language: through the theme (Material's ``language``, the other
themes' ``locale``, ``pt_BR`` for Portuguese) or the plugin's ``language`` option."""

NOT_ON_THIS_SITE = {
    "newsletter.frame_title",  # Only iframe providers (Substack, beehiiv) title a frame.
    "index.empty",  # A listing page always has posts.
    "chart.no_dates",  # Without dates there is no timeline to describe.
    "date.weekdays",  # Weekdays only appear through a date_format with %A or %a.
    "date.short_weekdays",
    "date.initial_months",  # Single letters: checked on the timeline itself below.
}


def fragments(text: str) -> list[str]:
    """The words of a text between its placeholders, trimmed of spaces and punctuation."""
    parts = [literal for literal, *_ in string.Formatter().parse(text)]
    trimmed = (re.sub(r"^\W+|\W+$", "", part) for part in parts)
    return [part for part in trimmed if re.search(r"[^\W\d_]", part)]


def texts_of(key: str, language: str) -> list[str]:
    """Every form of a key's text in a language: each plural form, each name of a list."""
    text = BUILT_IN.language(language).texts[key]
    if key in LISTS:
        return [name.strip() for name in str(text).split(",")]
    return [text] if isinstance(text, str) else list(text.values())


def plugin_output(site: BuiltSite) -> str:
    """Everything the plugin wrote, as one text: elements with aic- classes (text and the
    attributes readers see or hear), feed links, its pages' titles, its feeds, and the entries
    of the nav (where it adds its sections)."""
    found: list[str] = []
    for path in sorted(site.site_dir.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(class_=re.compile(r"^aic-")):
            found.append(element.get_text(" "))
            for node in [element, *element.find_all(True)]:
                found += [str(node[name]) for name in ("aria-label", "title") if node.get(name)]
                found += [str(node["placeholder"])] if node.get("placeholder") else []
        found += [str(link.get("title")) for link in soup.select('link[rel~="alternate"]')]
        if path.relative_to(site.site_dir).parts[0] in (
            "companies",
            "topics",
            "stances",
            "archive",
            "authors",
        ):
            found += [soup.title.get_text() if soup.title else "", _h1(soup)]
    home = BeautifulSoup((site.site_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
    found += [link.get_text(" ") for link in home.select("nav a, .navbar a")]
    for path in [*site.site_dir.rglob("feed.xml"), site.site_dir / "digest.xml"]:
        feed = feedparser.parse(path.read_text(encoding="utf-8")).feed
        found += [feed.title, feed.subtitle]
    for path in [*site.site_dir.rglob("feed.json"), site.site_dir / "digest.json"]:
        document = json.loads(path.read_text(encoding="utf-8"))
        found += [document["title"], document["description"]]
    return "\n".join(found)


def _h1(soup: BeautifulSoup) -> str:
    heading = soup.find("h1")
    return heading.get_text() if heading else ""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, BuiltSite]]:
    build = make_builder(tmp_path_factory.mktemp("languages"))
    built = {}
    for language, (theme, options) in THEMES.items():
        # Built as `mkdocs serve` builds, so the draft is there with its marker.
        built[language] = build(
            PAGES, {**OPTIONS, **options}, theme=theme, strict=True, serve=True, site_url=SITE_URL
        )
    yield built


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_word_is_in_the_site_language(sites, language):
    site = sites[language]
    assert site.aborted is None, site.warnings
    output = plugin_output(site)

    missing = []
    for key in KEYS:
        if key in NOT_ON_THIS_SITE:
            continue
        forms = [fragments(form) for form in texts_of(key, language)]
        forms = [form for form in forms if form]
        if forms and not any(all(part in output for part in form) for form in forms):
            missing.append(f"{key}: {texts_of(key, language)!r}")
    assert not missing, "not shown: " + "; ".join(missing)

    if language == "en":
        return
    english = []
    for key in KEYS:
        own = " ".join(texts_of(key, language))
        for form in texts_of(key, "en"):
            for part in fragments(form):
                whole_word = rf"(?<!\w){re.escape(part)}(?!\w)"
                if re.search(whole_word, own) is None and re.search(whole_word, output):
                    english.append(f"{part!r} ({key})")
    assert not english, "English left: " + ", ".join(sorted(set(english)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_months_and_plurals_read_right(sites, language):
    site = sites[language]
    labels = labels_for(language)
    header = site.page("posts/nv-b/").select_one(".aic-article-meta")
    assert header.select_one(".aic-date").get_text() == labels.date(date(2025, 3, 2))
    assert header.select_one(".aic-date")["datetime"] == "2025-03-02"

    counts = {
        item["data-slug"]: item.select_one(".aic-index-count").get_text()
        for item in site.page("companies/").select(".aic-index-term")
    }
    assert counts["nvidia"] == labels("articles", count=5)
    assert counts["cohere"] == labels("articles", count=2)
    assert counts["aleph"] == labels("articles", count=1)

    cohere = site.page("companies/cohere/").select_one(".aic-timeline")
    initials = [text.get_text() for text in cohere.select(".aic-chart-month-label")]
    assert initials[:3] == [labels.names("date.initial_months")[month] for month in (1, 2, 3)]
    march = site.page("companies/nvidia/").select_one('.aic-chart-month[data-month="2025-03"]')
    tooltip = march.find("title").get_text()
    assert (
        tooltip.casefold()
        == labels(
            "chart.entry", label=labels.month_year(2025, 3), articles=labels("articles", count=2)
        ).casefold()
    )


def test_right_to_left_boxes_say_so_and_left_to_right_ones_add_nothing(sites):
    for language in ("ar", "he"):
        post = sites[language].page("posts/nv-b/")
        for selector in (".aic-article-meta", "aside.aic-related", "section.aic-newsletter"):
            assert post.select_one(selector)["dir"] == "rtl", (language, selector)
        company = sites[language].page("companies/nvidia/")
        assert company.select_one(".aic-index-charts")["dir"] == "rtl"
        assert company.select_one(".aic-index")["dir"] == "rtl"
    assert sites["ar"].page("posts/nv-b/").body["dir"] == "rtl"  # Material's own.
    assert not sites["de"].page("posts/nv-b/").select('[class^="aic-"][dir], [class^="aic-"] [dir]')


def test_fixture_pages_are_where_the_test_expects_them(sites):
    assert Path(sites["en"].site_dir, "companies/nvidia/page/3/index.html").is_file()
    assert sites["de"].page("companies/nvidia/page/2/").find("h1").get_text() == (
        "NVIDIA (Seite 2)"
    )


SMALL = {
    "index.md": "# Start\n",
    "posts/a.md": article(
        "title: Eins\ndate: 2025-03-04\nstance: bullish\nsubject_company: NVIDIA", WORDS_A
    ),
    "posts/b.md": article(
        "title: Zwei\ndate: 2025-03-05\nstance: bearish\nsubject_company: NVIDIA", WORDS_A
    ),
}


def test_options_the_site_set_win_over_translations_and_labels(build_site):
    options = {
        "related": {"heading": "Mehr zum Thema", "counterpoint_label": "Widerspruch"},
        "stances": {"bullish": "Bullisch", "bearish": None},
        "index": {"companies": {"title": "Firmen"}},
        "newsletter": {"action": "https://example.com/s", "heading": "Post von uns"},
        "labels": {"header.on": "Zu", "related.heading": "Verloren", "newsletter.button": "Los"},
        "date_format": "%A, %d. %B %Y",
    }
    site = build_site(SMALL, options, theme={"name": "mkdocs", "locale": "de"}, strict=True)
    assert site.aborted is None, site.warnings
    post = site.page("posts/a/")
    assert post.select_one(".aic-related-heading").get_text() == "Mehr zum Thema"
    assert post.select_one(".aic-related-label").get_text() == "Widerspruch"
    assert post.select_one(".aic-stance").get_text() == "Haltung: Bullisch"
    assert post.select_one(".aic-related .aic-stance").get_text() == "Haltung: Pessimistisch"
    assert post.select_one(".aic-article-meta .aic-label").get_text() == "Zu"
    assert post.select_one(".aic-date").get_text() == "Dienstag, 04. März 2025"
    assert post.select_one(".aic-newsletter-heading").get_text() == "Post von uns"
    assert post.select_one(".aic-newsletter-button").get_text() == "Los"
    assert post.select_one(".aic-newsletter-label").get_text() == "E-Mail-Adresse"
    assert site.page("companies/").find("h1").get_text() == "Firmen"
    assert site.page("stances/").find("h1").get_text() == "Haltungen"


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (
            {"labels": {"related.headline": "Mehr"}},
            ["no key 'related.headline'", "related.heading", "newsletter.button", "date.months"],
        ),
        (
            {"labels": {"index.page_title": "{name}, Seite"}},
            ["'labels.index.page_title'", "{number}"],
        ),
        ({"labels": {"feed.description": "{name} bei {blog}"}}, ["unknown {blog}", "{site}"]),
        ({"stances": {"bullish": None, "doomer": None}}, ["stance 'doomer' has no label"]),
    ],
)
def test_a_broken_label_stops_the_build_and_says_what_to_write(build_site, options, words):
    site = build_site(SMALL, options)
    assert site.aborted is not None
    message = "\n".join([site.aborted, *site.warnings])
    for word in words:
        assert word in message, message


@pytest.mark.parametrize("language", ["de\n", " ", "_de", "a" * 5000, "de DE", "x", 3])
def test_a_language_that_is_no_language_tag_is_a_configuration_error(build_site, language):
    site = build_site(SMALL, {"language": language}, site_url=SITE_URL)
    assert site.aborted is not None and not (site.site_dir / "feed.xml").exists()
    (message,) = [warning for warning in site.warnings if "'language'" in warning]
    assert "write a language tag (BCP 47) such as 'de', 'pt-BR'" in message
    assert len(message) < 300


def test_a_material_themes_language_that_is_no_tag_stops_the_build_before_any_feed(build_site):
    theme = {"name": "material", "language": "de\n", "font": False}
    site = build_site(SMALL, theme=theme, site_url=SITE_URL)
    assert site.aborted is not None and not (site.site_dir / "feed.xml").exists()
    assert "the theme's 'language' is 'de\\n'" in "\n".join([site.aborted, *site.warnings])


@pytest.mark.parametrize(
    ("language", "in_feeds"),
    [("pt_BR", "pt-br"), ("zh-Hant-TW", "zh-hant-tw"), ("x-house", "x-house")],
)
def test_any_well_formed_tag_reaches_the_feeds(build_site, language, in_feeds):
    site = build_site(SMALL, {"language": language}, site_url=SITE_URL)
    assert site.aborted is None, site.warnings
    assert feedparser.parse(site.text("feed.xml")).feed.language == in_feeds
    assert json.loads(site.text("feed.json"))["language"] == in_feeds


def test_a_language_without_translations(build_site):
    asked = build_site(SMALL, {"language": "ja"}, strict=True)
    assert asked.aborted is not None
    assert any("no built-in translations for language 'ja'" in w for w in asked.warnings)

    # A theme in that language built quietly before there were translations, and still does.
    theme = {"name": "material", "language": "ja", "font": False}
    site = build_site(SMALL, theme=theme, strict=True)
    assert site.aborted is None, site.warnings
    assert site.page("posts/a/").select_one(".aic-related-heading").get_text() == "Read next"


def test_a_new_language_is_one_file(build_site, tmp_path, monkeypatch):
    """A Dutch file beside the others, and a Dutch site speaks Dutch: no Python changed."""
    folder = language_folder(
        tmp_path,
        "nl",
        name="Dutch",
        stop_words="een het van voor niet zijn maar ook",
        texts={"related.heading": "Lees verder", "header.by": "Door"},
    )
    monkeypatch.setattr(i18n, "BUILT_IN", Catalog(folder))
    site = build_site(SMALL, {"language": "nl-NL"}, strict=True)
    assert site.aborted is None, site.warnings  # Not "no built-in translations" any more.
    assert site.page("posts/a/").select_one(".aic-related-heading").get_text() == "Lees verder"


FUNCTION_WORDS = "und der die das mit für nicht auch"
"""German words that say nothing about a post (and English's list does not know)."""

PLAIN_POSTS = {
    "posts/a.md": article(
        "title: Eins\ndate: 2025-03-04\nstance: bullish\nsubject_company: Aleph",
        f"Quorra velin tasmar okudo {FUNCTION_WORDS}.\n",
    ),
    "posts/b.md": article(
        "title: Zwei\ndate: 2025-03-05\nstance: bearish\nsubject_company: Baidu",
        f"Feluna krast dovim orrel {FUNCTION_WORDS}.\n",
    ),
    "posts/c.md": article(
        "title: Drei\ndate: 2025-03-06\nstance: mixed\nsubject_company: Cohere",
        "Xatrel vomi quint drazel pelun.\n",
    ),
}
"""Two posts that share nothing but German function words, and a third."""


@pytest.mark.parametrize(("language", "related"), [("de", False), ("en", True), ("ja", True)])
def test_the_ranking_leaves_out_the_stop_words_of_the_sites_language(build_site, language, related):
    """On a German site "und" and "der" say nothing, so the two posts are not alike; an English
    site (or one whose language has no file, which gets English's words) counts them."""
    site = build_site(PLAIN_POSTS, {"language": language})
    assert site.aborted is None, site.warnings
    box = site.page("posts/a/").select_one("aside.aic-related")
    if related:
        assert [a["href"] for a in box.select("a.aic-related-title")] == ["../b/"]
    else:
        assert box is None
