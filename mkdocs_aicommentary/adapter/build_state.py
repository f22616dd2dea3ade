"""What one build knows, made in ``on_config`` and filled in by the events in their order, and
the wiring of the pieces that make a page's boxes (the renderer, the index pages, the options).

The plugin's events hand their work to this state and to the core; nothing here decides what
the publication is (that is :mod:`..core.publication`'s), it only puts MkDocs' objects and the
options together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..core.card_plan import CardPlan
from ..core.page_boxes import PageBoxes, PageContent
from ..core.publication import Publication
from ..features import newsletter, newsletter_links
from ..features.image_sizes import ImageSizes
from ..features.related.ranking import Related
from ..features.social_cards import CardFonts
from ..html.links import IndexKind, TermPages
from ..html.render import CompiledTemplates, Pictures, Renderer
from ..i18n.language import Labels
from ..model.taxonomy import Taxonomy, crowded_posts
from .card_files import CardCache, CardFiles
from .config import AICommentaryConfig
from .index_files import IndexFiles
from .page_images import default_image, page_images
from .plain_options import box_options, date_format, index_sections, site_feed_enabled
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
    cards: CardFiles | None
    """What draws and writes the social cards, as the options say; None: no cards
    (on_config)."""
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
    sections: tuple[IndexKind, ...] = ()
    """The kinds of index page the site has (on_files, late)."""

    def write_cards(
        self,
        files: Files,
        config: MkDocsConfig,
        options: AICommentaryConfig,
    ) -> list[str]:
        """Add a social card for every published post without a shareable image of its own
        and every index page to ``files``; they become the pages' images
        (``publication.made_images``). Returns the warnings for the build log."""
        if self.cards is None or self.page_content is None or self.index_files is None:
            return []
        if not config.site_url:
            return ["'social_cards' needs 'site_url': a shared link's image must be absolute."]
        plan = CardPlan(
            config.site_name,
            self.labels,
            options.stances,
            options.social_cards.colors,
            options.date_format,
        )
        publication = self.publication
        wanted = plan.post_cards(publication.published.values(), publication.has_shareable_image)
        wanted.update(plan.index_cards(self.index_files.plan.pages, self.sections))
        images, warnings = self.cards.add(wanted, files, config)
        publication.made_images = images
        return warnings

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
        warnings.extend(map(str, problems))
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
            date_format(options, config.theme, self.publication.blogs),
            self.labels,
            compiled_templates,
            Pictures(
                header=publication.lead_image if options.images.header else None,
                listings=publication.own_images.get if options.images.listings else None,
                related=publication.own_images.get if options.images.related else None,
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
        self.sections = tuple(sections)
        boxes = box_options(options, self.signup, config.use_directory_urls)
        self.page_content = PageContent(
            self.boxes, self.publication, self.index_files, renderer, boxes
        )
        return warnings


def card_files(
    options: AICommentaryConfig, config: MkDocsConfig, memory: CardCache
) -> CardFiles | None:
    """What writes the cards, as the ``social_cards`` options say (None: switched off);
    raises ``PluginError`` for a font file Pillow cannot read."""
    cards = options.social_cards
    if not cards.enabled:
        return None
    fonts = CardFonts.single(Path(cards.font)) if cards.font else CardFonts.default()
    if problem := fonts.problem():
        raise PluginError(f"aicommentary: 'social_cards.font': {problem}")
    folder = Path(config.config_file_path or ".").parent
    cache_dir = folder / cards.cache_dir if cards.cache_dir else None
    return CardFiles(fonts, memory, cache_dir)


def _url(file: File | None) -> str | None:
    return file.url if file is not None else None
