"""What ``mkdocs-aicommentary check`` knows of a site, read as MkDocs reads it: the real
``mkdocs.yml`` (its validation, its plugins, their options), the plugin's own setup
(``on_config``: the language, the stances, the checks that span options) and the site's pages,
but no build and no Markdown rendering. The checking itself is :mod:`..core.check`'s.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError
from mkdocs.structure.files import File, get_files

from ..core.check import Finding, check_pages, finding_of
from ..features.image_sizes import ImageSizes
from ..features.newsletter_links import missing_privacy_page
from ..model.material_blog import find_blogs
from ..plugin import AICommentaryPlugin
from .page_images import page_images
from .plain_options import front_matter_vocabulary


@dataclass
class SiteCheck:
    """The findings about one site, and what its build would make of them."""

    findings: list[Finding] = field(default_factory=list)
    docs_dir: str | None = None
    config_file: str | None = None
    strict: bool = False
    """``strict: true`` in ``mkdocs.yml``: its builds stop at a warning."""
    posts: int = 0
    note: str | None = None
    """Why nothing was checked, when the site has nothing to check."""


def check_site(config_file: str | None) -> SiteCheck:
    """Read the site ``config_file`` describes (``mkdocs.yml`` in the working folder by
    default) and check every page's front matter; a broken configuration is one error."""
    result = SiteCheck()
    with _warnings_of_mkdocs(result.findings):
        try:
            config = load_config(config_file)
        except (Abort, ConfigurationError) as error:
            message = str(error) or "the configuration is invalid"
            result.findings.append(Finding(message, error=True))
            return result
        result.docs_dir, result.config_file = config.docs_dir, config.config_file_path
        result.strict = bool(config.strict)
        plugin = _the_plugin(config)
        if plugin is None:  # Not listed, or `enabled: false`: the build reads no post either.
            result.note = "mkdocs.yml has no enabled aicommentary plugin: nothing to check"
            return result
        try:
            plugin.on_config(config)  # The options as the build settles them.
        except PluginError as error:
            result.findings.append(Finding(str(error), error=True))
            return result
        assert plugin.state is not None, "on_config makes the build state"
        publication = plugin.state.publication
        publication.blogs, problems = find_blogs(config.plugins.values(), config.docs_dir)
        result.findings += [Finding(problem) for problem in problems]
    vocabulary = front_matter_vocabulary(plugin.config)
    publication.registry = vocabulary.companies
    files = get_files(config)
    pages = {file.src_uri: _text(file) for file in files.documentation_pages()}
    page_findings = check_pages(publication, pages, vocabulary)
    # Lead images are looked up among the site's files, as the build does once it has them.
    articles = publication.articles.values()
    _, image_problems = page_images(articles, files, config.docs_dir, ImageSizes())
    page_findings += [
        finding_of(problem, pages.get(problem.src_path)) for problem in image_problems
    ]
    result.findings += sorted(page_findings, key=lambda finding: finding.sort_key)
    signup = plugin.config.newsletter
    if plugin.state.signup is not None and signup is not None:
        written = set(pages)
        problem = missing_privacy_page(signup.privacy_url, written.__contains__)
        if problem:
            result.findings.append(Finding(problem))
    result.posts = len(publication.articles)
    return result


def _text(file: File) -> str | None:
    """A page's text; None when it cannot be read, which MkDocs reports as it renders."""
    try:
        return file.content_string
    except (OSError, UnicodeDecodeError):
        return None


def _the_plugin(config: MkDocsConfig) -> AICommentaryPlugin | None:
    plugins = (plugin for plugin in config.plugins.values())
    return next((each for each in plugins if isinstance(each, AICommentaryPlugin)), None)


class _Collect(logging.Handler):
    """MkDocs' warnings and errors while it reads the configuration (an unknown key, a
    deprecated option, the plugin's note on a language without translations), as findings."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(logging.WARNING)
        self.findings = findings

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        self.findings.append(Finding(message, error=record.levelno >= logging.ERROR))


@contextmanager
def _warnings_of_mkdocs(findings: list[Finding]) -> Iterator[None]:
    """Collect what the ``mkdocs`` logger tree says (what ``--strict`` counts) meanwhile."""
    logger = logging.getLogger("mkdocs")
    handler = _Collect(findings)
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
