"""Bevaka (/bevaka/): the form and its checks, double opt-in, the signed links, unsubscribing,
hostile input and the admin list."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail, signing
from django.test import Client
from django.utils import timezone

import pytest

from pluginnovation.alerts import tokens
from pluginnovation.alerts.digest import remove_expired
from pluginnovation.alerts.disposable import is_disposable
from pluginnovation.alerts.models import CONFIRMATIONS_PER_DAY, Subscription
from pluginnovation.editorial.roles import EDITORS
from pluginnovation.taxonomy.models import Project, SuccessFactor
from tests.factories import (
    CaseStudyIndexPageFactory,
    RegionFactory,
    RegionSectionPageFactory,
    site_root,
)
from tests.query_ceiling import CEILING

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/bevaka/(bekrafta|avsluta)/[^/\s]+/)")


@pytest.fixture(autouse=True)
def generous_limit(settings):
    settings.ALERTS_SUBSCRIBE_PER_HOUR = 1000


def factor(slug="samverkan"):
    return SuccessFactor.objects.get(slug=slug)


def form_data(email="anna@skola.se", **changes):
    data = {"email": email, "factors": [factor().pk], "consent": "on"}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def subscribe(client, **changes):
    return client.post("/bevaka/", form_data(**changes))


def link(message, kind):
    """The path of the confirmation or unsubscribe link in a mail's text."""
    paths = [m.group(1) for m in LINK.finditer(message.body) if m.group(2) == kind]
    assert paths, message.body
    return paths[0]


# The form


def test_the_form_lists_every_topic_and_states_the_consent(client):
    response = client.get("/bevaka/")
    html = response.content.decode()
    assert response.status_code == 200
    for term in list(SuccessFactor.objects.all()) + list(Project.objects.all()):
        assert f'value="{term.pk}"' in html and term.name in html
    assert 'name="news"' in html and 'name="consent"' in html
    for part in ("Vad vi sparar", "Varför", "Hur länge", "Avsluta"):
        assert part in html
    assert response["Cache-Control"] == "private, no-store"


def test_a_link_from_a_factor_page_ticks_that_factor(client):
    html = client.get("/bevaka/?faktor=samverkan&nyheter=1").content.decode()
    assert re.search(rf'value="{factor().pk}"[^>]*checked', html)
    assert re.search(r'name="news"[^>]*checked', html)
    assert client.get("/bevaka/?faktor=%00<x>&projekt=" + "a" * 5000).status_code == 200


def test_a_region_can_be_followed_from_its_case_studies(client):
    section = RegionSectionPageFactory(
        region=RegionFactory(name="Zyxregionen"),
        parent=CaseStudyIndexPageFactory(parent=site_root()),
    )
    html = client.get(section.url).content.decode()
    follow = re.search(r'href="(/bevaka/\?region=[^"]+)">Bevaka nytt innehåll från Zyxreg', html)
    assert follow, html[-3000:]
    form = client.get(follow.group(1).replace("&amp;", "&")).content.decode()
    assert re.search(rf'name="regions" value="{section.region.pk}"[^>]*checked', form)
    assert "Zyxregionen" in form
    # An unknown or odd region ticks nothing and still gives the form.
    for odd in ("okand", "%00<x>", "a" * 5000, "²"):
        response = client.get(f"/bevaka/?region={odd}")
        assert response.status_code == 200
        assert not re.search(r'name="regions"[^>]*checked', response.content.decode())


def test_a_region_alone_is_a_topic_and_is_confirmed(client):
    region = RegionFactory(name="Zyxbygden")
    subscribe(client, factors=None, regions=[region.pk])
    subscription = Subscription.objects.get()
    assert subscription.pending["regions"] == [region.pk]
    message = mail.outbox[0]
    assert "Zyxbygden" in message.body
    confirm_page = client.get(link(message, "bekrafta")).content.decode()
    assert 'Zyxbygden <span class="alerts-muted">(region)</span>' in confirm_page
    client.post(link(message, "bekrafta"))
    subscription.refresh_from_db()
    assert list(subscription.regions.all()) == [region]
    assert list(subscription.factors.all()) == []


