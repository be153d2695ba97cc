"""The open data at /oppna-data/: the page, the CSV and JSON files, the zip and the command.

The files are read back as a reuser would: CSV with Python's csv module (BOM, header, same
number of columns on every row, Swedish letters, text with commas, quotes and new lines), JSON
parsed. They hold what the site's own listings show and nothing a visitor cannot see: not a
view-restricted page or a page below one, not a draft (a never-published page, or the unpublished
changes of a live page), not a document in a private collection.
"""

import csv
import io
import json
import re
import zipfile
from html.parser import HTMLParser

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from bench.content import generate_content
from casestudies.models import CaseStudyIndexPage, CaseStudyPage, CaseStudyResult
from methods.models import MethodIndexPage, MethodPage
from pluginnovation.content.visibility import visible
from pluginnovation.discovery import cache as discovery_cache
from pluginnovation.news.models import EventPage, NewsIndexPage, NewsPage
from pluginnovation.opendata import export
from pluginnovation.opendata.catalogue import DATASETS, RESULTS
from research.models import ResearchArticlePage, ResearchIndexPage
from tests.factories import (
    CaseStudyPageFactory,
    MethodPageFactory,
    RegionFactory,
    RegionSectionPageFactory,
    ResearchArticlePageFactory,
)

pytestmark = pytest.mark.django_db

BOM = b"\xef\xbb\xbf"
BASE = "http://testserver"
# Making every file reads the database in this many queries at most, whatever its size.
BUILD_CEILING = 40
# A file served from the shared cache.
CACHED_CEILING = 2


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def caching(monkeypatch):
    """The files kept in the cache, as outside the tests' transactions."""
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)


def download(client, name):
    response = client.get(f"/oppna-data/{name}")
    assert response.status_code == 200, name
    return response.content


def csv_rows(data):
    """The rows of a CSV file as a reuser's program reads them."""
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def csv_dicts(data):
    header, *rows = csv_rows(data)
    return [dict(zip(header, row, strict=True)) for row in rows]


def json_items(data):
    return json.loads(data)["items"]


def every_text(client):
    """{name: text} of every file served, and of every file in the zip."""
    texts = {}
    for name in export.FILE_NAMES:
        data = download(client, name)
        if name.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for entry in archive.namelist():
                    texts[f"{name}/{entry}"] = archive.read(entry).decode("utf-8-sig")
        else:
            texts[name] = data.decode("utf-8-sig")
    return texts


def demo_index(model):
    return visible(model.objects.all()).get()


def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Interna underlag")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def document(title, collection=None):
    return Document.objects.create(
        title=title,
        file=ContentFile(b"%PDF-1.4\n" + b"x" * 50, name="underlag.pdf"),
        **({"collection": collection} if collection else {}),
    )


# The files as tables


def test_every_csv_reads_back_as_a_table_with_the_catalogues_columns(client):
    for dataset in DATASETS:
        data = download(client, f"{dataset.slug}.csv")
        assert data.startswith(BOM + b",".join(c.name.encode() for c in dataset.columns) + b"\r\n")
        header, *rows = csv_rows(data)
        assert header == [column.name for column in dataset.columns]
        assert all(len(row) == len(header) for row in rows), dataset.slug
        assert len(rows) == json.loads(download(client, f"{dataset.slug}.json"))["count"]
        assert rows or dataset.slug == "evenemang", f"{dataset.slug} is empty in the demo"


def test_text_with_commas_quotes_new_lines_and_swedish_letters_survives(client):
    summary = 'Första meningen, med komma.\nAndra raden med "citat"; och semikolon.\n\nSlut.'
    page = ResearchArticlePageFactory(
        parent=demo_index(ResearchIndexPage),
        title="Åtgärder för öar, ängar och älvdalar",
        slug="åtgärder-för-öar",
        summary=summary,
        body=[
            {"type": "paragraph", "value": "<p>Ett stycke.</p><ul><li>Ett</li><li>Två</li></ul>"}
        ],
    )
    row = next(r for r in csv_dicts(download(client, "forskning.csv")) if r["id"] == str(page.pk))
    assert row["title"] == "Åtgärder för öar, ängar och älvdalar"
    assert row["summary"] == summary
    assert row["body"] == "Ett stycke.\n\n• Ett\n• Två"
    assert (
        row["url"] == BASE + page.url == BASE + "/forskning/%C3%A5tg%C3%A4rder-f%C3%B6r-%C3%B6ar/"
    )
    item = next(i for i in json_items(download(client, "forskning.json")) if i["id"] == page.pk)
    assert item["summary"] == summary and item["factors"] == ["samverkan"]


