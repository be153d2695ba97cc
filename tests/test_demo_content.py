"""The demo site that `load_demo_content` builds (tests/conftest.py loads it once per session)."""

import io
import json
import re
import shutil

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Page, PageLogEntry, Revision, Site

import pytest

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, CaseStudyResult, RegionSectionPage
from methods.models import MethodIndexPage, MethodPage, MethodRelatedPage
from pluginnovation.audiences.models import AudienceIndexPage, AudiencePick
from pluginnovation.content.blocks import BodyBlock
from pluginnovation.content.models import ContentPage, PageTag
from pluginnovation.home.demo import markdown
from pluginnovation.home.demo.datafiles import DATA_DIR, DemoDataError
from pluginnovation.home.demo.loader import load_demo_content
from pluginnovation.home.demo.reader import read_demo_data
from pluginnovation.home.demo.users import DEMO_PASSWORD, DEMO_USERNAME, create_demo_superuser
from pluginnovation.home.models import HomePage, StandardPage
from pluginnovation.news.models import EventIndexPage, NewsIndexPage
from pluginnovation.projects.models import ProjectIndexPage
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
FEEDBACK_EMAIL = "pluginnovation@goteborgsregionen.se"
DIGG_COMPLAINT_URL = (
    "https://www.digg.se/analys-och-uppfoljning/lagen-om-tillganglighet-till-digital-offentlig-"
    "service-dos-lagen/anmal-bristande-tillganglighet"
)
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
        AudiencePick,
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
        "kommungrupper": list(Municipality.objects.values_list("pk", "kommungrupp")),
    }


# The site tree


def test_home_page_is_the_default_sites_root_and_the_welcome_page_is_gone():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.title == "Hem"
    root = Page.get_first_root_node()
    # The Swedish home page and its English translation, the root of the /en/ pages.
    homes = root.get_children()
    assert [page.specific_class for page in homes] == [HomePage, HomePage]
    assert [page.locale.language_code for page in homes] == ["sv", "en"]
    assert homes[0].translation_key == homes[1].translation_key


def test_sections_hang_under_the_home_page_with_the_agreed_slugs():
    home = HomePage.objects.get(locale__language_code="sv")
    children = {page.slug: page.specific_class for page in home.get_children()}
    assert children == {
        "forskning": ResearchIndexPage,
        "fallstudier": CaseStudyIndexPage,
        "metoder": MethodIndexPage,
        "om": StandardPage,
        "anvand-kunskapsbanken": StandardPage,
        "kontakt": StandardPage,
        "tillganglighet": StandardPage,
        "for": AudienceIndexPage,
        "projekt": ProjectIndexPage,
        "aktuellt": NewsIndexPage,
        "evenemang": EventIndexPage,
    }
    assert all(page.live for page in home.get_children())


def test_only_the_sections_the_about_page_and_the_news_are_in_the_menu():
    in_menu = Page.objects.filter(show_in_menus=True, locale__language_code="sv")
    assert {page.slug for page in in_menu} == {
        "forskning",
        "fallstudier",
        "metoder",
        "om",
        "aktuellt",
    }
    assert all(page.get_parent().specific_class is HomePage for page in in_menu)
    english = Page.objects.filter(show_in_menus=True, locale__language_code="en")
    assert {page.slug for page in english} == {"about", "how-to-use", "contact"}
    # The tree's order is the menu's order.
    assert [page.slug for page in in_menu.order_by("path")][:3] == [
        "forskning",
        "fallstudier",
        "metoder",
    ]


def test_default_site_is_named_and_keeps_its_host():
    site = Site.objects.get(is_default_site=True)
    assert site.site_name == "PlugInnovation"
    assert site.hostname == "localhost"


@pytest.mark.parametrize("placeholder", ["", "localhost"])
def test_a_placeholder_site_name_is_replaced(placeholder):
    Site.objects.filter(is_default_site=True).update(site_name=placeholder, hostname="example.se")
    assert "Webbplatsen fick namnet PlugInnovation" in load(verbosity=1)
    site = Site.objects.get(is_default_site=True)
    assert (site.site_name, site.hostname) == ("PlugInnovation", "example.se")


def test_a_site_name_an_administrator_chose_is_kept():
    Site.objects.filter(is_default_site=True).update(site_name="Kunskapsbanken")
    load()
    assert Site.objects.get(is_default_site=True).site_name == "Kunskapsbanken"


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
    # A StreamField silently drops unknown block types, so check what the files turn into.
    known = set(BodyBlock().child_blocks)
    for entry in read_demo_data().entries():
        for block in entry.fields.get("body", []):
            assert block["type"] in known, (entry.name, block["type"])


def test_target_groups_exist():
    assert set(TargetGroup.objects.values_list("slug", flat=True)) >= {
        "grundskolan-ak-5-9",
        "nationella-program",
        "introduktionsprogram",
        "unga-utanfor-skolan",
        "nyanlanda",
    }


def test_every_target_group_level_and_type_has_an_english_name():
    for model in (TargetGroup, Level, InterventionType):
        assert not model.objects.filter(name_en="").exists(), model.__name__
    assert Level.objects.get(slug="individ").name_en == "Individual level"


def test_a_missing_english_name_is_filled_in_and_an_editors_is_kept():
    TargetGroup.objects.filter(slug="nyanlanda").update(name_en="")
    TargetGroup.objects.filter(slug="introduktionsprogram").update(name_en="Redaktörens namn")
    load()
    assert TargetGroup.objects.get(slug="nyanlanda").name_en == "Newly arrived students"
    assert TargetGroup.objects.get(slug="introduktionsprogram").name_en == "Redaktörens namn"


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
        evidence = method.related_evidence
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


