"""The Nu Html Checker on whole built sites: no error in markup the plugin wrote.

Run with ``make test-validators``. Errors in the themes' own markup are listed in
``THEMES_OWN`` with the reason; anything else fails.
"""

from __future__ import annotations

import pytest
from validator_support import Finding, nu_errors, require_validators

pytestmark = pytest.mark.validators

THEMES_OWN = [
    (
        "Bad value “” for attribute “tabindex” on element “label”",
        'class="md-nav__link"',
        'Material\'s nav-item.html writes tabindex="" on the labels of nav sections',
    ),
    (
        "Attribute “autocomplete” is only allowed when the input type is",
        'class="md-toggle"',
        "Material's checkboxes that open the drawer and the search carry autocomplete=off",
    ),
    (
        "The value of the “for” attribute of the “label” element must be the ID",
        'for="__toc"',
        "Material's toc.html points at a checkbox that only nav-item.html writes: every page "
        "out of the nav has it (README: articles_in_nav)",
    ),
    (
        "The heading “h4” (with computed level 4) follows the heading",
        'id="searchModalLabel"',
        "the mkdocs theme's search dialogue, at the end of every page, is titled with an h4",
    ),
    (
        "Element “a” is missing required attribute “href”.",
        'class="nav-link disabled"',
        "the mkdocs theme's previous/next links on the first and last page have no href",
    ),
]
"""(message starts with, extract contains, why it is the theme's): findings not ours."""


def themes_own(finding: Finding) -> bool:
    return any(
        finding.message.startswith(message) and fragment in finding.extract
        for message, fragment, _reason in THEMES_OWN
    )


@pytest.mark.parametrize("name", ["material", "mkdocs", "readthedocs", "blog"])
def test_no_error_in_the_plugins_markup(built_site, name):
    findings = nu_errors(built_site(name).site_dir)
    assert [finding for finding in findings if not themes_own(finding)] == []


def test_the_checker_reads_the_pages_it_is_given(tmp_path):
    """The findings above are empty because the markup is right, not because nothing was read."""
    require_validators()
    page = tmp_path / "broken" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<!doctype html><html lang="en"><title>x</title><p><span class="aic-x">a</div>',
        encoding="utf-8",
    )
    assert {finding.page for finding in nu_errors(tmp_path)} == {"broken/index.html"}