def test_a_cell_that_looks_like_a_formula_is_not_one_in_the_csv(client):
    page = ResearchArticlePageFactory(
        parent=demo_index(ResearchIndexPage), summary='=HYPERLINK("http://example.com")'
    )
    row = next(r for r in csv_dicts(download(client, "forskning.csv")) if r["id"] == str(page.pk))
    assert row["summary"] == """'=HYPERLINK("http://example.com")"""
    item = next(i for i in json_items(download(client, "forskning.json")) if i["id"] == page.pk)
    assert item["summary"] == '=HYPERLINK("http://example.com")'


def test_multi_valued_cells_are_slugs_joined_with_a_semicolon(client):
    rows = csv_dicts(download(client, "metoder.csv"))
    items = {item["id"]: item for item in json_items(download(client, "metoder.json"))}
    for row in rows:
        item = items[int(row["id"])]
        assert row["factors"] == "; ".join(item["factors"])
        assert item["factors"], "every content page has a success factor"
    taxonomy = {(r["vocabulary"], r["slug"]) for r in csv_dicts(download(client, "taxonomi.csv"))}
    for item in items.values():
        for field in ("factors", "projects", "target_groups", "levels", "tags"):
            assert {(field, slug) for slug in item[field]} <= taxonomy


def test_the_taxonomy_gives_the_english_names_the_english_pages_show(client):
    rows = {(r["vocabulary"], r["slug"]): r for r in csv_dicts(download(client, "taxonomi.csv"))}
    assert rows[("levels", "individ")]["name_en"] == "Individual level"
    assert rows[("intervention_types", "forebyggande")]["name_en"] == "Preventive"
    assert rows[("factors", "samverkan")]["name_en"] == "Collaboration"
    # Proper names have none.
    assert all(
        row["name_en"] == "" for (vocabulary, _), row in rows.items() if vocabulary == "regions"
    )


def test_json_files_say_what_they_are_where_they_come_from_and_their_licence(client):
    for dataset in DATASETS:
        document = json.loads(download(client, f"{dataset.slug}.json"))
        assert document["source"] == BASE + "/oppna-data/"
        assert document["licence"]["name"] == "CC BY 4.0"
        assert "creativecommons.org/licenses/by/4.0" in document["licence"]["url"]
        assert document["licence"]["attribution"].startswith("Källa: PlugInnovation")
        assert re.fullmatch(
            r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", document["generated_at"]
        )
        assert list(document["columns"]) == [column.name for column in dataset.columns]
        assert document["count"] == len(document["items"])
        for item in document["items"]:
            assert list(item) == list(document["columns"])


def test_each_file_has_its_type_and_name(client):
    types = {"csv": "text/csv; charset=utf-8", "json": "application/json", "zip": "application/zip"}
    for name in export.FILE_NAMES:
        response = client.get(f"/oppna-data/{name}", HTTP_ORIGIN="https://example.org")
        assert response["Content-Type"] == types[name.rpartition(".")[2]]
        assert response["Content-Disposition"] == f'attachment; filename="{name}"'
        assert response["Access-Control-Allow-Origin"] == "*"


def test_the_zip_holds_every_file_and_a_description(client, caching):
    with zipfile.ZipFile(io.BytesIO(download(client, "allt.zip"))) as archive:
        names = archive.namelist()
        assert names == ["LASMIG.txt"] + [n for n in export.FILE_NAMES if n != "allt.zip"]
        for name in names[1:]:
            assert archive.read(name) == download(client, name), name
        readme = archive.read("LASMIG.txt").decode()
    assert "CC BY 4.0" in readme and "Källa: PlugInnovation" in readme
    assert "case_study_title" in readme


# The same content as the site


LISTINGS = {
    "forskning": ("/forskning/", r"/forskning/[^/]+/"),
    "fallstudier": ("/fallstudier/", r"/fallstudier/[^/]+/[^/]+/"),
    "metoder": ("/metoder/", r"/metoder/[^/]+/"),
    "nyheter": ("/aktuellt/", r"/aktuellt/(?!rss/)(?![0-9]+/)[^/]+/"),
    "evenemang": ("/evenemang/", r"/evenemang/[^/]+/"),
    "projekt": ("/projekt/", r"/projekt/[^/]+/"),
}


