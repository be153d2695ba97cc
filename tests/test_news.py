"""News at /aktuellt/: order, year archive, paging, RSS, visibility, the home page's latest news
and the query ceiling."""

import datetime
import xml.etree.ElementTree as ET

from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import RequestFactory

from wagtail.models import PageViewRestriction

import pytest
from wagtail_factories import ImageFactory

from pluginnovation.news.models import NEWS_PER_PAGE, EventIndexPage, NewsIndexPage, NewsPage
from tests.factories import factors, site_root
from tests.query_ceiling import measure

pytestmark = pytest.mark.django_db


def clean_index(model, slug, title):
    """The site's index page of `model` (the demo's, or a new one) with no children."""
    home = site_root()
    index = home.get_children().filter(slug=slug).first()
    if index is None:
        index = model(title=title, slug=slug)
        home.add_child(instance=index)
    for child in index.get_children():
        child.delete()
    return index.specific


@pytest.fixture
def news_index():
    return clean_index(NewsIndexPage, "aktuellt", "Aktuellt")


def add_news(index, title, date, live=True, **fields):
    fields.setdefault("summary", f"Kort om {title}.")
    page = NewsPage(title=title, date=date, live=live, **fields)
    index.add_child(instance=page)
    return page


def make_private(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )


def listed_titles(response):
    return [item.title for item in response.context["items"]]


def test_news_are_listed_newest_first(client, news_index):
    add_news(news_index, "Äldst", datetime.date(2016, 10, 31))
    add_news(news_index, "Nyast", datetime.date(2018, 3, 6))
    add_news(news_index, "Mitten", datetime.date(2017, 4, 28))
    response = client.get("/aktuellt/")
    assert response.status_code == 200
    assert listed_titles(response) == ["Nyast", "Mitten", "Äldst"]
    html = response.content.decode()
    assert html.index("Nyast") < html.index("Mitten") < html.index("Äldst")
    assert '<time class="news-date" datetime="2018-03-06">6 mars 2018</time>' in html


def test_drafts_and_private_news_are_never_listed_or_fed(client, news_index):
    add_news(news_index, "Synlig nyhet", datetime.date(2017, 1, 1))
    add_news(news_index, "Utkast till nyhet", datetime.date(2017, 2, 1), live=False)
    make_private(add_news(news_index, "Lösenordsskyddad nyhet", datetime.date(2017, 3, 1)))
    for url in ("/aktuellt/", "/aktuellt/2017/", "/aktuellt/rss/"):
        html = client.get(url).content.decode()
        assert "Synlig nyhet" in html, url
        assert "Utkast till nyhet" not in html, url
        assert "Lösenordsskyddad" not in html, url
    latest = Template("{% load news_tags %}{% latest_news %}").render(Context({}))
    assert "Synlig nyhet" in latest
    assert "Utkast" not in latest and "Lösenordsskyddad" not in latest


def test_a_year_with_only_hidden_news_has_no_archive(client, news_index):
    add_news(news_index, "Synlig", datetime.date(2017, 1, 1))
    add_news(news_index, "Utkast", datetime.date(2015, 1, 1), live=False)
    make_private(add_news(news_index, "Privat", datetime.date(2014, 1, 1)))
    response = client.get("/aktuellt/")
    assert response.context["years"] == [2017]
    assert client.get("/aktuellt/2015/").status_code == 404
    assert client.get("/aktuellt/2014/").status_code == 404


def test_the_year_archive_lists_that_year_only(client, news_index):
    add_news(news_index, "Från 2017", datetime.date(2017, 4, 28))
    add_news(news_index, "Också 2017", datetime.date(2017, 12, 31))
    add_news(news_index, "Från 2018", datetime.date(2018, 1, 1))
    response = client.get("/aktuellt/2017/")
    assert response.status_code == 200
    assert listed_titles(response) == ["Också 2017", "Från 2017"]
    html = response.content.decode()
    assert "<h1>Aktuellt 2017</h1>" in html
    # Its own canonical address, and the archive links mark the current year.
    assert 'rel="canonical" href="http://testserver/aktuellt/2017/"' in html
    assert '<a href="/aktuellt/2017/" aria-current="page">2017</a>' in html
    assert '<a href="/aktuellt/2018/">2018</a>' in html
    assert client.get("/aktuellt/").context["years"] == [2018, 2017]


