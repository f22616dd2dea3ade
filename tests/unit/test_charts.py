"""Chart geometry and the words that describe each chart."""

import itertools

from mkdocs_aicommentary.features.charts import (
    BAR_HEIGHT,
    COUNT_SPACE,
    LABEL_WIDTH,
    TIMELINE_PLOT_HEIGHT,
    WIDTH,
    Bar,
    Month,
    bar_chart,
    months_between,
    periods_between,
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
    chart = bar_chart("companies", "T", [Bar("NVIDIA", 2), Bar("AMD", 1)], more=3)
    assert chart.description == "NVIDIA: 2 articles; AMD: 1 article. 3 other companies not shown."
    one_more = bar_chart("companies", "T", [Bar("NVIDIA", 2)], more=1)
    assert one_more.description == "NVIDIA: 2 articles. 1 other company not shown."


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
    full = TIMELINE_PLOT_HEIGHT
    assert [c.height for c in chart.columns] == [full / 2, full, 0.0]
    assert [c.y + c.height for c in chart.columns] == [chart.axis_y] * 3
    assert chart.description == (
        "Articles per month, from December 2025 to February 2026. "
        "December 2025: 1 article; January 2026: 2 articles. "
        "1 article without a date not shown."
    )


def test_every_month_says_its_count_in_words_and_wide_ones_in_numbers():
    months = [Month(2025, 12, 1), Month(2026, 1, 12), Month(2026, 2, 0)]
    chart = timeline("months", "Per month", months)
    assert [c.title for c in chart.columns] == [
        "December 2025: 1 article",
        "January 2026: 12 articles",
        "February 2026: 0 articles",
    ]
    assert [c.count_label for c in chart.columns] == ["1", "12", None]
    assert all(c.count_y < c.y for c in chart.columns if c.count_label)


def test_month_labels_as_names_initials_or_none_as_room_allows():
    def labels(count):
        months = [Month(2020 + i // 12, i % 12 + 1, 1) for i in range(count)]
        return [c.month_label for c in timeline("m", "T", months).columns]

    assert labels(3) == ["Jan", "Feb", "Mar"]
    assert labels(24)[:4] == ["J", "F", "M", "A"]
    assert set(labels(60)) == {None}


def test_crowded_numbers_leave_only_the_peak_to_give_the_scale():
    months = [Month(2020 + i // 12, i % 12 + 1, 3 if i in (10, 20) else 1) for i in range(60)]
    chart = timeline("m", "T", months)
    assert [(i, c.count_label) for i, c in enumerate(chart.columns) if c.count_label] == [(10, "3")]
    assert all(
        c.title.endswith("article" if c.month.count == 1 else "articles") for c in chart.columns
    )


def test_year_labels_keep_apart_on_long_timelines():
    months = [Month(2000 + i // 12, i % 12 + 1, 1) for i in range(12 * 30)]
    columns = timeline("m", "T", months).columns
    labelled = [index for index, c in enumerate(columns) if c.year_label]
    gaps = {(b - a) * WIDTH / len(months) for a, b in itertools.pairwise(labelled)}
    assert min(gaps) >= 28
    assert [columns[i].year_label for i in labelled][:3] == ["2000", "2005", "2010"]


def test_first_year_label_gives_way_to_a_january_close_behind():
    months = [Month(2025, 12, 1)] + [Month(2026 + i // 12, i % 12 + 1, 1) for i in range(40)]
    columns = timeline("m", "T", months).columns
    assert columns[0].year_label is None
    assert columns[1].year_label == "2026"


def test_a_timeline_of_more_than_ten_years_counts_years():
    periods = periods_between([(1950, 6), (2026, 6), (2026, 1)])
    assert [(period.year, period.count) for period in periods[:2]] == [(1950, 1), (1951, 0)]
    assert periods[-1].year == 2026 and periods[-1].count == 2
    chart = timeline("years", "Per year", periods)
    labelled = [column.year_label for column in chart.columns if column.year_label]
    assert labelled[0] == "1950"
    assert all(int(label) % 10 == 0 for label in labelled[1:])
    assert all(column.month_label is None for column in chart.columns)
    assert chart.columns[-1].title == "2026: 2 articles"
    assert chart.description.startswith("Articles per year, from 1950 to 2026. 1950: 1 article;")


def test_ten_years_are_still_counted_by_month():
    periods = periods_between([(2016, 1), (2025, 12)])
    assert len(periods) == 120
    assert all(period.month is not None for period in periods)
