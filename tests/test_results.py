"""Case study results: the change and its direction, editors' validation, the SVG chart, the
/resultat/ overview (recomputed here from the rows) and the region pages' summaries."""

import re
from collections import Counter
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import CaseStudyPage, CaseStudyResult, RegionSectionPage
from tests.test_editor_forms import add_url, case_study_data, result

pytestmark = pytest.mark.django_db

# Written out here, not read from the model: which way each indicator should move.
LESS_IS_BETTER = {"avbrott"}
MORE_IS_BETTER = {"narvaro", "behorighet", "betyg", "nadda-kaa", "atergang"}
LABELS = {
    "forbattring": "Förbättring",
    "forsamring": "Försämring",
    "oforandrat": "Oförändrat",
    "okand": "Riktning okänd",
}


def expected_direction(row):
    if row.kind == "beskrivning":
        return "ingen"
    if row.better == "hogre":
        desired = 1
    elif row.better == "lagre":
        desired = -1
    else:
        desired = -1 if row.indicator in LESS_IS_BETTER else int(row.indicator in MORE_IS_BETTER)
    if row.value_before is None or not desired:
        return "okand"
    change = row.value_after - row.value_before
    if change == 0:
        return "oforandrat"
    return "forbattring" if change * desired > 0 else "forsamring"


def visible_rows(**page_filter):
    """The results a visitor may see, found the plain Wagtail way: figures that describe the
    work (kind "beskrivning") are no results."""
    pages = CaseStudyPage.objects.live().public().filter(**page_filter)
    return list(CaseStudyResult.objects.filter(page__in=pages).exclude(kind="beskrivning"))


def shown_counts(html, within=None):
    """{direction: count} as the page shows them in the first counts list (after `within`)."""
    if within:
        html = html[html.index(within) :]
    block = html[html.index('<dl class="results-counts">') :]
    block = block[: block.index("</dl>")]
    pairs = re.findall(r"<dt>([^<]+)</dt>\s*<dd>(\d+)</dd>", block)
    by_label = {label: int(count) for label, count in pairs}
    return {key: by_label[label] for key, label in LABELS.items()}


def counted(rows):
    counts = Counter(expected_direction(row) for row in rows)
    return {key: counts[key] for key in LABELS}


def table_rows(html):
    """The body rows of the /resultat/ table of every result."""
    table = html[html.index('class="results-table results-rows"') :]
    table = table[table.index("<tbody>") : table.index("</tbody>")]
    return re.findall(r"<tr>.*?</tr>", table, re.S)


# --- The change and its direction -----------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "before", "after", "unit", "better", "change", "direction"),
    [
        ("avbrott", "8.4", "1.3", "%", "", "\u22127,1 procentenheter", "Förbättring"),
        ("narvaro", "76.8", "85.2", "%", "", "+8,4 procentenheter", "Förbättring"),
        ("narvaro", "88.7", "86.2", "procent", "", "\u22122,5 procentenheter", "Försämring"),
        ("avbrott", "130", "135", "elever", "", "+5 elever", "Försämring"),
        ("betyg", "12", "12", "elever", "", "±0 elever", "Oförändrat"),
        ("annat", "5", "9", "veckor", "", "+4 veckor", "Riktning okänd"),
        ("annat", "60", "0", "unga", "lagre", "\u221260 unga", "Förbättring"),
        ("nadda-kaa", "60", "0", "unga", "lagre", "\u221260 unga", "Förbättring"),
        ("narvaro", None, "85", "%", "", "", "Riktning okänd"),
    ],
)
def test_the_change_is_after_minus_before_judged_by_the_desired_direction(
    indicator, before, after, unit, better, change, direction
):
    from pluginnovation.search.templatetags.results_tags import signed_change

    row = CaseStudyResult(
        indicator=indicator,
        value_before=None if before is None else Decimal(before),
        value_after=Decimal(after),
        unit=unit,
        better=better,
    )
    assert signed_change(row) == change
    assert row.direction_label == direction


