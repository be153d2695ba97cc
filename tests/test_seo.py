"""Findability: sitemap, robots.txt, RSS feeds, meta tags and JSON-LD."""

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from django.template.loader import render_to_string
from django.test import override_settings

from wagtail.models import Page

import pytest

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from pluginnovation.content.models import ContentPage
from pluginnovation.home.models import HomePage, StandardPage
from pluginnovation.seo.feeds import FEED_SIZE
from pluginnovation.taxonomy.models import SuccessFactor
from research.models import ResearchArticlePage

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
BEHIND_PROXY = {"SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")}
# What nginx passes on: the visitor's Host, and that the visitor used https.
PROXY_HEADERS = {"HTTP_HOST": "kunskapsbank.example.org", "HTTP_X_FORWARDED_PROTO": "https"}


class HeadParser(HTMLParser):
    """The <meta>, <link> and JSON-LD of a page."""

    def __init__(self):
        super().__init__()
        self.meta = {}
        self.links = []
        self.json_ld = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            self.meta[attrs.get("name") or attrs.get("property")] = attrs.get("content")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True

    def handle_endtag(self, tag):
        self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))


def head_of(client, url):
    parser = HeadParser()
    parser.feed(client.get(url).content.decode())
    return parser


def link_href(parser, rel, type_=None):
    return [
        link["href"]
        for link in parser.links
        if link.get("rel") == rel and (type_ is None or link.get("type") == type_)
    ]


def first_live(model):
    return model.objects.live().public().order_by("path").first()


# Sitemap and robots.txt


def sitemap_locations(client, **extra):
    response = client.get("/sitemap.xml", **extra)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]


def test_the_sitemap_lists_every_live_page_and_no_draft(client):
    draft = first_live(MethodPage)
    draft.unpublish()
    locations = sitemap_locations(client)
    expected = [
        "http://testserver" + page.url
        for page in Page.objects.live().public().filter(depth__gt=1).order_by("path")
    ]
    assert len(expected) > 30
    assert locations == expected
    assert "http://testserver" + draft.url not in locations


@override_settings(**BEHIND_PROXY)
def test_sitemap_addresses_use_https_behind_the_proxy(client):
    locations = sitemap_locations(client, **PROXY_HEADERS)
    assert locations[0] == "https://kunskapsbank.example.org/"
    assert all(loc.startswith("https://kunskapsbank.example.org/") for loc in locations)


@override_settings(**BEHIND_PROXY)
def test_robots_txt_allows_crawling_except_admin_and_search(client):
    response = client.get("/robots.txt", **PROXY_HEADERS)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /sok/" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: https://kunskapsbank.example.org/sitemap.xml" in lines


# Feeds


def feed_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def newest_first(pages):
    return sorted(pages, key=lambda page: (page.published_date, page.pk), reverse=True)


