"""The open API at /api/v2/ (pluginnovation/api, docs/api.md): Wagtail's API v2 with the
public content only, the site's category filters, strict input, bounded queries, a rate limit
per client address and the page cache.

The `hidden` fixture adds one of each kind of thing the API must never show: a page behind a
view restriction and the page below it, a page with its own restriction, a page never
published, unpublished changes on a live page, and a document and an image in a private
collection. Their titles and texts contain SECRET, which no answer may contain.
"""

import datetime
import json
from decimal import Decimal
from urllib.parse import urlencode

from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest
from wagtail_factories import DocumentFactory, ImageFactory

from casestudies.models import CaseStudyPage, CaseStudyResult
from methods.models import MethodPage, MethodRelatedPage
from pluginnovation.delivery import pagecache
from pluginnovation.discovery import cache as discovery_cache
from pluginnovation.discovery.facets import Scope, filtered, parse_selection
from pluginnovation.discovery.listing import hidden_pages
from pluginnovation.news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from pluginnovation.projects.models import ProjectIndexPage, ProjectPage
from pluginnovation.taxonomy.models import Project, Region, SuccessFactor
from research.models import ResearchArticlePage
from tests.factories import (
    CaseStudyPageFactory,
    MethodPageFactory,
    ProjectFactory,
    ResearchArticlePageFactory,
    ResearchIndexPageFactory,
    content_tree,
    factors,
    site_root,
)

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"
DOCUMENTS = "/api/v2/documents/"
IMAGES = "/api/v2/images/"
SECRET = "HEMLIGT"


def get(client, path=PAGES, status=200, **params):
    response = client.get(path, params)
    assert response.status_code == status, response.content.decode()[:500]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def listed_ids(client, path=PAGES, **params):
    """Every id the listing gives, across all its pages of results."""
    found, offset = [], 0
    while True:
        data = get(client, path, limit=100, offset=offset, **params)
        found += [item["id"] for item in data["items"]]
        offset += 100
        if offset >= data["meta"]["total_count"]:
            return found


def private_collection(name="Interna handlingar"):
    collection = Collection.get_first_root_node().add_child(name=name)
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


@pytest.fixture
def tree():
    return content_tree(site_root())


