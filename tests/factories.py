"""Factories for the tests: taxonomy terms and small page trees of every content type.

A page factory without a `parent` builds the pages above it too, up to a fresh HomePage that is
no site's root: enough for code that reads the database. A test that requests pages by URL
builds under the site's root instead: `content_tree(site_root())`.

Pages are live (published) unless `live=False` is passed. Their categories go in as lists of
terms (`factors=factors("samverkan")`, `projects=[ProjectFactory()]`), keywords as names
(`tags=["frånvaro"]`).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

import factory
from factory.django import DjangoModelFactory
from wagtail_factories import DocumentFactory, ImageFactory, PageFactory

from casestudies.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyResult,
    RegionSectionPage,
)
from methods.models import MethodIndexPage, MethodPage
from pluginnovation.home.models import HomePage, StandardPage
from pluginnovation.taxonomy.models import (
    InterventionType,
    Level,
    Municipality,
    Project,
    Region,
    SuccessFactor,
    TargetGroup,
)
from research.models import ResearchArticlePage, ResearchIndexPage

# Taxonomy


class SuccessFactorFactory(DjangoModelFactory):
    """The four factors come with the database (a data migration): asking for one of their
    slugs returns the existing row."""

    class Meta:
        model = SuccessFactor
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Testfaktor {n}")
    slug = factory.Sequence(lambda n: f"testfaktor-{n}")
    definition = "En framgångsfaktor för testerna."
    sort_order = 10


def factors(*slugs):
    """The success factors with these slugs, e.g. factors("samverkan", "flexibilitet")."""
    return [SuccessFactor.objects.get(slug=slug) for slug in slugs]


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Testregion {n}")
    slug = factory.Sequence(lambda n: f"testregion-{n}")


class MunicipalityFactory(DjangoModelFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Testkommun {n}")
    slug = factory.Sequence(lambda n: f"testkommun-{n}")
    # Real municipality codes run from 0114 to 2584; 9000 and up belong to no one.
    code = factory.Sequence(lambda n: f"{9000 + n % 1000}")
    region = factory.SubFactory(RegionFactory)


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project

    name = factory.Sequence(lambda n: f"Testprojekt {n}")
    slug = factory.Sequence(lambda n: f"testprojekt-{n}")
    start_year = 2015
    owner = "Testkommunerna"


class TargetGroupFactory(DjangoModelFactory):
    class Meta:
        model = TargetGroup

    name = factory.Sequence(lambda n: f"Testmålgrupp {n}")
    slug = factory.Sequence(lambda n: f"testmalgrupp-{n}")


class LevelFactory(DjangoModelFactory):
    """Levels, like the factors, come with the database; pass an existing slug to get one."""

    class Meta:
        model = Level
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Testnivå {n}")
    slug = factory.Sequence(lambda n: f"testniva-{n}")


class InterventionTypeFactory(DjangoModelFactory):
    """Intervention types come with the database too; pass an existing slug to get one."""

    class Meta:
        model = InterventionType
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Testinsats {n}")
    slug = factory.Sequence(lambda n: f"testinsats-{n}")


# Pages above the content


def site_root():
    """The page the default site serves at "/": build under it to request pages by URL."""
    return Site.objects.get(is_default_site=True).root_page.specific


class HomePageFactory(PageFactory):
    """A home page below the tree's root, beside the site's own (so no URL leads to it)."""

    class Meta:
        model = HomePage

    title = "Testkunskapsbank"
    slug = factory.Sequence(lambda n: f"testkunskapsbank-{n}")
    intro = "En kunskapsbank för ett test."
    parent = factory.LazyFunction(Page.get_first_root_node)


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Informationssida {n}")
    slug = factory.Sequence(lambda n: f"informationssida-{n}")
    intro = "Om kunskapsbanken."
    parent = factory.SubFactory(HomePageFactory)


# Each index gets a numbered slug: a test may build beside the site's own indexes.


class ResearchIndexPageFactory(PageFactory):
    class Meta:
        model = ResearchIndexPage

    title = "Forskning"
    slug = factory.Sequence(lambda n: f"forskning-{n}")
    parent = factory.SubFactory(HomePageFactory)


class MethodIndexPageFactory(PageFactory):
    class Meta:
        model = MethodIndexPage

    title = "Metoder"
    slug = factory.Sequence(lambda n: f"metoder-{n}")
    parent = factory.SubFactory(HomePageFactory)


class CaseStudyIndexPageFactory(PageFactory):
    class Meta:
        model = CaseStudyIndexPage

    title = "Fallstudier"
    slug = factory.Sequence(lambda n: f"fallstudier-{n}")
    parent = factory.SubFactory(HomePageFactory)


class RegionSectionPageFactory(PageFactory):
    class Meta:
        model = RegionSectionPage

    region = factory.SubFactory(RegionFactory)
    title = factory.LazyAttribute(lambda page: page.region.name)
    slug = factory.Sequence(lambda n: f"region-{n}")
    parent = factory.SubFactory(CaseStudyIndexPageFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # A new region gets its section at once, under the site's first case-study index
        # (pluginnovation/editorial/regions.py); a region has one section, so move that one.
        section = RegionSectionPage.objects.filter(region=kwargs["region"]).first()
        if section is None:
            return super()._create(model_class, *args, **kwargs)
        parent = kwargs.pop("parent")
        for name, value in kwargs.items():
            setattr(section, name, value)
        section.save()
        section.move(parent, pos="last-child")
        return RegionSectionPage.objects.get(pk=section.pk)


# Content pages


class ContentPageFactory(PageFactory):
    """What every research article, case study and method page needs."""

    class Meta:
        abstract = True

    # Numbered, so pages with the same title can be siblings.
    slug = factory.LazyAttributeSequence(lambda page, n: f"{slugify(page.title)[:50]}-{n}")
    summary = "En kort sammanfattning."
    published_date = datetime.date(2024, 1, 15)
    live = True
    first_published_at = factory.LazyAttribute(lambda page: timezone.now() if page.live else None)
    last_published_at = factory.SelfAttribute("first_published_at")
    factors = factory.LazyFunction(lambda: factors("samverkan"))

    @factory.post_generation
    def tags(page, create, names, **kwargs):
        if names:
            page.tags.add(*names)
            if create:
                page.save()

    @classmethod
    def _after_postgeneration(cls, page, create, results=None):
        if create:
            # Wagtail indexes a page as it is saved, before its categories and keywords are
            # stored with it; index it again so search finds it by them.
            get_search_backend().add(page)


class ResearchArticlePageFactory(ContentPageFactory):
    class Meta:
        model = ResearchArticlePage

    title = factory.Sequence(lambda n: f"Forskningsartikel {n}")
    authors = "Testförfattare"
    year = 2019
    publisher = "Testförlaget"
    key_findings = "<p>Resultat.</p>"
    parent = factory.SubFactory(ResearchIndexPageFactory)


class MethodPageFactory(ContentPageFactory):
    class Meta:
        model = MethodPage

    title = factory.Sequence(lambda n: f"Metod {n}")
    purpose = "Syftet."
    audience = "Mentorer."
    steps = factory.LazyFunction(
        lambda: [{"type": "step", "value": {"title": "Steg 1", "text": "<p>Gör så.</p>"}}]
    )
    time_and_resources = "En timme."
    parent = factory.SubFactory(MethodIndexPageFactory)


class CaseStudyPageFactory(ContentPageFactory):
    """A case study in a region section (`parent` must be one); its municipality is a new one
    in the section's region unless one is given."""

    class Meta:
        model = CaseStudyPage

    title = factory.Sequence(lambda n: f"Fallstudie {n}")
    parent = factory.SubFactory(RegionSectionPageFactory)
    municipality = factory.SubFactory(
        MunicipalityFactory, region=factory.SelfAttribute("..parent.region")
    )
    organisation = "Testgymnasiet"
    period = "2016–2018"
    what_was_done = "<p>Insatsen.</p>"
    lessons_learned = "<p>Lärdomar.</p>"


