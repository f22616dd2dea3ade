"""YAML front matter as anyone may write it: read without crashing and without blowing up.

PyYAML's safe loader is safe from code execution, not from careless or hostile input: a date
that is not on the calendar (``2026-02-30``) raises ``ValueError`` from its timestamp
constructor, an explicit tag raises whatever its conversion raises (``!!int nine``), and a few
hundred bytes of aliases (the "billion laughs") stand for billions of values, which anything
that walks or prints them pays for. Here an unbuildable date stays the text the author typed,
marked as :class:`UnbuildableDate` for the field checks to report; every other failure is a
:class:`FrontMatterError`; and a document whose aliases expand beyond a small budget, or that
nests too deep, is refused before anything is built from it.
"""

from __future__ import annotations

from typing import Any

import yaml

try:  # The C loader is several times faster on large sites; fall back where it is not built.
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

ALIAS_BUDGET = 10_000
"""Values that aliases may add to a document once expanded (each alias counts what it names)."""
MAX_DEPTH = 100
"""Deepest nesting of lists and mappings accepted."""

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class FrontMatterError(Exception):
    """Front matter that cannot be read; ``line`` is 0-based in the YAML block, when known."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


class UnbuildableDate(str):
    """What YAML takes for a date but cannot build (``2026-02-30``), kept as the text typed."""

    __slots__ = ()


class _LenientLoader(_SafeLoader):
    def construct_lenient_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.construct_yaml_timestamp(node)
        except Exception:  # ValueError, OverflowError, or anything an explicit tag leads to.
            return UnbuildableDate(self.construct_scalar(node))


_LenientLoader.add_constructor(_TIMESTAMP_TAG, _LenientLoader.construct_lenient_timestamp)


class _CheckedLoader(_LenientLoader):
    def construct_document(self, node: yaml.Node) -> Any:
        _check_size(node)
        return super().construct_document(node)


def _may_be_too_big(text: str) -> bool:
    """Whether ``text`` may hold an alias or nest deeper than ``MAX_DEPTH``: every alias
    starts with ``*``, and every level of nesting needs one of ``- : ? [ {``. Front matter as
    people write it has none of the one and a few dozen of the others, and skips the walk."""
    if "*" in text:
        return True
    indicators = sum(text.count(char) for char in "-:?[{")
    return indicators >= MAX_DEPTH


def load(text: str) -> Any:
    """The value of one YAML document; :class:`FrontMatterError` for anything wrong with it."""
    try:
        return yaml.load(text, Loader=_CheckedLoader if _may_be_too_big(text) else _LenientLoader)
    except FrontMatterError:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        reason = error.problem or "it is not valid YAML"
        raise FrontMatterError(reason, mark.line if mark is not None else None) from None
    except yaml.YAMLError:
        raise FrontMatterError("it is not valid YAML") from None
    except RecursionError:
        raise FrontMatterError(f"it nests lists or mappings deeper than {MAX_DEPTH}") from None
    except Exception as error:  # PyYAML's constructors raise what their conversions raise.
        reason = f"YAML cannot build one of its values ({type(error).__name__})"
        raise FrontMatterError(reason) from None


def _check_size(root: yaml.Node) -> None:
    """Refuse a document that nests too deep or whose aliases expand beyond the budget.

    Counts, once per node, how many values the node stands for with every alias expanded; an
    alias is the very node it names, so the count is linear in the document as written.
    """
    expanded: dict[int, int] = {}
    in_progress: set[int] = set()
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 0, False)]
    while stack:
        node, depth, finished = stack.pop()
        key = id(node)
        if finished:
            in_progress.discard(key)
            expanded[key] = 1 + sum(expanded[id(child)] for child in _children(node))
            continue
        if key in expanded:
            continue
        if key in in_progress:
            raise FrontMatterError("an alias refers to a list or mapping that holds it")
        if depth > MAX_DEPTH:
            raise FrontMatterError(f"it nests lists or mappings deeper than {MAX_DEPTH}")
        in_progress.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in _children(node))
    if expanded[id(root)] - len(expanded) > ALIAS_BUDGET:
        raise FrontMatterError(
            f"its aliases (*name) stand for more than {ALIAS_BUDGET:,} values; write the values "
            "out instead"
        )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [item for pair in node.value for item in pair]
    return []
