"""Schools like mine: the SKR municipality group (kommungrupp) and the school form, the similar
case studies under a case study, the kommungrupp filter on the listings, and the demo data."""

import datetime
import re
import shutil

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest

from bench.content import generate_content
from casestudies.models import CaseStudyPage, SchoolForm
from casestudies.similar import SIMILAR_COUNT, similar_case_studies
from pluginnovation.content.models import ContentPage
from pluginnovation.editorial.roles import EDITORS
from pluginnovation.home.demo.datafiles import DATA_DIR, DemoDataError
from pluginnovation.home.demo.loader import load_demo_content
from pluginnovation.home.demo.reader import read_demo_data
from pluginnovation.taxonomy.models import Kommungrupp, Municipality
from tests.factories import CaseStudyPageFactory, MunicipalityFactory, content_tree, site_root
from tests.query_ceiling import CEILING

pytestmark = pytest.mark.django_db

# The demo's case studies use every group but these and every school form but adult education,
# so the tests' pages are compared only with each other.
GROUP, OTHER_GROUP = Kommungrupp.C8, Kommungrupp.C9
FORM, OTHER_FORM = SchoolForm.ADULT, SchoolForm.COMPULSORY


@pytest.fixture
def section():
    return content_tree().section


def case_study(section, group, form, days=0, **kwargs):
    municipality = MunicipalityFactory(region=section.region, kommungrupp=group)
    return CaseStudyPageFactory(
        parent=section,
        municipality=municipality,
        school_form=form,
        published_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=days),
        **kwargs,
    )


def similar(page):
    page = CaseStudyPage.objects.select_related("municipality").get(pk=page.pk)
    return similar_case_studies(page)


def test_both_matches_first_then_either_newest_first_with_the_reasons(section):
    page = case_study(section, GROUP, FORM)
    form_only = case_study(section, OTHER_GROUP, FORM, days=30)
    both = case_study(section, GROUP, FORM, days=1)
    group_only = case_study(section, GROUP, OTHER_FORM, days=20)
    case_study(section, OTHER_GROUP, OTHER_FORM, days=50)  # nothing in common
    case_study(section, "", "", days=60)  # nothing known
    found = similar(page)
    assert [match.page.pk for match in found] == [both.pk, form_only.pk, group_only.pk]
    assert found[0].reasons == [
        "Samma kommungrupp: Landsbygdskommun",
        "Samma skolform: Vuxenutbildning",
    ]
    assert found[1].reasons == ["Samma skolform: Vuxenutbildning"]
    assert found[2].reasons == ["Samma kommungrupp: Landsbygdskommun"]


def test_the_page_itself_drafts_and_restricted_pages_are_left_out(section):
    page = case_study(section, GROUP, FORM)
    shown = case_study(section, GROUP, FORM, days=1)
    case_study(section, GROUP, FORM, days=2, live=False)
    secret = case_study(section, GROUP, FORM, days=3)
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    assert [match.page.pk for match in similar(page)] == [shown.pk]


def test_a_restricted_section_hides_its_case_studies(section):
    page = case_study(section, GROUP, FORM)
    other_section = content_tree().section
    hidden = case_study(other_section, GROUP, FORM, days=5)
    PageViewRestriction.objects.create(page=other_section, restriction_type="login")
    assert hidden.pk not in [match.page.pk for match in similar(page)]


def test_at_most_a_few_are_shown(section):
    page = case_study(section, GROUP, "")
    for days in range(SIMILAR_COUNT + 3):
        case_study(section, GROUP, "", days=days + 1)
    assert len(similar(page)) == SIMILAR_COUNT


def test_without_a_group_or_a_form_nothing_is_similar_and_nothing_is_read(
    section, django_assert_num_queries
):
    page = case_study(section, "", "")
    case_study(section, "", "", days=1)
    page = CaseStudyPage.objects.select_related("municipality").get(pk=page.pk)
    with django_assert_num_queries(0):
        assert similar_case_studies(page) == []


