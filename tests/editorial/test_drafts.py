"""A draft is saved before it is complete; nothing incomplete is published.

Wagtail leaves a draft's required fields for later (deferred validation). The case study's
municipality and every content page's success factors are required too, so they are left for
later as well. What publishes a version without the editor's form must then not publish an
incomplete one: an approval publishes the version under review, which is saved complete while
in review, and a bulk publish refuses an incomplete draft.
"""

import datetime

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from pluginnovation.content.forms import FACTOR_REQUIRED_MESSAGE
from tests.editorial.support import case_study_form_data, edit_url, review

pytestmark = pytest.mark.django_db

TITLE = "Ett utkast utan kommun"
TODAY = datetime.date.today().isoformat()


def add_url(section):
    return reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", section.pk])


def new_case_study(**changes):
    """The add form of a case study with only a title filled in (and the date the form
    fills in itself)."""
    data = {
        "title": TITLE,
        "slug": "",
        "summary": "",
        "municipality": "",
        "organisation": "",
        "period": "",
        "school_form": "",
        "what_was_done": rich_text(""),
        "lessons_learned": rich_text(""),
        "results": inline_formset([]),
        "body": streamfield([]),
        "published_date": TODAY,
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def saved_draft(client, site):
    response = client.post(add_url(site.north_section), new_case_study())
    assert response.status_code == 302, response.context["form"].errors
    return CaseStudyPage.objects.get(title=TITLE)


def bulk_publish(client, site, *pages, **data):
    """Wagtail's bulk publish from the region's page listing; the messages shown after it."""
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    ids = "&".join(f"id={page.pk}" for page in pages)
    listing = reverse("wagtailadmin_explore", args=[site.north_section.pk])
    response = client.post(f"{url}?{ids}&next={listing}", data, follow=True)
    assert response.status_code == 200
    return " ".join(str(message) for message in response.context["messages"])


def errors_of(response):
    assert response.status_code == 200
    return {name: " ".join(errors) for name, errors in response.context["form"].errors.items()}


def test_a_new_case_study_is_saved_before_its_municipality_and_factors_are_known(
    client, site, north_editor
):
    client.force_login(north_editor)
    page = saved_draft(client, site)
    assert not page.live
    assert page.municipality is None
    assert not page.factors.exists()
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert preview.status_code == 200
    assert TITLE in preview.text


def test_a_method_draft_is_saved_without_success_factors(client, site, editor):
    client.force_login(editor)
    index = Page.objects.get(slug="metoder").specific
    url = reverse("wagtailadmin_pages:add", args=["methods", "methodpage", index.pk])
    data = nested_form_data(
        {
            "title": "En metod utan faktorer",
            "slug": "",
            "summary": "",
            "steps": streamfield([]),
            "body": streamfield([]),
            "material": streamfield([]),
            "related_links": inline_formset([]),
            "published_date": TODAY,
            "comments": inline_formset([]),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = MethodPage.objects.get(title="En metod utan faktorer")
    assert not page.live and not page.factors.exists()
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert preview.status_code == 200 and "En metod utan faktorer" in preview.text


def test_an_incomplete_draft_is_neither_published_nor_submitted(client, site, editor, north_editor):
    client.force_login(north_editor)
    page = saved_draft(client, site)
    data = case_study_form_data(page, municipality="")
    data["factors"] = []
    submitted = client.post(edit_url(page), {**data, "action-submit": "action-submit"})
    errors = errors_of(submitted)
    assert "municipality" in errors
    assert errors["factors"] == FACTOR_REQUIRED_MESSAGE
    assert not Page.objects.get(pk=page.pk).workflow_in_progress

    client.force_login(editor)
    published = client.post(edit_url(page), {**data, "action-publish": "action-publish"})
    assert {"municipality", "factors"} <= set(errors_of(published))
    assert not Page.objects.get(pk=page.pk).live


def test_a_page_in_review_is_saved_complete_so_an_approval_publishes_a_complete_page(
    client, site, editor, north_editor
):
    client.force_login(north_editor)
    page = saved_draft(client, site)
    complete = case_study_form_data(
        page,
        municipality=str(site.north_town.pk),
        summary="Mentorer ringde hem.",
        organisation="Norrby gymnasium",
        period="2017",
        what_was_done=rich_text("<p>Mentorer ringde hem samma dag.</p>"),
        lessons_learned=rich_text("<p>Snabb kontakt hjälper.</p>"),
        published_date="2024-01-01",
    )
    complete["factors"] = [str(site.article.factors.first().pk)]
    response = client.post(edit_url(page), {**complete, "action-submit": "action-submit"})
    assert response.status_code == 302, response.context["form"].errors
    assert Page.objects.get(pk=page.pk).workflow_in_progress

    # During review a draft without the factors is refused: the version under review is the
    # one an approval publishes, without this form's checks.
    stripped = {**complete, "factors": []}
    assert "factors" in errors_of(client.post(edit_url(page), stripped))

    client.force_login(editor)
    approved = review(client, page, "approve")
    assert approved.live
    assert approved.municipality == site.north_town
    assert approved.factors.exists()


def test_a_bulk_publish_refuses_an_incomplete_draft_and_says_why(
    client, site, editor, north_editor
):
    client.force_login(north_editor)
    page = saved_draft(client, site)
    client.force_login(editor)
    shown = bulk_publish(client, site, page, site.north_case)
    assert not Page.objects.get(pk=page.pk).live
    assert TITLE in shown and "kommun" in shown and FACTOR_REQUIRED_MESSAGE in shown


def test_a_bulk_publish_of_a_section_refuses_its_incomplete_drafts(
    client, site, editor, north_editor
):
    client.force_login(north_editor)
    page = saved_draft(client, site)
    client.force_login(editor)
    shown = bulk_publish(client, site, site.north_section, include_descendants="on")
    assert not Page.objects.get(pk=page.pk).live
    assert TITLE in shown


def test_a_bulk_publish_refuses_a_draft_whose_result_lacks_its_source(client, site, editor):
    """A draft's inline rows (a case study's results) are left for later too: a result saved
    with only its value must not be published without its source and what it measures."""
    client.force_login(editor)
    row = {"kind": "resultat", "value_after": "12", "indicator": "", "description": ""}
    row.update({"unit": "", "period": "", "source": "", "better": "", "students": ""})
    data = case_study_form_data(site.north_case, results=inline_formset([row]))
    response = client.post(edit_url(site.north_case), data)
    assert response.status_code == 302, response.context["form"].formsets["results"].errors
    shown = bulk_publish(client, site, site.north_case)
    assert "Inget publicerades" in shown and "Resultat 1, källa" in shown, shown
    live = Page.objects.get(pk=site.north_case.pk).specific
    assert not live.results.exists()