def test_a_choice_stored_before_regions_were_offered_still_confirms(client):
    subscribe(client)
    subscription = Subscription.objects.get()
    subscription.pending = {"factors": [factor().pk], "projects": [], "news": True}
    subscription.save()
    client.post(link(mail.outbox[0], "bekrafta"))
    subscription.refresh_from_db()
    assert list(subscription.factors.all()) == [factor()]
    assert list(subscription.regions.all()) == [] and subscription.news


def test_subscribing_sends_one_confirmation_and_nothing_else(client):
    response = subscribe(client)
    assert response.status_code == 302 and response["Location"] == "/bevaka/skickat/"
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    assert subscription.pending == {
        "factors": [factor().pk],
        "projects": [],
        "regions": [],
        "news": False,
    }
    assert list(subscription.factors.all()) == []  # nothing active before confirmation
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@skola.se"]
    assert "Samverkan" in message.body
    assert link(message, "bekrafta")
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<http://testserver/bevaka/avsluta/"
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.alternatives[0][1] == "text/html"
    # The token names no address.
    assert "anna" not in link(message, "bekrafta") and "anna" not in link(message, "avsluta")
    assert "Kolla din e-post" in client.get("/bevaka/skickat/").content.decode()


def test_the_address_is_stored_with_its_domain_in_lower_case(client):
    subscribe(client, email="  Anna.Berg@Skola.SE ")
    assert Subscription.objects.get().email == "Anna.Berg@skola.se"


@pytest.mark.parametrize(
    "email, message",
    [
        ("", "Skriv din e-postadress."),
        ("inte-en-adress", "Skriv en giltig e-postadress"),
        ("anna@", "Skriv en giltig e-postadress"),
        ("anna@skola", "Skriv en giltig e-postadress"),
        ("a@b.se\nBcc: x@y.se", "Skriv en giltig e-postadress"),
        ("a" * 250 + "@skola.se", "högst 254 tecken"),
        ("a" * 10_000 + "@skola.se", "högst 254 tecken"),
        ("anna@mailinator.com", "tillfällig e-posttjänst"),
        ("anna@mx.Yopmail.com", "tillfällig e-posttjänst"),
    ],
)
def test_bad_addresses_get_a_swedish_message_and_nothing_is_stored(client, email, message):
    response = subscribe(client, email=email)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'class="error-summary"' in html and 'href="#id_email"' in html
    assert 'aria-invalid="true"' in html
    assert Subscription.objects.count() == 0 and len(mail.outbox) == 0


def test_disposable_domains_are_matched_whole():
    assert is_disposable("mailinator.com") and is_disposable("a.b.guerrillamail.com")
    assert not is_disposable("notmailinator.com") and not is_disposable("skola.se")


def test_script_in_the_address_is_escaped(client):
    response = subscribe(client, email='<script>alert("x")</script>@skola.se')
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert Subscription.objects.count() == 0


def test_no_topic_and_no_consent_are_explained(client):
    response = client.post("/bevaka/", {"email": "anna@skola.se"})
    html = response.content.decode()
    assert "Välj minst ett ämne" in html and 'href="#amnen"' in html
    assert "godkänna att vi sparar" in html and 'href="#id_consent"' in html
    assert Subscription.objects.count() == 0


@pytest.mark.parametrize("junk", ["²", "-1", "abc", str(10**30), "1.5", "", "0x1", "1 OR 1=1"])
def test_unknown_topic_ids_are_refused_without_an_error(client, junk):
    response = subscribe(client, factors=[junk], projects=[junk])
    assert response.status_code == 200
    assert "Välj bland ämnena i listan." in response.content.decode()
    assert Subscription.objects.count() == 0
    # A region alone, as the region pages' link sends it.
    response = subscribe(client, factors=None, regions=[junk])
    assert response.status_code == 200
    assert "Välj bland ämnena i listan." in response.content.decode()
    assert Subscription.objects.count() == 0


def test_too_many_topic_values_are_refused(client):
    response = subscribe(client, factors=[str(factor().pk)] * 500)
    assert response.status_code == 200
    assert Subscription.objects.count() == 0