def test_documents_are_stored_exactly_as_shipped_in_the_data_folder():
    for data in read_demo_data().documents:
        document = get_document_model().objects.get(title=data["title"])
        with document.file.open("rb") as stored:
            assert stored.read() == data["path"].read_bytes(), data["title"]


# The accessibility statement


def test_accessibility_statement_has_what_digg_asks_for():
    statement = StandardPage.objects.get(slug="tillganglighet")
    text = statement.intro + json.dumps(list(statement.body.raw_data), ensure_ascii=False)
    for required in [
        "delvis förenlig",
        "WCAG 2.1",
        "EN 301 549",
        "2018:1937",
        FEEDBACK_EMAIL,
        DIGG_COMPLAINT_URL,
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


# The data files


@pytest.fixture
def data_copy(tmp_path):
    """A copy of the data folder to break; returns a function that edits one of its files."""
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)

    def edit(name, old, new):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    edit.folder = folder
    return edit


@pytest.mark.parametrize(
    "name, old, new, problem",
    [
        ("research/rumberger-dropping-out.md", "slug: rumberger-dropping-out\n", "", "slug"),
        ("methods/blocklasning.md", "'Blockläsning: en kurs i taget'", "Block: en kurs", "rad 3"),
        ("casestudies/porten-partille.md", "\n:::\n", "\n", "faktarutan saknar"),
        ("casestudies/porten-partille.md", "region: gr\n", "", "fältet region saknas"),
        ("pages/om.md", "# Brödtext", "# Brödtexten", "okänt avsnitt"),
        ("methods/lokal-lagesrapport.md", "lagesrapport-fragor", "fragor", "okänt dokument"),
        ("taxonomy/regions.yaml", 'code: "1440"', "code: 1440", "kommunkoden"),
    ],
)
def test_a_broken_data_file_is_named_in_the_error(data_copy, name, old, new, problem):
    data_copy(name, old, new)
    with pytest.raises(DemoDataError) as error:
        read_demo_data(data_copy.folder)
    assert name in str(error.value) and problem in str(error.value)


def test_an_unknown_category_stops_the_command_and_saves_nothing(data_copy, monkeypatch):
    data_copy("research/rumberger-dropping-out.md", "bemotande]", "bemotnade]")
    monkeypatch.setattr("pluginnovation.home.demo.loader.DATA_DIR", data_copy.folder)
    MethodPage.objects.get(slug="blocklasning").delete()  # a page the run would create
    before = snapshot()
    with pytest.raises(CommandError) as error:
        load()
    message = str(error.value)
    assert "research/rumberger-dropping-out.md" in message
    assert "okänd framgångsfaktor ”bemotnade”" in message
    assert snapshot() == before


def test_an_edited_data_file_makes_the_page_it_describes(data_copy):
    MethodPage.objects.get(slug="blocklasning").delete()
    data_copy("methods/blocklasning.md", "'Blockläsning: en kurs i taget'", "Block")
    load_demo_content(data_copy.folder)
    assert MethodPage.objects.get(slug="blocklasning").title == "Block"


# The Markdown the data files are written in

MARKDOWN = """\
## Rubrik

Ett stycke med **fet**, *kursiv* och en [länk](https://example.se/).

Ett andra stycke:

- en punkt
  som fortsätter
- en till

---

Ett nytt textblock.

### Underrubrik

> Ett citat som
> fortsätter.
>
> — Någon

:::faktaruta Fakta
1. ett
2. två

Källa: En rapport
:::

:::dokument checklista | Ladda ner
"""


def test_markdown_becomes_the_body_blocks():
    assert markdown.body_blocks(markdown.numbered(MARKDOWN)) == [
        {"type": "heading", "value": {"text": "Rubrik", "level": "h2"}},
        {
            "type": "paragraph",
            "value": '<p>Ett stycke med <b>fet</b>, <i>kursiv</i> och en <a href="https://exa'
            'mple.se/">länk</a>.</p><p>Ett andra stycke:</p><ul><li>en punkt som fortsätter</li>'
            "<li>en till</li></ul>",
        },
        {"type": "paragraph", "value": "<p>Ett nytt textblock.</p>"},
        {"type": "heading", "value": {"text": "Underrubrik", "level": "h3"}},
        {"type": "quote", "value": {"text": "Ett citat som fortsätter.", "attribution": "Någon"}},
        {
            "type": "fact_box",
            "value": {
                "title": "Fakta",
                "text": "<ol><li>ett</li><li>två</li></ol>",
                "source": "En rapport",
            },
        },
        {"type": "document", "value": {"document": "checklista", "title": "Ladda ner"}},
    ]


def test_markdown_steps_are_a_heading_and_text_each():
    text = "## Först\n\nGör så här.\n\n## Sedan\n- ett\n- två\n"
    assert markdown.step_blocks(markdown.numbered(text)) == [
        {"type": "step", "value": {"title": "Först", "text": "<p>Gör så här.</p>"}},
        {"type": "step", "value": {"title": "Sedan", "text": "<ul><li>ett</li><li>två</li></ul>"}},
    ]


@pytest.mark.parametrize(
    "text, problem",
    [
        ("Text\n\n:::faktaruta Fakta\nNågot\n", "rad 3: faktarutan saknar"),
        (":::faktaruta\nNågot\n:::\n", "rad 1: faktarutan saknar rubrik"),
        ("\n:::bild foto.jpg\n", "rad 2: okänt block"),
        ("> Citat\n>\n> Mer citat\n", "rad 1: ett citat"),
        ("#### För djup rubrik\n", "rad 1: en rubrik"),
    ],
)
def test_markdown_mistakes_name_the_line(text, problem):
    with pytest.raises(markdown.MarkdownError, match=problem):
        markdown.body_blocks(markdown.numbered(text))


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
