"""Project pages at /projekt/: one source of truth with the project terms, what the pages show
(checked against the data computed here independently), visibility, hostile input and the
query ceiling."""

import re
from collections import Counter

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from bench.content import generate_content
from casestudies.models import CaseStudyPage, CaseStudyResult
from pluginnovation.content.models import ContentPage
from pluginnovation.content.visibility import visible
from pluginnovation.projects.demo import load_projects
from pluginnovation.projects.facts import CASE_STUDIES_SHOWN, NEWEST_LINKED
from pluginnovation.projects.models import ProjectIndexPage, ProjectPage
from pluginnovation.taxonomy.counties import county_of
from pluginnovation.taxonomy.models import Project
from tests.factories import CaseStudyPageFactory, ProjectFactory, site_root
from tests.query_ceiling import measure

pytestmark = pytest.mark.django_db


@pytest.fixture
def project_index():
    """/projekt/ with the demo's five project pages (the loader is idempotent: if the demo
    already has them, nothing is created)."""
    return load_projects(site_root(), Counter())


def project_page(slug):
    return ProjectPage.objects.get(project__slug=slug)


def add_project_page(index, project, **fields):
    page = ProjectPage(project=project, **fields)
    index.add_child(instance=page)
    page.save_revision().publish()
    return ProjectPage.objects.get(pk=page.pk)


