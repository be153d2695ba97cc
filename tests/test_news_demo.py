"""The demo news and events: created below the home page, idempotent, with real PDFs."""

import io
from collections import Counter

import pytest
from pypdf import PdfReader

from pluginnovation.news.demo import load_news
from pluginnovation.news.models import EventPage, NewsPage
from tests.factories import site_root

pytestmark = pytest.mark.django_db


def test_the_demo_news_and_events_load_once(client):
    home = site_root()
    created = Counter()
    news_index, event_index = load_news(home, created)
    assert (news_index.url, event_index.url) == ("/aktuellt/", "/evenemang/")
    again = Counter()
    load_news(home, again)
    assert again == Counter()

    news = NewsPage.objects.child_of(news_index).live()
    assert news.count() >= 5
    assert {n.date.year for n in news} >= {2015, 2016, 2017, 2018}
    assert all(n.factors.exists() and n.projects.exists() for n in news)

    response = client.get("/aktuellt/")
    assert response.status_code == 200
    assert client.get("/aktuellt/2017/").status_code == 200
    assert client.get("/aktuellt/rss/").status_code == 200
    for item in news:
        assert client.get(item.url).status_code == 200, item.url


def test_the_final_conference_has_its_presentations_as_pdfs(client):
    _news_index, event_index = load_news(site_root(), Counter())
    conference = EventPage.objects.child_of(event_index).get(slug="slutkonferens-plug-in-gr")
    assert conference.is_past
    assert conference.end is not None
    shown = conference.presentations_shown
    assert len(shown) == 3
    html = client.get(conference.url).content.decode()
    assert "Så blev dagen" in html
    for item in shown:
        document = item["document"]
        assert f'href="{document.url}"' in html
        response = client.get(document.url)
        assert response.status_code == 200
        content = b"".join(response.streaming_content) if response.streaming else response.content
        reader = PdfReader(io.BytesIO(content))
        text = " ".join(page.extract_text() for page in reader.pages)
        assert item["title"].split(" – ")[0] in text
        assert "Plug In GR:s slutkonferens" in text
    assert client.get(f"{conference.url}ics/").status_code == 200
    listing = client.get("/evenemang/")
    assert [e.slug for e in listing.context["past"]][:1] == ["slutkonferens-plug-in-gr"]
