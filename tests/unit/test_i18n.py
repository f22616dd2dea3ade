"""The language files, plurals, dates and the checks on a site's own labels."""

import shutil
import time
from datetime import date, datetime, timedelta, timezone

import pytest
import yaml
from helpers import language_folder
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_aicommentary.features.related.words import tokenize
from mkdocs_aicommentary.i18n import language as i18n
from mkdocs_aicommentary.i18n.language import (
    ENGLISH,
    PLACEHOLDERS,
    PLURAL_KEYS,
    LabelsError,
    choose_language,
    is_language_tag,
    labels_for,
    placeholders,
    plural_categories,
    plural_category,
    stop_words,
)
from mkdocs_aicommentary.i18n.translations import (
    BUILT_IN,
    FOLDER,
    LISTS,
    Catalog,
    LanguageFileError,
    parse_plural_rule,
)

LANGUAGES = BUILT_IN.codes


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_key_with_the_same_placeholders(language):
    own = BUILT_IN.language(language)
    assert set(own.texts) == set(PLACEHOLDERS), f"{language}.yml has other keys than en.yml"
    for key, text in own.texts.items():
        if key in PLURAL_KEYS:
            assert isinstance(text, dict), key
            assert "other" in text, key
            assert set(text) <= set(own.plural_categories), (key, language)
            assert placeholders(text["other"]) == PLACEHOLDERS[key], (key, language)
            for form in text.values():
                assert placeholders(form) <= PLACEHOLDERS[key], (key, language, form)
        else:
            assert isinstance(text, str), key
            assert placeholders(text) == PLACEHOLDERS[key], (key, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_lists_of_names_are_complete(language):
    labels = labels_for(language)
    for key, length in LISTS.items():
        names = labels.names(key)
        assert len(names) == length and all(names), (key, language)


def test_the_languages_are_the_files_in_the_folder():
    files = sorted(path.stem for path in FOLDER.glob("*.yml"))
    assert LANGUAGES[0] == "en"
    assert sorted(LANGUAGES) == files
    assert {code for code in LANGUAGES if BUILT_IN.language(code).rtl} == {"ar", "he"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_stop_words_are_words_the_ranking_would_count(language):
    """Each stop word is one token as the ranking cuts and case-folds prose, so each one
    keeps a word out; a list of a few dozen function words at least."""
    words = BUILT_IN.language(language).stop_words
    assert len(words) >= 40
    unread = [word for word in words if tokenize(word, frozenset()) != {word: 1}]
    assert not unread, f"{language}.yml: the ranking never reads these as words: {unread}"


def test_a_language_is_its_file_and_nothing_else(tmp_path, monkeypatch):
    """A ninth language is a file: its code, direction, plurals and stop words come with it."""
    language_folder(
        tmp_path,
        "nl",
        name="Dutch",
        stop_words="een het van voor niet zijn maar ook",
        texts={
            "related.heading": "Lees verder",
            "articles": {"one": "{count} artikel", "other": "{count} artikelen"},
        },
    )
    folder = language_folder(  # qaa: a code ISO 639 leaves for local use
        tmp_path / "more", "qaa", direction="rtl", plurals={"few": "n % 10 = 2..4"}
    )
    shutil.copy(tmp_path / "languages" / "nl.yml", folder)

    catalog = Catalog(folder)
    assert catalog.codes == ("en", "ar", "de", "es", "fr", "he", "it", "nl", "pt", "qaa")
    assert not catalog.language("nl").rtl and catalog.language("qaa").rtl

    monkeypatch.setattr(i18n, "BUILT_IN", catalog)
    assert choose_language("nl-BE") == ("nl", None)
    labels = labels_for("nl")
    assert labels("related.heading") == "Lees verder"
    assert [labels("articles", count=n) for n in (1, 3)] == ["1 artikel", "3 artikelen"]
    assert labels("header.by") == "By"
    assert "niet" in stop_words("nl") and "the" not in stop_words("nl")
    assert choose_language("qaa-Latn") == ("qaa", None)
    assert plural_categories("qaa") == ("few", "other")
    assert [plural_category("qaa", n) for n in (2, 12, 5)] == ["few", "few", "other"]
    assert labels_for("qaa").rtl


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"direction": "down"}, ["'direction' is 'down'", "ltr or rtl"]),
        ({"direction": ["rtl"]}, ["'direction' is ['rtl']"]),
        ({"name": ""}, ["'name' is ''"]),
        ({"plurals": {"one": "n is 1"}}, ["'plurals.one'", "'n is 1' is not a relation"]),
        ({"plurals": {"one": "v = 0"}}, ["'v = 0' is not a relation"]),
        ({"plurals": {"one": "n = 1 and"}}, ["'' is not a relation"]),
        ({"plurals": {"one": "n = 5..3"}}, ["'5..3' runs backwards"]),
        ({"plurals": {"other": "n = 1"}}, ["'plurals' has 'other'"]),
        ({"plurals": {"dual": "n = 2"}}, ["'plurals' has 'dual'", "zero, one, two, few, many"]),
        ({"stop_words": ["und", "der"]}, ["'stop_words' must be one text"]),
        ({"texts": {"header.on": True}}, ["'texts.header.on' is True", "quoted text"]),
        ({"texts": {"articles": {"eins": "x"}}}, ["'texts.articles'"]),
        ({"texts": None}, ["'texts' must map"]),
        ({"words": {}}, ["a language file holds name, direction, plurals, stop_words, texts"]),
    ],
)
def test_a_broken_language_file_says_what_is_wrong(tmp_path, change, words):
    data = {**yaml.safe_load((FOLDER / "en.yml").read_text(encoding="utf-8")), **change}
    (tmp_path / "en.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(LanguageFileError) as caught:
        Catalog(tmp_path).language("en")
    assert str(tmp_path / "en.yml") in str(caught.value)
    for word in words:
        assert word in str(caught.value)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('texts: "unclosed\n', ["while scanning a quoted scalar"]),
        ("- a list\n", ["holds list"]),
        (b"name: \xff\n", ["can't decode byte 0xff"]),
    ],
)
def test_a_language_file_that_is_no_yaml_mapping_says_so(tmp_path, text, words):
    target = tmp_path / "en.yml"
    target.write_bytes(text) if isinstance(text, bytes) else target.write_text(text)
    with pytest.raises(LanguageFileError) as caught:
        Catalog(tmp_path).language("en")
    assert str(target) in str(caught.value)
    for word in words:
        assert word in str(caught.value)


