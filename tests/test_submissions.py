"""Tipsa om ett arbetssätt: the public form, its thank-you page, and what it refuses."""

import re
import time

from django.core import mail, signing
from django.test import Client

import pytest

from pluginnovation.editorial.roles import EDITORS
from pluginnovation.submissions import spam
from pluginnovation.submissions.models import Status, Submission
from pluginnovation.taxonomy.models import Municipality, SuccessFactor
from tests.editorial.support import make_user

pytestmark = pytest.mark.django_db

URL = "/tipsa/"


@pytest.fixture(autouse=True)
def quick_form(settings):
    settings.SUBMISSIONS_MIN_SECONDS = 3


def shown_seconds_ago(seconds):
    return spam.new_token(time.time() - seconds)


def valid_data(**changes):
    municipality = Municipality.objects.order_by("name").first()
    factors = SuccessFactor.objects.order_by("sort_order")[:2]
    data = {
        "title": "Närvarocoacher på introduktionsprogrammet",
        "school": "Testgymnasiet",
        "municipality": str(municipality.pk),
        "factors": [str(factor.pk) for factor in factors],
        "what_was_done": "Två coacher ringde hem samma dag som en elev var frånvarande.\n\n"
        "De träffade eleverna varje vecka.",
        "results": "Närvaron steg från 71 till 86 procent på ett år.",
        "contact_name": "Kim Lärare",
        "contact_email": "kim@testgymnasiet.se",
        "consent": "on",
        spam.TIMESTAMP_FIELD: shown_seconds_ago(60),
        spam.HONEYPOT_FIELD: "",
    }
    data.update(changes)
    return data


def post(client, **changes):
    return client.post(URL, valid_data(**changes))


def test_the_form_has_labels_fieldsets_and_says_how_long_data_is_kept(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.text
    assert "<h1>Tipsa om ett arbetssätt</h1>" in html
    assert "<legend>Vilka framgångsfaktorer handlar arbetssättet om?</legend>" in html
    for factor in SuccessFactor.objects.all():
        assert factor.name in html
    assert 'for="id_title"' in html and 'for="id_contact_email"' in html
    assert 'aria-describedby="title-hint"' in html
    assert "Vi sparar tipset och dina kontaktuppgifter i högst 12 månader" in html
    assert 'name="starttid"' in html
    trap = html[html.index('class="submission-trap"') :][:400]
    assert 'aria-hidden="true"' in trap
    assert 'tabindex="-1"' in trap and 'autocomplete="off"' in trap
    assert "no-store" in response["Cache-Control"]


def test_only_fields_that_may_be_left_empty_are_called_optional(client):
    """The municipality is one of two fields, one of which must be filled in: neither is
    optional, and the hints say how they go together."""
    html = client.get(URL).text
    labels = dict(re.findall(r'<label for="id_(\w+)">(.*?)</label>', html, re.S))
    assert "(valfritt)" in labels["contact_name"]
    for name in ("title", "school", "municipality", "municipality_other"):
        assert "(valfritt)" not in labels[name], name
    hint = re.search(r'id="municipality-hint">([^<]*)<', html).group(1)
    assert "skriv" in hint.lower()


def test_a_tip_is_stored_redirects_to_thanks_and_notifies_the_editors(
    client, django_capture_on_commit_callbacks
):
    editor = make_user("redaktor", EDITORS)
    make_user("vanlig")  # no permission: gets no mail
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client)
    assert response.status_code == 302
    assert response["Location"] == "/tipsa/tack/"

    submission = Submission.objects.get()
    assert submission.status == Status.NEW
    assert submission.school == "Testgymnasiet"
    assert submission.factors.count() == 2
    assert submission.consent is True and submission.show_contact is False

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Tack för ditt tips!" in thanks.text
    assert "”Närvarocoacher på introduktionsprogrammet”" in thanks.text
    assert "Närvarocoacher" not in client.get(response["Location"]).text  # shown once

    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert editor.email in recipients
    assert "vanlig@example.org" not in recipients
    message = next(m for m in mail.outbox if m.to == [editor.email])
    assert submission.title in message.subject
    assert submission.municipality.name in message.body
    assert f"http://testserver/admin/snippets/submissions/submission/inspect/{submission.pk}/" in (
        message.body
    )
    # Nothing about the sender beyond what is needed.
    assert "kim@testgymnasiet.se" not in message.body and "Kim Lärare" not in message.body


def test_the_error_summary_lists_the_errors_in_the_order_of_the_fields(client):
    """Also the municipality's, which is found after the fields' own checks."""
    response = post(client, title="", municipality="", municipality_other="", consent="")
    html = response.text
    summary = html[
        html.index('class="error-summary"') : html.index(
            "</ul>", html.index('class="error-summary"')
        )
    ]
    linked = re.findall(r'<a href="#(id_[a-z_0-9]+)">', summary)
    assert "id_municipality" in linked and len(linked) >= 3
    on_the_page = [re.search(rf'id="{anchor}"', html).start() for anchor in linked]
    assert on_the_page == sorted(on_the_page)


