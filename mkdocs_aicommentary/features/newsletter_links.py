"""The links a newsletter's options hold, checked: a provider's address (``check_url``) and the
privacy link, a URL or a page of the site (``check_link``, ``privacy_target``,
``missing_privacy_page``). Bad values raise ``NewsletterError`` saying what to write instead."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import SplitResult, quote, unquote, urlsplit

from ..html.links import is_absolute, page_url
from ..model.articles import short_repr

_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


class NewsletterError(ValueError):
    """A ``newsletter`` option that cannot work; the message says how to fix it."""


def check_url(url: object, option: str) -> str:
    """An absolute ``https://`` URL (``http://`` only for localhost while testing), or an error.

    Anything else, ``javascript:`` above all, is refused: the URL becomes a form action, an
    iframe or a script address on every page.
    """
    if not isinstance(url, str) or not url.strip():
        raise NewsletterError(f"'{option}' must be an absolute https:// URL.")
    if url != url.strip() or any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise NewsletterError(f"'{option}' must not contain spaces or line breaks: {url!r}.")
    parts = _split(url, option)
    scheme = parts.scheme.lower()
    if scheme == "https" and parts.hostname:
        _no_credentials(parts, option, url)
        return url
    if scheme == "http" and parts.hostname and parts.hostname.lower() in _LOCAL_HOSTS:
        return url
    if scheme == "http":
        raise NewsletterError(
            f"'{option}' is {url!r}; use https:// (plain http:// is only allowed for "
            f"localhost and 127.0.0.1 while testing)."
        )
    if scheme and scheme not in ("https", "http"):
        raise NewsletterError(
            f"'{option}' is {url!r}; only https:// URLs are allowed, not {scheme}: URLs."
        )
    raise NewsletterError(
        f"'{option}' is {url!r}; it must be an absolute URL starting with https://."
    )


def _split(url: str, option: str) -> SplitResult:
    """``urlsplit``, with a malformed address as an error rather than a crash of the build.

    ``urlsplit`` raises ``ValueError`` for a broken IPv6 host such as ``https://[::1/`` and
    leaves a bad port (``:99999``, ``:http``) to be found by whoever reads ``.port``.
    """
    try:
        parts = urlsplit(url)
        _ = parts.port
    except ValueError as error:
        raise NewsletterError(
            f"'{option}' is {url!r}, which is not a valid URL ({error})."
        ) from None
    return parts


def _no_credentials(parts: SplitResult, option: str, url: str) -> None:
    if parts.username or parts.password:
        raise NewsletterError(f"'{option}' must not carry a user name or password: {url!r}.")


def check_link(url: object, option: str) -> str:
    """A link readers follow (the privacy page): an ``https://`` URL as ``check_url`` takes
    it, or a path inside the site, without the spaces around it.

    A path may not start with ``//`` (another host, on the page's scheme) nor hold a
    backslash, which browsers read as ``/``: ``\\\\evil.example`` is ``//evil.example``; nor
    lead out of ``docs_dir`` (``../../etc/passwd``), which on a site served from a folder is
    another site's page; nor name nothing (``#``).
    """
    if not isinstance(url, str) or not url.strip():
        raise NewsletterError(f"'{option}' must be a URL or a path inside the site.")
    url = url.strip()
    parts = _split(url, option)
    if parts.scheme:
        return check_url(url, option)
    if parts.netloc or "\\" in url or any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise NewsletterError(
            f"'{option}' is {short_repr(url)}; use an https:// URL or a path inside the site "
            f"such as 'privacy.md' or '/privacy/'."
        )
    link = site_path(url)
    if link.path.split("/")[0] == ".." or (link.same_page and not link.rest):
        where = "leads out of the site" if not link.same_page else "names nothing"
        raise NewsletterError(
            f"'{option}' is {short_repr(url)}, which {where}; give a page of the site such "
            f"as 'privacy.md', or an https:// URL."
        )
    return url


@dataclass(frozen=True, slots=True)
class SitePath:
    """A path inside the site as MkDocs resolves a link in the docs: relative to ``docs_dir``
    (``./privacy.md``, ``/privacy.md`` and ``legal/../privacy.md`` are all ``privacy.md``),
    percent-escapes decoded, and the query and fragment kept as written, as MkDocs keeps them
    on the links it resolves."""

    path: str
    """Normalised, ``""`` for the site root; ``..`` first when it leads out of the site. A
    trailing ``/`` is kept: ``privacy/`` is a folder's page."""
    rest: str = ""
    """``?query#fragment`` as written, or the part of them there is."""
    same_page: bool = False
    """Nothing but a query or a fragment (``#privacy``): a link within the page it is on."""

    @property
    def source(self) -> str | None:
        """The Markdown page it names (``legal/privacy.md``), None for any other path."""
        return self.path if self.path.endswith(".md") else None


def site_path(url: str) -> SitePath:
    """``url``, a path inside the site as ``check_link`` lets through, resolved."""
    parts = urlsplit(url)
    rest = ("?" + parts.query if parts.query else "") + (
        "#" + parts.fragment if parts.fragment else ""
    )
    if not parts.path:
        return SitePath("", rest, same_page=True)
    written = unquote(parts.path)
    path = posixpath.normpath(written.lstrip("/") or ".")
    path = "" if path == "." else path
    if path and written.endswith(("/", "/.", "/..")):
        path += "/"
    return SitePath(path, rest)


def privacy_target(url: str, use_directory_urls: bool) -> str:
    """Where the privacy link goes: an absolute URL as given; else the site-relative URL of
    the path (a ``.md`` page's URL, as MkDocs gives it; ``./`` for the home page), escaped,
    with its query and fragment; or only those, for a link within the page."""
    if is_absolute(url):
        return url
    link = site_path(url.strip())
    if link.same_page:
        return link.rest
    path = page_url(link.source, use_directory_urls) if link.source else link.path
    return (quote(path) or "./") + link.rest


def missing_privacy_page(url: str | None, is_page: Callable[[str], bool]) -> str | None:
    """A warning when ``privacy_url`` names a Markdown page (``legal/privacy.md#email``) that
    ``is_page`` says the site does not have; None otherwise.

    The block is filled in after MkDocs has checked the page's links, so this one is checked
    here, by whoever knows the site's files.
    """
    if not url or is_absolute(url):
        return None
    source = site_path(url.strip()).source
    if source is None or is_page(source):
        return None
    return (
        f"newsletter: 'privacy_url' is {short_repr(url)}, but the site has no page {source}; "
        f"write it, or give the path of your privacy page or its https:// URL."
    )
