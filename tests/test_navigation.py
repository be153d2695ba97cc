"""The main menu and the footer: from the page tree and the footer setting, kept in the cache
until something they show changes."""

import re

from wagtail.models import PageViewRestriction

import pytest

from methods.models import MethodPage
from pluginnovation.home.models import FooterSettings, HomePage, StandardPage
from tests.discovery_support import add_page

pytestmark = pytest.mark.django_db


def menu(client):
    html = client.get("/").content.decode()
    return html[html.index('aria-label="Huvudmeny"') : html.index("</nav>")]


def footer(client):
    html = client.get("/").content.decode()
    return html[html.index("<footer") :]


def test_a_new_page_marked_for_the_menu_appears_and_leaves_with_it(
    client, django_capture_on_commit_callbacks
):
    assert "Nyheter i menyn" not in menu(client)  # the menu is now cached
    home = HomePage.objects.get(locale__language_code="sv")
    with django_capture_on_commit_callbacks(execute=True):
        page = home.add_child(
            instance=StandardPage(
                title="Nyheter i menyn", slug="nyheter-i-menyn", show_in_menus=True
            )
        )
        page.save_revision().publish()
    assert 'href="/nyheter-i-menyn/">Nyheter i menyn</a>' in menu(client)

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert "Nyheter i menyn" not in menu(client)


def test_editing_a_page_deep_in_the_tree_keeps_the_menu_cached(
    client, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    method = add_page(MethodPage, "En metod långt ner")
    menu(client)
    with django_capture_on_commit_callbacks(execute=True):
        method.save_revision().publish()
    with django_assert_max_num_queries(0):
        from django.core.cache import cache

        from pluginnovation.home.navigation import CACHE_KEY

        assert cache.get(CACHE_KEY)


def test_the_footer_follows_its_setting(client, django_capture_on_commit_callbacks):
    home = HomePage.objects.get(locale__language_code="sv")
    contact = home.get_children().get(slug="kontakt")
    footer(client)
    with django_capture_on_commit_callbacks(execute=True):
        setting = FooterSettings.objects.get()
        setting.owner_text = "Kunskapsbanken ges ut av en ny huvudman."
        setting.links = [("page", contact)]
        setting.save()
    html = footer(client)
    assert "ges ut av en ny huvudman" in html
    assert 'href="/kontakt/"' in html and 'href="/tillganglighet/"' not in html


def test_the_breadcrumbs_leave_out_an_unpublished_section(client):
    """A page published under a section that is not (Wagtail allows it, and its unpublish
    can leave children live) showed the section's unpublished title in its breadcrumbs."""
    from casestudies.models import CaseStudyPage
    from tests.factories import CaseStudyIndexPageFactory, RegionSectionPageFactory, site_root

    index = CaseStudyIndexPageFactory(parent=site_root())
    section = RegionSectionPageFactory(parent=index, title="Hemlig ny region", live=False)
    page = add_page(CaseStudyPage, "Ett fall i en ny region", parent=section)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Ett fall i en ny region" in response.text
    assert "Hemlig ny region" not in response.text
    assert index.title in response.text.split('class="breadcrumbs"')[1]


def test_a_page_in_the_footer_counts_as_used_where_editors_unpublish_or_delete_it(admin_client):
    """Unpublishing Kontakt said "refererad 0 gånger" and silently took it out of the footer
    of every page: the footer's links were not in Wagtail's reference index."""
    from wagtail.models import ReferenceIndex

    home = HomePage.objects.get(locale__language_code="sv")
    contact = home.get_children().get(slug="kontakt")
    setting = FooterSettings.objects.get()
    setting.links = [("page", contact)]
    setting.save()
    assert ReferenceIndex.get_grouped_references_to(contact).count() == 1
    unpublish = admin_client.get(f"/admin/pages/{contact.pk}/unpublish/")
    assert unpublish.status_code == 200
    assert "refererad 0 gånger" not in unpublish.text and "refererad 1 gång" in unpublish.text


def test_a_footer_saved_before_its_links_were_indexed_is_indexed_on_migrate():
    """An existing site's footer links were counted only from the footer's next save."""
    from wagtail.models import ReferenceIndex

    from pluginnovation.home.apps import index_footer_links

    home = HomePage.objects.get(locale__language_code="sv")
    contact = home.get_children().get(slug="kontakt")
    setting = FooterSettings.objects.get()
    setting.links = [("page", contact)]
    setting.save()
    ReferenceIndex.objects.all().delete()  # as before this version
    index_footer_links()
    assert ReferenceIndex.get_grouped_references_to(contact).count() == 1


def footer_form(owner_text, pages):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    return nested_form_data(
        {
            "owner_text": owner_text,
            "owner_text_en": "In English.",
            "links": streamfield([("page", page.pk) for page in pages]),
        }
    )


def block_errors(html):
    """{block index: messages} as the admin's stream field shows them beside each block."""
    import html as html_module
    import json

    arguments = re.search(r'data-w-block-arguments-value="([^"]*)"', html).group(1)
    errors = json.loads(html_module.unescape(arguments))[1].get("blockErrors", {})
    return {index: error["messages"] for index, error in errors.items()}


def test_a_footer_link_to_an_unpublished_page_is_refused_with_its_name(admin_client, client):
    """A footer link to an unpublished page was saved without a word and never shown: the
    editor believed the footer had the link. The save is refused and names the page."""
    from wagtail.models import Site

    home = HomePage.objects.get(locale__language_code="sv")
    contact = home.get_children().get(slug="kontakt")
    draft = home.add_child(instance=StandardPage(title="Pressrum i utkast", slug="pressrum"))
    draft.unpublish()
    url = f"/admin/settings/home/footersettings/{Site.objects.get(is_default_site=True).pk}/"

    response = admin_client.post(url, footer_form("Ny text om utgivaren.", [contact, draft]))
    assert response.status_code == 200
    assert block_errors(response.text) == {
        "1": [
            "”Pressrum i utkast” är inte publicerad och kan inte visas i sidfoten än. "
            "Välj en annan sida eller ta bort länken."
        ]
    }
    assert FooterSettings.objects.get().owner_text != "Ny text om utgivaren."

    PageViewRestriction.objects.create(page=contact, restriction_type="login")
    response = admin_client.post(url, footer_form("Ny text om utgivaren.", [contact]))
    assert "har begränsad åtkomst" in block_errors(response.text)["0"][0]

    PageViewRestriction.objects.filter(page=contact).delete()
    response = admin_client.post(url, footer_form("Ny text om utgivaren.", [contact]))
    assert response.status_code == 302
    assert 'href="/kontakt/"' in footer(client)
