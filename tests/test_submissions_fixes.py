"""The reviewer's findings on /tipsa/: a municipality outside the list, floods, ids the form
points at, the admin's words and times, and throwaway addresses."""

import datetime
import time
from html.parser import HTMLParser

from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from casestudies.models import CaseStudyPage
from pluginnovation.submissions import spam
from pluginnovation.submissions.models import Submission
from pluginnovation.taxonomy.models import Municipality, SuccessFactor
from tests.test_submissions_admin import add_submission, convert_url, editor, editor_client  # noqa: F401

pytestmark = pytest.mark.django_db

URL = "/tipsa/"
LIST_URL = "/admin/snippets/submissions/submission/"


@pytest.fixture(autouse=True)
def quick_form(settings):
    settings.SUBMISSIONS_MIN_SECONDS = 3
    settings.SUBMISSIONS_PER_HOUR = 1000


def valid_data(**changes):
    municipality = Municipality.objects.order_by("name").first()
    factors = SuccessFactor.objects.order_by("sort_order")[:2]
    data = {
        "title": "Närvarocoacher på introduktionsprogrammet",
        "school": "Testgymnasiet",
        "municipality": str(municipality.pk),
        "municipality_other": "",
        "factors": [str(factor.pk) for factor in factors],
        "what_was_done": "Två coacher ringde hem samma dag som en elev var frånvarande.",
        "results": "",
        "contact_name": "Kim Lärare",
        "contact_email": "kim@testgymnasiet.se",
        "consent": "on",
        spam.TIMESTAMP_FIELD: spam.new_token(time.time() - 60),
        spam.HONEYPOT_FIELD: "",
    }
    data.update(changes)
    return data


def post(client, **changes):
    return client.post(URL, valid_data(**changes))


# 1. A municipality that is not in the list


def test_a_municipality_outside_the_list_can_be_written(client):
    response = post(client, municipality="", municipality_other="  Stock\x07holm\n ")
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.municipality is None
    assert submission.municipality_other == "Stockholm"


def test_the_form_labels_the_free_text_municipality(client):
    html = client.get(URL).text
    assert "Kommun (om den inte finns i listan)" in html
    assert 'for="id_municipality_other"' in html
    assert 'maxlength="80"' in html


def test_neither_municipality_is_an_error_linked_from_the_summary(client):
    response = post(client, municipality="", municipality_other="   ")
    assert response.status_code == 200
    assert not Submission.objects.exists()
    html = response.text
    assert '<a href="#id_municipality">Välj kommunen i listan' in html
    assert 'id="municipality-error"' in html


def test_both_municipalities_is_an_error_too(client):
    response = post(client, municipality_other="Stockholm")
    assert response.status_code == 200
    assert not Submission.objects.exists()
    assert '<a href="#id_municipality_other">' in response.text
    assert "inte båda" in response.text


def test_the_free_text_municipality_is_at_most_80_characters(client):
    response = post(client, municipality="", municipality_other="K" * 81)
    assert response.status_code == 200
    assert "högst 80 tecken" in response.text
    assert not Submission.objects.exists()


def test_the_admin_shows_the_free_text_municipality(editor_client):  # noqa: F811
    submission = add_submission(municipality=None)
    Submission.objects.filter(pk=submission.pk).update(
        municipality=None, municipality_other="Uppsala"
    )
    url = reverse("wagtailsnippets_submissions_submission:inspect", args=[submission.pk])
    assert "Uppsala" in editor_client.get(url).text
    edit = reverse("wagtailsnippets_submissions_submission:edit", args=[submission.pk])
    assert 'name="municipality_other"' in editor_client.get(edit).text


def test_converting_a_tip_without_a_listed_municipality_says_what_to_do(editor_client):  # noqa: F811
    submission = add_submission()
    Submission.objects.filter(pk=submission.pk).update(
        municipality=None, municipality_other="Uppsala"
    )
    pages_before = CaseStudyPage.objects.count()
    response = editor_client.post(convert_url(submission), follow=True)
    assert CaseStudyPage.objects.count() == pages_before
    html = response.text
    assert "Välj kommunen på tipset först" in html
    assert "Uppsala" in html
    submission.refresh_from_db()
    assert submission.case_study is None


