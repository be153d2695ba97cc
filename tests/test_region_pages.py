"""Region sections under /fallstudier/: who the region is, its projects (linked to their
project pages), its municipalities, a clear message instead of an empty listing, the links
from /fallstudier/ to every region, visibility and the query ceiling."""

import re
from collections import Counter

from wagtail.models import PageViewRestriction

import pytest

from bench.content import generate_content
from casestudies.models import CaseStudyPage, RegionSectionPage
from pluginnovation.content.models import ContentPage
from pluginnovation.content.visibility import visible
from pluginnovation.projects.demo import load_projects
from pluginnovation.projects.models import ProjectPage
from pluginnovation.projects.templatetags.project_tags import region_facts
from pluginnovation.taxonomy.models import Municipality, Project, Region
from tests.factories import CaseStudyPageFactory, site_root
from tests.query_ceiling import measure

pytestmark = pytest.mark.django_db


@pytest.fixture
def project_index():
    return load_projects(site_root(), Counter())


def section(slug):
    return RegionSectionPage.objects.get(region__slug=slug)


def text(response):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_region_says_who_it_is_its_projects_and_municipalities(client, project_index):
    page = section("gr")
    response = client.get(page.url)
    assert response.status_code == 200
    shown = text(response)
    html = response.content.decode()
    assert page.intro in shown
    for project in Project.objects.filter(regions=page.region):
        assert project.name in shown and project.period in shown
        assert f'href="/projekt/{project.slug}/"' in html
    for municipality in Municipality.objects.filter(region=page.region):
        assert municipality.name in shown
    facts = region_facts({"request": None}, page)
    counts = {item["municipality"].slug: item["count"] for item in facts["municipalities"]}
    for municipality in Municipality.objects.filter(region=page.region):
        expected = visible(CaseStudyPage.objects.filter(municipality=municipality)).count()
        assert counts[municipality.slug] == expected
    assert (
        facts["case_study_count"]
        == visible(CaseStudyPage.objects.filter(municipality__region=page.region)).count()
    )


def test_a_project_without_a_visible_page_is_named_but_not_linked(client, project_index):
    page = ProjectPage.objects.get(project__slug="fsgr")
    page.unpublish()
    other = ProjectPage.objects.get(project__slug="yrk-in")
    PageViewRestriction.objects.create(
        page=other, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    response = client.get(section("gr").url)
    html = response.content.decode()
    assert "FSGR" in text(response) and 'href="/projekt/fsgr/"' not in html
    assert "Yrk In" in text(response) and 'href="/projekt/yrk-in/"' not in html
    assert 'href="/projekt/plug-innan/"' in html


def test_a_region_without_case_studies_says_so_instead_of_an_empty_listing(client, project_index):
    page = section("skane")
    assert not visible(CaseStudyPage.objects.filter(municipality__region=page.region)).exists()
    response = client.get(page.url)
    assert response.status_code == 200
    shown = text(response)
    assert f"Inga fallstudier från {page.title} ännu." in shown
    html = response.content.decode()
    assert "facet" not in html  # no filter panel
    assert 'href="/projekt/plug-in-2-0/"' in html  # Skåne took part in Plug In 2.0
    assert "Malmö" in shown and "Helsingborg" in shown


def test_hidden_case_studies_do_not_count_as_a_regions_case_studies(client, project_index):
    page = section("skane")
    malmo = Municipality.objects.get(slug="malmo")
    draft = CaseStudyPageFactory(parent=page, municipality=malmo, live=False, title="Utkast")
    private = CaseStudyPageFactory(parent=page, municipality=malmo, title="Privat Malmö")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    response = client.get(page.url)
    shown = text(response)
    assert f"Inga fallstudier från {page.title} ännu." in shown
    assert "Utkast" not in shown and "Privat Malmö" not in shown
    assert draft.pk and private.pk

    # Once one is published, the region lists it with the filters.
    draft.save_revision().publish()
    response = client.get(page.url)
    shown = text(response)
    assert "Inga fallstudier från" not in shown
    assert "Utkast" in shown and "Privat Malmö" not in shown
    counts = {i["municipality"].slug: i["count"] for i in region_facts({}, page)["municipalities"]}
    assert counts["malmo"] == 1


def test_the_case_study_index_links_every_region(client, project_index):
    response = client.get("/fallstudier/")
    html = response.content.decode()
    sections = visible(RegionSectionPage.objects.all())
    assert sections.count() == Region.objects.count()
    for page in sections:
        assert f'href="{page.url}"' in html
    shown = text(response)
    assert "Västerbotten inga fallstudier ännu" in shown
    gr_count = visible(CaseStudyPage.objects.filter(municipality__region__slug="gr")).count()
    assert f"Göteborgsregionen (GR) {gr_count} fallstudier" in shown
    # The other indexes have no region links.
    assert "region-sections" not in client.get("/metoder/").content.decode()


def test_the_region_links_are_counted_once_per_content_version(
    client, project_index, monkeypatch, django_assert_max_num_queries
):
    """Counting every region's visible case studies took 25 ms at 10,000 pages: the links
    are kept per content version, and a publish shows the new count on the next request."""
    from django.core.cache import cache

    from pluginnovation.discovery import cache as discovery_cache

    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    cache.clear()
    client.get("/fallstudier/")
    with django_assert_max_num_queries(100) as captured:
        first = text(client.get("/fallstudier/"))
    assert not any("regionsectionpage" in q["sql"] for q in captured.captured_queries)
    assert "Västerbotten inga fallstudier ännu" in first

    page = section("vasterbotten")
    umea = Municipality.objects.get(slug="umea")
    CaseStudyPageFactory(parent=page, municipality=umea, title="Umeås lovskola")
    assert "Västerbotten 1 fallstudie" in text(client.get("/fallstudier/"))
    cache.clear()


def test_a_hidden_region_section_is_not_linked(client, project_index):
    page = section("vasterbotten")
    page.unpublish()
    html = client.get("/fallstudier/").content.decode()
    assert 'href="/fallstudier/vasterbotten/"' not in html


@pytest.mark.parametrize(
    "query",
    [
        "?sida=%C2%B2",
        "?sida=-3",
        "?kommun=%3Cscript%3E",
        "?faktor=" + "x" * 3000,
        "?projekt=finns-inte",
    ],
)
def test_hostile_parameters_on_region_pages_give_a_normal_page(client, project_index, query):
    for slug in ("gr", "skane"):
        response = client.get(section(slug).url + query)
        assert response.status_code == 200
        assert "<script>" not in response.content.decode().split("<main")[1]


def test_an_unknown_region_is_not_found(client, project_index):
    assert client.get("/fallstudier/finns-inte/").status_code == 404


def test_region_pages_stay_within_the_query_ceiling(
    client, project_index, django_assert_max_num_queries
):
    urls = [
        "/fallstudier/",
        "/fallstudier/gr/",
        "/fallstudier/gr/?faktor=uppfoljning",
        "/fallstudier/skane/",
        "/fallstudier/kalmar-lan/?sida=2",
    ]
    small = measure(client, django_assert_max_num_queries, urls)
    before = ContentPage.objects.count()
    generate_content(9 * before, seed=13)
    large = measure(client, django_assert_max_num_queries, urls)
    # (A region without case studies may get some generated, and with them its listing.)
    for url in urls[:3]:
        assert large[url] <= small[url] + 1, (url, small[url], large[url])
    print("queries at 1x and 10x:", {url: (small[url], large[url]) for url in urls})
