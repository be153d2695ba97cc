"""The demo site that `load_demo_content` builds (tests/conftest.py loads it once per session)."""

import io
import json
import re

from django.contrib.auth import get_user_model
from django.core.management import call_command

from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Page, PageLogEntry, Revision, Site

import pytest

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, CaseStudyResult, RegionSectionPage
from methods.models import MethodIndexPage, MethodPage, MethodRelatedPage
from pluginnovation.content.blocks import BodyBlock
from pluginnovation.content.models import ContentPage, PageTag
from pluginnovation.home.demo import casestudies, methods, pages, research
from pluginnovation.home.demo.pdf import build_pdf
from pluginnovation.home.demo.users import DEMO_PASSWORD, DEMO_USERNAME, create_demo_superuser
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

pytestmark = pytest.mark.django_db

CONTENT_TYPES = [ResearchArticlePage, CaseStudyPage, MethodPage]
TERM_MODELS = [SuccessFactor, Region, Municipality, Project, TargetGroup, Level, InterventionType]


def load(verbosity=0):
    out = io.StringIO()
    call_command("load_demo_content", verbosity=verbosity, stdout=out)
    return out.getvalue()


def snapshot():
    """Everything a second run could add to or change."""
    counted = [
        Page,
        Revision,
        PageLogEntry,
        get_document_model(),
        Tag,
        PageTag,
        CaseStudyResult,
        MethodRelatedPage,
        *TERM_MODELS,
    ]
    return {
        "counts": {model.__name__: model.objects.count() for model in counted},
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk", "path", "title", "slug", "live", "latest_revision_id", "last_published_at"
            )
        ),
        "documents": list(
            get_document_model().objects.order_by("pk").values_list("pk", "title", "file")
        ),
        "terms": {
            model.__name__: list(model.objects.values_list("pk", "name")) for model in TERM_MODELS
        },
    }


# The site tree


def test_home_page_is_the_default_sites_root_and_the_welcome_page_is_gone():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.title == "Hem"
    root = Page.get_first_root_node()
    assert [page.specific_class for page in root.get_children()] == [HomePage]


def test_sections_hang_under_the_home_page_with_the_agreed_slugs():
    home = HomePage.objects.get()
    children = {page.slug: page.specific_class for page in home.get_children()}
    assert children == {
        "forskning": ResearchIndexPage,
        "fallstudier": CaseStudyIndexPage,
        "metoder": MethodIndexPage,
        "om": StandardPage,
        "kontakt": StandardPage,
        "tillganglighet": StandardPage,
    }
    assert all(page.live for page in home.get_children())


def test_every_region_has_a_section_named_after_it_and_case_studies_live_in_sections():
    index = CaseStudyIndexPage.objects.get()
    for region in Region.objects.all():
        section = RegionSectionPage.objects.get(region=region)
        assert section.get_parent().pk == index.pk
        assert section.slug == region.slug
    for case_study in CaseStudyPage.objects.all():
        assert isinstance(case_study.get_parent().specific, RegionSectionPage)


def test_every_page_is_live_with_a_published_revision():
    for page in Page.objects.filter(depth__gt=1):
        assert page.live, page
        assert page.live_revision_id is not None, page
        assert not page.has_unpublished_changes, page


# Amount and spread of content


def test_at_least_ten_of_each_content_type():
    for model in CONTENT_TYPES:
        assert model.objects.live().count() >= 10, model


def test_every_success_factor_has_content_of_all_three_types():
    assert SuccessFactor.objects.count() == 4
    for factor in SuccessFactor.objects.all():
        for model in CONTENT_TYPES:
            assert model.objects.live().filter(factors=factor).exists(), (factor, model)


def test_content_covers_all_five_projects_and_at_least_four_regions():
    projects = set(Project.objects.filter(pages__live=True).values_list("slug", flat=True))
    assert projects == {"plug-in", "plug-in-2-0", "plug-innan", "fsgr", "yrk-in"}
    regions = Region.objects.filter(pages__in=CaseStudyPage.objects.live()).distinct()
    assert regions.count() >= 4


