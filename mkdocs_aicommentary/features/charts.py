"""The numbers behind the index pages' pictures: bar and timeline geometry, and their words.

Plain data in, plain data out: the SVG itself comes from templates
(``aicommentary/bar_chart.html``, ``aicommentary/timeline_chart.html``) that only place what is
computed here. Every chart carries a title and a description that say in words what the bars
show, for screen readers and for anyone whose browser shows no pictures; the words and month
names come from the site's :class:`~.i18n.Labels`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..i18n.language import ENGLISH, Labels

WIDTH = 400
"""Width of every chart's viewBox; CSS scales it to the column."""

LABEL_WIDTH = 120
LABEL_CHARS = 18
ROW_HEIGHT = 24
BAR_HEIGHT = 16
COUNT_SPACE = 36
"""Room right of the longest bar for its number."""

TIMELINE_COUNT_ROW = 14
"""Room above the tallest column for its number."""
TIMELINE_PLOT_HEIGHT = 72
TIMELINE_LABEL_ROW = 14
"""Height of each row of labels under the axis: months (when they fit), then years."""
CHAR_WIDTH = 7.5
"""About how wide one character of chart text is, in viewBox units (font-size 12)."""
MONTH_NAMES_FROM = 28
"""Slot width from which months are labelled "Jan", "Feb"; narrower down to
``MONTH_INITIALS_FROM`` they get "J", "F"; narrower still, only years."""
MONTH_INITIALS_FROM = 10
YEAR_LABEL_SPACE = 34
"""Least distance between two year labels (a year is about 28 units wide)."""
MAX_MONTHS = 120
"""Longest timeline drawn by month; a longer one counts years, so one typo in a date cannot
make thousands of columns."""
MAX_YEARS = 400
"""Longest timeline drawn at all (the dates articles may have span 301 years)."""


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of a bar chart before layout: a label, a number and an optional stance key."""

    label: str
    count: int
    stance: str | None = None


@dataclass(frozen=True, slots=True)
class BarRow:
    label: str
    """The label as drawn (shortened when long)."""
    full_label: str
    count: int
    stance: str | None
    y: float
    text_y: float
    width: float


@dataclass(frozen=True, slots=True)
class BarChart:
    name: str
    """A slug for ids and CSS (``stances``, ``companies``)."""
    title: str
    description: str
    width: int
    height: int
    bar_x: int
    label_x: int
    bar_height: int
    rows: tuple[BarRow, ...]


@dataclass(frozen=True, slots=True)
class Month:
    year: int
    month: int
    count: int


@dataclass(frozen=True, slots=True)
class Year:
    """A column of a timeline too long to count months."""

    year: int
    count: int
    month = None
    """Not a month: lets a template tell a year from a month."""


@dataclass(frozen=True, slots=True)
class Column:
    month: Month | Year
    """What the column counts: a month, or a year on a long timeline."""
    x: float
    y: float
    width: float
    height: float
    center: float
    """Middle of the column, where its number and month label are centred."""
    title: str
    """What the column says in words ("March 2026: 2 articles"), its tooltip."""
    count_x: float
    count_y: float
    """Where that number is centred: just above the column, kept inside the chart."""
    count_label: str | None
    """The number drawn above the column: every column's when numbers fit, else only the
    first of the busiest, which gives the scale."""
    month_label: str | None
    """"Mar" or "M" under the axis when month columns are wide enough."""
    year_label: str | None
    """The year, under the first column and every January (fewer when crowded), starting
    where the column starts."""


@dataclass(frozen=True, slots=True)
class Timeline:
    name: str
    title: str
    description: str
    width: int
    height: int
    axis_y: int
    """Where the columns stand."""
    month_y: int
    """Baseline of the month labels."""
    year_y: int
    """Baseline of the year labels."""
    columns: tuple[Column, ...]


def bar_chart(
    name: str,
    title: str,
    bars: Sequence[Bar],
    *,
    more: int = 0,
    more_key: str = "chart.more_companies",
    labels: Labels = ENGLISH,
) -> BarChart:
    """Horizontal bars, one per row, scaled to the largest count.

    ``more`` says how many rows were left out; the description says so in the words of the
    label ``more_key``.
    """
    largest = max((bar.count for bar in bars), default=0)
    plot = WIDTH - LABEL_WIDTH - COUNT_SPACE
    rows = []
    for index, bar in enumerate(bars):
        width = _scaled(bar.count, largest, plot)
        y = index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2
        rows.append(
            BarRow(
                label=_shorten(bar.label, LABEL_CHARS),
                full_label=bar.label,
                count=bar.count,
                stance=bar.stance,
                y=round(y, 2),
                text_y=round(index * ROW_HEIGHT + ROW_HEIGHT / 2, 2),
                width=round(width, 2),
            )
        )
    parts = [_entry(labels, bar.label, bar.count) for bar in bars]
    description = labels("separator.items").join(parts) + "."
    if more:
        description += " " + labels(more_key, count=more)
    return BarChart(
        name=name,
        title=title,
        description=description,
        width=WIDTH,
        height=max(len(rows), 1) * ROW_HEIGHT,
        bar_x=LABEL_WIDTH,
        label_x=LABEL_WIDTH - 8,
        bar_height=BAR_HEIGHT,
        rows=tuple(rows),
    )


def _scaled(count: int, largest: int, length: float) -> float:
    """How long a bar (or column) for ``count`` is when the largest count gets ``length``;
    never shorter than 2 units unless it counts nothing, so a small count stays visible."""
    size = length * count / largest if largest else 0.0
    return 2.0 if count and size < 2 else size


def months_between(counts: Iterable[tuple[int, int]]) -> list[Month]:
    """Every month from the first to the last (year, month) given, with how often each came up."""
    tally: dict[tuple[int, int], int] = {}
    for key in counts:
        tally[key] = tally.get(key, 0) + 1
    if not tally:
        return []
    (year, month), last = min(tally), max(tally)
    months = []
    while (year, month) <= last:
        months.append(Month(year, month, tally.get((year, month), 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def periods_between(counts: Iterable[tuple[int, int]]) -> Sequence[Month | Year]:
    """The columns of a timeline of these (year, month) pairs: every month from the first to the
    last, or every year when that is more than ``MAX_MONTHS`` months, or none at all when it is
    more than ``MAX_YEARS`` years."""
    keys = list(counts)
    if not keys:
        return []
    (first_year, first_month), (last_year, last_month) = min(keys), max(keys)
    if (last_year - first_year) * 12 + last_month - first_month < MAX_MONTHS:
        return months_between(keys)
    if last_year - first_year < MAX_YEARS:
        tally = Counter(year for year, _ in keys)
        return [Year(year, tally[year]) for year in range(first_year, last_year + 1)]
    return []


def timeline(
    name: str,
    title: str,
    months: Sequence[Month | Year],
    *,
    undated: int = 0,
    labels: Labels = ENGLISH,
) -> Timeline:
    """Columns per month (or year), scaled to the busiest, with its number above each column
    that has room, months and years under the axis, and a title per column for a pointer's
    hover."""
    largest = max((month.count for month in months), default=0)
    slot = WIDTH / max(len(months), 1)
    bar = max(min(slot * 0.8, 32.0), 1.0)
    numbers_fit = len(str(largest)) * CHAR_WIDTH + 2 <= slot
    half_number = len(str(largest)) * CHAR_WIDTH / 2
    peak = next((index for index, month in enumerate(months) if month.count == largest), None)
    by_year = bool(months) and months[0].month is None
    month_label = None if by_year else _month_labeller(slot, labels)
    years = _year_columns(months, slot)
    axis_y = TIMELINE_COUNT_ROW + TIMELINE_PLOT_HEIGHT
    month_y = axis_y + TIMELINE_LABEL_ROW - 2
    year_y = month_y + (TIMELINE_LABEL_ROW if month_label is not None else 0)
    columns = []
    for index, month in enumerate(months):
        height = _scaled(month.count, largest, TIMELINE_PLOT_HEIGHT)
        x = index * slot + (slot - bar) / 2
        shows_count = month.count > 0 and (numbers_fit or index == peak)
        columns.append(
            Column(
                month=month,
                x=round(x, 2),
                y=round(axis_y - height, 2),
                width=round(bar, 2),
                height=round(height, 2),
                center=round(x + bar / 2, 2),
                title=_capitalized(_month_entry(labels, month)),
                count_x=round(min(max(x + bar / 2, half_number), WIDTH - half_number), 2),
                count_y=round(axis_y - height - 3, 2),
                count_label=str(month.count) if shows_count else None,
                month_label=month_label(month)
                if month_label is not None and isinstance(month, Month)
                else None,
                year_label=str(month.year) if index in years else None,
            )
        )
    return Timeline(
        name=name,
        title=title,
        description=_timeline_description(months, undated, labels),
        width=WIDTH,
        height=year_y + 4,
        axis_y=axis_y,
        month_y=month_y,
        year_y=year_y,
        columns=tuple(columns),
    )


def _month_labeller(slot: float, labels: Labels) -> Callable[[Month], str] | None:
    """How wide columns name their month: "Mar", "M", or not at all (None).

    Names need room for the longest of them ("Mar" in English, "févr." in French)."""
    names = labels.names("date.short_months")
    if slot >= max(MONTH_NAMES_FROM, max(map(len, names)) * CHAR_WIDTH + 5.5):
        return lambda month: names[month.month - 1]
    initials = labels.names("date.initial_months")
    if slot >= MONTH_INITIALS_FROM:
        return lambda month: initials[month.month - 1]
    return None


def _year_columns(months: Sequence[Month | Year], slot: float) -> set[int]:
    """Indexes of the columns labelled with their year, far enough apart to be read.

    Every January (or year), or every second, fifth ... on a long timeline; the first column
    too, unless the first labelled January follows too closely.
    """
    per_year = 1 if months and months[0].month is None else 12
    step = 1
    while step * per_year * slot < YEAR_LABEL_SPACE and step < 1000:
        step = {1: 2, 2: 5}.get(step, step * 2)
    januaries = [
        index
        for index, month in enumerate(months)
        if month.month in (None, 1) and index > 0 and month.year % step == 0
    ]
    chosen = set(januaries)
    if months and (not januaries or januaries[0] * slot >= YEAR_LABEL_SPACE):
        chosen.add(0)
    return chosen


def _timeline_description(months: Sequence[Month | Year], undated: int, labels: Labels) -> str:
    if not months:
        text = labels("chart.no_dates")
    else:
        busy = labels("separator.items").join(
            _month_entry(labels, month) for month in months if month.count
        )
        first, last = _period_name(labels, months[0]), _period_name(labels, months[-1])
        if months[0].month is None:
            span = labels("chart.years_span", start=first, end=last)
        elif len(months) == 1:
            span = labels("chart.months_one", month=first)
        else:
            span = labels("chart.months_span", start=first, end=last)
        text = f"{span} {_capitalized(busy)}."
    if undated:
        text += " " + labels("chart.undated", count=undated)
    return text


def _entry(labels: Labels, label: str, count: int) -> str:
    """ "NVIDIA: 2 articles"."""
    return labels("chart.entry", label=label, articles=labels("articles", count=count))


def _month_entry(labels: Labels, month: Month | Year) -> str:
    """ "March 2026: 2 articles" ("mars 2026 : 2 articles"), or "2026: 2 articles"."""
    return _entry(labels, _period_name(labels, month), month.count)


def _period_name(labels: Labels, period: Month | Year) -> str:
    if period.month is None:
        return str(period.year)
    return labels.month_year(period.year, period.month)


def _capitalized(text: str) -> str:
    """A sentence's first letter in capitals: month names are lower case in some languages."""
    return text[:1].upper() + text[1:]


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