def test_the_database_judges_every_row_as_the_model_does():
    from pluginnovation.discovery.results import with_direction

    page = CaseStudyPage.objects.live().first()
    cases = [
        ("avbrott", "8.4", "1.3", ""),
        ("avbrott", "1.3", "8.4", ""),
        ("narvaro", "80", "80", ""),
        ("narvaro", "80", "79.9", ""),
        ("annat", "1", "2", ""),
        ("annat", "1", "2", "hogre"),
        ("nadda-kaa", "60", "0", "lagre"),
        ("betyg", None, "12", ""),
        ("annat", None, "8", "beskrivning"),
        ("annat", "1", "2", "beskrivning"),
    ]
    for i, (indicator, before, after, better) in enumerate(cases):
        kind = "beskrivning" if better == "beskrivning" else "resultat"
        better = "" if better == "beskrivning" else better
        CaseStudyResult.objects.create(
            page=page,
            kind=kind,
            indicator=indicator,
            description=f"Fall {i}",
            value_before=None if before is None else Decimal(before),
            value_after=Decimal(after),
            unit="elever",
            better=better,
            period="2020",
            source="Test",
        )
    rows = list(with_direction(CaseStudyResult.objects.all()))
    assert len(rows) >= len(cases) + 10
    for row in rows:
        assert row.direction_value == row.direction == expected_direction(row), row.description


def test_a_figure_about_the_work_is_no_result():
    figure = CaseStudyResult(
        kind="beskrivning", indicator="annat", value_after=Decimal("8"), unit="skolor"
    )
    assert figure.direction == "ingen" and figure.unknown_reason == ""
    assert figure.direction_label == "Ingen bedömning: beskriver insatsen"


def test_figures_about_the_work_are_shown_apart_and_never_counted(client):
    page = CaseStudyPage.objects.get(slug="mojligheten-alingsas")
    figures = list(page.results.filter(kind="beskrivning"))
    outcomes = list(page.results.exclude(kind="beskrivning"))
    assert figures and outcomes  # the demo content has both here
    html = client.get(page.url).content.decode()
    shown = html[html.index('id="figures-heading"') : html.index('id="results-heading"')]
    for figure in figures:
        assert figure.description in shown
        assert figure.description not in html[html.index('id="results-heading"') :]
    assert "2 veckor" in shown
    # The overview counts only results, and lists no figure among its rows.
    overview = client.get("/resultat/").content.decode()
    total = sum(shown_counts(overview).values())
    assert total == len(visible_rows())
    assert all(figure.description not in overview for figure in figures)


def test_the_api_and_the_open_data_say_which_kind_a_figure_is(client):
    page = CaseStudyPage.objects.get(slug="porten-partille")
    api = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert {row["kind"] for row in api["results"]} == {"beskrivning"}
    assert {row["direction"] for row in api["results"]} == {"ingen"}


# --- Editors ---------------------------------------------------------------------------


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("redaktor2", "r2@example.org", "pw")
    client.force_login(user)
    return client


DESCRIPTION = {"kind": "beskrivning", "value_before": ""}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"value_after": ""}, "Ange värdet efter insatsen"),
        ({"source": ""}, "Ange källan"),
        ({"unit": ""}, "Ange enheten"),
        ({"value_after": "101"}, "mellan 0 och 100"),
        ({"students": "-4"}, "större än eller lika med 0"),
        ({"students": "många"}, "heltal"),
        # A figure about the work has one value and is not judged.
        (DESCRIPTION | {"value_before": "5"}, "bara ett värde"),
        (DESCRIPTION | {"better": "hogre"}, "bedöms inte"),
    ],
)
def test_an_incomplete_result_is_refused_with_a_swedish_message(editor_client, changes, message):
    title = f"Ofullständigt {sorted(changes.items())}"
    row = result("70", "80") | changes
    section, data = case_study_data(title, [row])
    # Publishing: Wagtail lets a draft be saved with required text fields empty.
    data["action-publish"] = "action-publish"
    response = editor_client.post(add_url(section, CaseStudyPage), data)
    assert response.status_code == 200
    assert message in str(response.context["form"].formsets["results"].errors)
    assert not CaseStudyPage.objects.filter(title=title).exists()


def test_a_description_of_the_work_is_saved_with_its_one_value(editor_client):
    row = result("", "8", "skolor") | DESCRIPTION
    section, data = case_study_data("Beskrivning", [row])
    assert editor_client.post(add_url(section, CaseStudyPage), data).status_code == 302
    saved = CaseStudyPage.objects.get(title="Beskrivning").results.get()
    assert (saved.kind, saved.direction, saved.change) == ("beskrivning", "ingen", None)