def test_every_content_page_is_categorised_dated_and_summarised():
    pages_ = ContentPage.objects.live().specific()
    assert pages_
    for page in pages_:
        assert page.factors.exists(), page
        assert page.levels.exists(), page
        assert page.intervention_types.exists(), page
        assert page.target_groups.exists(), page
        assert page.tags.exists(), page
        assert 0 < len(page.summary) <= 600, page
        assert page.body, page
        assert 2013 <= page.published_date.year <= 2021, page
        assert page.last_reviewed and page.last_reviewed >= page.published_date, page
    years = {page.published_date.year for page in pages_}
    assert len(years) >= 7


def test_demo_data_uses_only_known_body_blocks():
    # A StreamField silently drops unknown block types, so check the data itself.
    known = set(BodyBlock().child_blocks)
    data = research.ARTICLES + casestudies.CASE_STUDIES + methods.METHODS + pages.STANDARD_PAGES
    for entry in data:
        for block in entry.get("body", []):
            assert block["type"] in known, (entry["slug"], block["type"])


def test_target_groups_exist():
    assert set(TargetGroup.objects.values_list("slug", flat=True)) >= {
        "grundskolan-ak-5-9",
        "nationella-program",
        "introduktionsprogram",
        "unga-utanfor-skolan",
        "nyanlanda",
    }


def test_levels_and_intervention_types_are_not_duplicated():
    assert Level.objects.count() == 2
    assert InterventionType.objects.count() == 3


def test_gr_has_its_thirteen_municipalities_with_official_codes():
    gr = Region.objects.get(slug="gr")
    assert gr.municipalities.count() == 13
    expected = {
        "Göteborg": "1480",
        "Partille": "1402",
        "Alingsås": "1489",
        "Mölndal": "1481",
        "Lerum": "1441",
        "Härryda": "1401",
        "Kungsbacka": "1384",
        "Kungälv": "1482",
        "Ale": "1440",
        "Lilla Edet": "1462",
        "Stenungsund": "1415",
        "Tjörn": "1419",
        "Öckerö": "1407",
        "Oskarshamn": "0882",
        "Linköping": "0580",
        "Krokom": "2309",
        "Ljungby": "0781",
    }
    codes = dict(Municipality.objects.values_list("name", "code"))
    assert {name: codes[name] for name in expected} == expected
    assert all(re.fullmatch(r"\d{4}", code) for code in codes.values())


def test_projects_carry_their_facts():
    plug_in = Project.objects.get(slug="plug-in")
    assert (plug_in.start_year, plug_in.end_year) == (2012, 2015)
    assert plug_in.regions.count() == 6
    assert Project.objects.get(slug="plug-in-2-0").regions.count() == 8
    assert all(project.owner and project.description for project in Project.objects.all())


# Case studies and methods


def test_case_studies_have_sourced_results_and_a_municipality_in_their_region():
    for case_study in CaseStudyPage.objects.all():
        section_region = case_study.get_parent().specific.region
        assert case_study.municipality.region == section_region, case_study
        assert list(case_study.regions.all()) == [section_region], case_study
        assert case_study.organisation and case_study.period, case_study
        assert case_study.what_was_done and case_study.lessons_learned, case_study
        assert case_study.contact_email, case_study
        results = case_study.results.all()
        assert results, case_study
        for result in results:
            result.full_clean()  # e.g. max_length, which SQLite does not enforce
            assert result.source and result.unit, case_study


def test_oskarshamn_results_keep_the_real_figures():
    case_study = CaseStudyPage.objects.get(slug="oscarsgymnasiet-oskarshamn")
    figures = [(float(r.value_before), float(r.value_after)) for r in case_study.results.all()]
    assert figures == [(8.4, 1.3), (76.8, 85.2), (86.2, 88.7)]


