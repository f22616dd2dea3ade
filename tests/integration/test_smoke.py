"""The plugin loads, reads a post and puts a header under its title."""

from helpers import article


def test_header_under_title(build_site):
    site = build_site(
        {
            "index.md": "# Home\n\nNot a post.\n",
            "posts/gpu.md": article(
                """
                title: The GPU maker's gambit
                date: 2026-11-20
                stance: skeptical
                subject_company: NVIDIA
                topics: [open-source AI]
                """,
                "# The GPU maker's gambit\n\nBody.\n",
            ),
        },
        strict=True,
    )
    assert site.aborted is None, site.warnings
    header = site.page("posts/gpu/").select_one(".aic-article-meta")
    assert header is not None
    assert header.find_previous_sibling("h1") is not None
    assert site.page("").select_one(".aic-article-meta") is None