@pytest.mark.parametrize(
    "path",
    [
        "/aktuellt/1999/",  # no news that year
        "/aktuellt/0000/",
        "/aktuellt/9999/",
        "/aktuellt/12017/",
        "/aktuellt/-2017/",
        "/aktuellt/٢٠١٧/",  # Arabic-Indic digits
        "/aktuellt/２０１７/",  # full-width digits
        "/aktuellt/2017²/",
        "/aktuellt/%3Cscript%3E/",
        "/aktuellt/" + "9" * 500 + "/",
        "/aktuellt/2017/extra/",
    ],
)
def test_unknown_and_hostile_years_are_not_found(client, news_index, path):
    add_news(news_index, "Från 2017", datetime.date(2017, 4, 28))
    response = client.get(path)
    assert response.status_code == 404


def test_news_are_paged(client, news_index):
    start = datetime.date(2017, 1, 1)
    for number in range(NEWS_PER_PAGE + 3):
        add_news(news_index, f"Nyhet {number:02}", start + datetime.timedelta(days=number))
    first = client.get("/aktuellt/")
    assert len(listed_titles(first)) == NEWS_PER_PAGE
    assert listed_titles(first)[0] == f"Nyhet {NEWS_PER_PAGE + 2:02}"
    second = client.get("/aktuellt/?sida=2")
    assert listed_titles(second) == ["Nyhet 02", "Nyhet 01", "Nyhet 00"]
    assert 'aria-label="Sidnumrering"' in first.content.decode()
    year_page = client.get("/aktuellt/2017/?sida=2")
    assert listed_titles(year_page) == ["Nyhet 02", "Nyhet 01", "Nyhet 00"]


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("0", 1),
        ("-1", 1),
        ("abc", 1),
        ("²", 1),
        ("١", 1),
        ("2.5", 1),
        ("<script>alert(1)</script>", 1),
        ("9" * 400, 1),
        ("99", 2),
        ("999999999", 2),
    ],
)
def test_hostile_page_numbers_give_a_normal_page(client, news_index, raw, shown):
    start = datetime.date(2017, 1, 1)
    for number in range(NEWS_PER_PAGE + 1):
        add_news(news_index, f"Nyhet {number:02}", start + datetime.timedelta(days=number))
    response = client.get("/aktuellt/", {"sida": raw})
    assert response.status_code == 200
    assert response.context["items"].number == shown
    assert "<script>alert" not in response.content.decode()


def test_the_rss_feed_is_valid_and_newest_first(client, news_index):
    older = add_news(news_index, "Plug Innan får 15 miljoner", datetime.date(2017, 4, 28))
    older.factors = factors("samverkan")
    older.save()
    add_news(news_index, "Plug In GR avslutas & <fortsätter>", datetime.date(2018, 3, 6))
    response = client.get("/aktuellt/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "PlugInnovation – aktuellt"
    assert channel.findtext("language") == "sv"
    assert channel.findtext("link") == "http://testserver/aktuellt/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Plug In GR avslutas & <fortsätter>",
        "Plug Innan får 15 miljoner",
    ]
    assert items[1].findtext("link") == f"http://testserver{older.url}"
    assert items[1].findtext("description") == "Kort om Plug Innan får 15 miljoner."
    assert items[1].findtext("pubDate").startswith("Fri, 28 Apr 2017 00:00:00 +0200")
    assert [c.text for c in items[1].findall("category")] == ["Samverkan"]
    # Offered to feed readers from the listing.
    html = client.get("/aktuellt/").content.decode()
    assert (
        'type="application/rss+xml" title="Nyheter från PlugInnovation" href="/aktuellt/rss/"'
        in html
    )


def test_a_news_page_shows_its_date_summary_body_and_categories(client, news_index):
    page = add_news(
        news_index,
        "Gymnasieutredningen lyfter PlugInnovation",
        datetime.date(2016, 10, 31),
        summary="Utredningen bygger på PlugInnovations slutsatser.",
        body=[{"type": "paragraph", "value": "<p>Brödtexten om utredningen.</p>"}],
    )
    page.factors = factors("samverkan")
    page.save()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert '<time datetime="2016-10-31">31 oktober 2016</time>' in html
    assert "Utredningen bygger på PlugInnovations slutsatser." in html
    assert "Brödtexten om utredningen." in html
    assert 'href="/framgangsfaktorer/samverkan/"' in html
    assert "css/news.css" in html


def test_a_draft_or_private_news_page_is_not_shown(client, news_index):
    draft = add_news(news_index, "Utkast", datetime.date(2017, 1, 1), live=False)
    assert client.get(f"/aktuellt/{draft.slug}/").status_code == 404
    private = add_news(news_index, "Privat", datetime.date(2017, 1, 1))
    make_private(private)
    response = client.get(private.url)
    assert response.status_code == 200  # Wagtail's password form, not the news
    assert "Kort om Privat" not in response.content.decode()


