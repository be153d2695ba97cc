"""Saved pages in print layout: the printed pack (HTML) and the PDF read back with pypdf, and
the SQL queries of every collection page at two data sizes."""

import io
import re

from django.test import Client

import pytest
from pypdf import PdfReader

from bench.content import generate_content
from casestudies.models import CaseStudyPage, CaseStudyResult
from methods.models import MethodPage
from pluginnovation.content.models import ContentPage
from pluginnovation.saved.models import MAX_ITEMS, CollectionItem
from research.models import ResearchArticlePage
from tests.factories import MethodPageFactory, every_body_block
from tests.query_ceiling import CEILING, measure
from tests.saved_support import owned_collection

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"


def demo_pages():
    return [
        model.objects.live().order_by("pk").first()
        for model in (MethodPage, CaseStudyPage, ResearchArticlePage)
    ]


def save_all(client, pages):
    for page in pages:
        response = client.post(
            "/samling/spara/", {"sida": page.pk, "next": "/"}, HTTP_ORIGIN=ORIGIN
        )
        assert response.status_code == 302
    return owned_collection(client)


def pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    pages = [page.extract_text() for page in reader.pages]
    return reader, pages, " ".join(" ".join(pages).split())


def test_the_pdf_has_a_contents_page_and_each_page_in_print_layout(client):
    method, case_study, research = demo_pages()
    collection = save_all(client, [method, case_study, research])
    client.post("/samling/namn/", {"namn": "Arbetslagets underlag"})
    reader, pages, text = pdf_text(client.get("/samling/pdf/"))
    # Named as the collection is, so two downloads are told apart.
    disposition = client.get("/samling/pdf/")["Content-Disposition"]
    assert disposition == 'attachment; filename="arbetslagets-underlag.pdf"'
    assert "Arbetslagets underlag" in pages[0]
    contents = " ".join(" ".join(pages[:2]).split())
    assert "Innehåll" in contents
    for page in (method, case_study, research):
        assert " ".join(page.title.split()) in contents
        assert f"{ORIGIN}{page.url}" in text
    # The bookmarks are the saved pages, in order.
    assert [item.title for item in reader.outline] == [
        method.title,
        case_study.title,
        research.title,
    ]
    # Each type's own sections.
    assert "Kunskapsläge och insats" in text and "Så gör ni" in text
    for step in method.steps:
        assert " ".join(step.value["title"].split()) in text
    assert "Vad som gjordes" in text and "Lärdomar" in text
    if case_study.results.exclude(kind="beskrivning").exists():
        assert "Resultat" in text and "Förändring" in text
    if case_study.results.filter(kind="beskrivning").exists():
        assert "Insatsen i siffror" in text
    assert "Om publikationen" in text and "Viktigaste resultat" in text
    assert research.authors.split(",")[0] in text
    # The shared link gives the same document.
    _reader, _pages, shared = pdf_text(client.get(f"/samling/delad/{collection.share_token}/pdf/"))
    assert method.title in shared


def test_the_cover_says_how_many_pages_in_swedish(client):
    method, case_study, _research = demo_pages()
    save_all(client, [method])
    _reader, pages, _text = pdf_text(client.get("/samling/pdf/"))
    assert "1 sida ur kunskapsbanken PlugInnovation, utskriven " in " ".join(pages[0].split())
    save_all(client, [case_study])
    _reader, pages, _text = pdf_text(client.get("/samling/pdf/"))
    assert "2 sidor ur kunskapsbanken PlugInnovation, utskrivna " in " ".join(pages[0].split())