def test_a_folder_without_the_fallback_language_is_refused(tmp_path):
    shutil.copy(FOLDER / "de.yml", tmp_path / "de.yml")
    with pytest.raises(LanguageFileError, match=r"no en\.yml"):
        Catalog(tmp_path)


@pytest.mark.parametrize("name", ["de-AT", "DE", "pt_BR", "x"])
def test_a_file_no_site_could_choose_is_refused(tmp_path, name):
    """A site's tag is read as its language subtag (de-AT is de), so a file must be named so."""
    folder = language_folder(tmp_path, name)
    with pytest.raises(LanguageFileError, match="name a language file by its language subtag"):
        Catalog(folder)


def test_plural_rules_are_cldr_relations_on_whole_numbers():
    rule = parse_plural_rule("n % 100 = 3..10,13 or i = 0 and n != 0")
    assert [n for n in range(120) if any(all(r.holds(n) for r in part) for part in rule)] == [
        *range(3, 11),
        13,
        *range(103, 111),
        113,
    ]


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("en", {0: "0 articles", 1: "1 article", 2: "2 articles", 21: "21 articles"}),
        ("de", {1: "1 Artikel", 2: "2 Artikel"}),
        ("fr", {0: "0 article", 1: "1 article", 2: "2 articles"}),
        ("es", {1: "1 artículo", 2: "2 artículos", 0: "0 artículos"}),
        ("pt", {0: "0 artigo", 1: "1 artigo", 2: "2 artigos"}),
        ("it", {1: "1 articolo", 2: "2 articoli"}),
        (
            "ar",
            {
                0: "لا مقالات",
                1: "مقالة واحدة",
                2: "مقالتان",
                3: "3 مقالات",
                10: "10 مقالات",
                11: "11 مقالة",
                100: "100 مقالة",
                103: "103 مقالات",
            },
        ),
        ("he", {1: "מאמר אחד", 2: "שני מאמרים", 3: "3 מאמרים", 10: "10 מאמרים"}),
    ],
)
def test_plurals_are_right_in_each_language(language, counts):
    labels = labels_for(language)
    for count, text in counts.items():
        assert labels("articles", count=count) == text


