"""The pictures at the top of an index page: which charts a kind's record names, and the bars
and timelines each draws from the page's articles. No MkDocs here."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..features.charts import Bar, BarChart, Timeline, bar_chart, periods_between, timeline
from ..i18n.language import ENGLISH, Labels
from ..model.articles import Article
from ..model.index_kinds import COMPANIES, kind
from ..model.taxonomy import Taxonomy, Term
from .index_plan import PlannedPage

CHART_ROWS = 10
"""Most companies a stance page's chart shows."""


@dataclass(frozen=True, slots=True)
class TermChart:
    """What a chart on page 1 of a term's listing is drawn from."""

    articles: Sequence[Article]
    """Every article of the term, not only page 1's."""
    term: Term
    taxonomy: Taxonomy
    stance_labels: Mapping[str, str]
    labels: Labels


def stance_bars(
    articles: Sequence[Article], stance_labels: Mapping[str, str], labels: Labels = ENGLISH
) -> list[Bar]:
    """Articles per stance, every configured stance in order; "No stance" only when needed."""
    counts = dict.fromkeys(stance_labels, 0)
    unstated = 0
    for article in articles:
        if article.stance in counts:
            counts[article.stance] += 1
        else:
            unstated += 1
    bars = [Bar(stance_labels[key], count, key) for key, count in counts.items()]
    if unstated:
        bars.append(Bar(labels("chart.no_stance"), unstated))
    return bars


def company_bars(
    articles: Sequence[Article],
    taxonomy: Taxonomy,
    limit: int = CHART_ROWS,
    stance: str | None = None,
) -> tuple[list[Bar], int]:
    """The most covered companies (most articles first, then by name), and how many more."""
    counts, ranked = _companies_by_coverage(articles, taxonomy)
    bars = [Bar(term.name, counts[term], stance) for term in ranked[:limit]]
    return bars, max(0, len(ranked) - limit)


def _companies_by_coverage(
    articles: Sequence[Article], taxonomy: Taxonomy
) -> tuple[dict[Term, int], list[Term]]:
    """The articles per company, and the companies most covered first (then by name)."""
    counts: dict[Term, int] = {}
    for article in articles:
        for name in COMPANIES.names(article):
            term = taxonomy.term(COMPANIES.name, name)
            counts[term] = counts.get(term, 0) + 1
    ranked = sorted(counts, key=lambda term: (-counts[term], term.name.casefold(), term.slug))
    return counts, ranked


Chart = BarChart | Timeline


def charts_for(
    page: PlannedPage,
    taxonomy: Taxonomy,
    stance_labels: Mapping[str, str],
    labels: Labels = ENGLISH,
) -> list[Chart]:
    """The pictures at the top of a page, maybe none: those its kind's record names."""
    if page.number != 1:
        return []
    of_kind = kind(page.kind)
    if page.is_overview:
        if of_kind.overview_chart is None:
            return []
        return [OVERVIEW_CHARTS[of_kind.overview_chart](page, labels)]
    if page.term is None:
        return []
    term_chart = TermChart(page.articles, page.term, taxonomy, stance_labels, labels)
    return [chart for name in of_kind.term_charts for chart in TERM_CHARTS[name](term_chart)]


def _stances_of_term(of: TermChart) -> list[Chart]:
    """The term's articles by stance, every configured stance in order."""
    bars = stance_bars(of.articles, of.stance_labels, of.labels)
    return [
        bar_chart(
            "stances", of.labels("chart.by_stance", name=of.term.name), bars, labels=of.labels
        )
    ]


def _timeline_of_term(of: TermChart) -> list[Chart]:
    """The term's articles per month (per year over a long span)."""
    dated = [(a.date.year, a.date.month) for a in of.articles if a.date is not None]
    periods = periods_between(dated)
    if not periods:  # Without a single date, a timeline would be an empty axis.
        return []
    unit = "year" if periods[0].month is None else "month"
    return [
        timeline(
            f"{unit}s",
            of.labels(f"chart.per_{unit}", name=of.term.name),
            periods,
            undated=len(of.articles) - len(dated),
            labels=of.labels,
        )
    ]


def _companies_of_term(of: TermChart) -> list[Chart]:
    """The companies the term's articles cover most, coloured as the stance the term is
    (where its kind's terms are the configured stances)."""
    stance = of.term.slug if kind(of.term.kind).configured else None
    bars, more = company_bars(of.articles, of.taxonomy, stance=stance)
    if not bars:
        return []
    title = of.labels("chart.by_company", name=of.term.name)
    return [bar_chart("companies", title, bars, more=more, labels=of.labels)]


def _stance_by_company(of: TermChart) -> list[Chart]:
    """Where the term's articles stand on each company they cover most: a bar per company,
    as long as its articles and coloured as their most taken stance, named in its label."""
    counts, ranked = _companies_by_coverage(of.articles, of.taxonomy)
    if not counts:
        return []
    stances: dict[Term, dict[str, int]] = {}
    for article in of.articles:
        stance = article.stance
        if stance is not None and stance in of.stance_labels:
            for name in COMPANIES.names(article):
                taken = stances.setdefault(of.taxonomy.term(COMPANIES.name, name), {})
                taken[stance] = taken.get(stance, 0) + 1
    order = {key: index for index, key in enumerate(of.stance_labels)}
    bars = []
    for company in ranked[:CHART_ROWS]:
        taken = stances.get(company, {})
        stance = min(taken, key=lambda key: (-taken[key], order[key])) if taken else None
        label = company.name
        if stance is not None:
            label = of.labels(
                "chart.company_stance", company=company.name, stance=of.stance_labels[stance]
            )
        bars.append(Bar(label, counts[company], stance))
    title = of.labels("chart.author_stances", name=of.term.name)
    more = max(0, len(ranked) - CHART_ROWS)
    return [bar_chart("stance-by-company", title, bars, more=more, labels=of.labels)]


TERM_CHARTS: Mapping[str, Callable[[TermChart], list[Chart]]] = {
    "by_stance": _stances_of_term,
    "per_period": _timeline_of_term,
    "by_company": _companies_of_term,
    "stance_by_company": _stance_by_company,
}
"""The charts a kind's record can name for page 1 of a term's listing."""


def _stance_overview(page: PlannedPage, labels: Labels) -> Chart:
    """Articles per stance, in the configured order, coloured by stance."""
    bars = [Bar(item.term.name, item.count, item.term.slug) for item in page.terms]
    return bar_chart("stances", labels("chart.stances"), bars, labels=labels)


def _company_overview(page: PlannedPage, labels: Labels) -> Chart:
    """The most covered companies."""
    ranked = sorted(page.terms, key=lambda item: (-item.count, item.term.name.casefold()))
    bars = [Bar(item.term.name, item.count) for item in ranked[:CHART_ROWS]]
    more = max(0, len(ranked) - CHART_ROWS)
    return bar_chart("companies", labels("chart.companies"), bars, more=more, labels=labels)


OVERVIEW_CHARTS: Mapping[str, Callable[[PlannedPage, Labels], Chart]] = {
    "stance_counts": _stance_overview,
    "company_counts": _company_overview,
}
"""The charts a kind's record can name for its overview."""