def test_the_case_study_page_shows_its_group_form_and_similar_ones(client):
    response = client.get("/fallstudier/gr/porten-partille/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<dt>Kommungrupp (SKR)</dt>" in html
    assert "<dd>Pendlingskommun nära storstad</dd>" in html
    assert "<dd>Kommunala aktivitetsansvaret (KAA)</dd>" in html
    assert "Liknande skolor och kommuner" in html
    similar_slugs = re.findall(r'class="similar-item__title"><a href="[^"]*/([^/"]+)/"', html)
    # Mölndal and Alingsås share both the group (A2) and the form (KAA).
    assert set(similar_slugs[:2]) == {"molndal-uppfoljningsansvar", "mojligheten-alingsas"}
    assert "porten-partille" not in similar_slugs
    assert "Samma kommungrupp: Pendlingskommun nära storstad" in html
    assert "/utforska/?typ=fallstudie&amp;kommungrupp=a2" in html


def test_a_case_study_with_nothing_similar_has_no_similar_section(client):
    page = case_study(content_tree(site_root()).section, "", "")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Liknande skolor och kommuner" not in response.content.decode()


def test_a_region_section_serves_only_its_own_case_studies(client):
    assert client.get("/fallstudier/gr/porten-partille/").status_code == 200
    assert client.get("/fallstudier/skane/porten-partille/").status_code == 404
    assert client.get("/fallstudier/gr/finns-inte/").status_code == 404
    assert client.get("/fallstudier/gr/porten-partille/mer/").status_code == 404
    CaseStudyPage.objects.get(slug="porten-partille").unpublish()
    assert client.get("/fallstudier/gr/porten-partille/").status_code == 404


# The filter


def listed(response):
    return [item.slug for item in response.context["items"]]


def test_the_case_study_listing_filters_on_kommungrupp(client):
    response = client.get("/fallstudier/?kommungrupp=a2")
    assert response.status_code == 200
    expected = CaseStudyPage.objects.live().filter(municipality__kommungrupp="A2")
    assert sorted(listed(response)) == sorted(expected.values_list("slug", flat=True))
    assert len(listed(response)) >= 4
    html = response.content.decode()
    assert 'name="kommungrupp" value="a2" checked' in html or 'value="a2" checked' in html
    # Several groups: either of them.
    both = client.get("/fallstudier/?kommungrupp=a2&kommungrupp=B3")
    expected = CaseStudyPage.objects.live().filter(municipality__kommungrupp__in=["A2", "B3"])
    assert sorted(listed(both)) == sorted(expected.values_list("slug", flat=True))


def test_the_filter_counts_the_case_studies_per_group(client):
    response = client.get("/fallstudier/")
    groups = {group.facet.param: group for group in response.context["facet_groups"]}
    options = {option.value: option for option in groups["kommungrupp"].options}
    assert list(options) == [group.value.lower() for group in Kommungrupp]
    assert options["a2"].name == "A2 Pendlingskommun nära storstad"
    assert (
        options["a2"].count
        == CaseStudyPage.objects.live().filter(municipality__kommungrupp="A2").count()
    )
    assert options["c9"].count == 0


def test_the_explore_view_filters_case_studies_on_kommungrupp(client):
    response = client.get("/utforska/?typ=fallstudie&kommungrupp=b3")
    assert response.status_code == 200
    expected = CaseStudyPage.objects.live().filter(municipality__kommungrupp="B3")
    assert sorted(listed(response)) == sorted(expected.values_list("slug", flat=True))


@pytest.mark.parametrize(
    "value",
    [
        "<script>alert(1)</script>",
        "x" * 5000,
        "a2' OR 1=1 --",
        "ä2",
        "-1",
        "a²",
        "A10",
        "%00",
        ",".join(["a2"] * 50),
        ",".join(f"z{n}" for n in range(200)),
    ],
)
def test_unknown_or_hostile_kommungrupp_values_give_a_normal_page(client, value):
    for path in ("/fallstudier/", "/utforska/", "/sok/"):
        response = client.get(path, {"kommungrupp": value, "q": "frånvaro"})
        assert response.status_code == 200, (path, value)
        html = response.content.decode()
        assert "<script>alert(1)</script>" not in html


def test_an_unknown_group_is_named_and_ignored(client):
    response = client.get("/fallstudier/?kommungrupp=d10")
    html = response.content.decode()
    assert "Okänt filtervärde ignorerades: kommungrupp=d10" in html
    assert len(listed(response)) == min(20, CaseStudyPage.objects.live().count())


def test_wrong_methods_do_not_break_the_listing(client):
    assert client.post("/fallstudier/?kommungrupp=a2").status_code in (200, 405)
    assert client.head("/fallstudier/?kommungrupp=a2").status_code == 200


# Queries


def test_the_case_study_page_stays_within_the_ceiling_at_two_sizes(
    client, django_assert_max_num_queries
):
    urls = [
        "/fallstudier/gr/porten-partille/",
        CaseStudyPage.objects.live().order_by("pk").first().url,
        "/fallstudier/?kommungrupp=a2",
        "/utforska/?typ=fallstudie&kommungrupp=a2&skolform=kaa",
    ]

    def measure():
        counts = {}
        for url in urls:
            assert client.get(url).status_code == 200
            with django_assert_max_num_queries(CEILING, info=url) as captured:
                response = client.get(url)
            counts[url] = len(captured)
            if "fallstudier/gr/" in url:
                assert 'class="similar-item"' in response.content.decode()
        return counts

    small = measure()
    generate_content(9 * ContentPage.objects.count(), seed=13)
    large = measure()
    details = urls[:2]
    assert {url: large[url] for url in details} == {url: small[url] for url in details}
    print("queries at 1x and 10x:", {url: (small[url], large[url]) for url in urls})


# The demo data


def test_demo_municipalities_carry_skrs_groups_where_known():
    groups = dict(Municipality.objects.values_list("slug", "kommungrupp"))
    assert groups["goteborg"] == "A1" and groups["malmo"] == "A1"
    assert groups["partille"] == "A2" and groups["molndal"] == "A2"
    assert groups["linkoping"] == "B3" and groups["krokom"] == "B4"
    assert groups["ljungby"] == ""
    assert set(groups.values()) <= {"", *Kommungrupp.values}


def test_every_demo_case_study_has_a_school_form():
    forms = CaseStudyPage.objects.values_list("slug", "school_form")
    assert all(form in SchoolForm.values for _slug, form in forms), forms


@pytest.fixture
def data_copy(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    return folder


def test_an_unknown_group_in_the_data_is_named(data_copy):
    path = data_copy / "taxonomy" / "regions.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("kommungrupp: A1", "kommungrupp: X1", 1), encoding="utf-8")
    with pytest.raises(DemoDataError) as error:
        read_demo_data(data_copy)
    assert "taxonomy/regions.yaml" in str(error.value)
    assert "okänd kommungrupp ”X1”" in str(error.value)


def test_the_loader_fills_an_empty_group_and_keeps_an_editors():
    Municipality.objects.filter(slug="partille").update(kommungrupp="")
    Municipality.objects.filter(slug="goteborg").update(kommungrupp="B3")
    load_demo_content()
    assert Municipality.objects.get(slug="partille").kommungrupp == "A2"
    assert Municipality.objects.get(slug="goteborg").kommungrupp == "B3"


# The admin


def test_a_central_editor_sets_a_municipalitys_group(client):
    user = get_user_model().objects.create_user("rut", password="pw")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    listing = client.get("/admin/snippets/taxonomy/municipality/?kommungrupp=A2")
    assert listing.status_code == 200
    assert "Partille" in listing.content.decode()
    assert "Linköping" not in listing.content.decode()
    ljungby = Municipality.objects.get(slug="ljungby")
    url = f"/admin/snippets/taxonomy/municipality/edit/{ljungby.pk}/"
    form = client.get(url)
    assert "Kommungrupp (SKR)" in form.content.decode()
    data = {
        "name": ljungby.name,
        "slug": ljungby.slug,
        "sort_order": ljungby.sort_order,
        "code": ljungby.code,
        "region": ljungby.region_id,
        "kommungrupp": "C6",
    }
    assert client.post(url, data).status_code == 302
    ljungby.refresh_from_db()
    assert ljungby.kommungrupp == "C6"
    data["kommungrupp"] = "Z9"
    response = client.post(url, data)
    assert response.status_code == 200
    ljungby.refresh_from_db()
    assert ljungby.kommungrupp == "C6"


def test_a_preview_never_fills_the_similar_schools_visitors_see(client, monkeypatch):
    from pluginnovation.discovery import cache as discovery_cache

    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    section = content_tree(site_root()).section
    page = case_study(section, GROUP, FORM, title="Zyxegen")
    other = case_study(section, OTHER_GROUP, OTHER_FORM, days=5, title="Zyxannan skolform")
    # An editor previews the page with another school and school form, not saved: the other
    # case study matches on both and comes first.
    edited = CaseStudyPage.objects.get(pk=page.pk)
    edited.school_form = OTHER_FORM
    edited.municipality = other.municipality
    preview = edited.make_preview_request().content.decode()
    assert "Zyxannan skolform" in preview
    public = client.get(page.url).content.decode()
    assert "Zyxannan skolform" not in public


def test_a_page_outside_every_site_can_be_previewed(section):
    # An editor's preview of a page in a tree no site serves yet: no address of its own.
    page = case_study(section, GROUP, FORM)
    response = CaseStudyPage.objects.get(pk=page.pk).make_preview_request()
    assert response.status_code == 200
