"""A CDN in front is purged through Wagtail's frontend_cache when an editor publishes."""

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import CaseStudyPage

pytestmark = pytest.mark.django_db

PURGED = []


class RecordingBackend(BaseBackend):
    """Stands in for Cloudflare, CloudFront or Varnish: records what would be purged."""

    def purge(self, url):
        PURGED.append(url)

    def purge_batch(self, urls):
        PURGED.extend(urls)


@pytest.fixture
def cdn(settings):
    PURGED.clear()
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    return PURGED


def paths(urls):
    return {url.removeprefix("http://localhost") for url in urls}


def test_publishing_purges_the_page_its_section_and_the_listings(cdn):
    case = CaseStudyPage.objects.live().first()
    case.save_revision().publish()
    purged = paths(cdn)
    section = case.get_parent()
    assert {case.url, section.url, section.get_parent().url, "/"} <= purged
    assert {"/utforska/", "/framgangsfaktorer/", "/karta/", "/flode/"} <= purged
    assert {"/en/explore/", "/en/"} & purged or any(p.startswith("/en/") for p in purged)


def test_unpublishing_purges_the_page(cdn):
    case = CaseStudyPage.objects.live().first()
    url = case.url
    case.unpublish()
    assert url in paths(cdn)


def test_moving_purges_the_old_address_and_both_sections(cdn):
    case = CaseStudyPage.objects.live().first()
    old_url, old_section = case.url, case.get_parent()
    other = CaseStudyPage.objects.live().exclude(path__startswith=old_section.path).first()
    new_section = other.get_parent()
    case.move(new_section, pos="last-child")
    purged = paths(cdn)
    assert {old_url, old_section.url, new_section.url} <= purged


@pytest.mark.parametrize("change", ["added", "removed"])
def test_a_view_restriction_purges_the_page_and_everything_below_it(cdn, change):
    """Its public copies must go at once, not when the CDN's s-maxage runs out."""
    case = CaseStudyPage.objects.live().first()
    section = case.get_parent()
    restriction = PageViewRestriction.objects.create(page=section, restriction_type="login")
    if change == "removed":
        cdn.clear()
        restriction.delete()
    purged = paths(cdn)
    assert {section.url, case.url, "/utforska/"} <= purged


def test_nothing_is_purged_without_a_cdn(settings):
    PURGED.clear()
    settings.WAGTAILFRONTENDCACHE = {}
    CaseStudyPage.objects.live().first().save_revision().publish()
    assert PURGED == []


def test_publishing_purges_the_open_api_and_the_open_data_files(cdn):
    """What the API and the downloads say of a page changes with it: the page's API address, the
    API's pages listing without filters, /oppna-data/ and each of its files."""
    case = CaseStudyPage.objects.live().first()
    case.save_revision().publish()
    purged = paths(cdn)
    assert {f"/api/v2/pages/{case.pk}/", "/api/v2/pages/", "/oppna-data/"} <= purged
    assert {"/oppna-data/fallstudier.csv", "/oppna-data/resultat.json", "/oppna-data/allt.zip"} <= (
        purged
    )
