"""What one build knows, made in ``on_config`` and filled in by the events in their order, and
the wiring of the pieces that make a page's boxes (the renderer, the index pages, the options).

The plugin's events hand their work to this state and to the core; nothing here decides what
the publication is (that is :mod:`..core.publication`'s), it only puts MkDocs' objects and the
options together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..core.page_boxes import PageBoxes, PageContent
from ..core.publication import Publication
from ..features import newsletter, newsletter_links
from ..features.image_sizes import ImageSizes
from ..features.related.ranking import Related
from ..html.links import TermPages
from ..html.render import CompiledTemplates, Pictures, Renderer
from ..i18n.language import Labels
from ..model.taxonomy import Taxonomy, crowded_posts
from .config import AICommentaryConfig
from .index_files import IndexFiles
from .page_images import default_image, page_images
from .plain_options import box_options, index_sections, site_feed_enabled
from .site_files import SiteFiles


@dataclass
class BuildState:
    """What one build knows, in the order the events learn it."""

    labels: Labels
    """Every word the plugin writes, in the site's language (on_config)."""
    signup: newsletter.SignupForm | None
    """The signup form the options describe (on_config)."""
    publication: Publication
    """The posts and the decisions about them: the language (on_config), every post by
    source path, drafts included (on_files, early), the published ones (on_nav)."""
    boxes: PageBoxes = field(default_factory=PageBoxes)
    """Per page: the boxes waiting for their slots (on_page_content, rendered and emptied in
    on_post_page)."""
    site: SiteFiles | None = None
    """Where pages are written (on_files, late; asked from then on, answers change until
    on_nav is over)."""
    index_files: IndexFiles | None = None
    """Planned in on_files (late) for every post that may be published, narrowed in on_nav."""
    page_content: PageContent | None = None
    """What puts each page's boxes into its content (on_files, late)."""
    related: dict[str, tuple[Related, ...]] = field(default_factory=dict)
    """Per published post: its related posts, ranked once (on_nav)."""

    def generate_pages(
        self,
        files: Files,
        config: MkDocsConfig,
        options: AICommentaryConfig,
        compiled_templates: CompiledTemplates,
        image_sizes: ImageSizes,
    ) -> list[str]:
        """Leaves ``site``, ``index_files`` and ``page_content``, made from the publication's
        posts once other plugins have moved theirs; returns the warnings for the build log.

        Pages are generated for every post that is not a draft; ``on_nav`` takes back those
        that list only posts another plugin left out.
        """
        warnings: list[str] = []
        self.site = site = SiteFiles(files)
        if self.signup is not None and options.newsletter is not None:
            problem = newsletter_links.missing_privacy_page(
                options.newsletter.privacy_url, lambda src: site.written(src) is not None
            )
            if problem:
                warnings.append(problem)
        articles = self.publication.articles.values()
        publication = self.publication
        publication.own_images, problems = page_images(
            articles, files, config.docs_dir, image_sizes
        )
        warnings.extend(problems)
        publication.default_image = default_image(
            options.images.default, options.images.default_alt, files, config.docs_dir, image_sizes
        )
        image_sizes.retain()
        taxonomy = Taxonomy(articles, options.stances)
        warnings.extend(crowded_posts(articles))
        neighbours = self.publication.options.neighbours
        sections = index_sections(options, neighbours)
        renderer = Renderer(
            config.theme.dirs,
            taxonomy,
            TermPages.for_sections(sections, lambda src: _url(site.served_at(src))),
            site.url,
            options.date_format,
            self.labels,
            compiled_templates,
            Pictures(
                header=publication.lead_image if options.images.header else None,
                listings=partial(publication.image, default=False)
                if options.images.listings
                else None,
                related=partial(publication.image, default=False)
                if options.images.related
                else None,
            ),
            publication.reading_time,
        )
        self.index_files = IndexFiles.generate(
            files,
            config,
            self.publication.candidates(),
            taxonomy,
            sections,
            options.index,
            options.site_feed,
            site_feed_enabled(options, neighbours),
            options.digest_feed,
            options.stances,
            self.publication.nav_kinds(),
            self.labels,
        )
        boxes = box_options(options, self.signup, config.use_directory_urls)
        self.page_content = PageContent(
            self.boxes, self.publication, self.index_files, renderer, boxes
        )
        return warnings


def _url(file: File | None) -> str | None:
    return file.url if file is not None else None
