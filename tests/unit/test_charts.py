"""Chart geometry and the words that describe each chart."""

from mkdocs_aicommentary.charts import (
    BAR_HEIGHT,
    COUNT_SPACE,
    LABEL_WIDTH,
    WIDTH,
    Bar,
    Month,
    bar_chart,
    months_between,
    timeline,
)


def test_bars_scale_to_the_largest_count():
    chart = bar_chart("stances", "By stance", [Bar("Bullish", 4, "bullish"), Bar("Bearish", 1)])
    plot = WIDTH - LABEL_WIDTH - COUNT_SPACE
    assert [row.width for row in chart.rows] == [plot, plot / 4]
    assert [row.stance for row in chart.rows] == ["bullish", None]
    assert chart.rows[1].y > chart.rows[0].y
    assert chart.height == 2 * 24
    assert chart.bar_height == BAR_HEIGHT


def test_a_zero_bar_has_no_width_and_a_tiny_one_stays_visible():
    chart = bar_chart("x", "X", [Bar("Big", 1000), Bar("Small", 1), Bar("None", 0)])
    assert chart.rows[1].width == 2.0
    assert chart.rows[2].width == 0


def test_no_bars_at_all_does_not_divide_by_zero():
    chart = bar_chart("x", "X", [Bar("A", 0)])
    assert chart.rows[0].width == 0


def test_description_says_every_count_and_what_was_left_out():
    chart = bar_chart(
        "companies", "T", [Bar("NVIDIA", 2), Bar("AMD", 1)], more=3, more_what="other companies"
    )
    assert chart.description == "NVIDIA: 2 articles; AMD: 1 article. 3 other companies not shown."


def test_long_labels_are_shortened_but_kept_whole_for_the_reader():
    name = "An Extraordinarily Long Company Name Incorporated"
    row = bar_chart("x", "X", [Bar(name, 1)]).rows[0]
    assert row.label.endswith("…") and len(row.label) <= 18
    assert row.full_label == name


def test_months_between_fills_the_gaps_with_zero():
    months = months_between([(2025, 11), (2026, 2), (2025, 11)])
    assert [(m.year, m.month, m.count) for m in months] == [
        (2025, 11, 2),
        (2025, 12, 0),
        (2026, 1, 0),
        (2026, 2, 1),
    ]
    assert months_between([]) == []


def test_timeline_marks_years_and_scales_columns():
    months = [Month(2025, 12, 1), Month(2026, 1, 2), Month(2026, 2, 0)]
    chart = timeline("months", "Per month", months, undated=1)
    assert [c.year_label for c in chart.columns] == ["2025", "2026", None]
    assert [c.height for c in chart.columns] == [40.0, 80.0, 0.0]
    assert chart.columns[1].y == 0.0
    assert chart.description == (
        "Articles per month, from December 2025 to February 2026. "
        "December 2025: 1 article; January 2026: 2 articles. "
        "1 article without a date not shown."
    )