def test_the_pdf_and_the_pack_give_full_addresses_of_documents_links_and_films(client):
    page = MethodPageFactory(
        parent=MethodPage.objects.live().first().get_parent(),
        title="Metod med allt i brödtexten",
        body=every_body_block(),
    )
    internal = demo_pages()[2]
    page.body = [
        *every_body_block(),
        {
            "type": "paragraph",
            "value": f'<p>Läs <a linktype="page" id="{internal.pk}">artikeln</a>.</p>',
        },
    ]
    page.save_revision().publish()
    save_all(client, [page])
    _reader, _pages, text = pdf_text(client.get("/samling/pdf/"))
    compact = text.replace(" ", "")
    assert f"{ORIGIN}/dokument/".replace(" ", "") in compact
    assert "Checklista" in text
    assert "https://www.youtube.com/watch?v=testfilm" in compact
    assert f"{ORIGIN}{internal.url}" in compact
    assert "Bild: Bildtext" in text
    assert "I siffror" in text and "70 kommuner" in text
    html = client.get("/samling/skriv-ut/").content.decode()
    assert re.search(rf'<a href="{ORIGIN}/dokument/[^"]+">Checklista</a>', html)
    assert f'<a href="{internal.url}">artikeln</a>' in html
    assert "<iframe" not in html
    assert "https://www.youtube.com/watch?v=testfilm" in html


def test_the_printed_pack_has_a_contents_list_and_every_page(client):
    pages = demo_pages()
    collection = save_all(client, pages)
    for url in ("/samling/skriv-ut/", f"/samling/delad/{collection.share_token}/skriv-ut/"):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        contents = html.split('<nav class="pack-contents"', 1)[1].split("</nav>", 1)[0]
        assert re.findall(r'<a href="#sida-(\d+)">', contents) == [str(p.pk) for p in pages]
        for page in pages:
            assert f'id="sida-{page.pk}"' in html
            assert f"{ORIGIN}{page.url}" in html
        assert html.count("<h1>") == 1
        assert "data-print-button" in html
        assert "Kunskapsläge och insats" in html and "Vad som gjordes" in html


def test_hidden_pages_drop_out_of_the_pack_and_the_pdf(client):
    method, case_study, research = demo_pages()
    save_all(client, [method, case_study, research])
    case_study.unpublish()
    html = client.get("/samling/skriv-ut/").content.decode()
    assert case_study.title not in html
    assert "1 sparad sida är inte längre tillgänglig" in html
    _reader, _pages, text = pdf_text(client.get("/samling/pdf/"))
    assert " ".join(case_study.title.split()) not in text
    assert "1 sparad sida är inte längre tillgänglig" in text


def test_an_empty_collection_still_gives_a_pdf_and_a_pack(client):
    _reader, pages, text = pdf_text(client.get("/samling/pdf/"))
    assert "Samlingen är tom" in text
    pack = client.get("/samling/skriv-ut/").content.decode()
    assert "Samlingen är tom" in pack
    # Nothing to print: no "0 sidor", no print button or PDF link.
    assert "0 sidor" not in pack and "data-print-button" not in pack
    assert 'href="/samling/pdf/"' not in pack


def test_an_emptied_collections_share_link_does_not_offer_its_pages(client):
    """It read "Någon har delat de här sidorna … Du kan läsa dem" over "Samlingen är tom"."""
    from pluginnovation.saved.models import Collection

    save_all(client, [MethodPage.objects.live().first()])
    token = Collection.objects.get().share_token
    client.post("/samling/tom/")
    shared = " ".join(Client().get(f"/samling/delad/{token}/").content.decode().split())
    assert "de här sidorna" not in shared and "men den är tom just nu" in shared
    assert "Gör en egen kopia" not in shared and "din samling" not in shared
    shared = " ".join(client.get(f"/samling/delad/{token}/").content.decode().split())
    assert "Någon har delat" not in shared and "den är tom just nu" in shared
    assert "Gör en egen kopia" not in shared
    assert "Det här är din samling – ändra den" in shared  # its owner still gets back to it


# SQL queries


def collection_urls(collection):
    token = collection.share_token
    return [
        "/samling/",
        "/samling/skriv-ut/",
        "/samling/pdf/",
        "/samling/tom/",
        f"/samling/delad/{token}/",
        f"/samling/delad/{token}/skriv-ut/",
        f"/samling/delad/{token}/pdf/",
    ]


def fill(collection, pages):
    CollectionItem.objects.filter(collection=collection).delete()
    CollectionItem.objects.bulk_create(
        CollectionItem(collection=collection, page_id=pk, position=i)
        for i, pk in enumerate(pages, start=1)
    )


