"""Findability: sitemap, robots.txt, RSS feeds, meta tags and JSON-LD."""

import datetime
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from django.db.models import Max
from django.template.loader import render_to_string
from django.test import override_settings

from wagtail.models import Page, PageViewRestriction, Site

import pytest

from pluginnovation.content.models import ContentPage
from pluginnovation.news.models import NewsIndexPage, NewsPage, public_news
from pluginnovation.seo.feeds import FEED_SIZE
from pluginnovation.taxonomy.models import SuccessFactor
from research.models import author_names
from tests.factories import (
    CaseStudyPageFactory,
    MethodPageFactory,
    ResearchArticlePageFactory,
    StandardPageFactory,
    content_tree,
    factors,
    site_root,
)

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


@pytest.fixture
def tree():
    return content_tree(site_root())


def newer_than_anything():
    """A publication date after every page's on the site, so a page with it is listed first."""
    newest = ContentPage.objects.aggregate(newest=Max("published_date"))["newest"]
    return (newest or datetime.date(2024, 1, 1)) + datetime.timedelta(days=1)


# Sitemap and robots.txt


def sitemap_locations(client, **extra):
    response = client.get("/sitemap.xml", **extra)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]


@pytest.fixture
def public_site():
    """The site as an editor sets it up in production: its real host name, served on https."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "kunskapsbank.example.org", 443
    site.save()
    return "https://kunskapsbank.example.org"


def test_the_sitemap_lists_every_live_page_and_no_draft(client, tree, public_site):
    shown = ResearchArticlePageFactory(parent=tree.research)
    draft = MethodPageFactory(parent=tree.methods, live=False)
    unpublished = MethodPageFactory(parent=tree.methods)
    unpublished.unpublish()
    secret = CaseStudyPageFactory(parent=tree.section)
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")

    locations = sitemap_locations(client, HTTP_HOST="kunskapsbank.example.org")
    # The home page in every language: the Swedish tree and the English one under /en/.
    homes = site_root().get_translations(inclusive=True).order_by("path")
    site_pages = [
        page
        for home in homes
        for page in Page.objects.live()
        .public()
        .descendant_of(home, inclusive=True)
        .order_by("path")
    ]
    assert locations == [public_site + page.url for page in site_pages]
    for page in (shown, tree.research, tree.section):
        assert public_site + page.url in locations
    for page in (draft, unpublished, secret):
        assert public_site + page.url not in locations


@override_settings(**BEHIND_PROXY)
def test_sitemap_addresses_are_the_sites_https_addresses(client, public_site):
    """Wagtail's own sitemap builds each address from the Site an editor configured."""
    locations = sitemap_locations(client, **PROXY_HEADERS)
    assert locations[0] == public_site + "/"
    assert all(loc.startswith(public_site + "/") for loc in locations)


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


def test_the_feed_of_all_new_content_lists_the_newest_pages(
    client, tree, django_assert_max_num_queries
):
    day = newer_than_anything()
    newest = MethodPageFactory(
        parent=tree.methods,
        title="Den nyaste metoden",
        summary="Nytt i kunskapsbanken.",
        factors=factors("uppfoljning", "samverkan"),
        published_date=day + datetime.timedelta(days=1),
    )
    second = CaseStudyPageFactory(parent=tree.section, published_date=day)
    draft = ResearchArticlePageFactory(
        parent=tree.research, published_date=day + datetime.timedelta(days=2), live=False
    )

    with django_assert_max_num_queries(10):
        channel, items = feed_items(client, "/flode/")
    assert channel.findtext("language") == "sv"
    titles = [item.findtext("title") for item in items]
    assert titles[:2] == [newest.title, second.title]
    assert draft.title not in titles
    # News is new in the knowledge bank too: the feed mixes both, newest first.
    news = list(public_news())
    assert news, "the demo has news"
    expected = newest_first([*ContentPage.objects.live().public(), *news])[:FEED_SIZE]
    assert titles == [page.title for page in expected]
    first = items[0]
    assert first.findtext("link") == "http://testserver" + newest.url
    assert first.findtext("description") == "Nytt i kunskapsbanken."
    assert first.findtext("pubDate")
    categories = [category.text for category in first.findall("category")]
    assert categories == ["Metod", "Koll och uppföljning", "Samverkan"]


