"""Check a publication's front matter without building it: what ``mkdocs-aicommentary check``
reports, for a pre-commit hook or a pull request's first job.

The build's own rules, called the way the build calls them: :meth:`Publication.read_posts`
reads every page (its YAML, the fields of every post), :meth:`Publication.pins` resolves the
related posts each post pins, and :meth:`Publication.wants_signup` judges a page's
``newsletter`` field. Each finding carries the very text the build would log as a warning, and
the line of the file it is about. No MkDocs here: the command line's adapter
(:mod:`..adapter.check_site`) reads ``mkdocs.yml`` and the pages, and prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..model.articles import Problem, Vocabulary
from ..model.front_matter import FrontMatterCache
from ..model.locations import field_line, problem_line
from ..model.taxonomy import crowded_posts
from .publication import Publication

NEWSLETTER_FIELD = "newsletter"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, worded as the build's warning, and where it is."""

    message: str
    """The build's warning, word for word (without the logger's prefix)."""
    src_path: str | None = None
    """The page it is about, relative to ``docs_dir``; None for the site's configuration."""
    line: int | None = None
    """Its line in that file (1 is the first), when known."""
    error: bool = False
    """An error stops every build; a warning stops ``--strict`` builds."""

    @property
    def sort_key(self) -> tuple[str, int, str]:
        return (self.src_path or "", self.line or 0, self.message)


def check_pages(
    publication: Publication,
    pages: Mapping[str, str | None],
    vocabulary: Vocabulary,
) -> list[Finding]:
    """Every problem the build would report about ``pages`` (source path -> text, None when
    unreadable) as it reads them, sorted by file and line.

    Every page is read, because a post's pins name other posts; a caller that wants only some
    files' problems filters the findings."""
    front_matter = FrontMatterCache()
    read = ((src, text, True) for src, text in pages.items())
    _, problems = publication.read_posts(read, vocabulary, front_matter)
    publication.publish(lambda src: True)  # As if no other plugin left a post out.
    problems += publication.pins()[1]
    findings = [finding_of(problem, pages.get(problem.src_path)) for problem in problems]
    findings += _crowded_findings(publication, pages, vocabulary)
    findings += _signup_findings(publication, pages, front_matter)
    return sorted(findings, key=lambda finding: finding.sort_key)


def finding_of(problem: Problem, text: str | None) -> Finding:
    """``problem`` as the build words it, at its line of ``text`` (the page's source)."""
    line = problem_line(text, problem) if text is not None else problem.line
    return Finding(str(problem), problem.src_path, line)


def _crowded_findings(
    publication: Publication, pages: Mapping[str, str | None], vocabulary: Vocabulary
) -> Iterable[Finding]:
    """Posts naming more companies and topics than anyone means to, pointed at the first
    field that lists them."""
    fields = ("subject_company", *vocabulary.topic_fields)
    for warning in crowded_posts(publication.articles.values()):
        named = (src for src in publication.articles if warning.startswith(f"{src}: names "))
        src_path = max(named, key=len)  # The warning begins with the post's path.
        text = pages.get(src_path) or ""
        lines = (field_line(text, name) for name in fields)
        yield Finding(warning, src_path, min((line for line in lines if line), default=None))


def _signup_findings(
    publication: Publication, pages: Mapping[str, str | None], front_matter: FrontMatterCache
) -> Iterable[Finding]:
    """A ``newsletter`` field that is not true or false, on any page, where the site has a
    signup block (the build judges it as it places the block)."""
    for src_path, text in pages.items():
        if text is None:
            continue
        meta = front_matter.split(src_path, text).meta
        if NEWSLETTER_FIELD not in meta:
            continue
        _, problem = publication.wants_signup(
            src_path,
            meta,
            marked=False,
            is_index_page=False,
            first_page=None,
            front_matter_of=lambda src: {},
        )
        if problem is not None:
            yield Finding(problem, src_path, field_line(text, NEWSLETTER_FIELD))