@pytest.mark.parametrize("slug", ["rss", "2017", "17"])
def test_a_news_item_cannot_take_an_address_of_the_archive(news_index, slug):
    page = NewsPage(title="Nyhet", slug=slug, date=datetime.date(2017, 1, 1), summary="Kort.")
    with pytest.raises(ValidationError) as error:
        news_index.add_child(instance=page)
    assert "slug" in error.value.message_dict


def test_latest_news_shows_the_three_newest_with_a_link_to_all(news_index):
    for number in range(5):
        add_news(news_index, f"Nyhet {number}", datetime.date(2017, 1, 1 + number))
    html = Template("{% load news_tags %}{% latest_news %}").render(
        Context({"request": RequestFactory().get("/")})
    )
    assert [f"Nyhet {n}" in html for n in range(5)] == [False, False, True, True, True]
    assert html.index("Nyhet 4") < html.index("Nyhet 3")
    assert '<a href="/aktuellt/">Alla nyheter</a>' in html


def test_latest_news_is_empty_without_an_archive(news_index):
    news_index.delete()
    html = Template("{% load news_tags %}{% latest_news %}").render(Context({}))
    assert html.strip() == ""


def test_the_index_says_so_when_there_is_no_news(client, news_index):
    response = client.get("/aktuellt/")
    assert response.status_code == 200
    assert "Det finns inga nyheter ännu." in response.content.decode()


def test_wrong_methods_on_the_feed_and_archive_are_not_errors(client, news_index):
    add_news(news_index, "Nyhet", datetime.date(2017, 1, 1))
    for url in ("/aktuellt/", "/aktuellt/2017/", "/aktuellt/rss/"):
        assert client.post(url).status_code < 500
        assert client.head(url).status_code == 200


def test_news_pages_stay_within_the_query_ceiling(
    client, news_index, django_assert_max_num_queries
):
    def add(count, year):
        pages = []
        for number in range(count):
            page = add_news(news_index, f"Nyhet {year}-{number}", datetime.date(year, 1, 1))
            page.factors = factors("samverkan", "flexibilitet")
            page.save()
            pages.append(page)
        return pages

    detail = add(5, 2017)[0]
    detail.image = ImageFactory(title="Bild", description="En bild")
    detail.save()
    urls = ["/aktuellt/", "/aktuellt/2017/", "/aktuellt/?sida=2", "/aktuellt/rss/", detail.url]
    small = measure(client, django_assert_max_num_queries, urls)
    add(50, 2016)
    add(5, 2017)
    large = measure(client, django_assert_max_num_queries, urls)
    assert large == small
    print("queries with 5 and 60 news:", {url: (small[url], large[url]) for url in urls})


def test_the_news_index_links_the_events(client, news_index):
    events = clean_index(EventIndexPage, "evenemang", "Evenemang")
    html = client.get("/aktuellt/").content.decode()
    assert f'<a href="{events.url}">Konferenser och evenemang</a>' in html


@pytest.mark.parametrize(
    "own_text, expected",
    [("", "Elever på väg in i skolan"), ("Konferensens publik", "Konferensens publik")],
)
def test_a_news_image_has_a_text_alternative(client, news_index, own_text, expected):
    image = ImageFactory(title="Skolgård", description="Elever på väg in i skolan")
    page = add_news(
        news_index, "Med bild", datetime.date(2018, 1, 1), image=image, image_alt=own_text
    )
    html = client.get(page.url).content.decode()
    [tag] = [part.split(">", 1)[0] for part in html.split("<img")[1:]]
    assert f'alt="{expected}"' in tag


def test_news_items_fit_the_sites_main_feed(news_index):
    """public_news() gives items the main feed (/flode/) can list beside content pages."""
    from pluginnovation.news.models import public_news
    from pluginnovation.seo.feeds import LatestContentFeed

    page = add_news(news_index, "Nyhet i flödet", datetime.date(2018, 3, 6))
    page.factors = factors("samverkan")
    page.save()
    add_news(news_index, "Utkast", datetime.date(2018, 3, 7), live=False)
    feed = LatestContentFeed()
    [item] = public_news()
    assert feed.item_categories(item) == ["Nyhet", "Samverkan"]
    assert feed.item_pubdate(item).date() == datetime.date(2018, 3, 6)
    assert feed.item_description(item) == "Kort om Nyhet i flödet."