def test_plural_categories_follow_cldr_for_whole_numbers():
    assert [plural_category("en", n) for n in (0, 1, 2)] == ["other", "one", "other"]
    assert [plural_category("fr", n) for n in (0, 1, 2, 1_000_000)] == [
        "one",
        "one",
        "other",
        "many",
    ]
    assert [plural_category("ar", n) for n in (0, 1, 2, 5, 50, 100, 102)] == [
        "zero",
        "one",
        "two",
        "few",
        "many",
        "other",
        "other",
    ]
    assert [plural_category("es", n) for n in (0, 1, 2, 1_000_000, 2_000_000, 1_000_001)] == [
        *("other", "one", "other", "many", "many", "other"),
    ]
    assert [plural_category("it", n) for n in (1, 2, 3_000_000)] == ["one", "other", "many"]
    assert [plural_category("pt", n) for n in (0, 1, 2, 1_000_000)] == [
        *("one", "one", "other", "many"),
    ]
    assert [plural_category("he", n) for n in (0, 1, 2, 3, 20)] == [
        *("other", "one", "two", "other", "other"),
    ]
    assert [plural_category("de", n) for n in (-1, 1, 1_000_000)] == ["one", "one", "other"]
    assert plural_category("xx", 1) == "one"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "2 October 2026"),
        ("de", "2. Oktober 2026"),
        ("fr", "2 octobre 2026"),
        ("es", "2 de octubre de 2026"),
        ("pt", "2 de outubro de 2026"),
        ("it", "2 ottobre 2026"),
        ("ar", "2 أكتوبر 2026"),
        ("he", "2 באוקטובר 2026"),
    ],
)
def test_dates_are_written_the_way_each_language_writes_them(language, text):
    labels = labels_for(language)
    assert labels.date(datetime(2026, 10, 2, 9, 30)) == text
    assert labels.date(date(2026, 10, 2)) == text
    assert labels.date(None) == ""


def test_strftime_names_come_from_the_tables_not_the_locale():
    german = labels_for("de")
    day = datetime(2025, 3, 4)  # a Tuesday
    assert german.date(day, "%d. %B %Y") == "04. März 2025"
    assert german.strftime(day, "%a, %d. %b %Y (%A)") == "Di, 04. Mär 2025 (Dienstag)"
    assert german.strftime(day, "%h %m/%y") == "Mär 03/25"
    assert german.strftime(day, "100%% %%B %B") == "100% %B März"
    assert labels_for("fr").strftime(day, "%A %d %B %Y") == "mardi 04 mars 2025"
    assert ENGLISH.strftime(day, "%B %b %A %a") == "March Mar Tuesday Tue"


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Asia/Kolkata"])
def test_seconds_since_1970_are_the_dates_moment_whatever_the_machines_time_zone(monkeypatch, zone):
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        assert ENGLISH.date(datetime(2026, 1, 1, tzinfo=timezone.utc), "%s") == "1767225600"
        assert ENGLISH.date(date(2026, 1, 1), "%s %%s") == "1767225600 %s"  # midnight UTC
        berlin = timezone(timedelta(hours=1))
        assert ENGLISH.date(datetime(2026, 1, 1, 1, 0, tzinfo=berlin), "%s") == "1767225600"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_month_and_year_as_charts_say_them():
    assert ENGLISH.month_year(2025, 3) == "March 2025"
    assert labels_for("es").month_year(2025, 3) == "marzo de 2025"
    assert labels_for("it").names("date.initial_months")[0] == "G"


@pytest.mark.parametrize(
    ("wanted", "language", "noted"),
    [
        (None, "en", False),
        ("", "en", False),
        ("de", "de", False),
        ("de_DE", "de", False),
        ("pt-BR", "pt", False),
        ("FR", "fr", False),
        ("he", "he", False),
        ("ja", "en", True),
        ("zh-Hant", "en", True),
    ],
)
def test_language_codes_fall_back_to_their_base_language_then_english(wanted, language, noted):
    chosen, note = choose_language(wanted)
    assert chosen == language
    assert (note is not None) == noted
    if noted:
        assert repr(wanted) in note and "labels" in note


def test_right_to_left_languages_say_so():
    assert labels_for("ar").rtl and labels_for("he").rtl
    assert not labels_for("de").rtl


def test_a_site_overrides_any_single_text():
    labels = labels_for(
        "de",
        {
            "related.heading": "Mehr dazu",
            "index.page_title": "{name}, Seite {number}",
            "articles": {"one": "ein Beitrag", "other": "{count} Beiträge"},
            "chart.undated": "{count} ohne Datum",
            "date.months": "Jän, Feb, Mär, Apr, Mai, Jun, Jul, Aug, Sep, Okt, Nov, Dez",
        },
    )
    assert labels("related.heading") == "Mehr dazu"
    assert labels("header.on") == "Über"  # Everything else stays translated.
    assert labels("index.page_title", name="NVIDIA", number=2) == "NVIDIA, Seite 2"
    assert labels("articles", count=1) == "ein Beitrag"
    assert labels("articles", count=7) == "7 Beiträge"
    assert labels("chart.undated", count=1) == "1 ohne Datum"
    assert labels.date(date(2026, 1, 5)) == "5. Jän 2026"