def test_methods_have_steps_and_link_to_evidence():
    for method in MethodPage.objects.all():
        assert len(method.steps) >= 3, method
        assert method.purpose and method.audience and method.time_and_resources, method
        evidence = method.related_evidence()
        assert evidence, method
        assert all(isinstance(page, (CaseStudyPage, ResearchArticlePage)) for page in evidence)


# Documents


def test_demo_pdf_is_stored_and_attached():
    article = ResearchArticlePage.objects.exclude(pdf=None).first()
    assert article is not None
    with article.pdf.file.open("rb") as pdf_file:
        content = pdf_file.read()
    assert content.startswith(b"%PDF-")
    assert article.pdf.file_size == len(content)
    materials = [block for method in MethodPage.objects.all() for block in method.material]
    assert any(block.block_type == "document" for block in materials)
    assert get_document_model().objects.filter(title="Checklista: uppföljning av frånvaro").exists()


def test_pdf_writer_produces_correct_cross_reference_offsets():
    content = build_pdf("Prov – åäö", ["Första stycket (med parentes).", "## Rubrik", "Sista."])
    assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF")
    startxref = int(re.search(rb"startxref\n(\d+)\n", content).group(1))
    assert content[startxref:].startswith(b"xref\n")
    entries = re.findall(rb"(\d{10}) 00000 n \n", content[startxref:])
    assert len(entries) == 7
    for number, offset in enumerate(entries, start=1):
        assert content[int(offset) :].startswith(b"%d 0 obj" % number)
    length = int(re.search(rb"/Length (\d+) >>\nstream\n", content).group(1))
    stream_start = content.index(b"stream\n") + len(b"stream\n")
    assert content[stream_start + length :].startswith(b"\nendstream")
    assert "Prov – åäö".encode("cp1252") in content


def test_pdf_writer_refuses_text_longer_than_a_page():
    with pytest.raises(ValueError):
        build_pdf("För lång", ["Rad."] * 60)


# The accessibility statement


def test_accessibility_statement_has_what_digg_asks_for():
    statement = StandardPage.objects.get(slug="tillganglighet")
    text = statement.intro + json.dumps(list(statement.body.raw_data), ensure_ascii=False)
    for required in [
        "delvis förenlig",
        "WCAG 2.1",
        "EN 301 549",
        "2018:1937",
        pages.FEEDBACK_EMAIL,
        pages.DIGG_COMPLAINT_URL,
        "Hur vi testat webbplatsen",
        "upprättades",
        "granskades senast",
    ]:
        assert required in text, required


# Running again


def test_second_run_changes_nothing():
    before = snapshot()
    assert load(verbosity=1).startswith("Demoinnehållet fanns redan")
    assert snapshot() == before


def test_pages_an_editor_changed_are_left_alone():
    article = ResearchArticlePage.objects.get(slug="rumberger-dropping-out")
    article.title = "Ändrad av redaktör"
    article.save_revision().publish()
    load()
    article.refresh_from_db()
    assert article.title == "Ändrad av redaktör"


def test_a_deleted_page_is_created_again():
    MethodPage.objects.get(slug="blocklasning").delete()
    load()
    method = MethodPage.objects.get(slug="blocklasning")
    assert method.live and method.revisions.count() == 1
    assert method.related_links.count() == 2


def test_verbosity_zero_prints_nothing():
    assert load(verbosity=0) == ""


# The demo login


def test_no_demo_login_without_debug(settings):
    settings.DEBUG = False
    out = io.StringIO()
    assert create_demo_superuser(out) is None
    assert not get_user_model().objects.filter(username=DEMO_USERNAME).exists()
    assert "Ingen demoinloggning" in out.getvalue()


def test_demo_login_with_debug(settings):
    settings.DEBUG = True
    out = io.StringIO()
    user = create_demo_superuser(out)
    assert user.is_superuser and user.check_password(DEMO_PASSWORD)
    assert f"som {DEMO_USERNAME} / {DEMO_PASSWORD}" in out.getvalue()
    create_demo_superuser(io.StringIO())
    assert get_user_model().objects.filter(username=DEMO_USERNAME).count() == 1
