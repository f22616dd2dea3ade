"""What machines check in the plugin's output: feeds against RSS 2.0 and JSON Feed 1.1, JSON-LD
against the schema.org vocabulary. Each check returns the problems it finds, as text; none is
a pass.

- RSS 2.0: the rules of https://www.rssboard.org/rss-specification, read with ElementTree,
  and feedparser's own verdict (its ``bozo`` flag).
- JSON Feed 1.1: ``schemas/json_feed_1_1.schema.json``, a JSON Schema written from
  https://www.jsonfeed.org/version/1.1/, checked with ``jsonschema``.
- schema.org: ``schemas/schema_org_terms.json``, the types and properties used, each as
  schema.org defines it (parents; a property's domain and range).
"""

from __future__ import annotations

import json
import re
from email.utils import parsedate_to_datetime
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import feedparser
import jsonschema

SCHEMAS = Path(__file__).parent / "schemas"
_ABSOLUTE = re.compile(r"^https?://[^\s/]+")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")

CHANNEL_REQUIRED = ("title", "link", "description")
CHANNEL_OPTIONAL = (
    "language copyright managingEditor webMaster pubDate lastBuildDate category generator docs "
    "cloud ttl image rating textInput skipHours skipDays item"
).split()
ITEM_ELEMENTS = "title link description author category comments enclosure guid pubDate source"
ITEM_ELEMENTS_SET = frozenset(ITEM_ELEMENTS.split())
DATE_ELEMENTS = ("pubDate", "lastBuildDate")


def rss_problems(text: str) -> list[str]:
    """What breaks the RSS 2.0 specification in ``text``."""
    problems: list[str] = []
    try:
        root = ElementTree.fromstring(text.encode())
    except ElementTree.ParseError as error:
        return [f"not well-formed XML: {error}"]
    if root.tag != "rss" or root.get("version") != "2.0":
        return [f"the root is <{root.tag} version={root.get('version')!r}>, not <rss version=2.0>"]
    channels = root.findall("channel")
    if len(channels) != 1:
        return [f"{len(channels)} <channel> elements, not one"]
    channel = channels[0]
    for name in CHANNEL_REQUIRED:
        found = channel.findall(name)
        if len(found) != 1 or not (found[0].text or "").strip():
            problems.append(f"<channel> needs one non-empty <{name}>, has {len(found)}")
    link = channel.findtext("link") or ""
    if not _ABSOLUTE.match(link):
        problems.append(f"the channel's <link> {link!r} is not an absolute URL")
    for child in channel:
        name = child.tag
        if not name.startswith("{") and name not in (*CHANNEL_REQUIRED, *CHANNEL_OPTIONAL):
            problems.append(f"<channel> has <{name}>, which RSS 2.0 does not define")
    problems += _date_problems(channel, "channel")
    guids: set[str] = set()
    for number, item in enumerate(channel.findall("item"), 1):
        where = f"item {number}"
        if item.find("title") is None and item.find("description") is None:
            problems.append(f"{where} has neither <title> nor <description>")
        for child in item:
            if not child.tag.startswith("{") and child.tag not in ITEM_ELEMENTS_SET:
                problems.append(f"{where} has <{child.tag}>, which RSS 2.0 does not define")
        item_link = item.findtext("link")
        if item_link is not None and not _ABSOLUTE.match(item_link):
            problems.append(f"{where}: <link> {item_link!r} is not an absolute URL")
        guid = item.find("guid")
        if guid is not None:
            permalink = guid.get("isPermaLink", "true")
            if permalink not in ("true", "false"):
                problems.append(f"{where}: isPermaLink is {permalink!r}")
            if permalink == "true" and not _ABSOLUTE.match(guid.text or ""):
                problems.append(f"{where}: a permalink <guid> {guid.text!r} is not a URL")
            if guid.text in guids:
                problems.append(f"{where}: <guid> {guid.text!r} is not unique")
            guids.add(guid.text or "")
        problems += _date_problems(item, where)
    parsed = feedparser.parse(text)
    if parsed.bozo:
        problems.append(f"feedparser: {parsed.get('bozo_exception')}")
    if parsed.version != "rss20":
        problems.append(f"feedparser reads it as {parsed.version!r}, not RSS 2.0")
    return problems