def listed_paths(client, path, pattern):
    """The item addresses a listing links to, on all its pages (?sida=1, 2, …)."""
    found = set()
    for number in range(1, 200):
        html = client.get(path, {"sida": number}).content.decode()
        links = {
            href for href in re.findall(r'href="([^"?#]+)"', html) if re.fullmatch(pattern, href)
        }
        if links <= found:
            return found
        found |= links
    raise AssertionError(f"{path} has more pages than expected")


def test_every_file_holds_the_pages_the_sites_listings_show(client, private_content):
    for slug, (path, pattern) in LISTINGS.items():
        exported = {item["url"] for item in json_items(download(client, f"{slug}.json"))}
        listed = {BASE + href for href in listed_paths(client, path, pattern)}
        assert exported == listed, slug


def test_results_are_one_row_per_result_of_a_visible_case_study(client):
    rows = csv_dicts(download(client, "resultat.csv"))
    expected = CaseStudyResult.objects.filter(page__in=visible(CaseStudyPage.objects.all()))
    assert len(rows) == expected.count() > 0
    by_id = {int(row["result_id"]): row for row in rows}
    for result in expected.select_related("page"):
        row = by_id[result.pk]
        assert row["case_study_id"] == str(result.page_id)
        assert row["case_study_title"] == result.page.title
        assert row["case_study_url"] == BASE + result.page.url
        assert (row["indicator"], row["description"]) == (result.indicator, result.description)
        assert float(row["value_after"]) == float(result.value_after)
        if result.value_before is None:
            assert row["value_before"] == "" and row["change"] == ""
        else:
            assert float(row["value_before"]) == float(result.value_before)
            assert float(row["change"]) == float(result.value_after - result.value_before)
        assert (row["unit"], row["period"], row["source"]) == (
            result.unit,
            result.period,
            result.source,
        )
        assert row["direction"] == result.direction
        assert row["kind"] == result.kind
        if result.kind == "beskrivning":
            assert row["direction"] == "ingen" and row["change"] == ""
    assert {row["kind"] for row in rows} == {"resultat", "beskrivning"}
    assert {c.name for c in RESULTS.columns} >= {"indicator", "value_before", "value_after"}
    # The kind came last, so files read by column position keep the earlier columns.
    assert list(rows[0])[-1] == "kind"


# Nothing private


@pytest.fixture
def private_content(media):
    """A restricted page, a section with a restriction and a case study with results below
    it, a never-published page and news item, unpublished changes on a live page, and a
    private document linked from public pages. Each carries a marker that no file may hold;
    returns (markers, the live page with changes)."""
    research = demo_index(ResearchIndexPage)
    restricted = ResearchArticlePageFactory(parent=research, title="Skyddad MARK-SKYDDAD")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )

    section = RegionSectionPageFactory(
        parent=demo_index(CaseStudyIndexPage), region=RegionFactory(name="Skyddad region")
    )
    below = CaseStudyPageFactory(parent=section, title="Fallstudie MARK-UNDER-SKYDDAD")
    CaseStudyResult.objects.create(
        page=below,
        indicator="narvaro",
        description="Närvaro MARK-SKYDDAT-RESULTAT",
        value_before=70,
        value_after=80,
        unit="%",
        period="2019",
        source="Källa MARK-SKYDDAD-KALLA",
    )
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)

    MethodPageFactory(
        parent=demo_index(MethodIndexPage),
        title="Aldrig publicerad MARK-UTKAST",
        summary="MARK-UTKAST-SAMMANFATTNING",
        live=False,
        tags=["mark-utkasttagg"],
    )
    news_index = demo_index(NewsIndexPage)
    news_index.add_child(
        instance=NewsPage(
            title="Nyhet MARK-NYHETSUTKAST", slug="nyhetsutkast", summary="Snart.", live=False
        )
    )

    draft = ResearchArticlePage.objects.live().public().order_by("pk").first()
    draft.title = "Ny rubrik MARK-ANDRING"
    draft.summary = "Ny sammanfattning MARK-ANDRING-SAMMANFATTNING"
    draft.body = [{"type": "paragraph", "value": "<p>MARK-ANDRING-BRODTEXT</p>"}]
    draft.save_revision()

    secret = document("Internt underlag MARK-PRIVAT-DOKUMENT", private_collection())
    method = MethodPage.objects.live().public().order_by("pk").first()
    method.material = [("document", {"document": secret, "title": "MARK-PRIVAT-LANKTEXT"})]
    method.body = [
        {"type": "document", "value": {"document": secret.pk, "title": "MARK-PRIVAT-I-TEXTEN"}}
    ]
    method.save_revision().publish()
    research_page = ResearchArticlePage.objects.live().public().order_by("-pk").first()
    research_page.pdf = secret
    research_page.save_revision().publish()
    event = EventPage.objects.live().public().first()
    event.presentations = [("slides", {"title": "Bilder MARK-PRIVATA-BILDER", "document": secret})]
    event.save_revision().publish()
    public = document("Öppet underlag MARK-OPPET-DOKUMENT")

    markers = [
        "MARK-SKYDDAD",
        "MARK-UNDER-SKYDDAD",
        "MARK-SKYDDAT-RESULTAT",
        "MARK-UTKAST",
        "mark-utkasttagg",
        "MARK-NYHETSUTKAST",
        "MARK-ANDRING",
        "MARK-PRIVAT",
        secret.url,
        f"/dokument/{secret.pk}/",
    ]
    return markers, ResearchArticlePage.objects.get(pk=draft.pk), public


