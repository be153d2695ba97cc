"""What follows a page's place in the tree: a case study's region, the menu and the links.

Each change is made as an editor makes it, through the admin (move, bulk move, copy, publishing
an older revision, renaming a section's slug).
"""

from django.urls import reverse

from wagtail.models import Page, PageViewRestriction, Revision

import pytest

from casestudies.models import CaseStudyPage
from methods.models import MethodPage, MethodRelatedPage
from research.models import ResearchArticlePage
from tests.discovery_support import add_page
from tests.factories import (
    CaseStudyIndexPageFactory,
    MethodIndexPageFactory,
    RegionSectionPageFactory,
    ResearchIndexPageFactory,
    site_root,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections():
    """Two region sections, each with its own region, under a case-study index of the site."""
    index = CaseStudyIndexPageFactory(parent=site_root())
    return RegionSectionPageFactory(parent=index), RegionSectionPageFactory(parent=index)


def regions_of(page):
    return set(CaseStudyPage.objects.get(pk=page.pk).regions.values_list("slug", flat=True))


def test_moving_a_case_study_gives_it_the_new_sections_region(admin_client, sections):
    first, other = sections
    page = add_page(CaseStudyPage, "Flyttas till en annan region", parent=first)
    page.save_revision().publish()
    assert regions_of(page) == {first.region.slug}

    url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, other.pk])
    assert admin_client.post(url).status_code == 302

    assert Page.objects.get(pk=page.pk).get_parent().pk == other.pk
    assert regions_of(page) == {other.region.slug}
    # The listing of the new region's section shows it, the old one's does not.
    assert "Flyttas till en annan region" in admin_client.get(other.url).content.decode()
    assert "Flyttas till en annan region" not in admin_client.get(first.url).content.decode()
    # Filtering on the new region finds it.
    html = admin_client.get(f"/utforska/?region={other.region.slug}").content.decode()
    assert "Flyttas till en annan region" in html


def test_a_bulk_move_gives_every_case_study_the_new_region(admin_client, sections):
    first, other = sections
    pages = [add_page(CaseStudyPage, f"Massflytt {n}", parent=first) for n in (1, 2)]
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"])
    query = "&".join(f"id={page.pk}" for page in pages)
    response = admin_client.post(f"{url}?{query}", {"chooser": other.pk})
    assert response.status_code == 302
    for page in pages:
        assert regions_of(page) == {other.region.slug}


def test_a_copy_into_another_section_takes_that_sections_region(admin_client, sections):
    first, other = sections
    page = add_page(CaseStudyPage, "Kopieras", parent=first)
    url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    data = {"new_title": "Kopierad", "new_slug": "kopierad-fallstudie", "new_parent_page": other.pk}
    assert admin_client.post(url, data).status_code == 302
    copy = CaseStudyPage.objects.get(slug="kopierad-fallstudie")
    assert copy.get_parent().pk == other.pk
    assert regions_of(copy) == {other.region.slug}
    assert regions_of(page) == {first.region.slug}


def test_publishing_an_old_revision_after_a_move_keeps_the_new_region(admin_client, sections):
    first, other = sections
    page = add_page(CaseStudyPage, "Gammal version", parent=first)
    old_revision = page.save_revision()
    old_revision.publish()
    admin_client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, other.pk]))

    # The revision was saved while the page was in the first section; publishing it now must
    # not bring that section's region back.
    Revision.objects.get(pk=old_revision.pk).publish()
    assert regions_of(page) == {other.region.slug}


def test_a_method_never_shows_restricted_or_draft_evidence(client):
    method = add_page(MethodPage, "Metod med länkar")
    shown = add_page(ResearchArticlePage, "Öppen studie om metoden")
    secret = add_page(ResearchArticlePage, "Studie bakom inloggning")
    draft = add_page(ResearchArticlePage, "Opublicerad studie", live=False)
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    for order, page in enumerate([secret, shown, draft]):
        MethodRelatedPage.objects.create(page_owner=method, page=page, sort_order=order)

    html = client.get(method.url).content.decode()
    assert "Öppen studie om metoden" in html
    assert "Studie bakom inloggning" not in html and "Opublicerad studie" not in html