def test_a_huge_body_is_refused_without_a_server_error(client):
    response = client.post(
        "/bevaka/", {"email": "a@skola.se", "consent": "on", "x": "y" * 4_000_000}
    )
    assert response.status_code in (400, 413)
    assert Subscription.objects.count() == 0


def test_only_get_and_post(client):
    assert client.put("/bevaka/").status_code == 405


# One row per address, bounded mails


def test_a_hundred_subscriptions_of_one_address_make_one_row_and_few_mails(client):
    for n in range(100):
        email = "Anna@Skola.se" if n % 2 else "anna@skola.se"
        response = subscribe(client, email=email, news="on" if n == 99 else None)
        assert response.status_code == 302 and response["Location"] == "/bevaka/skickat/"
    assert Subscription.objects.count() == 1
    assert len(mail.outbox) == CONFIRMATIONS_PER_DAY
    # The newest choice is the one awaiting confirmation.
    assert Subscription.objects.get().pending["news"] is True


def test_the_daily_bound_starts_again_the_next_day(client):
    for _ in range(CONFIRMATIONS_PER_DAY + 1):
        subscribe(client)
    subscription = Subscription.objects.get()
    subscription.confirmations_on -= datetime.timedelta(days=1)
    subscription.save()
    subscribe(client)
    assert len(mail.outbox) == CONFIRMATIONS_PER_DAY + 1


def test_the_answer_does_not_tell_whether_an_address_is_subscribed(client):
    subscribe(client)
    confirm_path = link(mail.outbox[0], "bekrafta")
    client.post(confirm_path)
    known = subscribe(client)
    unknown = subscribe(client, email="okand@skola.se")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_a_flood_from_one_client_gets_429(settings):
    settings.ALERTS_SUBSCRIBE_PER_HOUR = 5
    flooder = Client(REMOTE_ADDR="10.9.9.9")
    answers = [
        flooder.post("/bevaka/", form_data(email=f"x{n}@skola.se")).status_code for n in range(8)
    ]
    assert answers == [302] * 5 + [429] * 3
    response = flooder.post("/bevaka/", form_data())
    assert "Försök igen om en timme" in response.content.decode()
    assert Subscription.objects.count() == 5
    # Another client is counted apart.
    assert Client(REMOTE_ADDR="10.9.9.8").post("/bevaka/", form_data()).status_code == 302


# Confirming


def test_get_on_the_confirmation_link_changes_nothing(client):
    subscribe(client)
    path = link(mail.outbox[0], "bekrafta")
    response = client.get(path)
    assert response.status_code == 200
    assert "Ja, starta bevakningen" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "same-origin"
    assert Subscription.objects.get().confirmed_at is None


def test_post_on_the_confirmation_link_starts_the_subscription(client):
    subscribe(client, news="on")
    response = client.post(link(mail.outbox[0], "bekrafta"))
    assert response.status_code == 200
    assert "Bevakningen är bekräftad" in response.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is not None and subscription.pending is None
    assert list(subscription.factors.all()) == [factor()] and subscription.news is True
    again = client.get(link(mail.outbox[0], "bekrafta"))
    assert "redan bekräftad" in again.content.decode()


def test_confirming_needs_the_csrf_token():
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.post("/bevaka/", form_data())  # refused: no token
    assert Subscription.objects.count() == 0
    Client().post("/bevaka/", form_data())
    response = csrf_client.post(link(mail.outbox[0], "bekrafta"))
    assert response.status_code == 403
    assert Subscription.objects.get().confirmed_at is None


def test_the_confirm_form_works_as_a_browser_sends_it():
    """With the page's own CSRF token and Origin, as Chromium sends them under the page's
    Referrer-Policy (with "no-referrer" it would send "Origin: null" and be refused)."""
    browser = Client(enforce_csrf_checks=True)
    Client().post("/bevaka/", form_data())
    path = link(mail.outbox[0], "bekrafta")
    page = browser.get(path)
    assert page["Referrer-Policy"] != "no-referrer"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    response = browser.post(
        path, {"csrfmiddlewaretoken": token}, headers={"Origin": "http://testserver"}
    )
    assert response.status_code == 200
    assert Subscription.objects.get().confirmed_at is not None


