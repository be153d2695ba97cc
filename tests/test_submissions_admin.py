"""Tips från skolor in the admin: who sees them, and "Gör till fallstudie" through review to a
live case study."""

import datetime
import re

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text, streamfield

import pytest

from casestudies.models import CaseStudyPage, RegionSectionPage
from pluginnovation.editorial.roles import EDITORS, regional_group_name
from pluginnovation.submissions.conversion import RESULTS_HEADING
from pluginnovation.submissions.models import Status, Submission
from pluginnovation.submissions.notify import handlers
from pluginnovation.taxonomy.models import Municipality, Region, SuccessFactor
from tests.editorial.support import case_study_form_data, make_user

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/submissions/submission/"
SCRIPT = '<script>alert("x")</script>'


def inspect_url(submission):
    return reverse("wagtailsnippets_submissions_submission:inspect", args=[submission.pk])


def convert_url(submission):
    return reverse("wagtailsnippets_submissions_submission:make_case_study", args=[submission.pk])


def municipality_with_section():
    return Municipality.objects.filter(region__section__isnull=False).order_by("name").first()


def add_submission(title="Närvarocoacher i Testby", municipality=None, **fields):
    values = {
        "title": title,
        "school": "Testgymnasiet",
        "municipality": municipality or municipality_with_section(),
        "what_was_done": "Två coacher ringde hem samma dag.\n\nDe träffade eleverna varje vecka.",
        "results": "Närvaron steg från 71 till 86 procent.",
        "contact_name": "Kim Lärare",
        "contact_email": "kim@testgymnasiet.se",
        "consent": True,
        **fields,
    }
    submission = Submission.objects.create(**values)
    submission.factors.set(SuccessFactor.objects.order_by("sort_order")[:2])
    return submission


@pytest.fixture
def editor():
    return make_user("rita", EDITORS)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_central_editors_may_handle_tips_by_migration():
    codenames = set(
        Group.objects.get(name=EDITORS)
        .permissions.filter(content_type__app_label="submissions")
        .values_list("codename", flat=True)
    )
    assert codenames == {"view_submission", "change_submission", "delete_submission"}


def test_editors_list_newest_first_with_status_filter_and_search(editor_client):
    older = add_submission("Äldre tips")
    Submission.objects.filter(pk=older.pk).update(
        created=timezone.now() - datetime.timedelta(days=3)
    )
    add_submission("Nyare tips", status=Status.DECLINED)

    response = editor_client.get(LIST_URL)
    assert response.status_code == 200
    assert "Tips från skolor" in response.text
    assert response.text.index("Nyare tips") < response.text.index("Äldre tips")

    declined = editor_client.get(LIST_URL, {"status": Status.DECLINED})
    assert "Nyare tips" in declined.text and "Äldre tips" not in declined.text

    found = editor_client.get(LIST_URL, {"q": "Äldre"})
    assert "Äldre tips" in found.text and "Nyare tips" not in found.text

    menu = editor_client.get("/admin/")
    assert "tips-fran-skolor" in menu.text  # the menu item's name, in the sidebar's data


def test_regional_editors_and_other_users_do_not_see_tips(client):
    submission = add_submission()
    region = municipality_with_section().region
    for user in (make_user("nora", regional_group_name(region.name)), make_user("ulla")):
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(user)
        assert client.get(LIST_URL).status_code in (302, 403)
        assert client.get(inspect_url(submission)).status_code in (302, 403)
        assert client.post(convert_url(submission)).status_code in (302, 403)
    assert not CaseStudyPage.objects.filter(title=submission.title).exists()


def test_script_in_a_tip_is_escaped_in_the_admin(editor_client):
    submission = add_submission(f"Rubrik {SCRIPT}", what_was_done=f"Text {SCRIPT}")
    for url in (LIST_URL, inspect_url(submission)):
        response = editor_client.get(url)
        assert response.status_code == 200
        assert SCRIPT not in response.text
        assert "&lt;script&gt;" in response.text