def text(response):
    """The page's visible text with whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def private_document(title):
    collection = Collection.get_first_root_node().add_child(name=f"Internt {title}")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return document(title, collection)


def document(title, collection=None):
    model = get_document_model()
    doc = model(title=title, collection=collection or Collection.get_first_root_node())
    doc.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    doc.save()
    return doc


# The term and the page: one source of truth


def test_the_demo_has_a_page_for_each_project_at_its_slug(client, project_index):
    assert project_index.url == "/projekt/"
    for project in Project.objects.all():
        page = project_page(project.slug)
        assert page.url == f"/projekt/{project.slug}/"
        assert page.title == project.name
        assert client.get(page.url).status_code == 200


def test_a_page_takes_the_title_and_slug_of_its_project(project_index):
    project = ProjectFactory(name="Nytt projekt", slug="nytt-projekt")
    page = add_project_page(project_index, project, title="Något annat", slug="fel")
    assert (page.title, page.draft_title, page.slug) == ("Nytt projekt",) * 2 + ("nytt-projekt",)
    assert page.url == "/projekt/nytt-projekt/"


def test_renaming_the_term_renames_the_page_and_moves_its_address(client, project_index):
    page = project_page("fsgr")
    project = page.project
    project.name = "FSGR – fristående skolor"
    project.slug = "fsgr-fristaende"
    project.save()
    page.refresh_from_db()
    assert page.title == page.draft_title == "FSGR – fristående skolor"
    assert page.url == "/projekt/fsgr-fristaende/"
    response = client.get("/projekt/fsgr-fristaende/")
    assert response.status_code == 200
    assert "<h1>FSGR – fristående skolor</h1>" in response.content.decode()
    assert client.get("/projekt/fsgr/").status_code == 404
    # The listings' filter is the same term: its name follows too.
    assert "FSGR – fristående skolor" in client.get("/projekt/").content.decode()


def test_publishing_an_old_revision_keeps_the_terms_current_name(project_index):
    page = project_page("yrk-in")
    old_revision = page.save_revision()
    project = page.project
    project.name = "Yrk In – vägen till yrkesprogram"
    project.save()
    old_revision.publish()
    page.refresh_from_db()
    assert page.title == "Yrk In – vägen till yrkesprogram"


def test_a_project_has_at_most_one_page(project_index):
    from django.core.exceptions import ValidationError

    page = ProjectPage(project=project_page("plug-in").project)
    with pytest.raises(ValidationError) as error:
        page.full_clean(exclude=["path", "depth"])
    assert "redan en projektsida" in str(error.value)


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("redaktor", "r@example.se", "losen-123456")
    client.force_login(user)
    return client


def page_form(project, **fields):
    return nested_form_data(
        {
            "project": project.pk if project else "",
            "partners": "Två kommuner.",
            "funding_amounts": streamfield([]),
            "goals": rich_text("<p>Målen.</p>"),
            "what_was_done": rich_text("<p>Arbetet.</p>"),
            "reports": streamfield([]),
            "seo_title": "",
            "search_description": "",
            **fields,
        }
    )


def test_an_editor_creates_a_page_by_choosing_the_project(editor_client, project_index):
    project = ProjectFactory(name="Projekt från admin", slug="projekt-fran-admin")
    url = reverse("wagtailadmin_pages:add", args=("projects", "projectpage", project_index.pk))
    form = editor_client.get(url).context["form"]
    # Projects that already have a page cannot be chosen again.
    choices = set(form.fields["project"].queryset.values_list("slug", flat=True))
    assert "projekt-fran-admin" in choices and "plug-in" not in choices
    assert "title" not in form.fields and "slug" not in form.fields

    response = editor_client.post(url, {**page_form(project), "action-publish": "publish"})
    assert response.status_code == 302, response.context["form"].errors
    page = ProjectPage.objects.get(project=project)
    assert (page.title, page.slug, page.live) == ("Projekt från admin", "projekt-fran-admin", True)


def test_choosing_a_project_that_has_a_page_says_so(editor_client, project_index):
    taken = Project.objects.get(slug="plug-in")
    url = reverse("wagtailadmin_pages:add", args=("projects", "projectpage", project_index.pk))
    response = editor_client.post(url, {**page_form(taken), "action-publish": "publish"})
    assert response.status_code == 200
    assert "Projektet har redan en projektsida" in str(response.context["form"].errors["project"])
    assert ProjectPage.objects.filter(project=taken).count() == 1


def test_the_editor_shows_the_terms_facts_read_only_with_a_link_to_edit_them(
    editor_client, project_index
):
    page = project_page("plug-innan")
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Projektets uppgifter (från taxonomin)" in html
    assert "Västra Götalandsregionen, 15 miljoner kronor" in html  # the term's funding
    edit_url = reverse("wagtailsnippets_taxonomy_project:edit", args=(page.project.pk,))
    assert edit_url in html
    # Saving the page's own fields never changes the term.
    response = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        {**page_form(page.project, partners="Nya partner."), "action-publish": "publish"},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.partners == "Nya partner." and page.title == "Plug Innan"
    assert Project.objects.get(slug="plug-innan").name == "Plug Innan"


# What a project page shows


def visible_case_studies(project):
    return list(visible(CaseStudyPage.objects.filter(projects=project)))


def test_the_page_shows_the_terms_facts_and_its_own_story(client, project_index):
    page = project_page("plug-innan")
    response = client.get(page.url)
    shown = text(response)
    project = page.project
    for fact in (project.name, project.period, project.owner, project.funding):
        assert fact in shown
    assert "Västra Götalandsregionen 15 miljoner kronor" in shown
    assert "Källa: Göteborgsregionen, nyhet 28 april 2017" in shown
    assert "Skaraborg, Fyrbodal och Boråsregionen" in shown  # partners
    assert '<h2 id="goals-heading">Mål</h2>' in response.content.decode()


def test_the_fact_box_names_the_regions_the_knowledge_bank_has(client, project_index):
    """A project's own text may count regions the knowledge bank has no section for (Yrk In:
    "fyra regioner"); the fact box names those it has, rather than a count beside that text."""
    html = client.get(project_page("plug-innan").url).content.decode()
    facts = html[html.index('<dl class="facts__list">') :].split("</dl>", 1)[0]
    assert "<dt>Regioner i kunskapsbanken</dt>" in facts
    assert "<dd>Göteborgsregionen" in facts


def test_places_are_the_terms_regions_and_the_case_studies_municipalities(client, project_index):
    project = Project.objects.get(slug="plug-in-2-0")
    studies = visible_case_studies(project)
    municipalities = {study.municipality for study in studies}
    regions = set(project.regions.all()) | {m.region for m in municipalities}

    context = client.get(project_page("plug-in-2-0").url).context
    assert {item["region"] for item in context["regions"]} == regions
    assert set(context["municipalities"]) == municipalities
    shown = text(client.get(project_page("plug-in-2-0").url))
    for region in regions:
        assert region.name in shown
    # A region's link leads to its case-study section.
    gr = next(item for item in context["regions"] if item["region"].slug == "gr")
    assert gr["url"] == "/fallstudier/gr/"


def test_the_results_match_the_case_studies_results(client, project_index):
    project = Project.objects.get(slug="plug-in")
    studies = visible_case_studies(project)
    # Figures that describe the work (schools, weeks) are no results.
    rows = list(CaseStudyResult.objects.filter(page__in=studies).exclude(kind="beskrivning"))
    expected = Counter(row.direction for row in rows)
    with_results = len({row.page_id for row in rows})
    assert rows, "the demo's Plug In case studies have results"

    response = client.get(project_page("plug-in").url)
    summary = response.context["results_summary"]
    assert summary.total == len(rows)
    assert summary.case_studies == with_results
    nonzero = {key: count for key, count in summary.counts.items() if count}
    assert nonzero == {key: count for key, count in expected.items() if count}
    shown = text(response)
    assert f"{len(rows)} resultat från {with_results} fallstudie" in shown
    for study in studies:
        assert study.title in shown
    assert 'href="/resultat/?projekt=plug-in"' in response.content.decode()
    # The link leads to the same figures on /resultat/.
    results = client.get("/resultat/?projekt=plug-in").context["summary"]
    assert results.total == summary.total and results.counts == summary.counts


def test_linked_content_shows_the_newest_and_links_to_the_full_listing(client, project_index):
    project = Project.objects.get(slug="plug-in")
    linked = visible(ContentPage.objects.filter(projects=project)).order_by(
        "-published_date", "-pk"
    )
    response = client.get(project_page("plug-in").url)
    assert [page.pk for page in response.context["linked"]] == [
        page.pk for page in linked[:NEWEST_LINKED]
    ]
    assert response.context["linked_count"] == linked.count()
    html = response.content.decode()
    assert 'href="/utforska/?projekt=plug-in"' in html
    assert f"Visa alla {linked.count()} i Utforska" in html
    explore = client.get("/utforska/?projekt=plug-in")
    assert explore.context["items"].paginator.count == linked.count()


def test_the_map_marks_the_counties_of_the_municipalities(client, project_index):
    project = Project.objects.get(slug="plug-in")
    studies = visible_case_studies(project)
    expected = {county_of(study.municipality.code).name for study in studies}
    context = client.get(project_page("plug-in").url).context
    marked = {c["name"] for c in context["project_map"]["counties"] if c["mark"] == "fallstudier"}
    assert marked == expected
    assert {county.name for county, _ in context["project_map"]["with_case_studies"]} == expected
    assert len(context["project_map"]["counties"]) == 21
    html = client.get(project_page("plug-in").url).content.decode()
    assert 'role="img"' in html and "Jämtlands län" in html


def test_a_region_of_the_term_without_case_studies_is_marked_lighter(client, project_index):
    context = client.get(project_page("plug-in-2-0").url).context
    names = {c.name for c in context["project_map"]["region_counties"]}
    assert "Gävleborgs län" in names and "Skåne län" in names


def test_the_index_lists_every_project_in_time_order(client, project_index):
    response = client.get("/projekt/")
    listed = [page.project.slug for page in response.context["project_pages"]]
    assert listed == list(
        Project.objects.order_by("start_year", "end_year", "name").values_list("slug", flat=True)
    )
    shown = text(response)
    assert "2012–2015" in shown and "2017–2021" in shown
    assert response.content.decode().count("<h1") == 1


def test_many_case_studies_show_a_selection_and_link_to_all(client, project_index):
    project = Project.objects.get(slug="yrk-in")
    section = CaseStudyPage.objects.filter(projects=project).first().get_parent().specific
    for number in range(CASE_STUDIES_SHOWN + 2):
        CaseStudyPageFactory(parent=section, title=f"Yrk In-skola {number}", projects=[project])
    total = len(visible_case_studies(project))
    response = client.get(project_page("yrk-in").url)
    assert len(response.context["case_studies"]) == CASE_STUDIES_SHOWN
    assert response.context["case_study_count"] == total
    html = response.content.decode()
    assert 'href="/utforska/?projekt=yrk-in&amp;typ=fallstudie"' in html
    assert f"Visa alla {total} fallstudier från Yrk In" in text(response)
    # The places still come from every case study, not just the ones named.
    studies = visible_case_studies(project)
    assert set(response.context["municipalities"]) == {s.municipality for s in studies}


# Visibility


def test_hidden_case_studies_are_neither_shown_nor_counted(client, project_index):
    project = Project.objects.get(slug="yrk-in")
    section = CaseStudyPage.objects.filter(projects=project).first().get_parent().specific
    draft = CaseStudyPageFactory(parent=section, title="Utkast i Yrk In", live=False)
    private = CaseStudyPageFactory(parent=section, title="Privat i Yrk In")
    for page in (draft, private):
        page.projects.set([project])
        page.save()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    CaseStudyResult.objects.create(
        page=private,
        indicator="narvaro",
        description="Dold närvaro",
        value_before=50,
        value_after=90,
        unit="%",
        period="2019",
        source="Test",
    )
    response = client.get(project_page("yrk-in").url)
    shown = text(response)
    assert "Utkast i Yrk In" not in shown and "Privat i Yrk In" not in shown
    assert private.municipality.name not in shown and draft.municipality.name not in shown
    summary = response.context["results_summary"]
    assert summary is None or "Dold närvaro" not in shown
    assert response.context["linked_count"] == len(
        visible(ContentPage.objects.filter(projects=project))
    )


def test_a_private_document_is_never_listed(client, project_index):
    page = project_page("yrk-in")
    secret = private_document("Intern budget Yrk In")
    public = document("Yrk In offentlig rapport")
    page.reports = [
        {"type": "report", "value": {"document": secret.pk, "title": "", "description": ""}},
        {"type": "report", "value": {"document": public.pk, "title": "", "description": "Öppen"}},
        {"type": "report", "value": {"document": 999999, "title": "Borttagen", "description": ""}},
    ]
    page.save_revision().publish()
    response = client.get(page.url)
    html = response.content.decode()
    assert "Yrk In offentlig rapport" in html and public.url in html
    assert "Intern budget" not in html and secret.url not in html
    assert "Borttagen" not in html


def test_a_draft_or_private_project_page_is_not_listed_or_shown(client, project_index):
    draft = project_page("fsgr")
    draft.unpublish()
    private = project_page("plug-innan")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    shown = text(client.get("/projekt/"))
    assert "FSGR" not in shown and "Plug Innan" not in shown
    assert client.get("/projekt/fsgr/").status_code == 404
    # The restricted page asks for its password instead of showing the project.
    response = client.get("/projekt/plug-innan/")
    assert "Skaraborg, Fyrbodal och Boråsregionen" not in response.content.decode()


# Hostile input


@pytest.mark.parametrize(
    "path",
    [
        "/projekt/finns-inte/",
        "/projekt/%3Cscript%3Ealert(1)%3C/script%3E/",
        "/projekt/" + "a" * 3000 + "/",
        "/projekt/plug-in/extra/",
        "/projekt/%C2%B2/",
    ],
)
def test_unknown_project_addresses_are_not_found(client, project_index, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "?sida=%C2%B2",
        "?sida=-1",
        "?sida=99999999999999999999",
        "?projekt=%3Cscript%3E",
        "?q=" + "x" * 5000,
    ],
)
def test_hostile_parameters_give_a_normal_page(client, project_index, query):
    for url in ("/projekt/", "/projekt/plug-in/"):
        response = client.get(url + query)
        assert response.status_code == 200
        assert "<script>" not in response.content.decode().split("<body")[1].split("</main>")[0]


def test_wrong_methods_are_not_server_errors(client, project_index):
    for method in ("post", "put", "delete"):
        response = getattr(client, method)("/projekt/plug-in/")
        assert response.status_code < 500


# Query ceiling


def test_project_pages_stay_within_the_query_ceiling(
    client, project_index, django_assert_max_num_queries
):
    urls = ["/projekt/", "/projekt/plug-in/", "/projekt/plug-in-2-0/", "/projekt/yrk-in/"]
    small = measure(client, django_assert_max_num_queries, urls)
    before = ContentPage.objects.count()
    generate_content(9 * before, seed=12)
    assert ContentPage.objects.live().count() >= 10 * before
    large = measure(client, django_assert_max_num_queries, urls)
    assert large == small
    print("queries at 1x and 10x:", {url: (small[url], large[url]) for url in urls})


def test_the_index_page_type_lives_below_the_home_page_only():
    assert ProjectIndexPage.parent_page_types == ["home.HomePage"]
    assert ProjectPage.parent_page_types == ["projects.ProjectIndexPage"]


def test_first_sentence_gives_one_line():
    from pluginnovation.projects.templatetags.project_tags import first_sentence

    assert first_sentence("Ett projekt. Med mer text.") == "Ett projekt."
    assert first_sentence("Från 2012 till 2015, i 47 kommuner.\n Sedan mer.") == (
        "Från 2012 till 2015, i 47 kommuner."
    )
    assert first_sentence("") == ""


def test_a_project_is_public_only_with_a_visible_page_or_a_visible_page_naming_it(
    client, project_index
):
    """A project term was in the open data, on its regions' pages, in every listing's filter
    and in Bevaka from the day an editor created it, with its description, owner and funding,
    before anyone published (or while a restriction covered) its page."""
    from pluginnovation.taxonomy.models import Region

    gr = Region.objects.get(slug="gr")
    hidden = {
        "utkast": ProjectFactory(name="Zyxprojekt i utkast", slug="zyx-utkast"),
        "skyddat": ProjectFactory(name="Zyxprojekt skyddat", slug="zyx-skyddat"),
        "utan-sida": ProjectFactory(name="Zyxprojekt utan sida", slug="zyx-utan-sida"),
    }
    named = ProjectFactory(name="Zyxprojekt i en fallstudie", slug="zyx-namnt")
    for project in [*hidden.values(), named]:
        project.regions.add(gr)
    draft = ProjectPage(project=hidden["utkast"], live=False)
    project_index.add_child(instance=draft)
    restricted = add_project_page(project_index, hidden["skyddat"])
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    CaseStudyPageFactory(projects=[named])

    section = client.get("/fallstudier/gr/").content.decode()
    listing = client.get("/fallstudier/").content.decode()
    alerts = client.get("/bevaka/").content.decode()
    taxonomy = client.get("/oppna-data/taxonomi.json").content.decode()
    for surface, html in [
        ("region", section),
        ("listing", listing),
        ("bevaka", alerts),
        ("taxonomi", taxonomy),
    ]:
        for project in hidden.values():
            assert project.name not in html, (surface, project.slug)
        assert named.name in html, surface
    results = client.get("/resultat/", {"projekt": "zyx-utkast"}).content.decode()
    assert "Zyxprojekt i utkast" not in results and "finns inte" in results
    # The API neither lists a hidden project among the valid values nor accepts it.
    api = client.get("/api/v2/pages/", {"projekt": "finns-inte"})
    assert api.status_code == 400 and "zyx-namnt" in api.text
    assert not any(project.slug in api.text for project in hidden.values())
    assert client.get("/api/v2/pages/", {"projekt": "zyx-utkast"}).status_code == 400


def test_a_project_joins_and_leaves_the_filters_with_its_page(
    client, project_index, django_capture_on_commit_callbacks, monkeypatch
):
    """The filters' list of terms was kept until a term changed: a project whose page was
    published appeared there minutes later, and one unpublished stayed as long."""
    from tests.discovery_support import keep_per_version

    keep_per_version(monkeypatch)
    project = ProjectFactory(name="Zyxprojekt på väg", slug="zyx-pa-vag")
    assert "Zyxprojekt på väg" not in client.get("/fallstudier/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        page = add_project_page(project_index, project)
    assert "Zyxprojekt på väg" in client.get("/fallstudier/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert "Zyxprojekt på väg" not in client.get("/fallstudier/").content.decode()


def test_a_project_named_by_a_live_news_item_is_public(client, project_index):
    """The news item shows the project; its filter link must not call it unknown."""
    import datetime

    from pluginnovation.news.models import NewsIndexPage
    from tests.test_news import add_news, clean_index

    project = ProjectFactory(name="Zyxprojekt i en nyhet", slug="zyx-nyhet")
    news = add_news(
        clean_index(NewsIndexPage, "aktuellt", "Aktuellt"), "Zyxnyheten", datetime.date(2024, 1, 1)
    )
    assert "Zyxprojekt i en nyhet" not in client.get("/oppna-data/taxonomi.json").text
    news.projects.add(project)
    news.save()
    assert "Zyxprojekt i en nyhet" in client.get("/oppna-data/taxonomi.json").text


def test_when_every_project_has_a_page_the_form_says_where_to_add_one(editor_client, project_index):
    """The required Projekt list held only "---------", and saving said only that the field was
    required: nothing said that every project has a page, nor where a new project is added."""
    Project.objects.exclude(pk__in=ProjectPage.objects.values("project_id")).delete()
    url = reverse("wagtailadmin_pages:add", args=("projects", "projectpage", project_index.pk))
    assert "Alla projekt har redan en projektsida" in editor_client.get(url).content.decode()
    response = editor_client.post(url, {**page_form(None), "action-publish": "publish"})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["project"])
    assert "Lägg först till projektet under Taxonomi → Projekt" in errors