def test_the_error_summary_follows_the_forms_order(client):
    html = client.post("/bevaka/", {"email": "fel"}).content.decode()
    start = html.index('class="error-summary"')
    summary = html[start : html.index("</ul>", start)]
    anchors = re.findall(r'href="#([^"]+)"', summary)
    assert anchors == ["id_email", "amnen", "id_consent"]


def test_a_new_choice_of_a_confirmed_address_waits_for_its_own_confirmation(client):
    subscribe(client)
    client.post(link(mail.outbox[0], "bekrafta"))
    first_confirmed = Subscription.objects.get().confirmed_at
    other = factor("flexibilitet")
    subscribe(client, factors=[other.pk])
    subscription = Subscription.objects.get()
    assert list(subscription.factors.all()) == [factor()]  # unchanged until confirmed
    response = client.get(link(mail.outbox[1], "bekrafta"))
    assert "Bekräfta ändringen" in response.content.decode()
    client.post(link(mail.outbox[1], "bekrafta"))
    subscription.refresh_from_db()
    assert list(subscription.factors.all()) == [other]
    assert subscription.confirmed_at == first_confirmed


def sign(value, salt, age=datetime.timedelta(0)):
    signer = signing.TimestampSigner(salt=salt)
    signer.timestamp = lambda: signing.b62_encode(int((timezone.now() - age).timestamp()))
    return signer.sign_object(value)


@pytest.mark.parametrize(
    "kind, salt", [("bekrafta", tokens.CONFIRM_SALT), ("avsluta", tokens.UNSUBSCRIBE_SALT)]
)
def test_forged_expired_and_tampered_tokens_get_a_message_not_an_error(client, kind, salt):
    subscribe(client)
    key = Subscription.objects.get().key
    good = link(mail.outbox[0], kind).split("/")[3]
    other_salt = tokens.UNSUBSCRIBE_SALT if salt == tokens.CONFIRM_SALT else tokens.CONFIRM_SALT
    expired_age = datetime.timedelta(days=8 if kind == "bekrafta" else 400)
    cases = {
        "tampered": good[:-3] + ("aaa" if not good.endswith("aaa") else "bbb"),
        "forged": signing.dumps(key, salt=salt, key="not-the-secret-key-at-all"),
        "wrong kind": signing.dumps(key, salt=other_salt),
        "expired": sign(key, salt, expired_age),
        "not a string": signing.dumps({"key": key}, salt=salt),
        "junk": "abc",
        "colons": "::::",
        "long": "a" * 5000,
        "unicode": "%C2%B2%C3%A5",
    }
    for name, token in cases.items():
        for method in (client.get, client.post):
            response = method(f"/bevaka/{kind}/{token}/")
            assert response.status_code in (400, 404), (name, response.status_code)
            html = response.content.decode()
            assert "Länken" in html, name
    expired = client.get(f"/bevaka/{kind}/{cases['expired']}/").content.decode()
    assert "slutat gälla" in expired
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None


# Unsubscribing


def test_get_on_the_unsubscribe_link_asks_first(client):
    subscribe(client)
    path = link(mail.outbox[0], "avsluta")
    response = client.get(path)
    assert response.status_code == 200 and "Ja, avsluta bevakningen" in response.content.decode()
    assert Subscription.objects.count() == 1


