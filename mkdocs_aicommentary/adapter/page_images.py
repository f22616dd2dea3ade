"""Each post's lead image as a :class:`..model.images.PageImage`: the file its front matter
names, found among the site's files, with the size its header says.

Front matter has already resolved a relative path against the post's source, as MkDocs
resolves the post's links (:func:`..model.front_matter.read_article`): a file keeps its URL
when Material's blog moves the post, so the image is looked up by its source path here, once
other plugins' ``on_files`` have run. A file that is not there, a folder, or a file that is no
image is a warning naming the post and the field, and the post goes without.
"""

from __future__ import annotations

import mimetypes
import posixpath
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..features.image_sizes import ImageSizes
from ..model.articles import Article, ImageRef, Problem
from ..model.images import PageImage

_IMAGE_KINDS = "a PNG, JPEG, GIF, WebP or SVG image"


def page_images(
    articles: Iterable[Article], files: Files, docs_dir: str, sizes: ImageSizes
) -> tuple[dict[str, PageImage], list[Problem]]:
    """The lead image of every post that names one it can have, and the problems found (the
    build logs them; ``check`` points at their lines)."""
    images: dict[str, PageImage] = {}
    problems: list[Problem] = []
    for article in articles:
        ref = article.image
        if ref is None:
            continue
        image, expected = _image(ref, files, docs_dir, sizes)
        if image is not None:
            images[article.src_path] = image
        elif expected:
            problems.append(
                Problem(article.src_path, ref.field, ref.written or ref.target, expected)
            )
    return images, problems


def default_image(
    target: str | None, alt: str, files: Files, docs_dir: str, sizes: ImageSizes
) -> PageImage | None:
    """The ``images.default`` option's image (a path in ``docs_dir`` or an https URL), for
    posts without their own; a broken one is a configuration error."""
    if not target:
        return None
    path = target if target.startswith("https://") else posixpath.normpath(target.lstrip("/"))
    image, expected = _image(ImageRef(path, "images.default", alt), files, docs_dir, sizes)
    if image is None:
        raise PluginError(f"aicommentary: 'images.default' ({target!r}): {expected}.")
    return image


def _image(
    ref: ImageRef, files: Files, docs_dir: str, sizes: ImageSizes
) -> tuple[PageImage | None, str]:
    """The image ``ref`` names, or None and what is wrong with it."""
    alt = ref.alt or ""
    if ref.is_url:
        path = urllib.parse.urlsplit(ref.target).path
        media_type = mimetypes.guess_type(path)[0]
        return PageImage(ref.target, alt, media_type=media_type), ""
    file: File | None = files.src_uris.get(ref.target)
    if file is None:
        if Path(docs_dir, ref.target).is_dir():
            return None, f"it names a folder; name {_IMAGE_KINDS} in it"
        return None, f"there is no file {ref.target} in the docs folder"
    if not file.inclusion.is_included():
        return None, f"{ref.target} is left out of the site (exclude_docs or a draft)"
    try:
        data = file.content_bytes
    except OSError as error:
        return None, f"{ref.target} cannot be read ({type(error).__name__})"
    size = sizes.size(data)
    if size.media_type is None:
        return None, f"{ref.target} is not {_IMAGE_KINDS}"
    return PageImage(file.url, alt, size.width, size.height, size.media_type), ""