def test_nothing_private_is_in_any_file(client, private_content):
    markers, draft, public = private_content
    texts = every_text(client)
    assert (
        len(texts) == 2 * len(export.FILE_NAMES) - 1
    )  # the zip holds all but itself, and a readme
    for name, text in texts.items():
        for marker in markers:
            assert marker not in text, f"{marker} in {name}"
    # The public versions are there: the live page as published, the public document.
    assert draft.title in texts["forskning.csv"] and draft.summary in texts["forskning.json"]
    assert "MARK-OPPET-DOKUMENT" in texts["dokument.csv"]
    assert BASE + public.url in texts["dokument.json"]
    assert "Skyddad region" in texts["taxonomi.csv"]  # a region is a public term


def test_the_page_lists_nothing_private_either(client, private_content):
    markers, _draft, _public = private_content
    html = client.get("/oppna-data/").content.decode()
    for marker in markers:
        assert marker not in html


# Bad addresses


# Addresses below /oppna-data/ that reach the download view (one path segment); the others are
# some other view's 404.
BAD_NAMES = [
    "okand.csv",
    "FORSKNING.CSV",
    "forskning.csv.bak",
    "forskning",
    ".csv",
    "..",
    "forskning.csv%00",
    "forskning.csv%20",
    "%2e%2e",
    "a" * 3000 + ".csv",
    "å" * 500,
]
BAD_QUERIES = ["format=json", "x=1&" * 200, "../../etc/passwd", "sida=²"]
BAD_PATHS = [
    "/oppna-data/../settings.py",
    "/oppna-data/..%2F..%2Fetc%2Fpasswd",
    "/oppna-data/%2e%2e/%2e%2e/etc/passwd",
    "/oppna-data/forskning.csv/",
    "/oppna-data/allt.zip/forskning.csv",
]


@pytest.fixture
def no_files_made(monkeypatch):
    monkeypatch.setattr(export, "build", lambda *args: pytest.fail("made the files"))


@pytest.mark.parametrize("name", BAD_NAMES)
def test_an_unknown_file_is_a_404_that_says_so(client, no_files_made, name):
    response = client.get(f"/oppna-data/{name}")
    assert response.status_code == 404
    assert "Filen finns inte" in response.content.decode()


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_a_file_with_a_query_is_a_404_that_says_so(client, no_files_made, query):
    response = client.get(f"/oppna-data/forskning.csv?{query}")
    assert response.status_code == 404
    assert "Filerna har inga parametrar" in response.content.decode()


def test_a_campaign_link_to_a_file_still_downloads_it(client):
    # Tracking parameters are dropped before any view (pluginnovation.delivery.pagecache).
    response = client.get("/oppna-data/resultat.csv?utm_source=nyhetsbrev&fbclid=abc")
    assert response.status_code == 200 and response.content.startswith(BOM)


@pytest.mark.parametrize("path", BAD_PATHS)
def test_other_addresses_below_are_404s(client, no_files_made, path):
    assert client.get(path).status_code == 404


def test_the_404_names_the_file_asked_for_within_reason(client):
    html = client.get("/oppna-data/" + "b" * 500 + ".csv").content.decode()
    assert "b" * 60 + "…" in html and "b" * 61 not in html
    assert 'href="/oppna-data/forskning.csv"' in html


# Made once per content version


def test_a_publish_is_in_the_next_download(client, caching, django_assert_max_num_queries):
    first = download(client, "forskning.csv")
    with django_assert_max_num_queries(CACHED_CEILING):
        assert download(client, "forskning.csv") == first
    page = ResearchArticlePageFactory(
        parent=demo_index(ResearchIndexPage), title="Nypublicerad artikel", live=False
    )
    page.save_revision().publish()
    assert "Nypublicerad artikel" in download(client, "forskning.csv").decode("utf-8-sig")
    page.refresh_from_db()
    page.unpublish()
    assert "Nypublicerad artikel" not in download(client, "forskning.csv").decode("utf-8-sig")


