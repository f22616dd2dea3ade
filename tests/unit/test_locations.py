"""The line a check points at for each problem the front matter readers report."""

from mkdocs_aicommentary.model.articles import Problem, Vocabulary
from mkdocs_aicommentary.model.front_matter import read_article, split_front_matter
from mkdocs_aicommentary.model.locations import field_line, problem_line

TEXT = """---
title: Chips
date:
  created: 2026-01-01
  updated: 0026-01-01
stance: sideways
related:
  - a.md
  - "nowhere.md"
" Draft": yes
---
# Chips
"""


def lines_of(text: str) -> dict[str, int | None]:
    front_matter = split_front_matter("posts/chips.md", text)
    _, problems = read_article("posts/chips.md", front_matter, Vocabulary({"bullish": "B"}))
    return {problem.field: problem_line(text, problem) for problem in problems}


def test_each_field_is_found_where_it_is_written_nested_or_spelt_oddly():
    assert lines_of(TEXT) == {"date.updated": 5, "stance": 6, " Draft": 10}


def test_a_value_of_a_list_is_found_on_its_own_line():
    assert field_line(TEXT, "related", "nowhere.md") == 9
    assert field_line(TEXT, "related", "elsewhere.md") == 7
    assert field_line(TEXT, "missing") is None
    assert field_line("# No front matter\n", "title") is None


def test_broken_yaml_points_where_the_parser_stopped_and_the_whole_block_at_its_start():
    broken = "---\ntitle: A\ntopics: [a\n---\n"
    problem = split_front_matter("a.md", broken).problem
    assert problem is not None and problem_line(broken, problem) == problem.line == 4
    assert "at line 4" in str(problem)
    assert problem_line(broken, Problem("a.md", "", None, "front matter must be ...")) == 1
