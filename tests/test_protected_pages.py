"""A page or document an editor protects shows the site's own password form, in Swedish, with
nothing of the protected content: not its title, its place in the site or its description.
"Logged-in users only" leads to the editors' sign-in, which returns to the page."""

import re

from django.core.files.base import ContentFile
from django.test import Client

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from methods.models import MethodPage

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Hemlig metod om mentorskap"
SECRET_SUMMARY = "Intern sammanfattning som inte får synas."


@pytest.fixture
def protected_page():
    page = MethodPage.objects.live().order_by("pk").first()
    page.title = SECRET_TITLE
    page.summary = SECRET_SUMMARY
    page.save_revision().publish()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="solros-42"
    )
    return page


def test_a_protected_page_shows_the_sites_password_form_and_nothing_of_the_page(
    client, protected_page
):
    response = client.get(protected_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "<h1>Lösenord krävs</h1>" in html
    assert 'class="site-header"' in html and "css/access.css" in html
    assert '<label for="id_password">Lösenord</label>' in html
    assert 'autocomplete="current-password"' in html
    assert '<meta name="robots" content="noindex">' in html
    # The address is the visitor's own (the form returns to it); nothing else of the page.
    for secret in (SECRET_TITLE, SECRET_SUMMARY):
        assert secret not in html
    assert "application/ld+json" not in html
    assert response["X-Cache"] == "bypass"


def test_a_wrong_password_says_so_in_swedish_and_the_right_one_opens_the_page(
    client, protected_page
):
    form = client.get(protected_page.url).content.decode()
    action = form.split('class="access-form" method="post" action="', 1)[1].split('"', 1)[0]
    wrong = client.post(action, {"password": "fel", "return_url": protected_page.url})
    assert wrong.status_code == 200
    html = wrong.content.decode()
    assert "Lösenordet stämmer inte. Försök igen." in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="losenord-fel"' in html
    assert SECRET_TITLE not in html
    right = client.post(action, {"password": "solros-42", "return_url": protected_page.url})
    assert right.status_code == 302
    assert SECRET_TITLE in client.get(protected_page.url).content.decode()


@pytest.mark.parametrize(
    "prefix, title, message",
    [
        ("", "Fel: Lösenord krävs", "Fel: Lösenordet stämmer inte. Försök igen."),
        ("/en", "Error: Password required", "Error: The password is not correct. Please try "),
    ],
)
def test_a_wrong_password_is_named_in_the_title_and_the_field_in_the_page_language(
    client, protected_page, prefix, title, message
):
    action = action_of(client.get(protected_page.url).content.decode())
    html = client.post(f"{prefix}{action}", {"password": "fel", "return_url": "/"}).text
    assert f"<title>{title} – PlugInnovation</title>" in html
    error = re.search(r'<p class="access-error" id="losenord-fel">(.*?)</p>', html).group(1)
    assert re.sub(r"<[^>]+>", "", error).startswith(message)
    # Focus goes back to the field, which the error describes.
    field = re.search(r'<input type="password"[^>]*>', html).group(0)
    assert "autofocus" in field and 'aria-describedby="losenord-fel"' in field
    assert "Fel:" not in html if prefix else "Error:" not in html


def test_a_page_for_signed_in_users_leads_to_the_editors_sign_in_and_back(client):
    page = MethodPage.objects.live().order_by("pk").last()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url, follow=True)
    assert response.redirect_chain[-1][0].startswith("/admin/login/?next=")
    assert page.url in response.redirect_chain[-1][0]
    assert response.status_code == 200


def test_an_editor_outside_the_groups_of_a_page_or_document_is_told_so(client, settings, tmp_path):
    """A signed-in editor refused by a restriction to some groups was sent to the sign-in,
    which sent her straight back: the browser gave up ("too many redirects")."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    settings.MEDIA_ROOT = tmp_path
    group = Group.objects.create(name="Ledningsgruppen")
    page = MethodPage.objects.live().order_by("pk").last()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    collection = Collection.get_first_root_node().add_child(name="Ledningens underlag")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    document = Document.objects.create(
        title="Ledningens rapport",
        file=ContentFile(b"%PDF-1.4\n" + b"x" * 100, name="ledning.pdf"),
        collection=collection,
    )
    client.force_login(get_user_model().objects.create_user("lena", password="pw"))
    for address in (page.url, document.url):
        response = client.get(address, follow=True)
        assert len(response.redirect_chain) == 1, response.redirect_chain
        assert response.status_code == 403
        assert "Du har inte behörighet" in response.text
        assert "Ledningens rapport" not in response.text
    english = client.get("/logga-in/?next=/en/om/")
    assert english.status_code == 403 and "You do not have permission" in english.text
    anonymous = Client().get(document.url, follow=True)
    assert anonymous.redirect_chain[-1][0].startswith("/admin/login/?next=")


def test_a_password_form_sent_back_to_another_site_returns_to_the_home_page(client, protected_page):
    """Wagtail falls back on LOGIN_REDIRECT_URL, Django's /accounts/profile/ (a 404)."""
    action = action_of(client.get(protected_page.url).text)
    response = client.post(action, {"password": "solros-42", "return_url": "//evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/"


@pytest.fixture
def protected_document(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    collection = Collection.get_first_root_node().add_child(name="Skyddade underlag")
    CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="solros-42",
    )
    return Document.objects.create(
        title="Intern rapport",
        file=ContentFile(b"%PDF-1.4\n" + b"x" * 100, name="intern-rapport.pdf"),
        collection=collection,
    )


def test_a_password_protected_document_shows_the_same_form(client, protected_document):
    document = protected_document
    response = client.get(document.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Lösenord krävs</h1>" in html and 'class="site-header"' in html
    assert "Intern rapport" not in html


def action_of(html):
    return html.split('class="access-form" method="post" action="', 1)[1].split('"', 1)[0]


def test_guessing_a_page_password_is_stopped_after_a_few_tries(client, protected_page, settings):
    settings.PASSWORD_ATTEMPTS_PER_HOUR = 5
    action = action_of(client.get(protected_page.url).content.decode())
    for _ in range(5):
        assert client.post(action, {"password": "fel", "return_url": "/"}).status_code == 200
    stopped = client.post(action, {"password": "solros-42", "return_url": "/"})
    assert stopped.status_code == 429
    html = stopped.content.decode()
    assert "<h1>För många försök</h1>" in html and SECRET_TITLE not in html
    assert "Retry-After" in stopped
    # Nor through the English address of the same form.
    english = client.post(f"/en{action}", {"password": "solros-42", "return_url": "/"})
    assert english.status_code == 429
    # Another visitor (another address) may still try.
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.post(action, {"password": "solros-42", "return_url": "/"}).status_code == 302


def test_guessing_a_document_password_is_stopped_too(client, settings, protected_document):
    settings.PASSWORD_ATTEMPTS_PER_HOUR = 3
    document = protected_document
    action = action_of(client.get(document.url).content.decode())
    for _ in range(3):
        assert client.post(action, {"password": "fel", "return_url": "/"}).status_code == 200
    assert client.post(action, {"password": "solros-42", "return_url": "/"}).status_code == 429
