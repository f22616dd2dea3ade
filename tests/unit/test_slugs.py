from mkdocs_aicommentary.model.slugs import MAX_SLUG_LENGTH, assign_slugs, name_key, slugify


def test_names_whose_words_lose_nothing_keep_them_as_slug():
    assert slugify("open-source AI") == "open-source-ai"
    assert slugify("Künstliche Intelligenz") == "kunstliche-intelligenz"
    assert slugify("  NVIDIA  ") == "nvidia"
    assert slugify("GPT-4") == slugify("gpt 4") == "gpt-4"


def test_names_whose_words_drop_something_keep_it_in_a_hash():
    assert slugify("C") == "c"
    assert slugify("C++") == "c-372946aa"
    assert slugify("C#") == "c-2e26e622"
    assert slugify("AI & chips") == "ai-chips-f8231fea"
    assert slugify("a~b") != slugify("a b")


def test_a_slug_depends_on_its_own_name_only():
    """Adding "C" to a site with "C++" moves nothing: no URL is numbered by its neighbours."""
    alone = assign_slugs(["C++"])
    together = assign_slugs(["C++", "C", "C#"])
    assert together["C++"] == alone["C++"]
    assert len(set(together.values())) == 3
    assert assign_slugs(["C#", "C", "C++"]) == together


def test_slugify_gives_a_stable_slug_to_names_without_ascii():
    slug = slugify("人工知能")
    assert slug.startswith("n-") and len(slug) == 10
    assert slugify("人工知能") == slug
    assert slugify("機械学習") != slug


def test_a_long_slug_is_cut_at_a_word_and_keeps_its_hash():
    name = "an unreasonably long topic name " * 3
    assert slugify(name) == "an-unreasonably-long-topic-name-an-unreasonably-long-2db7a7b2"
    assert len(slugify(name + "C++")) <= MAX_SLUG_LENGTH


def test_name_key_ignores_case_spacing_hyphens_and_latin_accents():
    assert name_key("AI  Hardware ") == name_key("ai hardware") == name_key("AI-hardware")
    assert name_key("Café") == name_key("cafe")
    assert name_key("-") == "-" and name_key("--") != name_key("-")  # Hyphens alone stay a name.
    # Marks that make another word in other scripts stay: Hindi "kul" is not "kal".
    assert name_key("कुल") != name_key("कल")
    assert name_key("ё") != name_key("е")


def test_same_name_in_other_case_shares_a_slug():
    slugs = assign_slugs(["AI hardware", "ai hardware"])
    assert slugs == {"AI hardware": "ai-hardware", "ai hardware": "ai-hardware"}


def test_taken_slugs_are_not_reused():
    """Only a hash collision can get here; the later name is numbered rather than overwrite."""
    assert assign_slugs(["NVIDIA"], taken={"nvidia"}) == {"NVIDIA": "nvidia-2"}
