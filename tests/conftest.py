"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import BuiltSite, make_builder


@pytest.fixture
def build_site(tmp_path: Path) -> Callable[..., BuiltSite]:
    """Build sites under this test's tmp_path; see ``helpers.make_builder``."""
    return make_builder(tmp_path)
