"""The company registry: canonical names, their aliases, and what is known about each."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .slugs import name_key


@dataclass(frozen=True, slots=True)
class Company:
    """A company as the site's registry describes it."""

    name: str
    aliases: tuple[str, ...] = ()
    url: str | None = None
    ticker: str | None = None


class CompanyRegistry:
    """Resolves what authors type ("Nvidia", "NVDA") to one canonical company name."""

    def __init__(self, companies: Iterable[Company] = ()) -> None:
        self._companies: dict[str, Company] = {}
        self._lookup: dict[str, str] = {}
        for company in companies:
            self._companies[company.name] = company
            for spelling in (company.name, *company.aliases, company.ticker or ""):
                if spelling:
                    self._lookup.setdefault(name_key(spelling), company.name)

    def __bool__(self) -> bool:
        return bool(self._companies)

    def resolve(self, name: str) -> str | None:
        """The canonical name for any registered spelling, or None when nobody registered it."""
        return self._lookup.get(name_key(name))

    def url(self, canonical_name: str) -> str | None:
        """The company's web site, when the registry has one."""
        company = self._companies.get(canonical_name)
        return company.url if company is not None else None

    @property
    def names(self) -> list[str]:
        return list(self._companies)


def clashing_spellings(companies: Iterable[Company]) -> list[tuple[str, str, str]]:
    """Spellings claimed by two different companies, as (spelling, first, second).

    A registry where "Meta" is both a company and another company's alias cannot resolve
    that spelling, which is a configuration error rather than a content problem.
    """
    owner: dict[str, str] = {}
    clashes: list[tuple[str, str, str]] = []
    for company in companies:
        spellings = {name_key(s): s for s in (company.name, *company.aliases, company.ticker or "")}
        for key, spelling in spellings.items():
            if not key:
                continue
            first = owner.setdefault(key, company.name)
            if first != company.name:
                clashes.append((spelling, first, company.name))
    return clashes