def test_the_feed_of_all_new_content_lists_the_newest_pages(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        channel, items = feed_items(client, "/flode/")
    assert channel.findtext("language") == "sv"
    expected = newest_first(ContentPage.objects.live().public())[:FEED_SIZE]
    assert [item.findtext("title") for item in items] == [page.title for page in expected]
    first = items[0]
    assert first.findtext("link") == "http://testserver" + expected[0].url
    assert first.findtext("description") == expected[0].summary
    assert first.findtext("pubDate")
    categories = [category.text for category in first.findall("category")]
    assert expected[0].specific.type_label in categories


def test_each_success_factor_has_its_own_feed(client, django_assert_max_num_queries):
    for factor in SuccessFactor.objects.all():
        with django_assert_max_num_queries(10):
            channel, items = feed_items(client, f"/flode/{factor.slug}/")
        assert factor.name in channel.findtext("title")
        expected = newest_first(ContentPage.objects.live().public().filter(factors=factor))
        assert expected, f"the demo site has content for {factor}"
        assert [item.findtext("title") for item in items] == [
            page.title for page in expected[:FEED_SIZE]
        ]


@pytest.mark.parametrize("slug", ["finns-inte", "%C3%A5%C3%A4%C3%B6", "a" * 300])
def test_an_unknown_factor_feed_is_a_404(client, slug):
    assert client.get(f"/flode/{slug}/").status_code == 404


def test_pages_link_to_the_feed(client):
    head = head_of(client, "/")
    assert link_href(head, "alternate", "application/rss+xml") == ["/flode/"]


def test_a_factors_view_links_to_its_own_feed(rf):
    factor = SuccessFactor.objects.first()
    request = rf.get(f"/framgangsfaktorer/{factor.slug}/")
    parser = HeadParser()
    parser.feed(render_to_string("includes/seo_meta.html", {"factor": factor}, request))
    assert link_href(parser, "alternate", "application/rss+xml") == [
        "/flode/",
        f"/flode/{factor.slug}/",
    ]
    assert parser.meta["og:title"] == factor.name
    assert_describes(parser.meta["description"], factor.definition)


# Meta tags


def assert_describes(description, text):
    """The description is the text, or its start cut at 200 characters with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= 200:
        assert description == text
    else:
        assert len(description) <= 200
        assert description.endswith("…")
        assert text.startswith(description[:-1])


def test_a_content_page_has_canonical_description_and_open_graph(client):
    page = first_live(CaseStudyPage)
    head = head_of(client, page.url)
    canonical = "http://testserver" + page.url
    assert link_href(head, "canonical") == [canonical]
    assert_describes(head.meta["description"], page.summary)
    assert head.meta["og:title"] == page.title
    assert head.meta["og:description"] == head.meta["description"]
    assert head.meta["og:url"] == canonical
    assert head.meta["og:type"] == "article"
    assert head.meta["og:site_name"] == "PlugInnovation"
    assert head.meta["og:locale"] == "sv_SE"


@pytest.mark.parametrize(
    "query, canonical",
    [
        ("", "/metoder/"),
        ("?sida=2", "/metoder/?sida=2"),
        ("?sida=1", "/metoder/"),
        ("?sida=abc", "/metoder/"),
        ("?sida=2&x=<y>", "/metoder/?sida=2"),
    ],
)
def test_a_listings_later_pages_are_canonical_but_nothing_else_in_the_query(
    client, query, canonical
):
    head = head_of(client, "/metoder/" + query)
    assert link_href(head, "canonical") == ["http://testserver" + canonical]


def test_the_search_description_wins_over_the_summary(client):
    page = first_live(MethodPage)
    page.search_description = "Särskild beskrivning för sökmotorer."
    page.save()
    head = head_of(client, page.url)
    assert head.meta["description"] == "Särskild beskrivning för sökmotorer."


def test_the_home_page_is_described_as_a_website(client):
    home = first_live(HomePage)
    head = head_of(client, "/")
    assert head.meta["og:type"] == "website"
    assert_describes(head.meta["description"], home.search_description or home.intro)


# JSON-LD


def json_ld_of(client, page):
    head = head_of(client, page.url)
    assert len(head.json_ld) <= 1
    return head.json_ld[0] if head.json_ld else None


def test_research_articles_are_scholarly_articles(client):
    page = first_live(ResearchArticlePage)
    page.doi = "10.1080/00313831.2015.1066436"
    page.save()
    data = json_ld_of(client, page)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ScholarlyArticle"
    assert data["headline"] == page.title
    assert data["datePublished"] == str(page.year)
    assert data["publisher"]["name"] == page.publisher
    assert [author["name"] for author in data["author"]] == [
        name.strip() for name in page.authors.split(",")
    ]
    assert data["identifier"] == {
        "@type": "PropertyValue",
        "propertyID": "DOI",
        "value": page.doi,
    }
    assert f"https://doi.org/{page.doi}" in data["sameAs"]
    assert data["url"] == "http://testserver" + page.url


def test_case_studies_are_articles(client):
    page = first_live(CaseStudyPage)
    data = json_ld_of(client, page)
    assert data["@type"] == "Article"
    assert data["datePublished"] == page.published_date.isoformat()
    assert data["contentLocation"]["name"] == page.municipality.name
    assert data["keywords"] == [factor.name for factor in page.factors.all()]


def test_methods_are_how_tos_with_their_steps(client):
    page = first_live(MethodPage)
    data = json_ld_of(client, page)
    assert data["@type"] == "HowTo"
    steps = data["step"]
    assert len(steps) == len(page.steps) > 0
    assert steps[0]["@type"] == "HowToStep"
    assert steps[0]["position"] == 1
    assert steps[0]["name"] == page.steps[0].value["title"]
    assert "<" not in steps[0]["text"]


def test_the_home_page_is_a_website_with_a_search_action(client):
    data = json_ld_of(client, first_live(HomePage))
    assert data["@type"] == "WebSite"
    assert data["potentialAction"]["target"]["urlTemplate"] == (
        "http://testserver/sok/?q={search_term_string}"
    )


def test_plain_pages_have_no_json_ld(client):
    assert json_ld_of(client, first_live(StandardPage)) is None


def test_json_ld_cannot_break_out_of_its_script_element(client):
    page = first_live(ResearchArticlePage)
    page.title = "Avhopp </script><script>alert(1)</script> & mer"
    page.save()
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    head = HeadParser()
    head.feed(html)
    assert head.json_ld[0]["headline"] == page.title


# Favicon and the visible feed link


class FooterLinks(HTMLParser):
    """The links in the page's <footer>, as (href, text) pairs."""

    def __init__(self):
        super().__init__()
        self.links = []
        self._in_footer = False
        self._href = None

    def handle_starttag(self, tag, attrs):
        if tag == "footer":
            self._in_footer = True
        elif tag == "a" and self._in_footer:
            self._href = dict(attrs).get("href")
            self.links.append([self._href, ""])

    def handle_endtag(self, tag):
        if tag == "footer":
            self._in_footer = False
        elif tag == "a":
            self._href = None

    def handle_data(self, data):
        if self._href is not None:
            self.links[-1][1] += data


def test_pages_link_the_svg_favicon(client):
    head = head_of(client, "/")
    assert link_href(head, "icon", "image/svg+xml") == ["/static/favicon.svg"]
    response = client.get("/static/favicon.svg")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")


def test_favicon_ico_redirects_permanently_to_the_svg(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.svg"


def test_the_footer_has_a_visible_link_to_the_feed(client):
    footer = FooterLinks()
    footer.feed(client.get("/").content.decode())
    texts = [" ".join(text.split()) for href, text in footer.links if href == "/flode/"]
    assert texts == ["Nytt innehåll som RSS-flöde"]