def test_an_editor_saves_the_number_of_students_and_the_desired_direction(editor_client):
    title = "Med antal elever"
    row = result("60", "0", "unga") | {"students": "60", "better": "lagre"}
    section, data = case_study_data(title, [row])
    response = editor_client.post(add_url(section, CaseStudyPage), data)
    assert response.status_code == 302, response.context["form"].formsets["results"].errors
    saved = CaseStudyPage.objects.get(title=title).results.get()
    assert (saved.students, saved.direction_label) == (60, "Förbättring")


def test_the_edit_form_offers_the_new_fields_with_help(editor_client):
    page = CaseStudyPage.objects.get(slug="mojligheten-alingsas")
    html = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Antal elever" in html and "Önskad riktning" in html
    assert "Slag av siffra" in html and "Beskrivning av insatsen" in html
    assert "Lägre värde är bättre" in html


# --- The case study page ---------------------------------------------------------------


def test_a_case_study_shows_a_chart_with_a_text_alternative_and_the_table(client):
    page = CaseStudyPage.objects.get(slug="oscarsgymnasiet-oskarshamn")
    html = client.get(page.url).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    labelled_by = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
    for element_id in labelled_by:
        assert f'id="{element_id}"' in svg
    assert 'role="img"' in svg
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S).group(1)
    # The text alternative says in words what the bars show.
    assert "före 8,4 %, efter 1,3 %, förändring \u22127,1 procentenheter, förbättring" in desc
    # One pair of bars for each of the three results.
    assert svg.count('class="results-chart__bar results-chart__bar--after"') == 3
    # The CSP allows no inline style or script: the chart is styled from results.css.
    section = html[html.index('<section class="results"') :]
    section = section[: section.index("</section>")]
    assert " style=" not in section and "<style" not in section and "<script" not in section
    assert "/static/css/results.css" in html
    table = html[html.index("<table") : html.index("</table>")]
    assert "\u22127,1 procentenheter" in table and "+8,4 procentenheter" in table
    assert table.count("Förbättring") == 3
    assert "Uppgift saknas" in table  # no number of students in the sources


def test_the_number_of_students_is_shown_where_the_sources_give_it(client):
    page = CaseStudyPage.objects.get(slug="lerums-gymnasium-bygg")
    html = client.get(page.url).content.decode()
    assert re.search(r'<td class="numeric">7</td>', html)
    # No value before: no change, and the direction is said to be unknown, with the reason.
    assert "Riktning okänd" in html and "inget värde före insatsen" in html


# --- /resultat/ ------------------------------------------------------------------------


def test_the_overview_counts_agree_with_the_case_studies_own_rows(client):
    html = client.get("/resultat/").content.decode()
    rows = visible_rows()
    assert rows
    assert shown_counts(html) == counted(rows)
    assert len(table_rows(html)) == len(rows)
    assert "inte en metaanalys" in html or "ingen metaanalys" in html.lower()
    # Every figure links to its case study and names its source.
    for row in rows:
        assert f'href="{row.page.url}"' in html
        assert row.source in html


def test_the_overview_gives_per_region_and_per_project_summaries(client):
    html = client.get("/resultat/").content.decode()
    gr_rows = visible_rows(municipality__region__slug="gr")
    table = html[html.index('id="by-region-caption"') :]
    table = table[: table.index("</table>")]
    gr_line = re.search(r'\?region=gr">[^<]+</a></th>(.*?)</tr>', table, re.S).group(1)
    numbers = [int(n) for n in re.findall(r">(\d+)</td>", gr_line)]
    expected = counted(gr_rows)
    pages = {row.page_id for row in gr_rows}
    assert numbers == [len(pages), len(gr_rows), *expected.values()]
    assert 'id="by-project-caption"' in html and "?projekt=" in html


@pytest.mark.parametrize(
    ("query", "page_filter"),
    [
        ("region=gr", Q(municipality__region__slug="gr")),
        ("faktor=samverkan", Q(factors__slug="samverkan")),
        ("projekt=plug-in", Q(projects__slug="plug-in")),
        (
            "region=gr&faktor=uppfoljning",
            Q(municipality__region__slug="gr", factors__slug="uppfoljning"),
        ),
    ],
)
def test_filters_give_exactly_the_matching_rows(client, query, page_filter):
    html = client.get(f"/resultat/?{query}").content.decode()
    pages = CaseStudyPage.objects.live().public().filter(page_filter).distinct()
    rows = list(CaseStudyResult.objects.filter(page__in=pages).exclude(kind="beskrivning"))
    assert len(table_rows(html)) == len(rows)
    assert shown_counts(html) == counted(rows)
    assert "finns inte" not in html


