"""What one build knows, made in ``on_config`` and filled in by the events in their order, and
the wiring of the pieces that make a page's boxes (the renderer, the index pages, the options).

The plugin's events hand their work to this state and to the core; nothing here decides what
the publication is (that is :mod:`..core.publication`'s), it only puts MkDocs' objects and the
options together.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..core.page_boxes import PageBoxes, PageContent
from ..core.publication import Publication
from ..features import newsletter, newsletter_links
from ..features.related.ranking import Related
from ..html.links import TermPages
from ..html.render import CompiledTemplates, Renderer
from ..i18n.language import Labels
from ..model.taxonomy import Taxonomy, crowded_posts
from .config import AICommentaryConfig
from .index_files import IndexFiles
from .plain_options import box_options, date_format, index_sections
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
        taxonomy = Taxonomy(articles, options.stances)
        warnings.extend(crowded_posts(articles))
        sections = index_sections(options)
        renderer = Renderer(
            config.theme.dirs,
            taxonomy,
            TermPages.for_sections(sections, lambda src: _url(site.served_at(src))),
            site.url,
            date_format(options, config.theme, self.publication.blogs),
            self.labels,
            compiled_templates,
        )
        self.index_files = IndexFiles.generate(
            files,
            config,
            self.publication.candidates(),
            taxonomy,
            sections,
            options.index,
            options.site_feed,
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
