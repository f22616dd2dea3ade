"""``mkdocs-aicommentary check`` (also ``python -m mkdocs_aicommentary check``): the build's
front matter warnings, with file and line, in a fraction of a second, for a pre-commit hook or
the first step of a pull request's checks.

Exit codes follow ``mkdocs build``: 1 for a broken configuration; for warnings, 1 under
``--strict`` (or ``strict: true`` in ``mkdocs.yml``) and 0 without, as the build would publish.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .core.check import Finding

FORMATS = ("text", "github")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    if arguments.command != "check":
        parser.print_help()
        return 2
    return check(
        arguments.files,
        config_file=arguments.config_file,
        strict=arguments.strict,
        output_format=arguments.format,
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mkdocs-aicommentary", description="Tools for sites that use mkdocs-aicommentary."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check_command = commands.add_parser(
        "check",
        help="check every post's front matter as the build would, without building",
        description="Report the warnings the build would give about posts' front matter, "
        "with file and line, without building the site.",
    )
    check_command.add_argument(
        "files",
        nargs="*",
        help="report only on these Markdown files (as pre-commit passes them); "
        "default: every page of the site",
    )
    check_command.add_argument(
        "-f",
        "--config-file",
        help="the site's configuration (default: mkdocs.yml in the working folder)",
    )
    check_command.add_argument(
        "-s",
        "--strict",
        action="store_true",
        help="exit 1 on warnings too, as `mkdocs build --strict` stops on them",
    )
    check_command.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (path:line: message) or github (workflow commands that annotate a pull "
        "request's files)",
    )
    return parser


def check(
    files: Sequence[str] = (),
    *,
    config_file: str | None = None,
    strict: bool = False,
    output_format: str = "text",
    out: TextIO | None = None,
) -> int:
    """Check the site and print its findings; the exit code ``mkdocs build`` would give."""
    from .adapter.check_site import check_site  # Imports MkDocs: not for ``--help``.

    out = out or sys.stdout
    site = check_site(config_file)
    findings = site.findings
    config_path = _shown_path(site.config_file or config_file or "mkdocs.yml")
    if files and site.docs_dir is not None and not _names_the_config(files, site.config_file):
        wanted = _sources(files, site.docs_dir)
        findings = [each for each in findings if each.src_path is None or each.src_path in wanted]
    for finding in findings:
        path = _shown_path(os.path.join(site.docs_dir or "", finding.src_path or ""))
        print(_format(finding, path if finding.src_path else config_path, output_format), file=out)
    errors = sum(finding.error for finding in findings)
    warnings = len(findings) - errors
    strict = strict or site.strict
    if output_format == "text":
        print(site.note or _summary(site.posts, errors, warnings, strict), file=out)
    return 1 if errors or (warnings and strict) else 0


def _format(finding: Finding, path: str, output_format: str) -> str:
    level = "error" if finding.error else "warning"
    message = finding.message
    if finding.src_path and message.startswith(finding.src_path + ": "):
        message = message[len(finding.src_path) + 2 :]  # The location says which file.
    if output_format == "github":
        where = f"file={_property(path)}" + (f",line={finding.line}" if finding.line else "")
        return f"::{level} {where}::{_data(message)}"
    line = f":{finding.line}" if finding.line else ""
    return f"{path}{line}: {level}: {message}"


def _summary(posts: int, errors: int, warnings: int, strict: bool) -> str:
    checked = f"{posts:,} post{'' if posts == 1 else 's'} checked"
    if errors:
        return f"{checked}: {errors} error(s), {warnings} warning(s); the build would stop too."
    if warnings:
        if strict:
            return f"{checked}: {warnings} warning(s); failed, as a strict build would."
        return f"{checked}: {warnings} warning(s), which `mkdocs build --strict` would stop at."
    return f"{checked}: no problems."


def _data(text: str) -> str:
    """A workflow command's message, escaped as GitHub Actions reads it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A workflow command's property (``file=...``), escaped as GitHub Actions reads it."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _shown_path(path: str) -> str:
    """A path relative to the working folder when it is inside it (what editors, pre-commit
    and GitHub's annotations expect), with forward slashes."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()


def _sources(files: Sequence[str], docs_dir: str) -> set[str]:
    """The given files as source paths in ``docs_dir``; files outside it are no pages."""
    docs = Path(docs_dir).resolve()
    sources = set()
    for name in files:
        try:
            sources.add(Path(name).resolve().relative_to(docs).as_posix())
        except ValueError:
            continue
    return sources


def _names_the_config(files: Sequence[str], config_file: str | None) -> bool:
    """Whether ``mkdocs.yml`` is among ``files``: a change there may touch every post."""
    if config_file is None:
        return False
    return any(Path(name).resolve() == Path(config_file).resolve() for name in files)
