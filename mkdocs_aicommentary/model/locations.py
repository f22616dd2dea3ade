"""Where in a Markdown file a front matter field is written: the line a check points an author
(or an editor, or a pull request's annotations) at.

The build has no use for lines, so the readers in :mod:`.front_matter` do not keep them; a check
finds them afterwards, only for the fields it reports, from the YAML's own marks.
"""

from __future__ import annotations

import yaml

from .articles import Problem
from .front_matter import front_matter_block

try:  # Composing needs no constructor; the C parser where PyYAML has it.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

FIRST_LINE = 1
"""The line a problem with the front matter as a whole points at: its opening ``---``."""


def problem_line(text: str, problem: Problem) -> int | None:
    """The line (1 is the first) of ``text`` where ``problem``'s field is written: the item of
    a list when the problem names one value of it, else the field's key; the problem's own line
    when the reader knew it; None when the field is not in the front matter (a field named as
    another plugin reads it, say)."""
    if problem.line is not None:
        return problem.line
    if not problem.field:
        return FIRST_LINE
    return field_line(text, problem.field, problem.value)


def field_line(text: str, field: str, value: object = None) -> int | None:
    """The line of ``field`` in ``text``'s front matter (``date.updated`` is ``updated``
    inside ``date``); of the list item equal to ``value`` when the field holds a list."""
    block = front_matter_block(text)
    if block is None:
        return None
    try:
        root = yaml.compose(block, Loader=_Loader)
    except yaml.YAMLError:
        return None
    node = _find(root, field) or _find_path(root, field.split("."))
    if node is None:
        return None
    key, found = node
    if isinstance(found, yaml.SequenceNode) and isinstance(value, str):
        for item in found.value:
            if isinstance(item, yaml.ScalarNode) and item.value == value:
                return item.start_mark.line + 2
    return key.start_mark.line + 2  # The block starts on the line after the opening ---.


def _find(node: yaml.Node | None, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The key node and value node of ``key`` in the mapping ``node``."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def _find_path(node: yaml.Node | None, parts: list[str]) -> tuple[yaml.Node, yaml.Node] | None:
    found = None
    for part in parts:
        found = _find(node, part)
        if found is None:
            return None
        node = found[1]
    return found