def test_collection_pages_stay_within_the_query_ceiling(client, django_assert_max_num_queries):
    collection = save_all(client, demo_pages())
    everything = list(ContentPage.objects.live().order_by("pk").values_list("pk", flat=True))
    fill(collection, everything)
    small = measure(client, django_assert_max_num_queries, collection_urls(collection))

    generate_content(9 * ContentPage.objects.count(), seed=21)
    pages = list(ContentPage.objects.live().order_by("-pk").values_list("pk", flat=True))
    fill(collection, pages[:MAX_ITEMS])
    large = measure(client, django_assert_max_num_queries, collection_urls(collection))
    html = client.get("/samling/").content.decode()
    assert html.count('class="card saved-item') == MAX_ITEMS
    print("queries with the demo's pages and with 200 of 10x:", small, large)

    # Saving costs a bounded number of queries too, also into a full collection.
    other = Client()
    with django_assert_max_num_queries(CEILING):
        other.post("/samling/spara/", {"sida": pages[0], "next": "/"}, HTTP_ORIGIN=ORIGIN)
    with django_assert_max_num_queries(CEILING):
        client.post("/samling/spara/", {"sida": pages[-1], "next": "/"}, HTTP_ORIGIN=ORIGIN)


def results_table(html):
    """The printed pack's results table: its headings and its rows of cells, as text."""
    table = re.search(r'<table class="results-table">(.*?)</table>', html, re.S).group(1)

    def text(cell):  # runs of white space as one, but a no-break space is kept
        return re.sub(r"[ \t\n]+", " ", cell).strip()

    headings = [text(h) for h in re.findall(r'<th scope="col">(.*?)</th>', table)]
    body = table.split("<tbody>")[1]
    rows = [
        [text(cell) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]
    return headings, rows


def test_the_printed_results_table_has_a_heading_over_every_column(
    client, django_capture_on_commit_callbacks
):
    case_study = CaseStudyPage.objects.live().order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        CaseStudyResult.objects.filter(page=case_study).delete()
        CaseStudyResult.objects.create(
            page=case_study,
            indicator="annat",
            description="Elever som nåddes",
            value_before=980,
            value_after=1180.5,
            unit="elever",
            period="2014–2016",
            source="Lägesrapport 2016",
        )
    save_all(client, [case_study])
    headings, rows = results_table(client.get("/samling/skriv-ut/").content.decode())
    assert len(rows) == 1 and len(rows[0]) == len(headings)
    cell = dict(zip(headings, rows[0], strict=True))
    assert cell["Källa"] == "Lägesrapport 2016"
    assert "2014–2016" in cell["Vad som mättes"]
    # Figures are written as on the case study's own page: 1 180,5 and +200,5.
    assert cell["Före"] == "980"
    assert cell["Efter"] == "1\xa0180,5"
    assert cell["Förändring"].startswith("+200,5")
    web = client.get(case_study.url).content.decode()
    assert "1\xa0180,5" in web
    # The PDF draws the same table.
    _reader, _pages, text = pdf_text(client.get("/samling/pdf/"))
    assert "Före Efter Förändring Bedömning Källa Elever som nåddes" in text
    assert "980 1 180,5 +200,5 elever Riktning okänd Lägesrapport 2016" in text


def test_the_pdf_and_pack_follow_the_pages_own_order_and_facts(client):
    """As on the page itself: the body comes before a case study's contact and a method's
    material, and a case study's facts name its kommungrupp and school form."""
    case_study = (
        CaseStudyPage.objects.live()
        .exclude(contact_name="")
        .exclude(body=[])
        .filter(municipality__kommungrupp__gt="", school_form__gt="")
        .first()
    )
    method = MethodPage.objects.live().exclude(material=[]).exclude(body=[]).first()
    assert case_study is not None and method is not None
    save_all(client, [case_study, method])
    _reader, _pages, text = pdf_text(client.get("/samling/pdf/"))
    pack = " ".join(client.get("/samling/skriv-ut/").text.split())
    body_heading = next(
        block.value["text"] for block in method.body if block.block_type == "heading"
    )
    for document in (text, pack):
        assert document.index("Lärdomar") < document.index("Kontakt")
        assert document.index(body_heading) < document.index("Material att ladda ner")
        assert case_study.municipality.get_kommungrupp_display() in document
        assert case_study.get_school_form_display() in document
