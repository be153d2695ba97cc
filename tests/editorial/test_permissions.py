"""What each role may and may not do, over real requests to the admin, direct POSTs included."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from casestudies.models import CaseStudyPage
from pluginnovation.taxonomy.models import Region
from tests.editorial.support import case_study_form_data, factor_ids

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_case_url(section):
    return reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", section.pk])


def assert_refused(response):
    """Wagtail answers a denied admin request with 403 or a redirect to the dashboard/login."""
    if response.status_code == 302:
        assert response.url.split("?")[0] in ("/admin/", "/admin/login/"), response.url
    else:
        assert response.status_code == 403, response.status_code


def assert_saved(response):
    """A successful admin form post redirects; otherwise show why the form was refused."""
    form = response.context and response.context.get("form")
    assert response.status_code == 302, form.errors if form else response.status_code


def live_title(page):
    return Page.objects.get(pk=page.pk).specific.title


def revision_count(page):
    return Page.objects.get(pk=page.pk).revisions.count()


# Regional editor: what she may do


def test_regional_editor_reaches_the_dashboard_and_her_regions_section(client, site, north_editor):
    client.force_login(north_editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Din roll" in response.text
    assert add_case_url(site.north_section) in response.text
    explore = client.get(reverse("wagtailadmin_explore", args=[site.north_section.pk]))
    assert explore.status_code == 200
    assert "Närvarolyftet i Norrby" in explore.text


def test_regional_editor_creates_a_case_study_in_her_region_as_a_draft(client, site, north_editor):
    client.force_login(north_editor)
    assert client.get(add_case_url(site.north_section)).status_code == 200
    data = case_study_form_data(site.north_case, title="Ny fallstudie", slug="ny-fallstudie")
    data["action-publish"] = "action-publish"
    assert_saved(client.post(add_case_url(site.north_section), data))
    page = CaseStudyPage.objects.get(slug="ny-fallstudie")
    assert page.get_parent().pk == site.north_section.pk
    assert not page.live
    assert page.owner == north_editor


def test_regional_editor_edits_her_case_study_and_submits_it(client, site, north_editor):
    client.force_login(north_editor)
    assert client.get(edit_url(site.north_case)).status_code == 200
    data = case_study_form_data(site.north_case, title="Närvarolyftet, reviderad")
    data["action-submit"] = "action-submit"
    response = client.post(edit_url(site.north_case), data)
    assert response.status_code == 302
    page = Page.objects.get(pk=site.north_case.pk)
    assert page.workflow_in_progress
    assert page.get_latest_revision().content["title"] == "Närvarolyftet, reviderad"
    assert live_title(site.north_case) == "Närvarolyftet i Norrby"


# Regional editor: what she may not do, refused on the server


def test_regional_editor_cannot_publish_even_by_a_direct_post(client, site, north_editor):
    client.force_login(north_editor)
    live_revision = Page.objects.get(pk=site.north_case.pk).live_revision_id
    data = case_study_form_data(site.north_case, title="Publicerad utan granskning")
    data["action-publish"] = "action-publish"
    client.post(edit_url(site.north_case), data)
    page = Page.objects.get(pk=site.north_case.pk)
    assert page.live_revision_id == live_revision
    assert live_title(site.north_case) == "Närvarolyftet i Norrby"
    assert not page.workflow_in_progress


def test_regional_editor_cannot_publish_a_draft_through_bulk_actions(client, site, north_editor):
    client.force_login(north_editor)
    page = site.north_case
    page.unpublish()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}"
    client.post(url, {"include_descendants": ""})
    assert not Page.objects.get(pk=page.pk).live


def test_regional_editor_cannot_unpublish_or_delete_a_live_case_study(client, site, north_editor):
    client.force_login(north_editor)
    page = site.north_case
    assert_refused(client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk])))
    assert_refused(client.post(reverse("wagtailadmin_pages:delete", args=[page.pk])))
    assert Page.objects.get(pk=page.pk).live


def test_regional_editor_cannot_hide_a_live_page_behind_a_password(client, site, north_editor):
    client.force_login(north_editor)
    page = site.north_case
    url = reverse("wagtailadmin_pages:set_privacy", args=[page.pk])
    client.post(url, {"restriction_type": "password", "password": "hemligt"})
    assert not PageViewRestriction.objects.filter(page=page).exists()


def test_regional_editor_cannot_touch_another_regions_case_study(client, site, north_editor):
    client.force_login(north_editor)
    page = site.south_case
    before = revision_count(page)
    assert_refused(client.get(edit_url(page)))
    data = case_study_form_data(page, title="Kapad")
    for action in ("action-submit", "action-publish"):
        assert_refused(client.post(edit_url(page), {**data, action: action}))
    for name in ("history", "workflow_history", "copy", "move", "delete"):
        assert_refused(client.get(reverse(f"wagtailadmin_pages:{name}", args=[page.pk])))
    revision = Page.objects.get(pk=page.pk).latest_revision
    view_revision = reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk])
    assert_refused(client.get(view_revision))
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert client.post(preview, data).status_code in (302, 403)
    for name in ("lock", "delete", "unpublish"):
        assert_refused(client.post(reverse(f"wagtailadmin_pages:{name}", args=[page.pk])))
    assert not Page.objects.get(pk=page.pk).locked
    assert revision_count(page) == before
    assert live_title(page) == "Mentorskap i Söderby"


def test_regional_editor_cannot_add_to_another_region(client, site, north_editor):
    client.force_login(north_editor)
    url = add_case_url(site.south_section)
    assert_refused(client.get(url))
    data = case_study_form_data(site.north_case, title="Smuggel", slug="smuggel")
    assert_refused(client.post(url, {**data, "action-submit": "action-submit"}))
    assert not CaseStudyPage.objects.filter(slug="smuggel").exists()


def test_regional_editor_cannot_edit_research(client, site, north_editor):
    client.force_login(north_editor)
    url = edit_url(site.article)
    assert_refused(client.get(url))
    assert_refused(client.post(url, {"title": "Ändrad", "action-publish": "action-publish"}))
    add_url = reverse(
        "wagtailadmin_pages:add",
        args=["research", "researcharticlepage", site.research_index.pk],
    )
    assert_refused(client.get(add_url))
    assert live_title(site.article) == "Frånvaro som varningssignal"


def test_regional_editor_cannot_edit_taxonomy(client, site, north_editor):
    client.force_login(north_editor)
    region_index = reverse("wagtailsnippets_taxonomy_region:list")
    assert_refused(client.get(region_index))
    add = reverse("wagtailsnippets_taxonomy_region:add")
    assert_refused(client.post(add, {"name": "Ny", "slug": "ny", "sort_order": "0"}))
    assert not Region.objects.filter(slug="ny").exists()
    edit = reverse("wagtailsnippets_taxonomy_region:edit", args=[site.north.pk])
    assert_refused(client.post(edit, {"name": "Kapad", "slug": "kapad", "sort_order": "0"}))
    delete = reverse("wagtailsnippets_taxonomy_region:delete", args=[site.south.pk])
    assert_refused(client.post(delete))
    assert Region.objects.get(pk=site.north.pk).name == "Testregion Norr"
    assert Region.objects.filter(pk=site.south.pk).exists()


ADMIN_ONLY_URLS = [
    "/admin/users/",
    "/admin/users/new/",
    "/admin/groups/",
    "/admin/sites/",
    "/admin/collections/",
    "/admin/workflows/list/",
    "/admin/redirects/",
]


@pytest.mark.parametrize("url", ADMIN_ONLY_URLS)
def test_regional_editor_cannot_reach_users_or_settings(client, north_editor, url):
    client.force_login(north_editor)
    assert_refused(client.get(url))


def test_regional_editor_cannot_create_a_user_or_join_the_editors(client, north_editor):
    client.force_login(north_editor)
    editors = Group.objects.get(name="Redaktörer")
    data = {
        "username": "smyg",
        "email": "smyg@example.org",
        "first_name": "S",
        "last_name": "M",
        "password1": "x-Långt-lösenord-42",
        "password2": "x-Långt-lösenord-42",
        "groups": [str(editors.pk)],
        "is_superuser": "on",
    }
    assert_refused(client.post(reverse("wagtailusers_users:add"), data))
    assert not get_user_model().objects.filter(username="smyg").exists()
    assert_refused(
        client.post(
            reverse("wagtailusers_users:edit", args=[north_editor.pk]),
            {**data, "username": north_editor.username},
        )
    )
    assert not north_editor.groups.filter(name="Redaktörer").exists()


def test_anonymous_visitors_are_sent_to_the_login(client, site):
    for url in ("/admin/", edit_url(site.north_case), reverse("editorial_guide")):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith("/admin/login/")


# Redaktör: full rights


def test_editor_edits_and_publishes_research(client, site, editor):
    client.force_login(editor)
    assert client.get(edit_url(site.article)).status_code == 200
    article = site.article
    data = nested_form_data(
        {
            "title": "Frånvaro som tidig varningssignal",
            "slug": article.slug,
            "summary": article.summary,
            "authors": article.authors,
            "year": str(article.year),
            "publisher": article.publisher,
            "key_findings": rich_text(article.key_findings),
            "body": streamfield([]),
            "published_date": article.published_date.isoformat(),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    data["factors"] = factor_ids(article)
    response = client.post(edit_url(article), data)
    assert response.status_code == 302
    assert live_title(article) == "Frånvaro som tidig varningssignal"


def test_editor_publishes_a_case_study_directly(client, site, editor):
    client.force_login(editor)
    data = case_study_form_data(site.south_case, title="Mentorskap i Söderby, uppdaterad")
    data["action-publish"] = "action-publish"
    response = client.post(edit_url(site.south_case), data)
    assert response.status_code == 302
    assert live_title(site.south_case) == "Mentorskap i Söderby, uppdaterad"


def test_editor_manages_taxonomy(client, site, editor):
    client.force_login(editor)
    assert client.get(reverse("wagtailsnippets_taxonomy_region:list")).status_code == 200
    response = client.post(
        reverse("wagtailsnippets_taxonomy_region:add"),
        {"name": "Testregion Väst", "slug": "testregion-vast", "sort_order": "5"},
    )
    assert_saved(response)
    assert Group.objects.filter(name="Regionredaktörer – Testregion Väst").exists()


def test_editor_cannot_manage_users(client, editor):
    client.force_login(editor)
    assert_refused(client.get("/admin/users/"))


def test_editor_unpublishes_a_case_study(client, site, editor):
    client.force_login(editor)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[site.north_case.pk]))
    assert response.status_code == 302
    assert not Page.objects.get(pk=site.north_case.pk).live


def test_the_site_wide_page_types_report_is_for_those_who_publish(
    client, site, north_editor, editor
):
    """Wagtail's "Sidtyper" report names the last edited page of every type anywhere in the
    site, drafts and restricted pages included: not for a regional editor."""
    draft = CaseStudyPage.objects.first().copy(
        update_attrs={"title": "Hemligt utkast i söder", "slug": "hemligt-utkast", "live": False}
    )
    draft.save_revision()
    client.force_login(north_editor)
    for url in ("/admin/reports/page-types-usage/", "/admin/reports/page-types-usage/results/"):
        response = client.get(url)
        assert_refused(response)
        assert b"Hemligt utkast" not in response.content
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/reports/page-types-usage/" not in dashboard
    client.force_login(editor)
    assert client.get("/admin/reports/page-types-usage/").status_code == 200
    assert "/admin/reports/page-types-usage/" in client.get("/admin/").content.decode()


def test_the_page_chooser_shows_a_regional_editor_public_pages_and_her_own(
    client, site, north_editor, editor
):
    """Linking needs the pages anyone may see and the editor's own region; another region's
    drafts (titles a visitor never sees) are not hers to read in the chooser."""
    south_draft = site.south_case.copy(
        update_attrs={"title": "Hemligt utkast i Syd", "slug": "hemligt-syd", "live": False}
    )
    north_draft = site.north_case.copy(
        update_attrs={"title": "Eget utkast i Norr", "slug": "eget-norr", "live": False}
    )
    search = "/admin/choose-page/search/?q={}"
    client.force_login(north_editor)
    assert south_draft.title not in client.get(search.format("Hemligt")).text
    assert north_draft.title in client.get(search.format("Eget")).text
    assert site.article.title in client.get(search.format("Frånvaro")).text
    browse = client.get(f"/admin/choose-page/{site.south_section.pk}/").json()["html"]
    assert site.south_case.title in browse and south_draft.title not in browse
    client.force_login(editor)
    assert south_draft.title in client.get(search.format("Hemligt")).text


def test_a_refused_admin_report_leads_back_to_the_dashboard_as_other_refusals_do(
    client, site, north_editor
):
    """The report answered a regional editor with the public site's 403 page, its header,
    menu and footer, inside the admin; every other refusal there leads to the dashboard with
    a Swedish message. Not signed in, it asks for the sign-in."""
    client.force_login(north_editor)
    response = client.get("/admin/reports/page-types-usage/", follow=True)
    assert response.redirect_chain[0][0] == "/admin/"
    assert "Du har inte behörighet" in response.content.decode()
    assert "Forbidden" not in response.content.decode()
    client.logout()
    response = client.get("/admin/reports/page-types-usage/")
    assert response.status_code == 302 and response.url.startswith("/admin/login/")


def test_a_move_to_another_region_is_refused_before_it_is_asked_about(client, site, north_editor):
    """Wagtail asks "Är du säker …?" before it checks the move, and refuses only when the
    question is answered; with a warning about the municipality in between."""
    client.force_login(north_editor)
    url = reverse(
        "wagtailadmin_pages:move_confirm", args=[site.north_case.pk, site.south_section.pk]
    )
    for response in (client.get(url, follow=True), client.post(url, follow=True)):
        text = response.content.decode()
        assert "Är du säker" not in text
        assert "efter flytten" not in text
        assert "behörighet" in text
    assert Page.objects.get(pk=site.north_case.pk).get_parent().pk == site.north_section.pk


def test_a_bulk_action_names_no_page_or_file_the_editor_may_not_edit(client, site, north_editor):
    """The confirmation of a bulk action listed what the editor lacks rights to by title:
    asking by id gave away any draft's or private file's title."""
    from wagtail.documents import get_document_model

    article = site.article
    article.title = "Hemlig arbetstitel"
    article.save_revision()
    document = get_document_model().objects.create(title="Hemligt dokument", file="hemlig.pdf")
    client.force_login(north_editor)
    for action in ("delete", "publish", "unpublish", "move"):
        url = f"/admin/bulk/wagtailcore/page/{action}/?id={article.pk}&id={site.home.pk}"
        response = client.get(url)
        assert response.status_code in (200, 302), action
        assert "Hemlig arbetstitel" not in response.text, action
    response = client.get(f"/admin/bulk/wagtaildocs/document/delete/?id={document.pk}")
    assert "Hemligt dokument" not in response.text


def test_the_page_chooser_shows_a_regional_editor_no_unpublished_title(client, site, north_editor):
    """A live page of another region with a new title not yet published: the chooser showed
    the new title (Wagtail shows the draft's); it leaves such a page out for her."""
    site.south_case.title = "Hemlig arbetstitel i Syd"
    site.south_case.save_revision()
    client.force_login(north_editor)
    browse = client.get(f"/admin/choose-page/{site.south_section.pk}/").json()["html"]
    search = client.get("/admin/choose-page/search/?q=Hemlig").text
    for html in (browse, search):
        assert "Hemlig arbetstitel" not in html


def test_the_dashboard_names_each_role_for_what_it_is(client, site, editor, admin_user):
    """The superuser was told "Du är redaktör", which leaves out users and settings."""
    client.force_login(admin_user)
    text = " ".join(client.get("/admin/").text.split())
    assert "Du är <strong>administratör</strong>" in text
    assert "Du är <strong>redaktör</strong>" not in text
    client.force_login(editor)
    text = " ".join(client.get("/admin/").text.split())
    assert "Du är <strong>redaktör</strong>" in text


def test_a_bulk_action_on_users_still_names_the_one_left_out(client, admin_user):
    """Users are listed as before: only pages, images and documents are kept unnamed."""
    client.force_login(admin_user)
    response = client.get(f"/admin/bulk/auth/user/delete/?id={admin_user.pk}")
    assert response.status_code == 200
    listed = re.findall(r"<li>\s*([^<]+?)\s*</li>", response.text.split("<main")[1])
    assert admin_user.get_username() in listed


def test_the_image_format_step_answers_only_for_an_image_the_editor_may_choose(
    client, site, north_editor, editor
):
    """Wagtail's format step of the image chooser (/admin/images/chooser/<id>/select_format/)
    gave any image's title and a rendition's address, also of a private image or another
    region's, to anyone with the admin; ids are small numbers."""
    from wagtail.models import Collection

    from wagtail_factories import ImageFactory

    image = ImageFactory(title="Hemlig bild", collection=Collection.get_first_root_node())
    url = f"/admin/images/chooser/{image.pk}/select_format/"
    posted = {
        "image-chooser-insertion-format": "fullwidth",
        "image-chooser-insertion-alt_text": "x",
    }
    client.force_login(north_editor)
    for response in (client.get(url), client.post(url, posted)):
        # Wagtail answers an admin refusal with the dashboard and its message.
        assert response.status_code == 302 and response["Location"] == "/admin/"
        assert "Hemlig bild" not in response.text and "original_images" not in response.text
    assert client.get("/admin/images/chooser/999999/select_format/").status_code == 404
    client.force_login(editor)
    assert "Hemlig bild" in client.get(url).json()["html"]
    assert client.post(url, posted).json()["result"]["title"] == "Hemlig bild"


def test_the_tips_chooser_is_only_for_those_who_may_read_the_tips(
    client, site, north_editor, editor
):
    """Wagtail's snippet chooser asks for no permission: a regional editor, refused the list of
    visitors' tips, could read every tip's title through it (/admin/snippets/choose/…)."""
    from pluginnovation.submissions.models import Submission

    tip = Submission.objects.create(
        title="Privat tips om Kiruna",
        school="Skolan",
        what_was_done="Vi gjorde så.",
        contact_email="larare@example.se",
    )
    base = "/admin/snippets/choose/submissions/submission/"
    urls = [base, f"{base}results/?q=Kiruna", f"{base}chosen/{tip.pk}/"]
    client.force_login(north_editor)
    for url in urls:
        response = client.get(url)
        assert_refused(response)
        assert "Kiruna" not in response.content.decode()
    client.force_login(editor)
    assert "Privat tips om Kiruna" in client.get(f"{base}results/?q=Kiruna").content.decode()


@pytest.mark.parametrize("model", ["municipality", "project", "region", "successfactor"])
def test_an_editor_searches_the_taxonomy_lists(client, site, editor, model):
    """The search box over each taxonomy list finds by name (was a 500 on SQLite for the terms
    without an English name)."""
    client.force_login(editor)
    name = {"municipality": "Norrby", "region": "Testregion Norr"}.get(model)
    response = client.get(f"/admin/snippets/taxonomy/{model}/results/?q={name or 'a'}")
    assert response.status_code == 200
    if name:
        assert name in response.content.decode()


def test_the_password_reset_form_sends_a_few_mails_and_then_answers_alike(client, editor):
    """Anyone may ask for a reset mail: without a bound, a loop filled an editor's inbox."""
    from django.core import mail

    editor.email = "rita@example.se"
    editor.save()
    answers = []
    for number in range(12):
        # From ever new clients too: the bound per address still holds.
        response = client.post(
            "/admin/password_reset/",
            {"email": "Rita@Example.se" if number % 2 else "rita@example.se"},
            REMOTE_ADDR=f"192.0.2.{number}",
        )
        answers.append((response.status_code, response["Location"]))
    assert 1 <= len(mail.outbox) <= 3
    assert all(to == ["rita@example.se"] for to in (m.to for m in mail.outbox))
    # The answer never says whether a mail went out.
    assert set(answers) == {(302, "/admin/password_reset/done/")}
    # Another editor can still get hers.
    get_user_model().objects.create_user("olle", "olle@example.se", "x" * 20)
    client.post("/admin/password_reset/", {"email": "olle@example.se"}, REMOTE_ADDR="198.51.100.1")
    assert mail.outbox[-1].to == ["olle@example.se"]


def test_a_file_on_a_live_page_changes_only_with_the_right_to_publish_it(
    client, site, north_editor, editor
):
    """A regional editor's change to a file a published page shows was public at once, past
    the review: rename, replace or delete. Her files on no live page stay hers to change."""
    from wagtail.models import Collection

    from wagtail_factories import DocumentFactory, ImageFactory

    from pluginnovation.editorial.roles import region_collection_name

    collection = Collection.objects.get(name=region_collection_name(site.north.name))
    owned = {"collection": collection, "uploaded_by_user": north_editor}
    shown = DocumentFactory(title="Rutin", file__filename="rutin.pdf", **owned)
    picture = ImageFactory(title="Foto", **owned)
    unused = DocumentFactory(title="Utkast", file__filename="utkast.pdf", **owned)
    page = site.north_case
    page.what_was_done = (
        f'<p>Se <a linktype="document" id="{shown.pk}">rutinen</a>.</p>'
        f'<embed embedtype="image" id="{picture.pk}" format="fullwidth" alt="x"/>'
    )
    page.save_revision().publish()

    client.force_login(north_editor)
    for url, data in [
        (f"/admin/documents/edit/{shown.pk}/", {"title": "Ändrad", "collection": collection.pk}),
        (f"/admin/documents/delete/{shown.pk}/", {}),
        (f"/admin/images/{picture.pk}/", {"title": "Ändrad", "collection": collection.pk}),
        (f"/admin/images/{picture.pk}/delete/", {}),
    ]:
        refused = client.post(url, data)
        assert refused.status_code == 403
        # Told why, and where the file is used, not just "no permission".
        told = refused.content.decode()
        assert "används på publicerade sidor" in told and page.title in told
    assert site.north_case.title in client.get(f"/admin/documents/edit/{shown.pk}/").text
    shown.refresh_from_db()
    picture.refresh_from_db()
    assert (shown.title, picture.title) == ("Rutin", "Foto")
    # A file no live page uses is hers as before.
    response = client.post(
        f"/admin/documents/edit/{unused.pk}/", {"title": "Klar", "collection": collection.pk}
    )
    assert response.status_code == 302, response.context["form"].errors
    unused.refresh_from_db()
    assert unused.title == "Klar"
    # The central team, who may publish the page, changes the file.
    client.force_login(editor)
    response = client.post(
        f"/admin/documents/edit/{shown.pk}/", {"title": "Rutin 2", "collection": collection.pk}
    )
    assert response.status_code == 302
    shown.refresh_from_db()
    assert shown.title == "Rutin 2"


@pytest.mark.parametrize("method", ["get", "post"])
def test_reordering_the_tree_root_is_not_found_not_a_server_error(
    client, site, north_editor, editor, method
):
    """Wagtail's "set position" asked the root page's parent (there is none) for permissions:
    any editor's request for /admin/pages/1/set_position/ was a 500 mailed to the admins."""
    root = Page.get_first_root_node()
    for user in (north_editor, editor):
        client.force_login(user)
        response = getattr(client, method)(f"/admin/pages/{root.pk}/set_position/?position=0")
        assert response.status_code == 404
        # The admin's own 404 page, never cached, as for every other admin address.
        assert "wagtailadmin/404.html" in [t.name for t in response.templates]
        assert "no-cache" in response["Cache-Control"]
    # An ordinary page is still Wagtail's to reorder, as before.
    client.force_login(editor)
    first, second = site.home.get_children()[:2]
    response = client.post(f"/admin/pages/{second.pk}/set_position/?position=0")
    assert response.status_code == 200
    assert list(site.home.get_children()[:2]) == [second, first]
