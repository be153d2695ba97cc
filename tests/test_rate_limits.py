"""Things kept for months (assessments, collections) cannot be created in a loop: past a
number per hour from one address, a friendly Swedish 429 page instead, and nothing stored."""

from django.core.cache import cache
from django.test import Client

import pytest

from methods.models import MethodPage
from pluginnovation.assessment.models import Assessment
from pluginnovation.saved.models import Collection

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def test_a_bot_saving_without_cookies_stops_creating_collections(settings):
    settings.SAVED_NEW_PER_HOUR = 3
    page = MethodPage.objects.live().first()
    before = Collection.objects.count()
    answers = []
    for _ in range(5):
        bot = Client()  # a new client each time: no session cookie, as a bot sends none
        response = bot.post(
            "/samling/spara/", {"sida": page.pk, "next": "/"}, HTTP_ORIGIN="http://testserver"
        )
        answers.append(response.status_code)
    assert answers == [302, 302, 302, 429, 429]
    assert Collection.objects.count() == before + 3
    assert "Försök igen om en timme" in response.content.decode()


def test_a_visitor_with_a_collection_keeps_saving_past_the_limit(client, settings):
    settings.SAVED_NEW_PER_HOUR = 1
    pages = list(MethodPage.objects.live()[:4])
    for page in pages:
        response = client.post(
            "/samling/spara/", {"sida": page.pk, "next": "/"}, HTTP_ORIGIN="http://testserver"
        )
        assert response.status_code == 302
    assert Collection.objects.get().items.count() == 4


def test_another_address_is_counted_apart(settings):
    settings.ASSESSMENT_NEW_PER_HOUR = 1
    first, second = Client(REMOTE_ADDR="10.0.0.1"), Client(REMOTE_ADDR="10.0.0.2")
    assert first.post("/sjalvskattning/ny/").status_code == 302
    assert first.post("/sjalvskattning/ny/").status_code == 429
    assert second.post("/sjalvskattning/ny/").status_code == 302
    assert Assessment.objects.count() == 2


def request_from(address):
    from django.test import RequestFactory

    return RequestFactory().get("/", REMOTE_ADDR=address)


def test_an_ipv6_client_is_counted_by_its_64_network():
    """A home or a host gets a whole /64 and may use any address in it: counting single
    addresses would let one client try without end."""
    from pluginnovation.ratelimit import allow

    same_network = [f"2001:db8:1:2::{n:x}" for n in range(1, 6)]
    answers = [allow(request_from(address), "prov", 3) for address in same_network]
    assert answers == [True, True, True, False, False]
    assert allow(request_from("2001:db8:1:3::1"), "prov", 3)  # the next /64: another client
    # IPv4, and IPv4 written as IPv6, by the whole address.
    assert [allow(request_from("192.0.2.1"), "prov", 1) for _ in range(2)] == [True, False]
    assert allow(request_from("::ffff:192.0.2.1"), "prov", 1) is False
    assert allow(request_from("192.0.2.2"), "prov", 1)
    assert [allow(request_from(r), "prov", 1) for r in ("inte en adress", "")] == [True, False]