def test_a_new_news_item_leads_the_main_feed_and_a_draft_never_shows(client):
    index = NewsIndexPage.objects.live().get()
    day = newer_than_anything() + datetime.timedelta(days=3)
    item = index.add_child(
        instance=NewsPage(title="Ny rapport om närvaro", summary="Kort om rapporten.", date=day)
    )
    draft = index.add_child(
        instance=NewsPage(title="Utkast till nyhet", summary="x", date=day, live=False)
    )
    _, items = feed_items(client, "/flode/")
    titles = [entry.findtext("title") for entry in items]
    assert titles[0] == item.title
    assert draft.title not in titles
    assert items[0].findtext("link") == "http://testserver" + item.url


def test_each_success_factor_has_its_own_feed(client, tree, django_assert_max_num_queries):
    day = newer_than_anything()
    newest = {
        factor: MethodPageFactory(parent=tree.methods, factors=[factor], published_date=day)
        for factor in SuccessFactor.objects.all()
    }
    for factor, page in newest.items():
        with django_assert_max_num_queries(10):
            channel, items = feed_items(client, f"/flode/{factor.slug}/")
        assert factor.name in channel.findtext("title")
        titles = [item.findtext("title") for item in items]
        assert titles[0] == page.title
        assert not {other.title for other in newest.values() if other != page} & set(titles)
        expected = newest_first(ContentPage.objects.live().public().filter(factors=factor))
        assert titles == [page.title for page in expected[:FEED_SIZE]]


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


def test_a_content_page_has_canonical_description_and_open_graph(client, tree):
    # Longer than a description may be: it is cut at 200 characters.
    summary = "Mentorer följer upp frånvaron samma dag. " * 7
    page = CaseStudyPageFactory(parent=tree.section, summary=summary)
    head = head_of(client, page.url)
    canonical = "http://testserver" + page.url
    assert link_href(head, "canonical") == [canonical]
    assert_describes(head.meta["description"], summary)
    assert head.meta["description"].endswith("…")
    assert head.meta["og:title"] == page.title
    assert head.meta["og:description"] == head.meta["description"]
    assert head.meta["og:url"] == canonical
    assert head.meta["og:type"] == "article"
    assert head.meta["og:site_name"] == "PlugInnovation"
    assert head.meta["og:locale"] == "sv_SE"


@pytest.mark.parametrize(
    "query, kept",
    [
        ("", ""),
        ("?sida=2", "?sida=2"),
        ("?sida=1", ""),
        ("?sida=abc", ""),
        ("?sida=2&x=<y>", "?sida=2"),
    ],
)
def test_a_listings_later_pages_are_canonical_but_nothing_else_in_the_query(
    client, tree, query, kept
):
    # A listing with a second page: the canonical address names the page shown.
    for _ in range(21):
        MethodPageFactory(parent=tree.methods)
    listing = tree.methods.url
    head = head_of(client, listing + query)
    assert link_href(head, "canonical") == ["http://testserver" + listing + kept]


def test_the_search_description_wins_over_the_summary(client, tree):
    page = MethodPageFactory(
        parent=tree.methods,
        summary="Sammanfattningen.",
        search_description="Särskild beskrivning för sökmotorer.",
    )
    head = head_of(client, page.url)
    assert head.meta["description"] == "Särskild beskrivning för sökmotorer."


def test_the_home_page_is_described_as_a_website(client):
    home = site_root()
    head = head_of(client, home.url)
    assert head.meta["og:type"] == "website"
    assert_describes(head.meta["description"], home.search_description or home.intro)


# JSON-LD


def json_ld_of(client, page):
    head = head_of(client, page.url)
    assert len(head.json_ld) <= 1
    return head.json_ld[0] if head.json_ld else None


