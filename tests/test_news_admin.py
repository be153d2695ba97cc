"""Editors create news and events in the admin: the slug fills itself in, and what cannot be
saved is refused with a Swedish message."""

import datetime

from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from pluginnovation.news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from pluginnovation.taxonomy.models import SuccessFactor
from tests.test_news import clean_index

pytestmark = pytest.mark.django_db


def add_url(parent, model):
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def news_data(title, slug="", day="2017-04-28"):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": day,
            "summary": "Kort om nyheten.",
            "image_alt": "",
            "body": inline_formset([]) | {"count": "0"},
            "comments": inline_formset([]),
        }
    )
    data["factors"] = [str(SuccessFactor.objects.get(slug="samverkan").pk)]
    return data


def test_a_news_item_saves_without_a_slug(admin_client):
    index = clean_index(NewsIndexPage, "aktuellt", "Aktuellt")
    html = admin_client.get(add_url(index, NewsPage)).content.decode()
    assert 'data-w-sync-target-value="#id_slug"' in html
    response = admin_client.post(add_url(index, NewsPage), news_data("Plug Innan får 15 miljoner"))
    assert response.status_code == 302, response.context["form"].errors
    page = NewsPage.objects.get(title="Plug Innan får 15 miljoner")
    assert page.slug == "plug-innan-far-15-miljoner"
    assert [f.slug for f in page.factors.all()] == ["samverkan"]


def test_a_news_item_cannot_be_called_rss(admin_client):
    index = clean_index(NewsIndexPage, "aktuellt", "Aktuellt")
    response = admin_client.post(add_url(index, NewsPage), news_data("Flöde", slug="rss"))
    assert response.status_code == 200
    assert "används redan av nyhetsarkivet" in response.content.decode()
    assert not NewsPage.objects.filter(slug="rss").exists()


def test_a_news_item_dated_years_ahead_is_refused(admin_client):
    """Dated 2031 it was published without a word and stood first on /aktuellt/, the home
    page and the feed for years. A day a little ahead (an announcement) is still taken."""
    index = clean_index(NewsIndexPage, "aktuellt", "Aktuellt")
    ahead = (timezone.localdate() + datetime.timedelta(days=5 * 365)).isoformat()
    response = admin_client.post(add_url(index, NewsPage), news_data("Framtid", day=ahead))
    assert response.status_code == 200
    assert "Datumet ligger mer än en månad fram" in " ".join(
        response.context["form"].errors["date"]
    )
    assert not NewsPage.objects.filter(title="Framtid").exists()
    soon = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    response = admin_client.post(add_url(index, NewsPage), news_data("Snart", day=soon))
    assert response.status_code == 302, response.context["form"].errors


def event_data(title, start, end):
    return nested_form_data(
        {
            "title": title,
            "slug": "",
            "summary": "En konferens.",
            "start": start,
            "end": end,
            "place": "Göteborg",
            "organiser": "GR",
            "registration_url": "",
            "report": rich_text(""),
            "programme": inline_formset([]) | {"count": "0"},
            "presentations": inline_formset([]) | {"count": "0"},
            "comments": inline_formset([]),
        }
    )


def test_an_event_saves_and_its_end_must_follow_its_start(admin_client):
    index = clean_index(EventIndexPage, "evenemang", "Evenemang")
    html = admin_client.get(add_url(index, EventPage)).content.decode()
    assert "Efter evenemanget" in html
    bad = admin_client.post(
        add_url(index, EventPage), event_data("Baklänges", "2030-05-02 13:00", "2030-05-02 09:00")
    )
    assert bad.status_code == 200
    assert "Evenemanget kan inte sluta innan det börjar." in bad.content.decode()
    good = admin_client.post(
        add_url(index, EventPage), event_data("Vårkonferens", "2030-05-02 09:00", "")
    )
    assert good.status_code == 302, good.context["form"].errors
    page = EventPage.objects.get(title="Vårkonferens")
    assert page.slug == "varkonferens" and page.end is None
    assert page.ends_at is not None