def test_one_click_unsubscribe_needs_no_csrf_token_and_deletes_the_row():
    client = Client(enforce_csrf_checks=True)
    Client().post("/bevaka/", form_data())
    header = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    response = client.post(header, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "avslutad" in response.content.decode()
    assert Subscription.objects.count() == 0
    again = client.post(header)
    assert again.status_code == 200 and "redan avslutad" in again.content.decode()


def test_an_old_unsubscribe_link_does_not_end_a_later_subscription(client):
    subscribe(client)
    old = link(mail.outbox[0], "avsluta")
    client.post(old)
    subscribe(client)
    client.post(old)
    assert Subscription.objects.count() == 1


# Clean-up


def test_unconfirmed_rows_go_after_the_links_expiry(client):
    subscribe(client)
    subscribe(client, email="bo@skola.se")
    Subscription.objects.filter(email="bo@skola.se").update(
        requested_at=timezone.now() - datetime.timedelta(days=8)
    )
    assert remove_expired(timezone.now()) == 1
    assert list(Subscription.objects.values_list("email", flat=True)) == ["anna@skola.se"]


# Query ceiling


def test_the_alert_pages_stay_within_the_query_ceiling(client, django_assert_max_num_queries):
    client.get("/")  # the menu and footer are cached by the first page
    subscribe(client)
    confirm = link(mail.outbox[0], "bekrafta")
    unsubscribe = link(mail.outbox[0], "avsluta")
    for method, path, data in [
        (client.get, "/bevaka/", None),
        (client.post, "/bevaka/", form_data()),
        (client.post, "/bevaka/", form_data(email="fel")),
        (client.get, "/bevaka/skickat/", None),
        (client.get, confirm, None),
        (client.post, confirm, None),
        (client.get, unsubscribe, None),
        (client.post, unsubscribe, None),
        (client.get, "/bevaka/bekrafta/fel/", None),
    ]:
        with django_assert_max_num_queries(CEILING):
            response = method(path, data) if data else method(path)
        assert response.status_code < 500


# Admin


def admin_user(username, *, superuser=False, group=None, perms=()):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@gr.se", "pw")
    user = User.objects.create_user(username, password="pw")
    if group:
        user.groups.add(Group.objects.get(name=group))
    for codename in perms:
        from django.contrib.auth.models import Permission

        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def test_superusers_see_the_subscriptions_but_cannot_add_or_edit(client):
    subscribe(client)
    subscription = Subscription.objects.get()
    client.force_login(admin_user("gr", superuser=True))
    index = client.get("/admin/bevakningar/")
    assert index.status_code == 200 and "anna@skola.se" in index.content.decode()
    assert "Bevakningar" in client.get("/admin/").content.decode()
    assert client.get(f"/admin/bevakningar/inspect/{subscription.pk}/").status_code == 200
    assert client.get("/admin/bevakningar/new/").status_code in (302, 403)
    assert client.get(f"/admin/bevakningar/edit/{subscription.pk}/").status_code in (302, 403)
    response = client.post(f"/admin/bevakningar/delete/{subscription.pk}/")
    assert response.status_code == 302 and Subscription.objects.count() == 0


def test_central_editors_are_refused_the_subscriptions(client):
    subscribe(client)
    subscription = Subscription.objects.get()
    client.force_login(admin_user("rita", group=EDITORS))
    for path in (
        "/admin/bevakningar/",
        f"/admin/bevakningar/inspect/{subscription.pk}/",
        f"/admin/bevakningar/delete/{subscription.pk}/",
    ):
        response = client.get(path)
        assert response.status_code in (302, 403), path
        assert "anna@skola.se" not in response.content.decode()
    assert client.post(f"/admin/bevakningar/delete/{subscription.pk}/").status_code in (302, 403)
    assert Subscription.objects.count() == 1
    assert "/admin/bevakningar/" not in client.get("/admin/").content.decode()


def test_a_user_given_the_view_permission_sees_the_list(client):
    subscribe(client)
    client.force_login(admin_user("dpo", group=EDITORS, perms=["view_subscription"]))
    response = client.get("/admin/bevakningar/")
    assert response.status_code == 200 and "anna@skola.se" in response.content.decode()
    assert client.post(
        f"/admin/bevakningar/delete/{Subscription.objects.get().pk}/"
    ).status_code in (302, 403)
    assert Subscription.objects.count() == 1


def test_the_confirmation_link_uses_the_sites_own_address_not_the_requests_host(client, settings):
    """A site answering to several names (www and the bare domain) mailed a live token to
    whichever name the request gave; the mails are written with the site's own address."""
    settings.ALLOWED_HOSTS = ["testserver", "annat-namn.example"]
    response = client.post("/bevaka/", form_data(), HTTP_HOST="annat-namn.example")
    assert response.status_code == 302
    body = mail.outbox[-1].body
    assert "annat-namn.example" not in body
    assert link(mail.outbox[-1], "bekrafta")