def offered(html, param):
    """(value, text) of the options of the filter `param`, "Alla" left out."""
    select = html[html.index(f'<select id="r-{param}"') :]
    select = select[: select.index("</select>")]
    return re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', select)


@pytest.mark.parametrize("param", ["faktor", "projekt", "region", "indikator"])
@pytest.mark.parametrize(
    "chosen", [{}, {"region": "gr"}, {"faktor": "samverkan", "indikator": "avbrott"}]
)
def test_each_filter_offers_only_values_with_results_and_says_how_many(client, param, chosen):
    """No dead end ("0 resultat" after choosing Betyg): every value offered lists as many
    results as choosing it, with the other filters as they are, lists; a value without results
    is not offered."""
    html = client.get("/resultat/", chosen).content.decode()
    options = offered(html, param)
    assert options
    for value, text in options:
        count = int(re.search(r"\((\d+)\)$", text).group(1))
        after = client.get("/resultat/", {**chosen, param: value}).content.decode()
        assert count > 0 and len(table_rows(after)) == count, (chosen, value, text)
    if param == "indikator":
        assert "betyg" not in dict(options)  # the demo has no result on grades


def test_a_chosen_value_without_results_stays_chosen(client):
    html = client.get("/resultat/?indikator=betyg").content.decode()
    assert ("betyg", "Betyg (0)") in offered(html, "indikator")
    assert '<option value="betyg" selected>' in html


def test_the_indicator_filter_keeps_only_that_indicator(client):
    html = client.get("/resultat/?indikator=avbrott").content.decode()
    rows = [row for row in visible_rows() if row.indicator == "avbrott"]
    assert len(rows) >= 2
    shown = table_rows(html)
    assert len(shown) == len(rows)
    assert all("<td>Studieavbrott</td>" in row for row in shown)


def test_a_filtered_overview_names_its_selection_for_paper(client):
    """The printed page leaves out the form: a copy of "?indikator=avbrott&indikator=narvaro"
    said "Alla resultat" over its rows and named no choice at all."""
    html = client.get("/resultat/?indikator=avbrott&indikator=narvaro").content.decode()
    selection = re.search(r'<p class="print-only results-selection">(.*?)</p>', html, re.S)
    assert selection
    text = re.sub(r"<[^>]+>", "", selection.group(1))
    assert text == "Urval: Indikator: Närvaro, Studieavbrott"
    assert "results-selection" not in client.get("/resultat/").content.decode()


def test_many_results_are_paged_while_the_summaries_count_them_all(client):
    page = CaseStudyPage.objects.get(slug="oscarsgymnasiet-oskarshamn")
    CaseStudyResult.objects.bulk_create(
        CaseStudyResult(
            page=page,
            indicator="avbrott",
            description=f"Extra {i}",
            value_before=Decimal("9"),
            value_after=Decimal("4"),
            unit="%",
            period="2020",
            source="Test",
            sort_order=100 + i,
        )
        for i in range(120)
    )
    rows = visible_rows()
    first = client.get("/resultat/").content.decode()
    assert shown_counts(first) == counted(rows)
    assert len(table_rows(first)) == 50
    assert "sida=2" in first
    assert 'href="?sida=2#rows-heading"' in first  # paging leads to the rows, not the top
    last = client.get("/resultat/?sida=999").content.decode()
    assert len(table_rows(last)) == len(rows) - 100
    for junk in ("-1", "abc", "²", "9" * 40):
        response = client.get(f"/resultat/?sida={junk}")
        assert response.status_code == 200
        assert len(table_rows(response.content.decode())) == 50