def test_a_copy_made_for_another_version_is_never_served(client, caching):
    download(client, "metoder.csv")
    stale = export.FILE_KEY.format("metoder.csv")
    from django.core.cache import cache

    cache.set(stale, ("en-gammal-version", b"gammalt innehall"))
    assert download(client, "metoder.csv").startswith(BOM + b"id,")


def test_making_the_files_takes_the_same_queries_at_ten_times_the_content():
    export.build()  # warm the process-wide caches (content types, site root paths)
    with CaptureQueriesContext(connection) as small:
        before = export.build()
    generate_content(300, seed=15)
    with CaptureQueriesContext(connection) as large:
        after = export.build()
    assert after.counts["forskning"] > before.counts["forskning"] + 50
    assert after.counts["resultat"] > before.counts["resultat"]
    assert len(large) == len(small) <= BUILD_CEILING, [q["sql"][:80] for q in large]


# The command


def test_the_command_writes_the_same_bytes_as_the_site_serves(client, caching, tmp_path):
    folder = tmp_path / "oppna-data"
    out = io.StringIO()
    call_command("export_open_data", str(folder), stdout=out)
    assert f"{len(export.FILE_NAMES)} filer" in out.getvalue()
    assert sorted(path.name for path in folder.iterdir()) == sorted(export.FILE_NAMES)
    for name in export.FILE_NAMES:
        path = folder / name
        assert path.read_bytes() == download(client, name), name
        assert path.stat().st_mode & 0o777 == 0o644


def test_the_command_without_a_folder_makes_the_files_for_the_site(
    client, caching, monkeypatch, django_assert_max_num_queries
):
    call_command("export_open_data", stdout=io.StringIO())
    monkeypatch.setattr(export, "build", lambda *args: pytest.fail("made the files again"))
    call_command("export_open_data", stdout=io.StringIO())  # nothing changed: one cache read
    with django_assert_max_num_queries(CACHED_CEILING):
        assert download(client, "resultat.csv").startswith(BOM)


def test_the_command_replaces_older_files(tmp_path):
    folder = tmp_path / "ut"
    folder.mkdir()
    (folder / "forskning.csv").write_bytes(b"gammalt")
    call_command("export_open_data", str(folder), stdout=io.StringIO())
    assert (folder / "forskning.csv").read_bytes().startswith(BOM + b"id,title,url,")
    assert not [path for path in folder.iterdir() if path.name.startswith(".")]


# The page


class Outline(HTMLParser):
    """Headings, the files table's caption and header cells, and links of a page."""

    def __init__(self):
        super().__init__()
        self.headings, self.links, self.header_scopes, self.captions = [], [], [], 0
        self.in_main = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.in_main = True
        if self.in_main and re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "th":
            self.header_scopes.append(attrs.get("scope"))
        if tag == "caption":
            self.captions += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False


def test_the_page_explains_the_data_and_links_every_file(client):
    response = client.get("/oppna-data/")
    assert response.status_code == 200
    html = response.content.decode()
    outline = Outline()
    outline.feed(html)
    assert outline.headings.count(1) == 1 and outline.headings[0] == 1
    for before, after in zip(outline.headings, outline.headings[1:], strict=False):
        assert after <= before + 1, outline.headings
    assert outline.captions == 1 and set(outline.header_scopes) == {"col", "row"}
    for name in export.FILE_NAMES:
        assert f"/oppna-data/{name}" in outline.links
    assert "https://creativecommons.org/licenses/by/4.0/deed.sv" in outline.links
    assert "/api/v2/pages/" in outline.links
    assert "Källa: PlugInnovation, &lt;sidans adress&gt;" in html
    assert "UTF-8 med BOM" in html and "RFC 4180" in html and "Från text/CSV" in html
    assert re.search(r"Senast publicerade ändring: <time datetime=\"\d{4}-", html)
    for dataset in DATASETS:
        for column in dataset.columns:
            assert f"<code>{column.name}</code>" in html


def test_the_page_shows_each_files_size_and_rows(client):
    current = export.build()
    html = client.get("/oppna-data/").content.decode()
    research_csv = current.sizes["forskning.csv"]
    assert f"forskning.csv</a> ({round(research_csv / 1024)} kB)" in html
    assert f'<td class="numeric">{current.counts["resultat"]}</td>' in html
