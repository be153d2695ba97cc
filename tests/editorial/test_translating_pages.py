"""Editors translate pages into English in the admin with Wagtail's "Översätt"
(simple_translation, issue 13); regional editors may not."""

from wagtail.models import Locale, Page

import pytest

from .support import make_user

pytestmark = pytest.mark.django_db


def translate_url(page):
    return f"/admin/translation/submit/page/{page.pk}/"


@pytest.fixture
def contact():
    return Page.objects.get(url_path="/hem/kontakt/", locale__language_code="sv")


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def test_an_editor_translates_a_page_into_a_draft_and_publishes_it(client, contact, english):
    contact.get_translation(english).delete()
    client.force_login(make_user("rita", "Redaktörer"))
    assert client.get(translate_url(contact)).status_code == 200

    response = client.post(translate_url(contact), {"locales": [english.pk]})
    assert response.status_code == 302
    translation = contact.get_translation(english).specific
    # A copy to write in English, not yet public; the Swedish page links to it once it is.
    assert not translation.live
    assert client.get("/kontakt/").content.decode().count('hreflang="en"') == 1  # switcher only

    translation.title = "Contact"
    translation.slug = "contact"
    translation.save_revision().publish()
    client.logout()
    html = client.get("/kontakt/").content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/contact/">' in html


def test_a_regional_editor_cannot_translate(client, contact, english, site):
    contact.get_translation(english).delete()
    client.force_login(make_user("nora", f"Regionredaktörer – {site.north.name}"))
    response = client.post(translate_url(contact), {"locales": [english.pk]})
    assert response.status_code in (302, 403)
    assert contact.get_translation_or_none(english) is None


@pytest.mark.parametrize("path", ["/hem/aktuellt/", "/hem/metoder/"])
def test_a_page_that_stays_swedish_is_not_translated(client, english, path):
    """News, methods, research and case studies are Swedish (docs/english.md): "Översätt"
    made an English copy that showed Swedish text under an English menu item."""
    page = Page.objects.get(url_path=path, locale__language_code="sv")
    client.force_login(make_user("rita", "Redaktörer"))
    response = client.get(translate_url(page), follow=True)
    assert "finns bara på svenska" in response.content.decode()
    response = client.post(translate_url(page), {"locales": [english.pk]})
    assert response.status_code == 302
    assert page.get_translation_or_none(english) is None


def test_the_refusal_names_no_page_the_editor_may_not_edit(client, site):
    """A regional editor asking to translate another region's page learns nothing of it."""
    site.south_case.title = "Hemlig arbetstitel i Syd"
    site.south_case.save_revision()
    client.force_login(make_user("nora", f"Regionredaktörer – {site.north.name}"))
    response = client.get(translate_url(site.south_case), follow=True)
    assert "Hemlig arbetstitel" not in response.content.decode()


def test_a_page_is_translated_alone_never_with_its_subtree(client, english):
    about = Page.objects.get(url_path="/hem/om/", locale__language_code="sv")
    below = about.get_children().first()
    assert below is not None
    about.get_translation(english).delete()
    client.force_login(make_user("rita", "Redaktörer"))
    response = client.post(translate_url(about), {"locales": [english.pk], "include_subtree": "on"})
    assert response.status_code == 302
    assert about.get_translation_or_none(english) is not None
    assert below.get_translation_or_none(english) is None


def test_a_page_already_in_english_leads_to_its_english_version(client, contact, english):
    """The form showed an empty, required "Språk" and no button: there was nothing left to
    translate into, and nothing said so."""
    translation = contact.get_translation(english)
    client.force_login(make_user("rita", "Redaktörer"))
    response = client.get(translate_url(contact), follow=True)
    html = response.content.decode()
    assert "finns redan på båda språken" in html
    assert response.redirect_chain[-1][0] == f"/admin/pages/{translation.pk}/edit/"