def _date_problems(element: ElementTree.Element, where: str) -> list[str]:
    """RFC 822 dates, as RSS 2.0 wants them (with a four-digit year, which it allows)."""
    problems = []
    for name in DATE_ELEMENTS:
        value = element.findtext(name)
        if value is None:
            continue
        try:
            parsedate_to_datetime(value)
        except (TypeError, ValueError):
            problems.append(f"{where}: <{name}> {value!r} is not an RFC 822 date")
    return problems


@cache
def _json_feed_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / "json_feed_1_1.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def json_feed_problems(text: str) -> list[str]:
    """What breaks JSON Feed 1.1 in ``text``."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        return [f"not JSON: {error}"]
    errors = _json_feed_validator().iter_errors(document)
    problems = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in errors]
    ids = [item.get("id") for item in document.get("items", []) if isinstance(item, dict)]
    problems += [f"item id {id_!r} is not unique" for id_ in set(ids) if ids.count(id_) > 1]
    return problems


@cache
def _vocabulary() -> dict[str, Any]:
    return json.loads((SCHEMAS / "schema_org_terms.json").read_text())


def _ancestors(name: str) -> set[str]:
    """``name`` and every type or data type above it."""
    vocabulary = _vocabulary()
    parents = vocabulary["types"].get(name, vocabulary["data_types"].get(name, []))
    found = {name}
    for parent in parents:
        found |= _ancestors(parent)
    return found


def schema_org_problems(data: object, where: str = "") -> list[str]:
    """What in the JSON-LD ``data`` is not schema.org: an unknown type or property, a property
    on a type it is not defined for, or a value its range does not allow."""
    if isinstance(data, list):
        return [problem for each in data for problem in schema_org_problems(each, where)]
    if not isinstance(data, dict):
        return [f"{where or 'the data'} is {data!r}, not an object"]
    vocabulary = _vocabulary()
    schema_type = data.get("@type")
    if schema_type not in vocabulary["types"]:
        return [f"{where or 'the data'}: unknown type {schema_type!r}"]
    problems = []
    if not where and data.get("@context") != "https://schema.org":
        problems.append(f"@context is {data.get('@context')!r}")
    lineage = _ancestors(schema_type)
    for name, value in data.items():
        if name.startswith("@"):
            continue
        path = f"{where or schema_type}.{name}"
        term = vocabulary["properties"].get(name)
        if term is None:
            problems.append(f"{path}: unknown property {name!r} (not in schema_org_terms.json)")
            continue
        if lineage.isdisjoint(term["domain"]):
            problems.append(f"{path}: {name!r} is not a property of {schema_type}")
            continue
        for value_ in value if isinstance(value, list) else [value]:
            problems += _value_problems(value_, term["range"], path)
    return problems


def _value_problems(value: object, allowed: list[str], path: str) -> list[str]:
    """Whether ``value`` is of a type ``allowed``: a thing of that type (or below it), a
    string of an allowed data type, or a URL where a thing is expected (which schema.org
    allows as a reference to the thing)."""
    if isinstance(value, dict):
        value_type = value.get("@type")
        if value_type is not None and _ancestors(value_type).isdisjoint(allowed):
            return [f"{path}: a {value_type} where schema.org expects {' or '.join(allowed)}"]
        return schema_org_problems(value, path)
    data_types = set(allowed)
    for name in allowed:
        data_types |= {sub for sub in _vocabulary()["data_types"] if name in _ancestors(sub)}
    if isinstance(value, bool):
        fits = "Boolean" in data_types
    elif isinstance(value, int):
        fits = "Integer" in data_types or "Number" in data_types
    elif isinstance(value, str):
        fits = (
            "Text" in data_types
            or ("URL" in data_types and bool(_ABSOLUTE.match(value)))
            or ("DateTime" in data_types and bool(_DATE_TIME.match(value)))
            or ("Date" in data_types and bool(_DATE.match(value)))
            or (
                bool(_ABSOLUTE.match(value))
                and any(name in _vocabulary()["types"] for name in allowed)
            )
        )
    else:
        fits = False
    return [] if fits else [f"{path}: {value!r} is not {' or '.join(allowed)}"]