def test_drafts_and_restricted_case_studies_are_left_out(client):
    drafted = CaseStudyPage.objects.get(slug="oscarsgymnasiet-oskarshamn")
    drafted.unpublish()
    secret = CaseStudyPage.objects.get(slug="linkoping-farre-avbrott")
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    html = client.get("/resultat/").content.decode()
    assert drafted.url not in html if drafted.url else True
    assert "Oscarsgymnasiet" not in html and secret.title not in html
    assert shown_counts(html) == counted(visible_rows())
    assert len(table_rows(html)) == len(visible_rows())


HOSTILE = [
    "region=finns-inte",
    "faktor=%3Cscript%3Ealert(1)%3C/script%3E",
    "indikator=%00",
    "projekt=" + "x" * 5000,
    "region=gr,," + ",".join(["gr"] * 200),
    "&".join(["faktor=samverkan"] * 300),
    "region[]=gr&region=%C3%A5%C3%A4%C3%B6",
    "indikator=AVBROTT&sida=-1&q=%25",
    "region=%FF%FE",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_parameters_give_a_normal_page(client, query):
    response = client.get(f"/resultat/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "Resultat från lokalt arbete" in html


def test_an_unknown_value_is_named_in_a_swedish_notice_and_ignored(client):
    html = client.get("/resultat/?region=finns-inte&indikator=avbrott").content.decode()
    assert "Filtret region ”finns-inte” finns inte och användes inte." in html
    rows = [row for row in visible_rows() if row.indicator == "avbrott"]
    assert len(table_rows(html)) == len(rows)


def test_an_uppercase_indicator_is_read_as_the_same_value(client):
    html = client.get("/resultat/?indikator=AVBROTT").content.decode()
    assert "finns inte" not in html
    assert len(table_rows(html)) == len([r for r in visible_rows() if r.indicator == "avbrott"])


def query_counts(client, urls, django_assert_max_num_queries):
    counts = []
    for url in urls:
        assert client.get(url).status_code == 200
        with django_assert_max_num_queries(15) as captured:
            client.get(url)
        counts.append(len(captured))
    return counts


def test_the_overview_costs_the_same_queries_with_many_more_results(
    client, django_assert_max_num_queries
):
    section = RegionSectionPage.objects.get(region__slug="gr")
    urls = [
        "/resultat/",
        "/resultat/?indikator=avbrott&indikator=narvaro&region=kalmar-lan",
        section.url,
    ]
    small = query_counts(client, urls, django_assert_max_num_queries)
    template = CaseStudyResult.objects.filter(value_before__isnull=False).first()
    CaseStudyResult.objects.bulk_create(
        CaseStudyResult(
            page=page,
            indicator="avbrott",
            description=f"Extra {i}",
            value_before=template.value_before,
            value_after=template.value_after,
            unit=template.unit,
            period="2020",
            source="Test",
            sort_order=100 + i,
        )
        for page in CaseStudyPage.objects.live()
        for i in range(20)
    )
    assert query_counts(client, urls, django_assert_max_num_queries) == small


# --- The region page -------------------------------------------------------------------


def test_a_region_page_shows_its_own_results_summary(client):
    section = RegionSectionPage.objects.get(region__slug="gr")
    html = client.get(section.url).content.decode()
    assert "Resultat i " in html
    assert shown_counts(html) == counted(visible_rows(municipality__region__slug="gr"))
    assert "/resultat/?region=gr" in html


def test_thousands_of_unknown_filter_values_give_a_short_notice(client):
    values = ",".join(f"okand{i}" for i in range(3000))
    response = client.get(f"/resultat/?region={values}")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("finns inte och användes inte") == 5
    assert "Ytterligare 2995 okända filtervärden användes inte." in html


def test_a_summary_rows_link_keeps_the_other_filters_chosen(client):
    """Per projekt under Göteborgsregionen linked to the project's results in every region:
    the next page's numbers were not the row's."""
    html = client.get("/resultat/", {"region": "gr", "indikator": "nadda-kaa"}).content.decode()
    table = html[html.index('id="by-project-caption"') :]
    table = table[: table.index("</table>")]
    links = re.findall(r'<a href="/resultat/\?([^"]+)"', table)
    assert links
    for query in links:
        assert query.replace("&amp;", "&").startswith("region=gr&indikator=nadda-kaa&projekt="), (
            query
        )
    by_region = html[html.index('id="by-region-caption"') :]
    by_region = by_region[: by_region.index("</table>")]
    assert 'href="/resultat/?indikator=nadda-kaa&amp;region=gr"' in by_region