def test_replaced_texts_are_kept_as_they_are():
    labels = ENGLISH.replaced({"related.heading": "More {soon}"})
    assert labels("related.heading") == "More {soon}"
    assert ENGLISH("related.heading") == "Read next"


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"related.headline": "x"}, ["no key 'related.headline'", "related.heading", "articles"]),
        ({"index.page_title": "{name} Seite"}, ["missing {number}", "takes {name}, {number}"]),
        ({"index.page_title": "{title} ({number})"}, ["unknown {title}"]),
        ({"header.on": "Über {name}"}, ["unknown {name}", "no placeholders"]),
        ({"feed.description": "{name:>9} {site}"}, ["placeholders are plain"]),
        ({"feed.description": "{name} {site"}, ["stray brace"]),
        ({"articles": {"one": "1", "few": "{count}", "other": "{count}"}}, ["'few'", "one, other"]),
        ({"articles": {"one": "ein Beitrag"}}, ["needs an 'other' form"]),
        ({"articles": {"other": "Beiträge"}}, ["missing {count}"]),
        ({"articles": "Beiträge"}, ["missing {count}"]),
        ({"related.heading": {"one": "x", "other": "y"}}, ["must be a text"]),
        ({"date.months": "Jan, Feb"}, ["12 names"]),
    ],
)
def test_a_broken_override_says_what_to_write(overrides, words):
    with pytest.raises(LabelsError) as caught:
        labels_for("en", overrides)
    for word in words:
        assert word in str(caught.value)


WELL_FORMED = [
    *("de", "de_DE", "pt-BR", "zh-Hant-TW", "es-419", "sl-rozaj-biske", "de-CH-1996"),
    *("zh-yue-HK", "hy-Latn-IT-arevela", "en-US-u-ca-gregory", "en-a-bbb-x-a-ccc", "x-house"),
    *("qaa-Qaaa-QM-x-southern", "i-klingon", "zh-min-nan", "EN-gb-OED", "sgn-BE-FR"),
]
MALFORMED = [
    *("de\n", " de", " ", "", "_de", "de-", "de--DE", "de DE", "e", "x", "de-x", "en-a"),
    *("toolongtag", "de-DE-x-123456789", "d\u0435", "de\u212a", "a" * 5000),
    "x-" + "-".join(["abcd"] * 20),  # Well-formed private use, longer than any tag in use.
]


@pytest.mark.parametrize("tag", WELL_FORMED)
def test_language_tags_as_rfc_5646_writes_them(tag):
    assert is_language_tag(tag)


@pytest.mark.parametrize("text", MALFORMED)
def test_what_is_no_language_tag(text):
    assert not is_language_tag(text)


@given(
    language=st.from_regex(r"[a-z]{2,3}", fullmatch=True),
    script=st.sampled_from(["", "-Latn", "-Hant"]),
    region=st.from_regex(r"(-[A-Z]{2}|-[0-9]{3})?", fullmatch=True),
    around=st.sampled_from(["", " ", "\n", "\t", "-", "_", "\u00a0"]),
)
def test_a_tag_is_one_with_nothing_around_it(language, script, region, around):
    tag = language + script + region
    assert is_language_tag(tag)
    assert is_language_tag(tag + around) == (around == "")


def test_a_babel_date_format_writes_dates_as_materials_blog_does():
    """Material's blog writes ``format_date(date, "long", locale)``: the plugin, told so by the
    adapter, writes the same, and its own format where Babel cannot (an unknown locale)."""
    day = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
    english, german = i18n.labels_for("en"), i18n.labels_for("de")
    assert english.date(day, i18n.DateFormat(babel="long", locale="en")) == "March 2, 2026"
    assert german.date(day, i18n.DateFormat(babel="long", locale="de")) == "2. März 2026"
    assert english.date(day, i18n.DateFormat(babel="medium", locale="pt-BR")) == "2 de mar. de 2026"
    assert english.date(day, i18n.DateFormat(babel="d MMM y", locale="en")) == "2 Mar 2026"
    unknown = i18n.DateFormat(babel="long", locale="xx")
    assert english.date(day, unknown) == english.date(day) == "2 March 2026"
    # The site's own strftime format wins over the blog's.
    both = i18n.DateFormat(strftime="%Y-%m-%d", babel="long", locale="en")
    assert english.date(day, both) == "2026-03-02"