def test_a_tip_in_the_list_opens_to_the_whole_tip_and_its_button(editor_client):
    """The title in Tips från skolor leads to the tip with "Gör till fallstudie", not to a form
    that edits the school's own words; editing stays in the row's menu."""
    submission = add_submission("Frukostklubb på Kvarnbyskolan")
    html = editor_client.get(LIST_URL).text
    assert f'href="{inspect_url(submission)}"' in html
    title_link = re.search(r'<td class="title">.*?<a [^>]*href="([^"]+)"', html, re.S)
    assert title_link and title_link.group(1) == inspect_url(submission)
    edit = reverse("wagtailsnippets_submissions_submission:edit", args=[submission.pk])
    assert f'href="{edit}"' in html
    # The row's checkbox is described by the title, as in Wagtail's own snippet lists.
    assert f'aria-describedby="snippet_{submission.pk}_title"' in html
    assert f'id="snippet_{submission.pk}_title"' in html


def test_the_inspect_view_shows_the_tip_and_the_button(editor_client):
    submission = add_submission()
    response = editor_client.get(inspect_url(submission))
    assert response.status_code == 200
    assert "Två coacher ringde hem samma dag." in response.text
    assert "kim@testgymnasiet.se" in response.text
    assert f'action="{convert_url(submission)}"' in response.text
    assert "Gör till fallstudie" in response.text
    assert 'name="csrfmiddlewaretoken"' in response.text


def test_make_a_draft_case_study_in_the_right_region_section(editor_client, editor):
    submission = add_submission(what_was_done=f"Två coacher ringde hem.\n\nSedan {SCRIPT}.")
    section = RegionSectionPage.objects.get(region=submission.municipality.region)

    response = editor_client.post(convert_url(submission))
    page = CaseStudyPage.objects.get(title=submission.title)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])

    assert page.get_parent().pk == section.pk
    assert not page.live and page.has_unpublished_changes
    assert page.latest_revision is not None and page.owner == editor
    assert page.municipality == submission.municipality
    assert page.organisation == "Testgymnasiet"
    assert page.summary.startswith("Två coacher ringde hem.")
    assert "<p>Två coacher ringde hem.</p>" in page.what_was_done
    assert SCRIPT not in page.what_was_done and "&lt;script&gt;" in page.what_was_done
    blocks = [(block.block_type, block.value) for block in page.body]
    assert blocks[0][0] == "heading" and blocks[0][1]["text"] == RESULTS_HEADING
    assert "Närvaron steg från 71 till 86 procent." in blocks[1][1].source
    assert set(page.factors.all()) == set(submission.factors.all())
    assert list(page.regions.all()) == [section.region]
    # The sender did not say yes to being shown as the contact.
    assert page.contact_name == "" and page.contact_email == ""

    submission.refresh_from_db()
    assert submission.case_study_id == page.pk
    assert submission.status == Status.IN_REVIEW

    # The draft is nowhere on the public site.
    assert Client().get(f"/fallstudier/{section.slug}/{page.slug}/").status_code == 404
    assert page.title not in Client().get(section.url).text

    # Twice: the same page, no second one.
    again = editor_client.post(convert_url(submission), follow=True)
    assert again.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert CaseStudyPage.objects.filter(title=submission.title).count() == 1
    assert "redan gjorts till en fallstudie" in again.text


def test_contact_details_are_carried_over_only_with_consent_to_show_them(editor_client):
    submission = add_submission(show_contact=True)
    editor_client.post(convert_url(submission))
    page = CaseStudyPage.objects.get(title=submission.title)
    assert page.contact_name == "Kim Lärare"
    assert page.contact_email == "kim@testgymnasiet.se"


def test_no_region_section_means_a_message_and_nothing_made(editor_client):
    region = Region.objects.create(name="Region utan sida", slug="region-utan-sida")
    RegionSectionPage.objects.filter(region=region).delete()
    town = Municipality.objects.create(name="Sidlösa", slug="sidlosa", code="9977", region=region)
    submission = add_submission(municipality=town)
    pages_before = Page.objects.count()

    response = editor_client.post(convert_url(submission), follow=True)
    assert response.redirect_chain[-1][0] == inspect_url(submission)
    assert "Det finns ingen regionsida för fallstudier i Region utan sida" in response.text
    assert Page.objects.count() == pages_before
    submission.refresh_from_db()
    assert submission.case_study is None and submission.status == Status.NEW


def test_the_action_wants_a_post_with_a_csrf_token(editor):
    submission = add_submission()
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert strict.get(convert_url(submission)).status_code == 405
    assert strict.post(convert_url(submission)).status_code == 403
    assert not CaseStudyPage.objects.filter(title=submission.title).exists()