@pytest.fixture
def hidden(tree):
    """One of everything the API must never show, beside public pages that link to them."""
    restricted_index = ResearchIndexPageFactory(parent=site_root(), title=f"{SECRET} forskning")
    PageViewRestriction.objects.create(
        page=restricted_index, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    below = ResearchArticlePageFactory(
        parent=restricted_index, title=f"{SECRET} under skyddad sida", factors=factors("samverkan")
    )
    restricted = MethodPageFactory(
        parent=tree.methods, title=f"{SECRET} skyddad metod", factors=factors("samverkan")
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    never = MethodPageFactory(parent=tree.methods, title=f"{SECRET} aldrig publicerad", live=False)
    drafted = ResearchArticlePageFactory(
        parent=tree.research, title="Publicerad rubrik", summary="Publicerad text."
    )
    drafted.title = f"{SECRET} utkastrubrik"
    drafted.summary = f"{SECRET} utkasttext."
    drafted.save_revision()

    secret_collection = private_collection()
    document = DocumentFactory(title=f"{SECRET} protokoll", collection=secret_collection)
    image = ImageFactory(title=f"{SECRET} bild", collection=secret_collection)
    public_document = DocumentFactory(title="Öppen checklista")

    # Public pages pointing at the hidden things.
    linking_method = MethodPageFactory(
        parent=tree.methods,
        title="Metod med länkar",
        material=[
            {"type": "document", "value": {"document": document.pk, "title": f"{SECRET} mall"}},
            {"type": "document", "value": {"document": public_document.pk, "title": "Mall"}},
        ],
        body=[
            {"type": "paragraph", "value": "<p>Inledning.</p>"},
            {"type": "document", "value": {"document": document.pk, "title": f"{SECRET} bilaga"}},
        ],
    )
    for page in (below, restricted, never, drafted):
        MethodRelatedPage.objects.create(page_owner=linking_method, page=page)
    article_with_pdf = ResearchArticlePageFactory(
        parent=tree.research, title="Artikel med hemlig pdf", pdf=document
    )
    return {
        "restricted_index": restricted_index,
        "below": below,
        "restricted": restricted,
        "never": never,
        "drafted": drafted,
        "document": document,
        "image": image,
        "public_document": public_document,
        "linking_method": linking_method,
        "article_with_pdf": article_with_pdf,
        "hidden_ids": {restricted_index.pk, below.pk, restricted.pk, never.pk},
    }


def assert_no_secret(response_or_data):
    text = (
        response_or_data.content.decode()
        if hasattr(response_or_data, "content")
        else json.dumps(response_or_data, ensure_ascii=False)
    )
    assert SECRET not in text


# The shape of the answers


def test_the_index_names_the_endpoints_licence_and_types(client):
    data = get(client, "/api/v2/")
    assert set(data["endpoints"]) == {"pages", "documents", "images"}
    assert "CC BY 4.0" in data["license"] and "Källa: PlugInnovation" in data["license"]
    assert "research.ResearchArticlePage" in data["page_types"]
    assert "faktor" in data["filters"]


def test_the_pages_listing_is_wagtails_format(client):
    data = get(client)
    assert data["meta"]["total_count"] > 30
    item = data["items"][0]
    assert {"id", "meta", "title"} <= set(item)
    assert {"type", "detail_url", "html_url", "slug", "first_published_at"} <= set(item["meta"])


def test_a_research_article_shows_its_publication_and_categories(client, tree):
    project = ProjectFactory(name="Testprojektet", slug="testprojektet")
    page = ResearchArticlePageFactory(
        parent=tree.research,
        title="Studie om frånvaro",
        authors="Andersson, A., Berg, B.",
        year=2017,
        publisher="Skolverket",
        publication_type="utvardering",
        study_design="kvantitativ-med-jamforelsegrupp",
        doi="10.1234/abcd",
        link="https://example.org/studie.pdf",
        key_findings="<ul><li>Mentorer hjälper.</li></ul>",
        factors=factors("samverkan", "uppfoljning"),
        projects=[project],
        tags=["frånvaro"],
        body=[{"type": "paragraph", "value": "<p>Brödtext.</p>"}],
    )
    data = get(client, f"{PAGES}{page.pk}/")
    assert data["meta"]["type"] == "research.ResearchArticlePage"
    assert data["meta"]["html_url"].endswith(page.url)
    for field, value in {
        "authors": "Andersson, A., Berg, B.",
        "year": 2017,
        "publisher": "Skolverket",
        "publication_type": "utvardering",
        "study_design": "kvantitativ-med-jamforelsegrupp",
        "doi": "10.1234/abcd",
        "link": "https://example.org/studie.pdf",
        "key_findings": "<ul><li>Mentorer hjälper.</li></ul>",
        "summary": page.summary,
        "published_date": "2024-01-15",
        "pdf": None,
    }.items():
        assert data[field] == value, field
    assert data["projects"] == [{"slug": "testprojektet", "name": "Testprojektet"}]
    assert {factor["slug"] for factor in data["factors"]} == {"samverkan", "uppfoljning"}
    # The terms the English pages name in English carry that name; proper names do not.
    english = {f.slug: f.name_en for f in SuccessFactor.objects.all()}
    assert all(factor["name_en"] == english[factor["slug"]] for factor in data["factors"])
    assert all(set(factor) == {"slug", "name", "name_en"} for factor in data["factors"])
    assert data["tags"] == [{"slug": "frånvaro", "name": "frånvaro"}]
    assert data["body"][0]["type"] == "paragraph"
    assert data["body"][0]["value"] == "<p>Brödtext.</p>"
    assert data["body"][0]["id"]


def test_a_case_study_shows_its_place_and_structured_results(client, tree):
    page = CaseStudyPageFactory(
        parent=tree.section,
        title="Närvaroarbete",
        contact_name="Anna Kontakt",
        contact_email="anna@example.org",
        school_form="grundskola",
    )
    CaseStudyResult.objects.create(
        page=page,
        indicator="narvaro",
        description="Närvaro i årskurs 9",
        value_before=Decimal("81.5"),
        value_after=Decimal("92.0"),
        unit="%",
        students=40,
        period="ht 2015–vt 2017",
        source="Slutrapport 2017",
    )
    CaseStudyResult.objects.create(
        page=page,
        indicator="annat",
        description="Unga som ännu inte nåtts",
        value_after=Decimal("12"),
        unit="unga",
        better="lagre",
        period="2017",
        source="KAA-registret",
    )
    data = get(client, f"{PAGES}{page.pk}/")
    municipality = page.municipality
    assert data["municipality"] == {
        "slug": municipality.slug,
        "name": municipality.name,
        "code": municipality.code,
        "kommungrupp": "",
        "region": {"slug": municipality.region.slug, "name": municipality.region.name},
    }
    assert data["regions"] == [{"slug": tree.section.region.slug, "name": tree.section.region.name}]
    assert data["school_form"] == "grundskola"
    first, second = data["results"]
    assert {key: first[key] for key in first if key not in ("id", "meta")} == {
        "kind": "resultat",
        "indicator": "narvaro",
        "description": "Närvaro i årskurs 9",
        "value_before": 81.5,
        "value_after": 92.0,
        "unit": "%",
        "better": "",
        "direction": "forbattring",
        "students": 40,
        "period": "ht 2015–vt 2017",
        "source": "Slutrapport 2017",
    }
    assert second["value_before"] is None and second["better"] == "lagre"
    assert second["direction"] == "okand"
    # The contact person is on the page, never in the API.
    text = json.dumps(data)
    assert "contact" not in text and "Anna Kontakt" not in text and "anna@example" not in text


def test_a_method_shows_its_evidence_costs_and_time(client, tree):
    page = MethodPageFactory(
        parent=tree.methods,
        knowledge_basis="vetenskaplig-grund",
        evidence_level=3,
        staff_hours_per_week=Decimal("2.5"),
        one_off_cost=15000,
        weeks_to_start=6,
    )
    data = get(client, f"{PAGES}{page.pk}/")
    assert data["knowledge_basis"] == "vetenskaplig-grund"
    assert data["evidence_level"] == 3
    assert data["staff_hours_per_week"] == 2.5
    assert data["one_off_cost"] == 15000
    assert data["weeks_to_start"] == 6
    assert data["purpose"] == "Syftet." and data["audience"] == "Mentorer."
    assert data["steps"][0]["type"] == "step"
    assert data["steps"][0]["value"]["title"] == "Steg 1"


def test_rich_text_names_only_pages_and_documents_a_visitor_may_reach(client, tree):
    """The stored HTML keeps its links' words; links to drafts, restricted pages and private
    documents lose their ids (as the site drops their addresses), in StreamFields and rich
    text fields alike."""
    public = MethodPageFactory(parent=tree.methods, title="Öppen metod")
    draft = MethodPageFactory(parent=tree.methods, title="Utkast", live=False)
    restricted = MethodPageFactory(parent=tree.methods, title="Skyddad")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    private = DocumentFactory(title="Protokoll", collection=private_collection())
    shared = DocumentFactory(title="Checklista")
    links = (
        f'<p><a linktype="page" id="{public.pk}">öppen</a> <a linktype="page" id="{draft.pk}">'
        f'utkast</a> <a linktype="page" id="{restricted.pk}">skyddad</a> '
        f'<a linktype="document" id="{private.pk}">protokoll</a> '
        f'<a linktype="document" id="{shared.pk}">checklista</a> '
        '<a href="https://example.org">extern</a></p>'
    )
    page = MethodPageFactory(parent=tree.methods, body=[{"type": "paragraph", "value": links}])
    event = EventPage.objects.live().public().first()
    event.report = links
    event.save_revision().publish()
    expected = (
        f'<p><a linktype="page" id="{public.pk}">öppen</a> <a>utkast</a> <a>skyddad</a> '
        f'<a>protokoll</a> <a linktype="document" id="{shared.pk}">checklista</a> '
        '<a href="https://example.org">extern</a></p>'
    )
    assert get(client, f"{PAGES}{page.pk}/")["body"][0]["value"] == expected
    assert get(client, f"{PAGES}{event.pk}/")["report"] == expected
    # In a listing too, in a bounded number of queries however many pages link.
    for _ in range(4):
        MethodPageFactory(parent=tree.methods, body=[{"type": "paragraph", "value": links}] * 3)
    params = {"type": "methods.MethodPage", "fields": "body", "limit": 20}
    with CaptureQueriesContext(connection) as few:
        listed = get(client, PAGES, **{**params, "limit": 1})
    with CaptureQueriesContext(connection) as many:
        listed = get(client, PAGES, **params)
    assert len(many) <= len(few) + 2
    values = [block["value"] for item in listed["items"] for block in item["body"]]
    assert expected in values and all('id="' + str(draft.pk) not in v for v in values)


def test_news_events_and_projects_have_their_own_fields(client):
    news = NewsPage.objects.live().public().first()
    data = get(client, f"{PAGES}{news.pk}/")
    assert data["date"] == news.date.isoformat()
    assert {"summary", "body", "factors", "projects", "image"} <= set(data)

    event = EventPage.objects.live().public().first()
    data = get(client, f"{PAGES}{event.pk}/")
    assert {"start", "end", "place", "organiser", "programme", "presentations"} <= set(data)

    project_page = ProjectPage.objects.live().public().select_related("project").first()
    data = get(client, f"{PAGES}{project_page.pk}/")
    project = project_page.project
    assert data["project"]["slug"] == project.slug
    assert data["project"]["start_year"] == project.start_year
    assert data["project"]["owner"] == project.owner
    assert {region["slug"] for region in data["project"]["regions"]} == set(
        project.regions.values_list("slug", flat=True)
    )


def test_documents_and_images_have_public_download_addresses(client, settings):
    image = ImageFactory(title="Öppen bild")
    data = get(client, f"{IMAGES}{image.pk}/")
    assert data["title"] == "Öppen bild" and data["width"] and data["height"]
    assert data["meta"]["download_url"] == image.file.url
    document = DocumentFactory(title="Öppen rapport")
    data = get(client, f"{DOCUMENTS}{document.pk}/")
    assert data["title"] == "Öppen rapport"
    assert data["meta"]["download_url"].endswith(f"/dokument/{document.pk}/{document.filename}")


# Only public, live content


def test_hidden_pages_are_never_listed(client, hidden):
    listed = set(listed_ids(client))
    assert not listed & hidden["hidden_ids"]
    assert hidden["drafted"].pk in listed
    for params in (
        {"type": "research.ResearchArticlePage"},
        {"type": "methods.MethodPage", "fields": "*"},
        {"type": "content.ContentPage"},
        {"faktor": "samverkan"},
        {"search": SECRET},
        {"descendant_of": site_root().pk},
        {"child_of": tree_index(hidden).pk},
    ):
        response = client.get(PAGES, {**params, "limit": 100})
        assert response.status_code == 200, params
        assert not {item["id"] for item in response.json()["items"]} & hidden["hidden_ids"]
        assert_no_secret(response)


def tree_index(hidden):
    return hidden["drafted"].get_parent()


@pytest.mark.parametrize("which", ["restricted_index", "below", "restricted", "never"])
def test_a_hidden_page_is_not_found_in_every_way_of_asking(client, hidden, which):
    page = hidden[which]
    response = client.get(f"{PAGES}{page.pk}/")
    assert response.status_code == 404 and "message" in response.json()
    assert_no_secret(response)
    for params in ({"id": page.pk}, {"html_path": page.url or f"/x/{page.slug}/"}):
        response = client.get(f"{PAGES}find/", params)
        assert response.status_code == 404, params
    # As a parent of a filter it does not exist either.
    for param in ("child_of", "descendant_of", "ancestor_of"):
        response = client.get(PAGES, {param: page.pk})
        assert response.status_code == 400
        assert_no_secret(response)


def test_a_page_with_unpublished_changes_shows_its_live_version(client, hidden):
    page = hidden["drafted"]
    data = get(client, f"{PAGES}{page.pk}/")
    assert data["title"] == "Publicerad rubrik" and data["summary"] == "Publicerad text."
    listing = get(client, type="research.ResearchArticlePage", fields="summary", limit=100)
    (item,) = [item for item in listing["items"] if item["id"] == page.pk]
    assert item["title"] == "Publicerad rubrik" and item["summary"] == "Publicerad text."
    assert_no_secret(listing)


def test_a_signed_in_editor_gets_the_same_public_answer(client, hidden, django_user_model):
    editor = django_user_model.objects.create_superuser("redaktor", "r@example.org", "lösen")
    client.force_login(editor)
    session = client.session
    session["wagtail-private-page-passwords"] = [
        PageViewRestriction.objects.get(page=hidden["restricted_index"]).pk
    ]
    session.save()
    assert not set(listed_ids(client)) & hidden["hidden_ids"]
    assert client.get(f"{PAGES}{hidden['restricted'].pk}/").status_code == 404
    assert client.get(f"{DOCUMENTS}{hidden['document'].pk}/").status_code == 404


def test_related_pages_list_only_public_live_pages(client, hidden):
    method = hidden["linking_method"]
    data = get(client, f"{PAGES}{method.pk}/")
    linked = [link["page"]["id"] for link in data["related_links"]]
    assert linked == [hidden["drafted"].pk]
    assert data["related_links"][0]["page"]["title"] == "Publicerad rubrik"
    assert data["related_links"][0]["page"]["meta"]["html_url"].endswith(hidden["drafted"].url)
    assert_no_secret(data)
    listing = get(client, type="methods.MethodPage", fields="related_links", limit=100)
    (item,) = [item for item in listing["items"] if item["id"] == method.pk]
    assert [link["page"]["id"] for link in item["related_links"]] == linked


def test_private_documents_are_left_out_everywhere(client, hidden):
    document, public = hidden["document"], hidden["public_document"]
    listed = set(listed_ids(client, DOCUMENTS))
    assert public.pk in listed and document.pk not in listed
    response = client.get(f"{DOCUMENTS}{document.pk}/")
    assert response.status_code == 404
    assert client.get(f"{DOCUMENTS}find/", {"id": document.pk}).status_code == 404
    assert_no_secret(client.get(DOCUMENTS, {"search": SECRET}))

    method = get(client, f"{PAGES}{hidden['linking_method'].pk}/")
    assert [block["value"]["document"] for block in method["material"]] == [public.pk]
    assert [block["type"] for block in method["body"]] == ["paragraph"]
    article = get(client, f"{PAGES}{hidden['article_with_pdf'].pk}/")
    assert article["pdf"] is None
    assert_no_secret(method)


def test_event_slides_and_project_reports_leave_private_documents_out(client, hidden):
    secret, public = hidden["document"], hidden["public_document"]
    event = EventPage.objects.live().public().first()
    event.presentations = [
        ("slides", {"title": f"{SECRET} bilder", "speaker": "", "document": secret}),
        ("slides", {"title": "Öppna bilder", "speaker": "", "document": public}),
        ("recording", {"title": "Inspelning", "speaker": "", "url": "https://example.org/film"}),
    ]
    event.save_revision().publish()
    data = get(client, f"{PAGES}{event.pk}/")
    assert [block["value"]["title"] for block in data["presentations"]] == [
        "Öppna bilder",
        "Inspelning",
    ]
    project_page = ProjectPage.objects.live().public().first()
    project_page.reports = [
        ("report", {"document": secret, "title": f"{SECRET} rapport", "description": ""}),
        ("report", {"document": public, "title": "Slutrapport", "description": ""}),
    ]
    project_page.save_revision().publish()
    data = get(client, f"{PAGES}{project_page.pk}/")
    assert [block["value"]["document"] for block in data["reports"]] == [public.pk]
    listing = get(client, type="projects.ProjectPage", fields="reports", limit=100)
    assert_no_secret(listing)


def test_a_public_pdf_is_shown_with_its_download_address(client, tree):
    document = DocumentFactory(title="Rapporten")
    page = ResearchArticlePageFactory(parent=tree.research, pdf=document)
    data = get(client, f"{PAGES}{page.pk}/")
    assert data["pdf"]["id"] == document.pk and data["pdf"]["title"] == "Rapporten"
    assert data["pdf"]["meta"]["download_url"].endswith(document.url)


def test_private_images_are_left_out(client, hidden):
    public = ImageFactory(title="Öppen bild")
    listed = set(listed_ids(client, IMAGES))
    assert public.pk in listed and hidden["image"].pk not in listed
    assert client.get(f"{IMAGES}{hidden['image'].pk}/").status_code == 404
    news = NewsPage.objects.live().public().first()
    news.image = hidden["image"]
    news.save_revision().publish()
    assert get(client, f"{PAGES}{news.pk}/")["image"] is None


# Filters: the site's own


def site_listing_ids(params):
    """The pages the site's listings show for these filter parameters (/utforska/)."""
    selection = parse_selection(QueryDict(urlencode(params, doseq=True)))
    pages = filtered(Scope(hidden=hidden_pages(), restricted=()), selection)
    return list(pages.order_by("-published_date", "-pk").values_list("pk", flat=True))


def category_cases():
    cases = [{"faktor": slug} for slug in SuccessFactor.objects.values_list("slug", flat=True)]
    cases += [{"projekt": slug} for slug in Project.objects.values_list("slug", flat=True)]
    cases += [{"region": slug} for slug in Region.objects.values_list("slug", flat=True)]
    cases += [
        {"faktor": "samverkan,flexibilitet"},
        {"faktor": ["samverkan", "uppfoljning"], "region": "gr"},
        {"projekt": "plug-in", "faktor": "bemotande"},
    ]
    return cases


def test_category_filters_give_the_same_pages_as_the_sites_listings(client, hidden):
    for params in category_cases():
        expected = site_listing_ids(params)
        assert sorted(listed_ids(client, **params)) == sorted(expected), params
        # …and in the listings' order when asked for it.
        first_page = get(
            client, type="content.ContentPage", order="-published_date,-id", limit=20, **params
        )
        assert [item["id"] for item in first_page["items"]] == expected[:20], params
        explore = client.get("/utforska/", params)
        assert explore.context["result_count"] == len(expected), params
        assert [page.pk for page in explore.context["items"]] == expected[:20], params
    # The cases above are not all empty: the comparison means something.
    assert len(site_listing_ids({"faktor": "samverkan"})) > 5


def test_category_filters_combine_with_the_type(client):
    data = get(client, type="casestudies.CaseStudyPage", region="gr", limit=100)
    assert data["items"]
    assert {item["meta"]["type"] for item in data["items"]} == {"casestudies.CaseStudyPage"}
    assert {item["id"] for item in data["items"]} == set(
        CaseStudyPage.objects.live().filter(regions__slug="gr").values_list("pk", flat=True)
    )


def test_news_are_filtered_by_factor_when_asked_for(client):
    expected = set(
        NewsPage.objects.live()
        .public()
        .filter(factors__slug="samverkan")
        .values_list("pk", flat=True)
    )
    assert expected
    assert set(listed_ids(client, type="news.NewsPage", faktor="samverkan")) == expected
    # Without a type, the factor filter lists the knowledge content as /utforska/ does.
    assert not set(listed_ids(client, faktor="samverkan")) & expected
    response = client.get(PAGES, {"type": "news.NewsPage", "region": "gr"})
    assert response.status_code == 400
    assert "region" in response.json()["message"]


def test_an_unknown_slug_is_a_bad_request_that_names_the_valid_ones(client):
    response = client.get(PAGES, {"faktor": "samverkan,finns-inte"})
    assert response.status_code == 400
    message = response.json()["message"]
    assert "finns-inte" in message and "samverkan" in message and "Okänt värde" in message
    assert client.get(PAGES, {"kommun": "atlantis"}).status_code == 400
    assert client.get(PAGES, {"region": ""}).status_code == 400


def test_a_keyword_used_only_on_hidden_pages_is_unknown(client, tree, hidden):
    ResearchArticlePageFactory(parent=tree.research, tags=["synligt-ord"])
    hidden_page = MethodPageFactory(parent=tree.methods, live=False, tags=["dolt-ord"])
    assert hidden_page.pk
    assert get(client, tagg="synligt-ord")["meta"]["total_count"] == 1
    assert client.get(PAGES, {"tagg": "dolt-ord"}).status_code == 400


def test_the_type_filter_is_wagtails(client):
    data = get(client, type="research.ResearchArticlePage", limit=100)
    assert data["meta"]["total_count"] == ResearchArticlePage.objects.live().public().count()
    assert {item["meta"]["type"] for item in data["items"]} == {"research.ResearchArticlePage"}
    data = get(client, type="research.ResearchArticlePage,methods.MethodPage", limit=100)
    assert {item["meta"]["type"] for item in data["items"]} == {
        "research.ResearchArticlePage",
        "methods.MethodPage",
    }


def test_field_filters_and_ordering_on_a_types_own_fields(client, tree):
    ResearchArticlePageFactory(parent=tree.research, year=1999, title="Gammal studie")
    data = get(client, type="research.ResearchArticlePage", year="1999")
    assert [item["title"] for item in data["items"]] == ["Gammal studie"]
    data = get(client, type="research.ResearchArticlePage", order="year", fields="year")
    years = [item["year"] for item in data["items"]]
    assert years == sorted(years) and years[0] == 1999


def test_empty_values_sort_last_in_both_directions(client, tree):
    for level in (None, 2, None, 4):
        MethodPageFactory(parent=tree.methods, evidence_level=level)
    for order in ("evidence_level", "-evidence_level"):
        data = get(
            client, type="methods.MethodPage", order=order, fields="evidence_level", limit=100
        )
        levels = [item["evidence_level"] for item in data["items"]]
        given = [level for level in levels if level is not None]
        assert given == sorted(given, reverse=order.startswith("-"))
        assert levels == given + [None] * (len(levels) - len(given))


def test_paging_never_repeats_a_page_when_values_tie(client, tree):
    for number in range(7):
        MethodPageFactory(parent=tree.methods, title=f"Likadan {number}")
    seen = []
    for offset in range(0, 60, 5):
        data = get(
            client, type="methods.MethodPage", order="published_date", limit=5, offset=offset
        )
        seen += [item["id"] for item in data["items"]]
    assert len(seen) == len(set(seen)) == MethodPage.objects.live().public().count()


def test_search_finds_public_pages(client, tree):
    page = MethodPageFactory(parent=tree.methods, title="Blixtlås", summary="Om blixtlåsmetoden.")
    data = get(client, search="Blixtlås")
    assert page.pk in [item["id"] for item in data["items"]]


@pytest.mark.parametrize(
    "query", ['"', 'Blixtlås"', '"Blixtlås', 'a " b', "\"'`", " ", "   ", " Blixtlås  "]
)
def test_quotes_and_spaces_in_a_search_are_plain_text(client, tree, query):
    """SQLite's full-text search took a lone quote as its own syntax, and spaces alone as a
    query of no words (error pages)."""
    page = MethodPageFactory(parent=tree.methods, title="Blixtlås", summary="Om blixtlåsmetoden.")
    data = get(client, search=query)
    assert ("Blixtlås" in query) == (page.pk in [item["id"] for item in data["items"]])


# Bad input: a 400 with a message, never a 500, never anything hidden

HUGE = "9" * 30
BAD_REQUESTS = [
    {"okand": "1"},
    {"fields": "finns_inte"},
    {"fields": "title(id)"},
    {"fields": "*,,"},
    {"fields": "summary"},  # a field of a type, asked for without the type
    {"limit": HUGE},
    {"limit": "-1"},
    {"limit": "²"},
    {"limit": "1e9"},
    {"limit": "١٢"},
    {"limit": "101"},
    {"limit": "5 5"},
    {"offset": HUGE},
    {"offset": "-5"},
    {"offset": "5.5"},
    {"offset": "0x10"},
    {"offset": " 1"},
    {"offset": "1 "},
    {"limit": "\t5"},
    {"search": "x" * 201},
    {"search": "frånvaro\x00"},
    {"search": "a\u202eb"},
    {"search": "mentor", "search_operator": "xor"},
    {"order": "finns_inte"},
    {"order": "-"},
    {"order": "--title"},
    {"order": "title,"},
    {"order": "random,title"},
    {"order": "random", "offset": "10"},
    {"order": "path"},
    {"order": "slug", "search": "mentor"},  # not indexed for sorting search results
    {"type": "finns.Inte"},
    {"type": "auth.User"},
    {"type": "a.b.c"},
    {"type": "research.ResearchArticlePage", "published_date": "inte-ett-datum"},
    {"type": "research.ResearchArticlePage", "year": "tjugo"},
    {"type": "methods.MethodPage", "staff_hours_per_week": "NaN"},
    {"type": "methods.MethodPage", "factors": "1"},
    {"type": "casestudies.CaseStudyPage", "results": "1"},
    {"type": "research.ResearchArticlePage", "body": "x"},
    {"id": "abc"},
    {"first_published_at": "igår"},
    {"child_of": "abc"},
    {"child_of": HUGE},
    {"descendant_of": "-3"},
    {"ancestor_of": "²"},
    {"translation_of": "1x"},
    {"locale": "xx"},
    {"locale": "sv\x00"},
    {"site": "example.org"},
    {"format": "api"},
    {"faktor": "finns-inte"},
    {"faktor": ",".join(f"f{n}" for n in range(25))},
    {"faktor": "Ä"},
    {"projekt": "'; DROP TABLE wagtailcore_page; --"},
    {"title\x00": "x"},
]


@pytest.mark.parametrize("params", BAD_REQUESTS, ids=lambda params: repr(params)[:60])
def test_bad_input_is_a_400_with_a_message(client, hidden, params):
    response = client.get(PAGES, params)
    assert response.status_code == 400, response.content.decode()[:300]
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]
    assert_no_secret(response)


ODD_BUT_FINE = [
    {"search": "'; DROP TABLE wagtailcore_page; --"},
    {"search": "a & | ! ( ) : * <-> '"},
    {"search": 'frånvaro" OR "1"="1'},
    {"search": "NEAR(a b) AND c*"},
    {"search": "%_\\"},
    {"search": ""},
    {"search": "mentor", "search_operator": "and"},
    {"search": "mentor", "order": "first_published_at"},
    {"search": "mentor", "order": "-title"},
    {"order": "random"},
    {"order": "-first_published_at,title"},
    {"limit": "0"},
    {"limit": "100"},
    {"offset": "99999999"},
    {"id": HUGE},
    {"type": "research.ResearchArticlePage", "year": HUGE},
    {"type": "research.ResearchArticlePage", "title": "x" * 5000},
    {"_": "12345"},
    {"format": "json"},
    {"faktor": "SAMVERKAN"},
    {"faktor": "samverkan", "search": "elever"},
]


@pytest.mark.parametrize("params", ODD_BUT_FINE, ids=lambda params: repr(params)[:60])
def test_odd_but_valid_input_is_answered(client, hidden, params):
    response = client.get(PAGES, params)
    assert response.status_code == 200, response.content.decode()[:300]
    data = response.json()
    assert isinstance(data["items"], list)
    assert not {item["id"] for item in data["items"]} & hidden["hidden_ids"]
    assert_no_secret(response)


@pytest.mark.parametrize(
    ("path", "status"),
    [
        (f"{PAGES}{HUGE}/", 404),
        (f"{PAGES}0/", 404),
        (f"{PAGES}abc/", 404),
        ("/api/v2/finns-inte/", 404),
        (f"{PAGES}find/?id=abc", 400),
        (f"{PAGES}find/?id=%C2%B2", 400),
        (f"{PAGES}find/?html_path=/finns/inte/", 404),
        (f"{PAGES}find/?html_path=%00", 400),
        (f"{DOCUMENTS}find/?id=1e3", 400),
        (f"{DOCUMENTS}?limit=1000", 400),
        (f"{DOCUMENTS}?search=x%00", 400),
        (f"{DOCUMENTS}?order=uploaded_by_user", 400),
        (f"{DOCUMENTS}?uploaded_by_user=1", 400),
        (f"{DOCUMENTS}?collection=1", 400),
        (f"{IMAGES}?order=-", 400),
        (f"{IMAGES}?width=bred", 400),
        (f"{IMAGES}?file_size=1", 400),
    ],
)
def test_bad_addresses_are_answered_in_json(client, hidden, path, status):
    response = client.get(path)
    assert response.status_code == status, response.content.decode()[:300]
    assert response.json()["message"]
    assert_no_secret(response)


def test_a_detail_takes_only_fields(client):
    page = MethodPage.objects.live().public().first()
    assert get(client, f"{PAGES}{page.pk}/", fields="_,id,title") == {
        "id": page.pk,
        "title": page.title,
    }
    response = client.get(f"{PAGES}{page.pk}/", {"search": "x"})
    assert response.status_code == 400 and "fields" in response.json()["message"]


def test_the_api_only_reads(client):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(PAGES)
        assert response.status_code == 405
        assert "GET" in response.json()["message"]


def test_answers_are_json_whatever_the_browser_asks_for(client):
    response = client.get(PAGES, headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "<html" not in response.content.decode()


def test_other_sites_scripts_may_read_it(client):
    response = client.get(PAGES, headers={"Origin": "https://skolverket.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_thousands_of_parameters_are_a_bad_request(client):
    response = client.get(PAGES + "?" + "&".join(f"p{n}=1" for n in range(1200)))
    assert response.status_code == 400


# Rate limit


@pytest.fixture
def three_a_minute(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api": "3/minute"},
    }


def test_past_the_rate_limit_a_client_gets_a_429_with_a_message(three_a_minute):
    bot = Client(REMOTE_ADDR="10.0.0.1")
    statuses = [bot.get(PAGES).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = bot.get(f"{DOCUMENTS}")
    assert response.status_code == 429
    assert "För många anrop" in response.json()["message"]
    assert int(response["Retry-After"]) > 0
    assert Client(REMOTE_ADDR="10.0.0.2").get(PAGES).status_code == 200


def test_behind_a_proxy_the_limit_counts_the_address_the_proxy_saw(three_a_minute, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "127.0.0.1"

    def through_proxy(forwarded):
        client = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=forwarded)
        return client.get(PAGES).status_code

    # A client that forges addresses to the left of the proxy's entry is still one client.
    statuses = [through_proxy(f"192.0.2.{n}, 198.51.100.7") for n in range(4)]
    assert statuses == [200, 200, 200, 429]
    # Others behind the same proxy are not held up by it.
    assert through_proxy("203.0.113.9") == 200


# The page cache


@pytest.fixture
def caching(monkeypatch):
    monkeypatch.setattr(pagecache, "caching_allowed", lambda: True)
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)


def test_answers_are_cached_and_a_publish_shows_on_the_next_request(client, caching):
    article = ResearchArticlePage.objects.live().public().first()
    detail = f"{PAGES}{article.pk}/"
    listing = f"{PAGES}?type=research.ResearchArticlePage&limit=100"
    for url in (detail, listing):
        assert client.get(url)["X-Cache"] == "miss"
        assert client.get(url)["X-Cache"] == "hit"

    article.title = "En helt ny rubrik i API:t"
    article.save_revision().publish()

    after = client.get(detail)
    assert after["X-Cache"] == "miss" and after.json()["title"] == "En helt ny rubrik i API:t"
    titles = [item["title"] for item in client.get(listing).json()["items"]]
    assert "En helt ny rubrik i API:t" in titles


def test_a_page_made_private_leaves_the_cached_answers_at_once(client, caching):
    article = ResearchArticlePage.objects.live().public().first()
    detail = f"{PAGES}{article.pk}/"
    assert client.get(detail).status_code == 200
    assert client.get(detail)["X-Cache"] == "hit"
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert client.get(detail).status_code == 404
    assert article.pk not in listed_ids(client)


def test_errors_and_rate_limit_answers_are_never_cached(client, caching, three_a_minute):
    for _ in range(2):
        response = client.get(PAGES, {"limit": "²"})
        assert response.status_code == 400 and response["X-Cache"] == "bypass"


# Bounded SQL


def build_content(tree, count, start):
    """`count` pages of each content type, news item, event and project, with every kind of
    field the API shows filled in."""
    public_document = DocumentFactory()
    image = ImageFactory()
    private_document = DocumentFactory(collection=private_collection(f"Privat {start}"))
    body = [
        {"type": "paragraph", "value": "<p>Text.</p>"},
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": "", "decorative": True},
                "caption": "",
            },
        },
        {"type": "document", "value": {"document": public_document.pk, "title": ""}},
        {"type": "document", "value": {"document": private_document.pk, "title": ""}},
    ]
    news_index = NewsIndexPage.objects.get()
    event_index = EventIndexPage.objects.get()
    project_index = ProjectIndexPage.objects.get()
    for number in range(start, start + count):
        project = ProjectFactory()
        project.regions.add(tree.section.region)
        categories = {
            "factors": factors("samverkan", "flexibilitet"),
            "projects": [project],
            "tags": [f"ord{number}", "gemensamt"],
            "body": body,
        }
        article = ResearchArticlePageFactory(
            parent=tree.research, pdf=public_document, **categories
        )
        case = CaseStudyPageFactory(parent=tree.section, **categories)
        for _ in range(2):
            CaseStudyResult.objects.create(
                page=case,
                indicator="narvaro",
                description="Närvaro",
                value_after=Decimal(90),
                unit="%",
                period="2017",
                source="Rapport",
            )
        method = MethodPageFactory(
            parent=tree.methods,
            material=[{"type": "document", "value": {"document": public_document.pk, "title": ""}}],
            **categories,
        )
        MethodRelatedPage.objects.create(page_owner=method, page=article)
        MethodRelatedPage.objects.create(page_owner=method, page=case)
        news = NewsPage(
            title=f"Nyhet {number}",
            date=datetime.date(2020, 1, 1),
            summary="Kort.",
            image=image,
            body=body,
        )
        news_index.add_child(instance=news)
        news.factors.set(factors("samverkan"))
        news.save()
        event_index.add_child(
            instance=EventPage(
                title=f"Evenemang {number}",
                summary="Kort.",
                place="Umeå",
                start=datetime.datetime(2020, 1, 1, 9, tzinfo=datetime.UTC),
                presentations=[
                    {"type": "slides", "value": {"title": "Bilder", "document": public_document.pk}}
                ],
            )
        )
        project_index.add_child(
            instance=ProjectPage(
                project=project,
                reports=[{"type": "report", "value": {"document": public_document.pk}}],
            )
        )


@pytest.mark.parametrize(
    "type_name",
    [
        "research.ResearchArticlePage",
        "casestudies.CaseStudyPage",
        "methods.MethodPage",
        "content.ContentPage",
        "news.NewsPage",
        "news.EventPage",
        "projects.ProjectPage",
        "",
    ],
)
def test_a_listing_with_every_field_reads_the_same_number_of_queries_for_more_pages(
    client, tree, type_name
):
    params = {"limit": 100, **({"type": type_name, "fields": "*"} if type_name else {})}

    def measure():
        client.get(PAGES, params)  # warm the process-wide caches (content types, site roots)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(PAGES, params)
        assert response.status_code == 200
        return len(queries), response.json()["meta"]["total_count"]

    build_content(tree, 2, start=0)
    few, few_total = measure()
    build_content(tree, 6, start=2)
    many, many_total = measure()
    assert many_total >= few_total + 6
    assert many == few, f"{few} queries for {few_total} pages, {many} for {many_total}"
    assert many <= 20


def test_documents_and_images_listings_read_a_fixed_number_of_queries(client):
    counts = []
    for _round in range(2):
        for _ in range(5):
            DocumentFactory().tags.add("rapport")
            ImageFactory().tags.add("foto")
        for path in (DOCUMENTS, IMAGES):
            client.get(path, {"limit": 100})
            with CaptureQueriesContext(connection) as queries:
                assert client.get(path, {"limit": 100}).status_code == 200
            counts.append(len(queries))
    assert counts[:2] == counts[2:]