class CaseStudyResultFactory(DjangoModelFactory):
    """A measured result of a case study (`page`), before and after, in per cent."""

    class Meta:
        model = CaseStudyResult

    indicator = "narvaro"
    description = factory.Sequence(lambda n: f"Närvaro, mätning {n}")
    value_before = Decimal("81.5")
    value_after = Decimal("92.0")
    unit = "%"
    period = "ht 2015–vt 2017"
    source = "Slutrapport"


# A whole tree


@dataclass
class ContentTree:
    home: Page
    research: ResearchIndexPage
    methods: MethodIndexPage
    case_studies: CaseStudyIndexPage
    section: RegionSectionPage


def content_tree(parent=None):
    """An index for every content type, and one region section, under `parent` (or a fresh
    home page). Each index is empty: a test adds the pages it asserts on."""
    home = parent or HomePageFactory()
    case_studies = CaseStudyIndexPageFactory(parent=home)
    return ContentTree(
        home=home,
        research=ResearchIndexPageFactory(parent=home),
        methods=MethodIndexPageFactory(parent=home),
        case_studies=case_studies,
        section=RegionSectionPageFactory(parent=case_studies),
    )


def every_body_block():
    """A body (raw StreamField data) with one block of every kind a content page's body takes.

    The film is stored as already fetched, so rendering it asks no video site.
    """
    video_url = "https://www.youtube.com/watch?v=testfilm"
    Embed.objects.get_or_create(
        hash=get_embed_hash(video_url),
        defaults={
            "url": video_url,
            "type": "video",
            "html": '<iframe width="200" height="113" '
            'src="https://www.youtube-nocookie.com/embed/testfilm" allowfullscreen></iframe>',
        },
    )
    return [
        {"type": "paragraph", "value": "<p>Brödtext med <b>fetstil</b>.</p>"},
        {"type": "heading", "value": {"text": "En rubrik", "level": "h2"}},
        {"type": "quote", "value": {"text": "Ett citat.", "attribution": "En mentor"}},
        {
            "type": "image",
            "value": {
                "image": {"image": ImageFactory().pk, "alt_text": "En bild", "decorative": False},
                "caption": "Bildtext",
            },
        },
        {"type": "document", "value": {"document": DocumentFactory().pk, "title": "Checklista"}},
        {"type": "video", "value": {"video": video_url, "title": "En film", "caption": "Textad"}},
        {
            "type": "fact_box",
            "value": {
                "title": "I siffror",
                "text": "<ul><li>70 kommuner</li></ul>",
                "source": "SKL",
            },
        },
    ]