@pytest.mark.parametrize(
    "written, names",
    [
        ("Andersson, A., Berg, B.", ["Andersson, A.", "Berg, B."]),
        ("Öberg, Å. K., Lind, B.-M., Ek, C", ["Öberg, Å. K.", "Lind, B.-M.", "Ek, C"]),
        ("Anna Andersson, Bo Berg, Cia Ek", ["Anna Andersson", "Bo Berg", "Cia Ek"]),
        ("Sveriges Kommuner och Landsting", ["Sveriges Kommuner och Landsting"]),
        ("Andersson, Anna; Berg, Bo", ["Andersson, Anna", "Berg, Bo"]),
        ("Skolverket", ["Skolverket"]),
        (" , ;", []),
    ],
)
def test_authors_written_as_surname_and_initials_are_one_person_each(written, names):
    """The help text asks for commas between authors; references are often written
    "Efternamn, I.", whose comma is not one between two people."""
    assert author_names(written) == names


def test_research_articles_are_scholarly_articles(client, tree):
    page = ResearchArticlePageFactory(
        parent=tree.research,
        authors="Forskare, A.,  B. Forskare",
        year=2017,
        publisher="Skolverket",
        doi="10.1080/00313831.2015.1066436",
    )
    data = json_ld_of(client, page)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ScholarlyArticle"
    assert data["headline"] == page.title
    assert data["datePublished"] == "2017"
    assert data["publisher"]["name"] == "Skolverket"
    assert [author["name"] for author in data["author"]] == ["Forskare, A.", "B. Forskare"]
    assert data["identifier"] == {
        "@type": "PropertyValue",
        "propertyID": "DOI",
        "value": "10.1080/00313831.2015.1066436",
    }
    assert "https://doi.org/10.1080/00313831.2015.1066436" in data["sameAs"]
    assert data["url"] == "http://testserver" + page.url


def test_case_studies_are_articles(client, tree):
    page = CaseStudyPageFactory(
        parent=tree.section,
        published_date=datetime.date(2018, 9, 3),
        factors=factors("samverkan", "uppfoljning"),
    )
    data = json_ld_of(client, page)
    assert data["@type"] == "Article"
    assert data["datePublished"] == "2018-09-03"
    assert data["contentLocation"]["name"] == page.municipality.name
    # In the factors' own order, not the order they were given in.
    assert data["keywords"] == ["Koll och uppföljning", "Samverkan"]


def test_methods_are_how_tos_with_their_steps(client, tree):
    page = MethodPageFactory(
        parent=tree.methods,
        steps=[
            {"type": "step", "value": {"title": "Kartlägg", "text": "<p>Se <b>frånvaron</b>.</p>"}},
            {"type": "step", "value": {"title": "Ring hem", "text": "<p>Samma dag.</p>"}},
        ],
    )
    data = json_ld_of(client, page)
    assert data["@type"] == "HowTo"
    steps = data["step"]
    assert [(step["@type"], step["position"], step["name"]) for step in steps] == [
        ("HowToStep", 1, "Kartlägg"),
        ("HowToStep", 2, "Ring hem"),
    ]
    assert "frånvaron" in steps[0]["text"] and "<" not in steps[0]["text"]


def test_the_home_page_is_a_website_with_a_search_action(client):
    data = json_ld_of(client, site_root())
    assert data["@type"] == "WebSite"
    assert data["potentialAction"]["target"]["urlTemplate"] == (
        "http://testserver/sok/?q={search_term_string}"
    )


def test_plain_pages_have_no_json_ld(client):
    assert json_ld_of(client, StandardPageFactory(parent=site_root())) is None


def test_json_ld_cannot_break_out_of_its_script_element(client, tree):
    page = ResearchArticlePageFactory(
        parent=tree.research, title="Avhopp </script><script>alert(1)</script> & mer"
    )
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


def test_a_missing_page_is_not_indexed_and_names_no_canonical_address(client):
    """A canonical link on a 404 would tell search engines the missing address is the page to
    keep; the page says noindex instead."""
    response = client.get("/finns-inte-alls/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'rel="canonical"' not in html
    assert '<meta name="robots" content="noindex">' in html


def test_every_page_links_to_the_open_data_in_its_footer(client):
    for address, text in (("/", "Öppna data"), ("/en/", "Open data (in Swedish)")):
        footer = FooterLinks()
        footer.feed(client.get(address).content.decode())
        texts = [" ".join(t.split()) for href, t in footer.links if href == "/oppna-data/"]
        assert texts == [text], address
