"""Every page of the demo site is served to a visitor, with DEBUG off as in production."""

from wagtail.models import Page, Site

import pytest

pytestmark = pytest.mark.django_db


def live_pages():
    return Page.objects.live().public().filter(depth__gt=1).specific()


def test_the_home_page_is_the_sites_root():
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class.__name__ == "HomePage"


def test_every_live_page_answers_200_in_swedish(client):
    pages = list(live_pages())
    assert len(pages) > 30
    failures = []
    for page in pages:
        response = client.get(page.url)
        if response.status_code != 200 or b'lang="sv"' not in response.content:
            failures.append((page.url, response.status_code))
    assert failures == []


def test_an_unknown_address_answers_404(client):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
