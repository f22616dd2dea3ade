"""Fixtures shared by the integration tests."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import SITE_URL, BuiltSite, build_material_neighbours, make_builder


@pytest.fixture
def build_site(tmp_path: Path) -> Callable[..., BuiltSite]:
    """Build sites under this test's tmp_path; see ``helpers.make_builder``."""
    return make_builder(tmp_path)


@pytest.fixture
def build_site_at_url(build_site: Callable[..., BuiltSite]) -> Callable[..., BuiltSite]:
    """``build_site`` with a ``site_url``, for features that need absolute links."""
    return functools.partial(build_site, site_url=SITE_URL)


@pytest.fixture(scope="session")
def material_neighbours(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The Material blog fixture beside Material's tags, mkdocs-rss-plugin and
    mkdocs-glightbox (``helpers.build_material_neighbours``), built once per test session:
    tests read it and never change it."""
    return build_material_neighbours(tmp_path_factory.mktemp("material_neighbours"))
