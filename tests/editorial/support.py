"""Helpers for the editorial tests: pages, users and the admin's edit-form data."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.models import CaseStudyPage
from pluginnovation.taxonomy.models import SuccessFactor


def get_or_add(parent, model, **fields):
    page = model.objects.first()
    if page is None:
        page = model(**fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def add_case_study(section, municipality, title):
    page = CaseStudyPage(
        title=title,
        summary="En kort sammanfattning.",
        municipality=municipality,
        organisation="Testgymnasiet",
        period="2016–2018",
        what_was_done="<p>Mentorer ringde hem samma dag.</p>",
        lessons_learned="<p>Snabb kontakt gör skillnad.</p>",
    )
    page.factors = [SuccessFactor.objects.order_by("sort_order").first()]
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_user(username, group_name=None):
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password="pw"
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def case_study_form_data(page, **changes):
    """The edit form of a case study as the admin would post it, with `changes` applied."""
    page = Page.objects.get(pk=page.pk).specific
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "municipality": str(page.municipality_id),
        "organisation": page.organisation,
        "period": page.period,
        "what_was_done": rich_text(page.what_was_done),
        "lessons_learned": rich_text(page.lessons_learned),
        "results": inline_formset([]),
        "body": streamfield([]),
        "published_date": page.published_date.isoformat(),
        "comments": inline_formset([]),
    }
    data.update(changes)
    # Multiple-choice values stay lists: nested_form_data would flatten them into "factors-0".
    return {**nested_form_data(data), "factors": factor_ids(page)}


def factor_ids(page):
    return [str(pk) for pk in page.factors.values_list("pk", flat=True)]


def later(days):
    return (datetime.datetime.now() + datetime.timedelta(days=days)).strftime("%Y-%m-%d %H:%M")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit_for_review(client, page, **changes):
    """Post the edit form with the submit button, as a regional editor does."""
    data = case_study_form_data(page, **changes)
    data["action-submit"] = "action-submit"
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, response.status_code
    return Page.objects.get(pk=page.pk).specific


def review(client, page, action, comment=""):
    """A Redaktör's decision on the page's current review task: "approve" or "reject"."""
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    response = client.post(url, {"comment": comment})
    assert response.status_code == 302, response.status_code
    return Page.objects.get(pk=page.pk).specific