# 2. Floods


def test_at_most_three_tips_per_address_a_day(client):
    for number in range(3):
        assert post(client, title=f"Tips {number}").status_code == 302
    response = post(client, title="Tips 4", contact_email="KIM@testgymnasiet.se")
    assert response.status_code == 200
    assert Submission.objects.count() == 3
    assert "Vi har redan fått 3 tips från den här e-postadressen" in response.text
    assert 'value="Tips 4"' in response.text  # the form is kept
    assert '<a href="#id_contact_email">' in response.text


def test_tips_older_than_a_day_do_not_count_for_the_address(client):
    for number in range(3):
        post(client, title=f"Tips {number}")
    Submission.objects.update(created=timezone.now() - datetime.timedelta(hours=25))
    assert post(client, title="Tips 4").status_code == 302


def test_an_overall_hourly_cap_stores_nothing_and_sends_no_mail(client, settings):
    settings.SUBMISSIONS_MAX_PER_HOUR = 2
    assert post(client, contact_email="a@skola.se").status_code == 302
    assert post(client, contact_email="b@skola.se").status_code == 302
    mail.outbox.clear()
    response = post(client, contact_email="c@skola.se")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Just nu tar vi emot många tips" in response.text
    assert Submission.objects.count() == 2
    assert mail.outbox == []


def test_the_default_hourly_cap_is_sixty(settings):
    from pluginnovation.submissions.limits import max_per_hour

    del settings.SUBMISSIONS_MAX_PER_HOUR
    assert max_per_hour() == 60


# 3. Every aria-describedby points at an element that exists


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.referenced = set(), set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("aria-describedby", "aria-labelledby"):
            self.referenced.update((attrs.get(name) or "").split())


def missing_ids(html):
    parser = Ids()
    parser.feed(html)
    return parser.referenced - parser.ids


def test_every_described_by_id_exists_on_the_empty_form(client):
    assert missing_ids(client.get(URL).text) == set()


def test_every_described_by_id_exists_on_a_form_with_errors(client):
    response = client.post(URL, {spam.TIMESTAMP_FIELD: spam.new_token(time.time() - 60)})
    assert response.status_code == 200
    assert missing_ids(response.text) == set()


# 4. The admin's words and times; one-line titles


def test_the_list_column_is_swedish(editor_client):  # noqa: F811
    add_submission()
    html = editor_client.get(LIST_URL).text
    assert "Inskickat" in html
    assert ">Created<" not in html and "Created\n" not in html


def test_the_inspect_view_shows_local_time(editor_client):  # noqa: F811
    submission = add_submission()
    created = datetime.datetime(2026, 6, 1, 10, 5, tzinfo=datetime.UTC)
    Submission.objects.filter(pk=submission.pk).update(created=created)
    url = reverse("wagtailsnippets_submissions_submission:inspect", args=[submission.pk])
    html = editor_client.get(url).text
    assert "12:05" in html
    assert "10:05" not in html


def test_control_characters_are_stripped_from_the_title(client):
    assert post(client, title="Närvaro\r\ncoacher\x07\x1b ").status_code == 302
    assert Submission.objects.get().title == "Närvaro coacher"


def test_the_admin_edit_strips_control_characters_from_the_title(editor_client):  # noqa: F811
    submission = add_submission()
    submission.title = "Rad ett\r\nrad två\x07"
    submission.full_clean()
    assert submission.title == "Rad ett rad två"


# 5. Throwaway addresses


@pytest.mark.parametrize("address", ["x@mailinator.com", "x@sub.yopmail.com"])
def test_throwaway_addresses_are_refused(client, address):
    response = post(client, contact_email=address)
    assert response.status_code == 200
    assert not Submission.objects.exists()
    assert "tillfällig" in response.text
    assert '<a href="#id_contact_email">' in response.text


def test_the_editors_mail_names_the_written_municipality(
    client, django_capture_on_commit_callbacks
):
    from pluginnovation.editorial.roles import EDITORS
    from tests.editorial.support import make_user

    make_user("redaktor", EDITORS)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, municipality="", municipality_other="Uppsala")
    assert len(mail.outbox) == 1
    assert "Uppsala (skriven av avsändaren" in mail.outbox[0].body
