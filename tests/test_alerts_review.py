"""Bevaka, from a review: the wording of a change's confirmation mail, the strict address
check, the admin inspect view's values and a flood of values for one topic field."""

import datetime
import re
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

import pytest

from pluginnovation.alerts.models import Subscription
from pluginnovation.taxonomy.models import SuccessFactor

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/bevaka/bekrafta/[^/\s]+/)")
NEW_WARNING = "utan bekräftelse skickar vi inget mer, och adressen tas bort efter 7 dagar"
KEEPS = "Din nuvarande bevakning fortsätter oförändrad tills du bekräftar det nya valet"


@pytest.fixture(autouse=True)
def generous_limit(settings):
    settings.ALERTS_SUBSCRIBE_PER_HOUR = 1000


def factor(slug="samverkan"):
    return SuccessFactor.objects.get(slug=slug)


def form_data(email="anna@skola.se", **changes):
    data = {"email": email, "factors": [factor().pk], "consent": "on"}
    data.update(changes)
    return data


def html_of(message):
    return message.alternatives[0][0]


# 1. The confirmation mail of a new address and of an active subscription


def test_a_new_address_is_told_it_will_be_removed_without_confirmation(client):
    client.post("/bevaka/", form_data())
    message = mail.outbox[0]
    for text in (message.body, html_of(message)):
        assert NEW_WARNING in text
        assert KEEPS not in text
    assert message.subject == "Bekräfta din bevakning från PlugInnovation"


def test_an_active_subscriber_is_told_the_subscription_continues(client):
    client.post("/bevaka/", form_data())
    client.post(LINK.search(mail.outbox[0].body)[1])
    client.post("/bevaka/", form_data(factors=[factor("flexibilitet").pk]))
    message = mail.outbox[1]
    for text in (message.body, html_of(message)):
        assert NEW_WARNING not in text and "tas bort efter" not in text
        assert KEEPS in text
        assert "Flexibilitet" in text
    assert message.subject == "Bekräfta ändringen av din bevakning från PlugInnovation"
    assert "avsluta" in message.body


# 2. The address: a plain dot-atom local part of at most 64 characters

LOCAL_64 = "a" * 64
DOMAIN_189 = "b" * 62 + "." + "c" * 62 + "." + "d" * 60 + ".se"


@pytest.mark.parametrize(
    "email, message",
    [
        ('"<script>alert(1)</script>"@example.org', "före @ får bara"),
        ('"anna berg"@skola.se', "före @ får bara"),
        ('"anna"@skola.se', "före @ får bara"),
        (".anna@skola.se", "före @ får bara"),
        ("anna.@skola.se", "före @ får bara"),
        ("anna..berg@skola.se", "före @ får bara"),
        ("anna(kommentar)@skola.se", "före @ får bara"),
        ("anna\\berg@skola.se", "före @ får bara"),
        ("åsa@skola.se", "före @ får bara"),
        ("a@b@skola.se", "före @ får bara"),
        (LOCAL_64 + "a@skola.se", "högst 64 tecken"),
        (LOCAL_64 + "@" + "x" + DOMAIN_189, "högst 254 tecken"),  # 255 characters
    ],
)
def test_addresses_outside_a_plain_dot_atom_are_refused(client, email, message):
    response = client.post("/bevaka/", form_data(email=email))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html and 'href="#id_email"' in html
    assert "<script>alert(1)" not in html
    assert Subscription.objects.count() == 0 and len(mail.outbox) == 0


@pytest.mark.parametrize(
    "email",
    [
        LOCAL_64 + "@skola.se",
        "anna.berg+bevaka@skola.se",
        "o'brien@skola.se",
        "a!#$%&'*+/=?^_`{|}~-z@skola.se",
        LOCAL_64 + "@" + DOMAIN_189,  # 254 characters
    ],
)
def test_plain_addresses_within_the_limits_are_accepted(client, email):
    response = client.post("/bevaka/", form_data(email=email))
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [email]