def test_a_restricted_section_hides_its_pages_from_method_evidence(client):
    # A restriction on an ancestor covers the page too.
    hidden_section = ResearchIndexPageFactory(parent=site_root(), title="Internt")
    PageViewRestriction.objects.create(page=hidden_section, restriction_type="login")
    method = add_page(MethodPage, "Metod med intern länk")
    secret = add_page(ResearchArticlePage, "Intern rapport", parent=hidden_section)
    shown = add_page(ResearchArticlePage, "Öppen rapport")
    for order, page in enumerate([secret, shown]):
        MethodRelatedPage.objects.create(page_owner=method, page=page, sort_order=order)
    html = client.get(method.url).content.decode()
    assert "Öppen rapport" in html
    assert "Intern rapport" not in html


def test_renaming_a_sections_slug_moves_the_menu_and_every_link(
    client, django_capture_on_commit_callbacks
):
    index = MethodIndexPageFactory(parent=site_root(), show_in_menus=True)
    method = add_page(MethodPage, "Metod att hitta", parent=index)
    old_url = index.url
    home = client.get("/").content.decode()
    assert f'href="{old_url}"' in home  # the menu and the home page's way in, before
    # As in an editor's request: what was read from the tree before is forgotten on commit.
    with django_capture_on_commit_callbacks(execute=True):
        index.slug = "arbetssatt"
        index.save_revision(user=None).publish()

    for path in ["/", "/utforska/", "/framgangsfaktorer/", "/sok/?q=metod", method.url]:
        response = client.get(Page.objects.get(pk=method.pk).url if path == method.url else path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert f'href="{old_url}"' not in html, path
    home = client.get("/").content.decode()
    assert 'href="/arbetssatt/"' in home  # menu and the home page's way in
    moved = Page.objects.get(pk=method.pk)
    assert moved.url.startswith("/arbetssatt/")
    assert client.get(moved.url).status_code == 200


def test_after_a_move_the_editor_is_told_to_choose_a_municipality_in_the_new_region(
    admin_client, sections
):
    first, other = sections
    page = add_page(CaseStudyPage, "Flyttad utan ny kommun", parent=first)
    admin_client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, other.pk]))
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    region = other.region
    assert f"Fallstudien har flyttats till {region}" in html
    assert f"Välj en kommun i {region}" in html


def test_moving_a_case_study_warns_that_its_municipality_is_in_another_region(
    admin_client, sections
):
    """Said before the move is confirmed, and again after it: until a municipality of the new
    region is chosen, the published page names the old region's municipality."""
    first, other = sections
    page = add_page(CaseStudyPage, "Flyttas med gammal kommun", parent=first)
    municipality = page.municipality
    warning = f"{municipality} ligger i {first.region}, inte i {other.region}"

    url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, other.pk])
    assert warning in admin_client.get(url).content.decode()
    after = admin_client.post(url, follow=True).content.decode()
    assert warning in after
    # Back to a region that holds its municipality, there is nothing to say.
    url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, first.pk])
    assert "ligger i" not in admin_client.get(url).content.decode()


def test_a_bulk_move_warns_of_each_municipality_in_another_region(admin_client, sections):
    first, other = sections
    pages = [add_page(CaseStudyPage, f"Massflytt med kommun {n}", parent=first) for n in (1, 2)]
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"])
    # As from the page explorer, which the editor is sent back to.
    query = "&".join(f"id={page.pk}" for page in pages) + f"&next=/admin/pages/{first.pk}/"
    html = admin_client.post(f"{url}?{query}", {"chooser": other.pk}, follow=True)
    html = html.content.decode()
    for page in pages:
        assert f"{page.title}: {page.municipality} ligger i {first.region}" in html


def test_copying_a_case_study_into_another_region_warns_of_its_municipality(admin_client, sections):
    """A copy published into another region named the old region's municipality without a
    word, where a move warns."""
    first, other = sections
    page = add_page(CaseStudyPage, "Kopieras med gammal kommun", parent=first)
    url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    data = {
        "new_title": "Kopia i ny region",
        "new_slug": "kopia-i-ny-region",
        "new_parent_page": other.pk,
        "publish_copies": "on",
    }
    after = admin_client.post(url, data, follow=True).content.decode()
    assert f"{page.municipality} ligger i {first.region}, inte i {other.region}" in after
    assert "efter kopieringen" in after
    # A copy within the region has nothing to say.
    data.update(new_slug="kopia-i-samma-region", new_parent_page=first.pk)
    assert "ligger i" not in admin_client.post(url, data, follow=True).content.decode()
