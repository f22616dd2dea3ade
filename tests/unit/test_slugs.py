from mkdocs_aicommentary.slugs import assign_slugs, name_key, slugify


def test_slugify_examples_from_the_spec():
    assert slugify("open-source AI") == "open-source-ai"
    assert slugify("AI & chips") == "ai-chips"
    assert slugify("Künstliche Intelligenz") == "kunstliche-intelligenz"
    assert slugify("  NVIDIA  ") == "nvidia"


def test_slugify_gives_a_stable_slug_to_names_without_ascii():
    slug = slugify("人工知能")
    assert slug.startswith("n-") and len(slug) == 10
    assert slugify("人工知能") == slug
    assert slugify("機械学習") != slug


def test_name_key_ignores_case_and_spacing():
    assert name_key("AI  Hardware ") == name_key("ai hardware")


def test_same_name_in_other_case_shares_a_slug():
    slugs = assign_slugs(["AI hardware", "ai hardware"])
    assert slugs == {"AI hardware": "ai-hardware", "ai hardware": "ai-hardware"}


def test_different_names_with_one_slug_get_numbered_in_sorted_order():
    forward = assign_slugs(["C++", "C", "C#"])
    backward = assign_slugs(["C#", "C", "C++"])
    assert forward == backward
    assert sorted(forward.values()) == ["c", "c-2", "c-3"]
    assert forward["C"] == "c"


def test_taken_slugs_are_not_reused():
    assert assign_slugs(["NVIDIA"], taken={"nvidia"}) == {"NVIDIA": "nvidia-2"}
