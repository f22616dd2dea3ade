"""Newsletter signup: provider options -> a description of the form that provider accepts.

Nothing here imports MkDocs. ``signup_form`` turns the ``newsletter`` options (a plain mapping)
into a ``SignupForm``: a plain HTML form (action, method, email field, hidden fields, honeypot),
an iframe, or a provider's embed script. The template renders whichever it is. Each provider is
one ``Provider`` record in ``PROVIDERS``: the option it needs, the others it takes, and its
builder, whose docstring says which endpoint and field names it uses (those of the provider's
own embed code).

Bad options raise ``NewsletterError`` with a message that says what to write instead; the
config module turns it into MkDocs' ``PluginError``.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from ..model.articles import short_repr
from .newsletter_links import NewsletterError, check_url

GHOST_SCRIPT = "https://cdn.jsdelivr.net/ghost/signup-form@~0.3/umd/signup-form.min.js"
DEFAULT_HONEYPOT = "aic_website"
DEFAULT_FRAME_HEIGHT = 320


@dataclass(frozen=True, slots=True)
class SignupForm:
    """What the signup template needs, whatever the provider.

    ``kind`` is ``"form"`` (a plain HTML form that works without JavaScript), ``"iframe"``
    (the provider's hosted form) or ``"script"`` (the provider's embed script).
    """

    kind: str
    provider: str = ""
    """The ``provider`` option's value; set by ``signup_form`` from the provider's record."""
    action: str = ""
    method: str = "post"
    email_field: str = "email"
    hidden: tuple[tuple[str, str], ...] = ()
    honeypot: str | None = None
    """Name of the bot trap: a field people never see and bots fill in."""
    frame_src: str = ""
    frame_height: int = DEFAULT_FRAME_HEIGHT
    script_src: str = ""
    script_data: tuple[tuple[str, str], ...] = ()
    """``data-*`` attributes of the embed script, without the ``data-`` prefix."""
    fallback_url: str = ""
    """Where readers without JavaScript can still subscribe (script embeds)."""
    provider_name: str = ""
    """The provider's display name (the iframe's title)."""
    fields: tuple[str, ...] = ()
    """Every field name the form posts (email, hidden, honeypot), for tests and overrides."""


# --- Providers --------------------------------------------------------------------------------


Builder = Callable[["Provider", Mapping[str, Any], str], "SignupForm"]
"""Makes a provider's form from the options and the bot trap's name; raises NewsletterError
(``provider.unfit(value)`` when the required option cannot be what the provider wants)."""


@dataclass(frozen=True, slots=True)
class Provider:
    """One newsletter service: the option it needs (and what to write there), the options it
    also takes, and how its form is built.

    Adding a provider is one record in ``PROVIDERS`` with its builder, tests, and its options
    in ``config.NewsletterConfig`` when it takes new ones. An option given for another provider
    is refused (``form_id`` with buttondown, say): it is a mistake worth reporting.
    """

    name: str
    """The value of the ``provider`` option."""
    display_name: str
    """How the provider calls itself (in the iframe's title)."""
    required: str
    hint: str
    """What ``required`` holds and where to find it, for messages when it is missing or
    unfit: "provider 'kit' needs 'form_id': <hint>.", "'form_id' is 'x'; give <hint>."."""
    optional: frozenset[str]
    build: Builder

    def unfit(self, value: object, why: str = "") -> NewsletterError:
        """The error for a required value the provider cannot use."""
        return NewsletterError(f"'{self.required}' is {value!r}; {why}give {self.hint}.")


def resolve_provider(options: Mapping[str, Any]) -> Provider:
    """The configured provider; ``custom`` when only an ``action`` is given."""
    name = options.get("provider")
    if name is None:
        if options.get("action"):
            return _BY_NAME["custom"]
        raise NewsletterError(
            "choose a 'provider' (" + ", ".join(PROVIDER_NAMES) + ") or give the 'action' URL "
            "your signup form posts to."
        )
    if name not in _BY_NAME:
        raise NewsletterError(
            f"'provider' is {name!r}; choose one of " + ", ".join(PROVIDER_NAMES) + "."
        )
    return _BY_NAME[name]


def signup_form(options: Mapping[str, Any]) -> SignupForm:
    """Describe the signup form for the configured provider, or say what is wrong.

    ``options`` are the ``newsletter`` options as ``config.NewsletterConfig`` checked them:
    each value has the type declared there.
    """
    provider = resolve_provider(options)
    if _blank(options.get(provider.required)):
        raise NewsletterError(
            f"provider '{provider.name}' needs '{provider.required}': {provider.hint}."
        )
    allowed = {provider.required} | provider.optional
    for name in sorted(PROVIDER_OPTIONS - allowed):
        if not _blank(options.get(name)):
            users = [p.name for p in PROVIDERS if name == p.required or name in p.optional]
            raise NewsletterError(
                f"'{name}' is not used by provider '{provider.name}' (it belongs to "
                f"{' and '.join(users)}); remove it, or set 'provider' to the one you use."
            )
    honeypot = options.get("honeypot_field") or DEFAULT_HONEYPOT
    form = provider.build(provider, options, honeypot)
    names = [form.email_field, *(name for name, _ in form.hidden)]
    if form.honeypot:
        names.append(form.honeypot)
    if form.kind == "form" and len(set(names)) != len(names):
        raise NewsletterError(
            "the email field, the hidden fields and 'honeypot_field' need different names; "
            f"they are {', '.join(names)}."
        )
    return replace(
        form,
        provider=provider.name,
        provider_name=provider.display_name,
        fields=tuple(names) if form.kind == "form" else (),
    )


def _blank(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _text_option(options: Mapping[str, Any], name: str) -> str:
    """An option given as text or a number (``form_id: 1234567``), as text."""
    return str(options[name]).strip()


def _hidden(options: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The extra hidden fields as (name, value) texts; true and false as a form sends them."""
    fields = []
    for name, item in (options.get("hidden") or {}).items():
        if isinstance(item, bool):
            item = "true" if item else "false"
        fields.append((name.strip(), str(item)))
    return fields


def _frame_height(options: Mapping[str, Any]) -> int:
    height: int = options.get("height") or DEFAULT_FRAME_HEIGHT
    return height


_USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def _buttondown(provider: Provider, options: Mapping[str, Any], honeypot: str) -> SignupForm:
    """POST ``https://buttondown.com/api/emails/embed-subscribe/<username>``, field ``email``,
    hidden ``embed=1``; a hidden ``tag`` tags the readers who subscribe here."""
    username = _text_option(options, "username")
    if not _USERNAME.fullmatch(username):
        raise provider.unfit(username)
    hidden = [("embed", "1")]
    if not _blank(options.get("tag")):
        hidden.append(("tag", _text_option(options, "tag")))
    hidden += _hidden(options)
    return SignupForm(
        kind="form",
        action=f"https://buttondown.com/api/emails/embed-subscribe/{username}",
        email_field="email",
        hidden=tuple(hidden),
        honeypot=honeypot,
    )


_DIGITS = re.compile(r"[0-9]+")


def _kit(provider: Provider, options: Mapping[str, Any], honeypot: str) -> SignupForm:
    """Kit (ConvertKit): POST ``https://app.kit.com/forms/<form_id>/subscriptions``, field
    ``email_address``."""
    form_id = _text_option(options, "form_id")
    if not _DIGITS.fullmatch(form_id):
        raise provider.unfit(form_id)
    return SignupForm(
        kind="form",
        action=f"https://app.kit.com/forms/{form_id}/subscriptions",
        email_field="email_address",
        hidden=tuple(_hidden(options)),
        honeypot=honeypot,
    )


_MAILCHIMP_ID = re.compile(r"[0-9A-Za-z]+")
_MAILCHIMP_PATHS = ("/subscribe/post", "/subscribe")


def _mailchimp(provider: Provider, options: Mapping[str, Any], honeypot: str) -> SignupForm:
    """POST to the list-manage ``/subscribe/post?u=..&id=..`` URL, field ``EMAIL``, with
    Mailchimp's own bot trap ``b_<u>_<id>`` (kept off-screen)."""
    # "&amp;" as copied from the HTML of Mailchimp's embed code.
    url = check_url(options["url"].replace("&amp;", "&"), "url")
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not (host.endswith(".list-manage.com") and parts.path.rstrip("/") in _MAILCHIMP_PATHS):
        raise provider.unfit(url)
    query = parse_qs(parts.query)
    u = (query.get("u") or [""])[0]
    list_id = (query.get("id") or [""])[0]
    if not (_MAILCHIMP_ID.fullmatch(u) and _MAILCHIMP_ID.fullmatch(list_id)):
        raise provider.unfit(url, "it needs both the 'u' and the 'id' parameters: ")
    params = {"u": u, "id": list_id}
    f_id = (query.get("f_id") or [""])[0]
    if _MAILCHIMP_ID.fullmatch(f_id):
        params["f_id"] = f_id
    return SignupForm(
        kind="form",
        action=f"https://{host}/subscribe/post?{urlencode(params)}",
        email_field="EMAIL",
        hidden=tuple(_hidden(options)),
        honeypot=f"b_{u}_{list_id}",
    )


_SUBDOMAIN = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")


def _substack(provider: Provider, options: Mapping[str, Any], honeypot: str) -> SignupForm:
    """Substack's iframe, ``https://<publication>.substack.com/embed`` (or a custom domain's)."""
    publication = _text_option(options, "publication")
    if "://" in publication:
        base = check_url(publication, "publication").rstrip("/")
    elif _SUBDOMAIN.fullmatch(publication.lower()):
        base = f"https://{publication.lower()}.substack.com"
    else:
        raise provider.unfit(publication)
    return SignupForm(kind="iframe", frame_src=f"{base}/embed", frame_height=_frame_height(options))


_UUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")


def _beehiiv(provider: Provider, options: Mapping[str, Any], honeypot: str) -> SignupForm:
    """beehiiv's iframe, ``https://embeds.beehiiv.com/<form_id>``."""
    form_id = _text_option(options, "form_id")
    if not _UUID.fullmatch(form_id):
        raise provider.unfit(form_id)
    return SignupForm(
        kind="iframe",
        frame_src=f"https://embeds.beehiiv.com/{form_id.lower()}",
        frame_height=_frame_height(options),
    )


_COLOR = re.compile(r"#[0-9A-Fa-f]{3,8}|[a-zA-Z]+|(?:rgb|hsl)a?\([0-9.,%\s/]+\)")
_LOCALE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def _ghost(provider: Provider, options: Mapping[str, Any], honeypot: str) -> SignupForm:
    """The ``@tryghost/signup-form`` script with ``data-site`` (Ghost refuses plain form posts
    without the integrity token its script fetches), and a link to the site's signup portal
    for readers without JavaScript."""
    site = check_url(options.get("site"), "site")
    parts = urlsplit(site)
    site = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}/"
    data = []
    for option, attribute in (
        ("button_color", "button-color"),
        ("button_text_color", "button-text-color"),
    ):
        if not _blank(options.get(option)):
            color = _text_option(options, option)
            if not _COLOR.fullmatch(color):
                raise NewsletterError(
                    f"'{option}' is {color!r}; give a CSS colour such as #FF1A75."
                )
            data.append((attribute, color))
    data.append(("site", site))
    locale = options.get("locale") or "en"
    if not _LOCALE.fullmatch(locale):
        raise NewsletterError(f"'locale' is {locale!r}; give a language code such as 'en'.")
    data.append(("locale", locale))
    labels = options.get("labels") or []
    data += [(f"label-{number}", label) for number, label in enumerate(labels, start=1)]
    return SignupForm(
        kind="script",
        script_src=GHOST_SCRIPT,
        script_data=tuple(data),
        fallback_url=f"{site}#/portal/signup",
    )


def _custom(provider: Provider, options: Mapping[str, Any], honeypot: str) -> SignupForm:
    """Any ``action`` URL, with the email field's name and hidden fields as configured."""
    action = check_url(options.get("action"), "action")
    method = (options.get("method") or "post").lower()
    if method not in ("post", "get"):
        raise NewsletterError(f"'method' is {options.get('method')!r}; use post or get.")
    email_field = options.get("email_field") or "email"
    return SignupForm(
        kind="form",
        action=action,
        method=method,
        email_field=email_field,
        hidden=tuple(_hidden(options)),
        honeypot=honeypot,
    )


PROVIDERS = (
    Provider(
        name="buttondown",
        display_name="Buttondown",
        required="username",
        hint="your Buttondown username (letters, digits, '-' and '_'), as in "
        "buttondown.com/<username>",
        optional=frozenset({"tag", "hidden"}),
        build=_buttondown,
    ),
    Provider(
        name="kit",
        display_name="Kit",
        required="form_id",
        hint="the number from your Kit form's action URL "
        "(https://app.kit.com/forms/<form_id>/subscriptions), not the form's uid",
        optional=frozenset({"hidden"}),
        build=_kit,
    ),
    Provider(
        name="mailchimp",
        display_name="Mailchimp",
        required="url",
        hint="the action URL of Mailchimp's embedded form, such as "
        "https://<account>.us1.list-manage.com/subscribe/post?u=<u>&id=<id>",
        optional=frozenset({"hidden"}),
        build=_mailchimp,
    ),
    Provider(
        name="substack",
        display_name="Substack",
        required="publication",
        hint="your Substack subdomain, as in <publication>.substack.com (or your custom domain "
        "as https://news.example.com)",
        optional=frozenset({"height"}),
        build=_substack,
    ),
    Provider(
        name="beehiiv",
        display_name="beehiiv",
        required="form_id",
        hint="the form id at the end of your beehiiv embed URL "
        "(https://embeds.beehiiv.com/<form_id>), such as 1a2b3c4d-0000-4000-8000-123456789abc",
        optional=frozenset({"height"}),
        build=_beehiiv,
    ),
    Provider(
        name="ghost",
        display_name="Ghost",
        required="site",
        hint="your Ghost site's address, such as https://news.example.com",
        optional=frozenset({"locale", "labels", "button_color", "button_text_color"}),
        build=_ghost,
    ),
    Provider(
        name="custom",
        display_name="",
        required="action",
        hint="the absolute https:// URL your form posts to",
        optional=frozenset({"method", "email_field", "hidden"}),
        build=_custom,
    ),
)
"""Every provider the plugin knows, one record each."""
_BY_NAME = {provider.name: provider for provider in PROVIDERS}
PROVIDER_NAMES = tuple(_BY_NAME)
PROVIDER_OPTIONS = frozenset(
    {provider.required for provider in PROVIDERS}.union(*(p.optional for p in PROVIDERS))
)
"""Every provider-specific option name; the rest (heading, placement, ...) apply to all."""


# --- Which pages, and where -------------------------------------------------------------------


def page_wants_block(
    src_path: str,
    meta: Mapping[str, Any],
    *,
    is_article: bool,
    articles: bool = True,
    is_index_page: bool = False,
    index_pages: bool = False,
    patterns: Iterable[str] = (),
    marked: bool = False,
) -> tuple[bool, str | None]:
    """Whether a page gets the block, and a problem to report about its front matter.

    Front matter ``newsletter: false`` removes it from any page, ``newsletter: true`` adds it;
    otherwise a page with the author's marker (``marked``), articles (when ``articles``),
    index pages (when ``index_pages``) and pages matching the glob patterns get it.
    """
    choice = meta.get("newsletter")
    problem = None
    if isinstance(choice, bool):
        return choice, None
    if choice is not None:
        problem = (
            f"{src_path}: front matter field 'newsletter' has the value {short_repr(choice)}; "
            f"expected true or false."
        )
    if marked or (is_article and articles) or (is_index_page and index_pages):
        return True, problem
    return any(fnmatch.fnmatchcase(src_path, pattern) for pattern in patterns), problem