# 3. The admin inspect view


def test_the_inspect_view_shows_swedish_values_and_local_time(client):
    client.post("/bevaka/", form_data())
    subscription = Subscription.objects.get()
    subscription.created_at = datetime.datetime(2026, 7, 1, 10, 5, tzinfo=datetime.UTC)
    subscription.save()
    client.force_login(get_user_model().objects.create_superuser("gr", "gr@gr.se", "pw"))
    html = client.get(f"/admin/bevakningar/inspect/{subscription.pk}/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "False" not in text and "None" not in text
    assert re.search(r"Nyheter\w* Nej", text), text
    assert re.search(r"[Bb]ekräftad\w* –", text), text
    assert re.search(r"[Ss]enaste utskick\w* –", text), text
    assert "2026-07-01 12:05" in text  # Stockholm summer time, not 10:05 UTC
    assert "10:05" not in text


def test_the_inspect_view_shows_yes_for_news_and_a_confirmed_time(client):
    client.post("/bevaka/", form_data(news="on"))
    client.post(LINK.search(mail.outbox[0].body)[1])
    subscription = Subscription.objects.get()
    subscription.confirmed_at = datetime.datetime(2026, 1, 15, 23, 30, tzinfo=datetime.UTC)
    subscription.save()
    client.force_login(get_user_model().objects.create_superuser("gr", "gr@gr.se", "pw"))
    html = client.get(f"/admin/bevakningar/inspect/{subscription.pk}/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert re.search(r"Nyheter\w* Ja", text), text
    assert "2026-01-16 00:30" in text  # Stockholm winter time


# 4. Thousands of values for one topic field

MANY = "Du kan välja högst 50"


def urlencoded(client, data):
    return client.post(
        "/bevaka/",
        urlencode(data, doseq=True),
        content_type="application/x-www-form-urlencoded",
    )


def test_thousands_of_values_for_a_topic_get_the_form_with_a_swedish_message(client):
    response = urlencoded(client, form_data(factors=[str(factor().pk)] * 5000))
    html = response.content.decode()
    assert response.status_code == 200
    assert MANY in html and 'href="#amnen"' in html
    assert 'value="anna@skola.se"' in html  # the rest of the form is kept
    assert Subscription.objects.count() == 0 and len(mail.outbox) == 0


def test_thousands_of_values_as_multipart_also_get_the_form(client):
    response = client.post("/bevaka/", form_data(projects=["1"] * 5000))
    assert response.status_code == 200
    assert MANY in response.content.decode()
    assert Subscription.objects.count() == 0


def test_thousands_of_unknown_fields_are_ignored(client):
    data = form_data()
    data.update({f"x{i}": "1" for i in range(5000)})
    response = urlencoded(client, data)
    assert response.status_code == 302 and len(mail.outbox) == 1


def test_up_to_fifty_values_are_read(client):
    pk = str(factor().pk)
    response = urlencoded(client, form_data(factors=[pk] * 50))
    assert response.status_code == 302
    assert Subscription.objects.get().pending["factors"] == [factor().pk]


def test_the_csrf_check_still_applies_to_the_bounded_form():
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(
        "/bevaka/",
        urlencode(form_data(), doseq=True),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 403 and Subscription.objects.count() == 0
    page = browser.get("/bevaka/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    response = browser.post(
        "/bevaka/",
        urlencode({**form_data(factors=["1"] * 5000), "csrfmiddlewaretoken": token}, doseq=True),
        content_type="application/x-www-form-urlencoded",
        headers={"Origin": "http://testserver"},
    )
    assert response.status_code == 200 and MANY in response.content.decode()
    response = browser.post(
        "/bevaka/",
        urlencode({**form_data(), "csrfmiddlewaretoken": token}, doseq=True),
        content_type="application/x-www-form-urlencoded",
        headers={"Origin": "http://testserver"},
    )
    assert response.status_code == 302 and Subscription.objects.count() == 1
