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