def test_errors_keep_everything_typed_and_link_from_the_summary(client):
    response = post(client, title="", factors=[], contact_email="inte-en-adress", consent="")
    assert response.status_code == 200
    html = response.text
    assert 'class="error-summary"' in html
    assert '<a href="#id_title">Skriv en rubrik för arbetssättet.</a>' in html
    assert '<a href="#id_factors_0">Välj minst en framgångsfaktor' in html
    assert '<a href="#id_contact_email">Skriv e-postadressen i formen namn@skola.se.</a>' in html
    assert '<a href="#id_consent">Kryssa i att vi får kontakta dig' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="title-error title-hint"' in html
    # What was typed is still there.
    assert "Testgymnasiet" in html
    assert "Två coacher ringde hem samma dag" in html
    assert 'value="inte-en-adress"' in html
    assert Submission.objects.count() == 0


def test_the_query_count_of_the_public_pages_is_bounded(client, django_assert_max_num_queries):
    client.get(URL)
    with django_assert_max_num_queries(15):
        assert client.get(URL).status_code == 200
    with django_assert_max_num_queries(15):
        assert post(client, title="").status_code == 200
    post(client)
    with django_assert_max_num_queries(15):
        assert client.get("/tipsa/tack/").status_code == 200


# Spam protection


def test_a_filled_honeypot_is_refused_and_the_form_kept(client):
    response = post(client, **{spam.HONEYPOT_FIELD: "http://spam.example"})
    assert response.status_code == 200
    assert spam.TRAP_FILLED in response.text
    assert "Testgymnasiet" in response.text
    assert "http://spam.example" not in response.text  # the trap comes back empty
    assert Submission.objects.count() == 0
    assert mail.outbox == []


def test_a_form_sent_too_fast_is_refused_then_accepted_when_sent_again_later(client):
    token = shown_seconds_ago(1)
    response = post(client, **{spam.TIMESTAMP_FIELD: token})
    assert response.status_code == 200
    assert spam.TOO_FAST in response.text
    assert f'value="{token}"' in response.text  # the clock keeps running from the first view
    assert "Närvarocoacher på introduktionsprogrammet" in response.text
    assert Submission.objects.count() == 0
    assert post(client, **{spam.TIMESTAMP_FIELD: shown_seconds_ago(5)}).status_code == 302


def test_a_form_sent_empty_at_once_names_what_is_missing_not_the_time(client):
    """The time check is the last thing between a tip and the editors: before the fields are
    right, "för snabbt" at the top of the list would only hide what to fix."""
    response = post(client, title="", **{spam.TIMESTAMP_FIELD: shown_seconds_ago(1)})
    assert response.status_code == 200
    assert spam.TOO_FAST not in response.text
    assert "title" in response.context["form"].errors


@pytest.mark.parametrize("shown", [1, 60], ids=["within the minimum time", "a minute later"])
def test_the_same_tip_sent_again_is_not_stored_twice(client, shown):
    """Back to the form after sending it: the browser fetches the form anew (a new time
    stamp), fills in what was typed, and Skicka sends the same tip again."""
    first = post(client)
    assert first.status_code == 302
    client.get(first["Location"])
    again = post(client, **{spam.TIMESTAMP_FIELD: shown_seconds_ago(shown)})
    assert again.status_code == 302 and again["Location"] == first["Location"]
    page = client.get(again["Location"]).text
    assert "Tipset har redan kommit fram" in page
    assert Submission.objects.count() == 1
    # Another tip from the same person is a tip of its own, and so is the same tip corrected.
    assert post(client, title="Ett annat arbetssätt").status_code == 302
    other = Municipality.objects.order_by("name")[1]
    assert post(client, municipality=str(other.pk), contact_name="Kim Rättad").status_code == 302
    assert Submission.objects.count() == 3


def test_the_minimum_time_is_a_setting(client, settings):
    settings.SUBMISSIONS_MIN_SECONDS = 0
    assert post(client, **{spam.TIMESTAMP_FIELD: spam.new_token()}).status_code == 302


@pytest.mark.parametrize(
    "token",
    [
        "",
        "abc",
        "x" * 5000,
        signing.dumps(int(time.time()) - 60, salt="another-salt"),
        signing.dumps("not-a-number", salt=spam.SALT),
        signing.dumps(True, salt=spam.SALT),
    ],
    ids=["missing", "garbage", "huge", "forged-salt", "not-a-number", "boolean"],
)
def test_a_forged_or_missing_time_stamp_is_refused_with_a_fresh_one(client, token):
    response = post(client, **{spam.TIMESTAMP_FIELD: token})
    assert response.status_code == 200
    assert spam.EXPIRED in response.text
    assert Submission.objects.count() == 0
    fresh = response.text.split('name="starttid" value="')[1].split('"')[0]
    assert spam.shown_at(fresh) is not None


