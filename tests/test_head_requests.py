"""HEAD is GET without the body (RFC 9110): link checkers, uptime monitors and proxies send it.

Every public address that answers GET must answer HEAD the same way, not 405.
"""

from django.test import Client

import pytest

from pluginnovation.assessment.models import Assessment
from pluginnovation.content.models import ContentPage
from pluginnovation.saved.models import Collection
from pluginnovation.submissions.views import THANKS_KEY

pytestmark = pytest.mark.django_db

ADDRESSES = [
    "/sjalvskattning/",
    "/samling/",
    "/samling/skriv-ut/",
    "/samling/pdf/",
    "/bevaka/",
    "/bevaka/skickat/",
    "/tipsa/",
    "/tipsa/tack/",
    "/robots.txt",
    "/sok/forslag/?q=mentor",
    "/karta/",
    "/oppna-data/",
    "/sok/?q=mentor",
    "/framgangsfaktorer/",
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_head_answers_as_get_does(client, address):
    got = client.get(address)
    assert got.status_code == 200, address
    head = client.head(address)
    assert head.status_code == 200, address
    assert head["Content-Type"] == got["Content-Type"]


def shared_addresses(client):
    page = ContentPage.objects.live().first()
    client.post("/samling/spara/", {"sida": page.pk}, HTTP_ORIGIN="http://testserver")
    collection = Collection.objects.get()
    share = collection.share_token
    assessment = Assessment.objects.create()
    read = assessment.read_token
    return [
        f"/samling/delad/{share}/",
        f"/samling/delad/{share}/skriv-ut/",
        f"/samling/delad/{share}/pdf/",
        f"/sjalvskattning/delad/{read}/",
        f"/sjalvskattning/delad/{read}/handlingsplan.pdf",
    ]


def test_head_answers_on_shared_addresses(client):
    for address in shared_addresses(client):
        assert client.get(address).status_code == 200, address
        assert client.head(address).status_code == 200, address


def test_head_of_an_unknown_token_is_404_not_405(client):
    for address in ("/samling/delad/okand/", "/sjalvskattning/delad/okand/"):
        assert client.head(address).status_code == 404, address


def test_head_does_not_consume_the_thanks_message(client):
    session = client.session
    session[THANKS_KEY] = "Mitt tips"
    session.save()
    client.head("/tipsa/tack/")
    assert "Mitt tips" in client.get("/tipsa/tack/").content.decode()


def test_a_head_is_not_a_visit(client):
    """A link checker's HEAD neither keeps a shared collection alive nor puts an assessment in
    the session of whoever sent it, as a person's visit does."""
    import datetime

    from django.utils import timezone

    shared = shared_addresses(client)[0]
    collection = Collection.objects.get()
    long_ago = timezone.now() - datetime.timedelta(days=200)
    Collection.objects.filter(pk=collection.pk).update(last_used=long_ago)
    assessment = Assessment.objects.create()
    checker = type(client)()
    assert checker.head(shared).status_code == 200
    assert Collection.objects.get().last_used == long_ago
    step = f"/sjalvskattning/redigera/{assessment.edit_token}/steg/1/"
    assert checker.head(step).status_code == 200
    assert "sessionid" not in checker.cookies
    # A GET is a visit.
    assert checker.get(shared).status_code == 200
    assert Collection.objects.get().last_used > long_ago


def test_head_leaves_a_flash_message_for_the_get(client):
    """A HEAD (a link checker, a browser's prefetch) renders the page like a GET but shows
    nothing, so a one-time message such as "Sidan är flyttad" is still there for the GET."""
    from tests.test_saved import demo_pages, make_collection

    first, second = demo_pages()[:2]
    make_collection(client, [first, second])
    response = client.post("/samling/flytta/", {"sida": second.pk, "riktning": "upp"})
    assert client.head(response["Location"]).status_code == 200
    html = client.get(response["Location"]).text
    assert "Sidan är flyttad till plats 1 av 2." in html
    # Shown once: the next GET has it no more.
    assert "Sidan är flyttad" not in client.get("/samling/").text


READ_ONLY = [
    "/utforska/",
    "/sok/?q=mentor",
    "/framgangsfaktorer/",
    "/framgangsfaktorer/samverkan/",
    "/resultat/",
    "/karta/",
    "/oppna-data/",
    "/oppna-data/allt.zip",
    "/sitemap.xml",
    "/flode/",
    "/en/utforska/",
    # Wagtail's pages: a listing, a method, the home page.
    "/metoder/",
    "METHOD",
    "/",
]


@pytest.mark.parametrize("method", ["post", "put", "delete"])
@pytest.mark.parametrize("address", READ_ONLY)
def test_an_address_that_only_shows_refuses_other_methods_with_the_sites_page(
    client, address, method
):
    """They answered a POST or DELETE with the page (200), as if something had been done."""
    if address == "METHOD":
        address = ContentPage.objects.live().filter(methodpage__isnull=False).first().url
    response = getattr(client, method)(address)
    assert response.status_code == 405, address
    assert response["Allow"] == "GET, HEAD"
    assert "<h1>" in response.content.decode() and 'class="site-header"' in response.text


def test_options_on_a_page_names_only_the_methods_it_takes(client):
    """OPTIONS was Wagtail's, which offered DELETE, PATCH, POST and PUT: each answered 405."""
    from django.test import Client

    page = ContentPage.objects.live().first()
    options = client.options(page.url)
    assert options.status_code == 200 and options["Allow"] == "GET, HEAD, OPTIONS"
    strict = Client(enforce_csrf_checks=True).post(page.url)
    assert strict.status_code == 403


def document_address():
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    document = get_document_model()(title="Metodblad", collection=Collection.get_first_root_node())
    document.file.save("metodblad.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    return document.url


@pytest.mark.parametrize("method", ["TRACE", "PUT", "DELETE", "FOO"])
def test_documents_and_password_forms_refuse_methods_they_do_not_take(client, method):
    """A document answered TRACE with the file, and the password forms rendered for TRACE
    (PUT and DELETE got the CSRF page instead of 405)."""
    from wagtail.models import PageViewRestriction

    page = ContentPage.objects.live().first()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="hemligt"
    )
    for address, allowed in [
        (document_address(), "GET, HEAD"),
        (f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/", "GET, HEAD, POST"),
    ]:
        response = client.generic(method, address)
        assert response.status_code == 405, address
        assert response["Allow"] == allowed
    assert client.get(document_address()).status_code == 200
    # As a browser or curl sends it, without a CSRF token: still the 405.
    strict = Client(enforce_csrf_checks=True).generic(method, document_address())
    assert strict.status_code == 405