@pytest.mark.parametrize("pk", ["abc", "999999", str(10**30), "-1"])
def test_the_action_on_an_unknown_tip_is_a_404(editor_client, pk):
    url = reverse("wagtailsnippets_submissions_submission:make_case_study", args=[pk])
    assert editor_client.post(url).status_code == 404


def test_from_tip_to_live_case_study_through_review(client, editor):
    """Tip → draft → completed and sent to review → approved by a Redaktör → live; the tip's
    status follows."""
    writer = make_user("wilma", EDITORS)
    submission = add_submission()
    client.force_login(writer)
    client.post(convert_url(submission))
    page = CaseStudyPage.objects.get(title=submission.title)

    data = case_study_form_data(
        page,
        period="2021–2023",
        lessons_learned=rich_text("<p>Snabb kontakt hemmet gör skillnad.</p>"),
        body=streamfield(
            [
                ("heading", {"text": RESULTS_HEADING, "level": "h2"}),
                ("paragraph", rich_text(page.body[1].value.source)),
            ]
        ),
    )
    data["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    page = CaseStudyPage.objects.get(pk=page.pk)
    assert page.workflow_in_progress and not page.live
    assert editor.email in [address for message in mail.outbox for address in message.to]

    client.force_login(editor)
    task_state = page.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    assert client.post(approve, {"comment": "Bra."}).status_code == 302

    page = CaseStudyPage.objects.get(pk=page.pk)
    assert page.live
    assert page.period == "2021–2023"
    assert "Två coacher ringde hem samma dag." in page.what_was_done
    submission.refresh_from_db()
    assert submission.status == Status.PUBLISHED
    public = Client().get(page.url)
    assert public.status_code == 200
    assert "Två coacher ringde hem samma dag." in public.text


def test_handlers_are_active_users_with_the_permission(editor):
    superuser = make_user("sune")
    superuser.is_superuser = True
    superuser.save()
    gone = make_user("gunnel", EDITORS)
    gone.is_active = False
    gone.save()
    no_address = make_user("nils", EDITORS)
    no_address.email = ""
    no_address.save()
    make_user("ulla")
    assert set(handlers()) == {editor, superuser}


def test_old_tips_are_removed_by_the_command(editor_client):
    old = add_submission("Gammalt tips")
    editor_client.post(convert_url(old))
    page = CaseStudyPage.objects.get(title="Gammalt tips")
    Submission.objects.filter(pk=old.pk).update(
        created=timezone.now() - datetime.timedelta(days=366)
    )
    recent = add_submission("Nytt tips")
    Submission.objects.filter(pk=recent.pk).update(
        created=timezone.now() - datetime.timedelta(days=300)
    )

    call_command("remove_old_submissions", "--dry-run", stdout=(out := _Out()))
    assert "1 tips skulle tas bort." in out.text
    assert Submission.objects.filter(pk=old.pk).exists()

    call_command("remove_old_submissions", stdout=(out := _Out()))
    assert "1 tips togs bort." in out.text
    assert list(Submission.objects.values_list("title", flat=True)) == ["Nytt tips"]
    assert CaseStudyPage.objects.filter(pk=page.pk).exists()  # the site's own page stays


class _Out:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


def test_the_inspect_view_keeps_paragraphs_and_says_yes_or_no(editor_client):
    submission = add_submission(what_was_done=f"Första stycket.\nAndra raden {SCRIPT}")
    html = editor_client.get(inspect_url(submission)).text
    assert "Första stycket.<br>Andra raden &lt;script&gt;" in html
    consent = html.split("Samtycke till kontakt")[1][:200]
    assert "Ja" in consent and "True" not in consent


def test_an_editor_sets_the_status_in_the_edit_view(editor_client):
    submission = add_submission(f"Rubrik {SCRIPT}")
    url = reverse("wagtailsnippets_submissions_submission:edit", args=[submission.pk])
    response = editor_client.get(url)
    assert response.status_code == 200
    assert SCRIPT not in response.text
    form = response.context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["factors"] = [str(pk) for pk in data["factors"]]
    data["status"] = Status.DECLINED
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    submission.refresh_from_db()
    assert submission.status == Status.DECLINED
    assert submission.consent is True  # read-only in the admin