def test_a_token_signed_more_than_a_day_ago_is_refused(client, monkeypatch):
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() - 25 * 60 * 60)
    old = spam.new_token()
    monkeypatch.setattr(time, "time", real_time)
    response = post(client, **{spam.TIMESTAMP_FIELD: old})
    assert response.status_code == 200
    assert spam.EXPIRED in response.text
    assert Submission.objects.count() == 0


def test_a_flood_from_one_address_gets_429(settings):
    settings.SUBMISSIONS_PER_HOUR = 3
    codes = [
        post(Client(REMOTE_ADDR="10.1.1.1"), title=f"Tips nummer {n}").status_code for n in range(5)
    ]
    assert codes == [302, 302, 302, 429, 429]
    assert Submission.objects.count() == 3
    last = post(Client(REMOTE_ADDR="10.1.1.1"))
    assert "Försök igen om en timme" in last.text
    # Another client and another contact address (three a day per address: limits.py).
    other = post(Client(REMOTE_ADDR="10.1.1.2"), contact_email="annan@testgymnasiet.se")
    assert other.status_code == 302


# Hostile input


@pytest.mark.parametrize("value", ["²", "-1", "abc", str(10**30), "0", "1.5", ""])
def test_unknown_municipality_ids_get_a_message(client, value):
    response = post(client, municipality=value)
    assert response.status_code == 200
    assert "error-summary" in response.text
    assert Submission.objects.count() == 0


@pytest.mark.parametrize("value", ["²", "-1", "abc", str(10**30), "999999"])
def test_unknown_factor_ids_get_a_message(client, value):
    response = post(client, factors=[value])
    assert response.status_code == 200
    assert "Välj bland de fyra framgångsfaktorerna." in response.text
    assert Submission.objects.count() == 0


def test_script_in_the_text_is_stored_as_text_and_escaped(client):
    script = '<script>alert("x")</script>'
    response = post(client, title=f"Rubrik {script}", what_was_done=f"Text {script}")
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert script in submission.title and script in submission.what_was_done
    thanks = client.get("/tipsa/tack/")
    assert script not in thanks.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in thanks.text


def test_script_in_a_form_with_errors_is_escaped(client):
    script = "<script>alert(1)</script>"
    response = post(client, title=script, school=script, contact_email="")
    assert script not in response.text
    assert "&lt;script&gt;" in response.text


def test_a_one_megabyte_body_gets_a_message_not_a_500(client):
    response = post(client, what_was_done="a" * 1_000_000)
    assert response.status_code == 200
    assert "Beskrivningen får vara högst 5000 tecken." in response.text
    assert Submission.objects.count() == 0


def test_a_body_past_the_upload_limit_is_a_400(client):
    response = post(client, what_was_done="a" * 3_000_000)
    assert response.status_code == 400
    assert Submission.objects.count() == 0


def test_a_title_too_long_and_a_newline_in_it(client):
    response = post(client, title="x" * 201)
    assert "Rubriken får vara högst 200 tecken." in response.text
    assert post(client, title="Rad ett\r\nBcc: a@b.se").status_code == 302
    assert Submission.objects.get().title == "Rad ett Bcc: a@b.se"


def test_missing_consent_is_refused(client):
    data = valid_data()
    del data["consent"]
    response = client.post(URL, data)
    assert "Kryssa i att vi får kontakta dig om tipset." in response.text
    assert Submission.objects.count() == 0


@pytest.mark.parametrize("address", ["kim", "kim@", "@skola.se", "kim@@skola.se", "a" * 300])
def test_invalid_e_mail_addresses_are_refused(client, address):
    response = post(client, contact_email=address)
    assert response.status_code == 200
    assert "error-summary" in response.text
    assert Submission.objects.count() == 0


def test_other_methods_are_refused(client):
    assert client.put(URL).status_code == 405
    assert client.post("/tipsa/tack/").status_code == 405


def test_the_thanks_page_alone_is_a_plain_thank_you(client):
    response = client.get("/tipsa/tack/")
    assert response.status_code == 200
    assert "Vi har tagit emot ditt tips." in response.text


def test_a_broken_mail_server_does_not_lose_the_tip(
    client, settings, django_capture_on_commit_callbacks
):
    make_user("redaktor", EDITORS)
    settings.EMAIL_BACKEND = "tests.test_submissions.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert post(client).status_code == 302
    assert len(callbacks) == 1
    assert Submission.objects.count() == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("no mail server")


def test_a_form_sent_back_is_named_fel_in_the_title_as_the_sites_other_forms(client):
    """Screen readers read the title first; the forms said "Fel:", "Fel i formuläret:" and
    "Rätta uppgifterna –" for the same thing."""
    for response in (post(client, title=""), client.post("/bevaka/", {"email": "inte-en-adress"})):
        title = re.search(r"<title>([^<]*)</title>", response.text).group(1)
        assert title.startswith("Fel: "), title
