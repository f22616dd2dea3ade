"""Sites the validator tests share, each built once per session: the example publication in
each theme and scheme, and the Material-blog fixture in both of Material's schemes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from browser_support import THEMES
from helpers import BuiltSite, build_fixture
from validator_support import build_example_site, require_validators

BLOG_THEMES = {"blog": THEMES["material"], "blog-dark": THEMES["material-dark"]}
"""The Material-blog fixture, light and dark (web fonts off: nothing is fetched)."""


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], BuiltSite]:
    """``built_site(name)``: the example site in one of ``THEMES`` ("mkdocs", "material-dark",
    ...), or with its own Material palettes ("example"), or the Material-blog fixture ("blog",
    "blog-dark"), built on first use."""
    require_validators()
    cache: dict[str, BuiltSite] = {}

    def build(name: str) -> BuiltSite:
        if name not in cache:
            root = tmp_path_factory.mktemp(name)
            if name in BLOG_THEMES:

                def edit(settings: dict[str, Any]) -> None:
                    settings["theme"] = BLOG_THEMES[name]

                site = build_fixture("material_blog", root, edit)
            else:

                def edit(settings: dict[str, Any]) -> None:
                    if name == "example":
                        settings["theme"]["font"] = False
                    else:
                        settings["theme"] = THEMES[name]

                site = build_example_site(root, edit)
            assert site.aborted is None, site.aborted
            cache[name] = site
        return cache[name]

    return build
