"""/karta/: counties shaded by their case studies, with the same numbers in a table."""

import re
from collections import Counter

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest

from bench.content import generate_content
from casestudies.models import CaseStudyPage
from pluginnovation.discovery.places import case_studies_per_county, shade, shade_steps
from pluginnovation.taxonomy.counties import COUNTIES, county_of

pytestmark = pytest.mark.django_db


def expected_counts():
    """Counted the slow way: every live, public case study, one by one."""
    counts = Counter()
    for page in CaseStudyPage.objects.live().public().select_related("municipality"):
        counts[county_of(page.municipality.code).name] += 1
    return counts


def table_counts(html):
    rows = re.findall(
        r'<th scope="row">(?:<a href="[^"]*">)?([^<]+)(?:</a>)?</th>\s*'
        r'<td class="county-table__number">(\d+)</td>',
        html,
    )
    return {name: int(number) for name, number in rows}


def test_a_kommunkod_names_its_county():
    assert county_of("1480").name == "Västra Götalands län"
    assert county_of("1384").name == "Hallands län"  # Kungsbacka: GR, but in Halland
    assert county_of("0880").name == "Kalmar län"
    assert county_of("9999") is None
    assert county_of("") is None
    assert county_of(None) is None


def test_the_map_and_table_count_the_visible_case_studies_per_county(client):
    response = client.get("/karta/")
    assert response.status_code == 200
    html = response.content.decode()
    counts = table_counts(html)
    expected = expected_counts()
    assert len(counts) == len(COUNTIES) + 1  # every county, and the whole country
    for county in COUNTIES:
        assert counts[county.name] == expected[county.name], county.name
    assert counts["Hela Sverige"] == sum(expected.values()) > 0
    # Every county is drawn, and each outline names the county and its number.
    for county in COUNTIES:
        number = expected[county.name]
        assert f"{county.name}: {number} fallstudie" in html


def test_each_county_links_to_the_case_study_listing_filtered_on_it(client):
    """At its results: on a phone the filters come first, a screen or two above them."""
    html = client.get("/karta/").content.decode()
    for county in COUNTIES:
        assert f'href="/fallstudier/?lan={county.slug}#results-heading"' in html
    listing = client.get(f"/fallstudier/?lan={COUNTIES[0].slug}").content.decode()
    assert 'id="results-heading"' in listing


def test_drafts_and_restricted_case_studies_are_not_counted(client):
    before = dict(case_studies_per_county())
    page = CaseStudyPage.objects.live().select_related("municipality").first()
    county = county_of(page.municipality.code)
    page.unpublish()
    other = CaseStudyPage.objects.live().exclude(pk=page.pk).select_related("municipality")[0]
    other_county = county_of(other.municipality.code)
    restriction = PageViewRestriction.objects.create(
        page=other, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.first())
    after = dict(case_studies_per_county())
    lost = Counter({county: 1}) + Counter({other_county: 1})
    for item, number in before.items():
        assert after[item] == number - lost[item]
    html = client.get("/karta/").content.decode()
    assert table_counts(html)[county.name] == after[county]


def test_shading_steps_cover_every_count_and_keep_the_extremes_apart():
    assert shade_steps(0) == []
    assert shade_steps(1) == [1]
    assert shade_steps(3) == [1, 2, 3]
    assert shade_steps(10) == [3, 6, 9, 10]
    for maximum in range(1, 60):
        steps = shade_steps(maximum)
        assert len(steps) <= 4 and steps[-1] == maximum
        assert shade(0, steps) == 0
        assert shade(1, steps) == 4 - len(steps) + 1
        assert shade(maximum, steps) == 4  # the most always has the darkest shade
        if maximum > 1:
            assert shade(maximum, steps) > shade(1, steps)


def test_the_map_needs_no_script_and_no_other_site(client):
    html = client.get("/karta/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "<script" not in main
    assert "style=" not in main
    assert re.findall(r'(?:src|xlink:href)="https?://', main) == []


def test_the_map_page_queries_stay_flat(client, django_assert_max_num_queries):
    client.get("/karta/")
    with django_assert_max_num_queries(15) as small:
        client.get("/karta/")
    generate_content(200, seed=3)
    with django_assert_max_num_queries(15) as large:
        assert client.get("/karta/").status_code == 200
    assert len(large) == len(small)


@pytest.mark.parametrize("query", ["?lan=<script>", "?sida=²", "?x=" + "å" * 5000])
def test_odd_parameters_do_not_matter(client, query):
    assert client.get("/karta/" + query).status_code == 200


def listing_titles(client, url):
    html = client.get(url).content.decode()
    return set(re.findall(r'<h[23] class="card__title"><a href="[^"]*">([^<]+)</a>', html))


def test_a_county_link_lists_exactly_that_countys_case_studies(client):
    for county in COUNTIES:
        expected = {
            page.title
            for page in CaseStudyPage.objects.live().public().select_related("municipality")
            if county_of(page.municipality.code) == county
        }
        url = f"/fallstudier/?lan={county.slug}"
        assert listing_titles(client, url) == expected, county.name


def test_the_county_filter_counts_and_combines_with_other_filters(client):
    html = client.get("/fallstudier/?lan=vastra-gotaland&lan=jamtland").content.decode()
    expected = sum(
        county_of(page.municipality.code).slug in ("vastra-gotaland", "jamtland")
        for page in CaseStudyPage.objects.live().public().select_related("municipality")
    )
    assert f"{expected} träff" in html
    assert client.get("/utforska/?lan=skane&typ=metod").status_code == 200


@pytest.mark.parametrize("value", ["lappland", "<b>", "14", "å" * 300, "²"])
def test_unknown_counties_are_refused_without_an_error(client, value):
    response = client.get("/fallstudier/", {"lan": value})
    assert response.status_code == 200
