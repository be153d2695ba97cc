"""Hostile and odd input: never a server error, never reflected unescaped."""

import re
from urllib.parse import quote, urlencode

import pytest

from casestudies.models import RegionSectionPage
from pluginnovation.discovery import listing

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
LISTINGS = ["/utforska/", "/forskning/", "/fallstudier/", "/metoder/", "/sok/?q=frånvaro&"]
HOSTILE_QUERIES = [
    "",
    "faktor=finns-inte",
    "faktor=samverkan&faktor=samverkan&faktor=SAMVERKAN",
    "faktor=&typ=&ar=&sida=",
    "faktor=" + quote(SCRIPT),
    "kommun=" + quote("' OR 1=1 --"),
    "tagg=" + quote("'; DROP TABLE wagtailcore_page; --"),
    "region=a%00b&projekt=%ff%fe",
    "typ=video&ar=1850&ar=20x5&niva=" + "x" * 5000,
    "malgrupp=" + "&malgrupp=".join(f"m{i}" for i in range(200)),
    "sida=abc",
    "sida=-5",
    "sida=0",
    "sida=99999",
    "sida=1e9",
    "sida=" + "9" * 40,
    "sida=2&sida=x",
    # Digits str.isdigit() accepts but int() does not, or that int() reads as other numbers.
    "sida=²",
    "sida=①",
    "sida=⁵",
    "sida=٣",
    "sida=1²",
    "sida=%EF%BC%92",
    "sida=+2",
    "sida=2.0",
    "sida= 3 ",
    "insatstyp[]=x&faktor[$ne]=1&okand=parameter",
]
HOSTILE_SEARCHES = [
    "x" * 5000,
    "frånvaro\x00\x01\x1b[31m\u202enärvaro",
    SCRIPT,
    "'; DROP TABLE wagtailcore_page; --",
    '"',
    '"frånvaro',
    "frånvaro AND OR NOT",
    "NEAR(frånvaro närvaro)",
    "*",
    "fr*",
    "a:* & !b | (c",
    "\\",
    "%",
    "_",
    "!!!",
    "    ",
    "och",
    "title:frånvaro",
    "%ff%fe",
    "🙂 emoji",
]


def assert_safe(response):
    assert response.status_code == 200, response.status_code
    assert SCRIPT not in response.content.decode()


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
@pytest.mark.parametrize("url", LISTINGS)
def test_listings_survive_odd_parameters(client, url, query):
    sep = "" if url.endswith("&") else "?"
    assert_safe(client.get(f"{url}{sep}{query}"))


@pytest.mark.parametrize("q", HOSTILE_SEARCHES)
def test_search_survives_odd_queries(client, q):
    assert_safe(client.get("/sok/", {"q": q, "faktor": "samverkan"}))


def test_region_sections_survive_odd_parameters(client):
    url = RegionSectionPage.objects.first().url
    for query in HOSTILE_QUERIES:
        assert_safe(client.get(f"{url}?{query}"))


def test_an_unknown_filter_value_is_named_and_escaped(client):
    response = client.get("/utforska/?faktor=finns-inte&faktor=" + quote(SCRIPT))
    html = response.content.decode()
    notice = re.search(r'<p class="notice notice--warning">([^<]*)</p>', html).group(1)
    assert notice.startswith("Okänt filtervärde ignorerades: ")
    assert "faktor=finns-inte" in notice
    assert "faktor=&lt;script&gt;alert(1)&lt;/script&gt;" in notice
    assert response.context["result_count"] > 0


def test_a_long_unknown_value_is_shortened_in_the_message(client):
    html = client.get("/utforska/?kommun=" + "x" * 300).content.decode()
    notice = re.search(r'<p class="notice notice--warning">([^<]*)</p>', html).group(1)
    assert notice == "Okänt filtervärde ignorerades: kommun=" + "x" * 40 + "…"


def test_a_page_number_past_the_end_shows_the_last_page(client):
    last = client.get("/utforska/?sida=99999").context["items"]
    assert last.number == last.paginator.num_pages
    assert client.get("/utforska/?sida=nej").context["items"].number == 1


def test_a_very_long_search_is_shortened_with_a_message(client):
    response = client.get("/sok/", {"q": "frånvaro " * 800})
    assert len(response.context["query"]) <= 200
    assert "Sökfrågan var för lång" in response.content.decode()


def test_a_very_long_search_is_cut_short_in_the_heading(client):
    """The heading names the search without filling the first screen of a phone."""
    response = client.get("/sok/", {"q": "frånvaro " * 800})
    heading = re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S).group(1)
    assert len(heading) < 120 and heading.endswith("…”")
    assert len(response.context["query"]) > 100  # the search itself uses the whole query


def test_a_search_of_only_punctuation_explains_itself(client):
    html = client.get("/sok/", {"q": "!!! ???"}).content.decode()
    assert "Sökfrågan innehöll inga ord att söka efter." in html


def test_the_search_words_are_escaped_where_shown(client):
    html = client.get("/sok/", {"q": SCRIPT}).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


ODD_PAGE_NUMBERS = ["²", "①", "⁵", "٣", "-1", "9" * 30, "", "1e3", "0x10", "\x00"]


@pytest.mark.parametrize("number", ODD_PAGE_NUMBERS)
def test_every_kind_of_page_survives_an_odd_page_number(client, number):
    """The page number is read in the listings and in every page's canonical link."""
    from casestudies.models import CaseStudyPage
    from methods.models import MethodPage
    from research.models import ResearchArticlePage

    details = [
        model.objects.live().first().url
        for model in (ResearchArticlePage, CaseStudyPage, MethodPage)
    ]
    urls = [
        "/",
        "/framgangsfaktorer/",
        "/framgangsfaktorer/samverkan/",
        "/utforska/",
        "/sok/?q=skola&",
        *details,
    ]
    for url in urls:
        sep = "" if url.endswith("&") else "?"
        response = client.get(f"{url}{sep}{urlencode({'sida': number})}")
        assert response.status_code == 200, (url, number, response.status_code)


@pytest.mark.parametrize(
    "path",
    [
        "/dokument/" + "9" * 30 + "/rapport.pdf",
        "/dokument/0/rapport.pdf",
        "/flode/" + "x" * 300 + "/",
        "/framgangsfaktorer/" + "x" * 300 + "/",
        "/fallstudier/" + "x" * 300 + "/",
    ],
)
def test_odd_addresses_are_not_found(client, path):
    assert client.get(path).status_code == 404


def test_thousands_of_unknown_values_give_a_short_message(client):
    values = ",".join(f"okand{i}" for i in range(3000))
    response = client.get(f"/utforska/?kommun={values}")
    message = response.context["filter_message"]
    assert response.status_code == 200 and len(message) < 300
    assert message.endswith(f"och {3000 - 5} till")


def test_a_request_too_large_to_read_gets_the_swedish_400_page(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/tipsa/", {"what_was_done": "x" * 5000})
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="sv">' in html and "Inget sparades" in html


def title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode()).group(1)


def page_links(response):
    html = response.content.decode()
    return re.findall(r'class="pagination__(?:number|step)" href="([^"]*)"', html)


@pytest.fixture
def short_pages(monkeypatch):
    """Pages of three results, so the demo's listings have further pages."""
    monkeypatch.setattr(listing, "PAGE_SIZE", 3)


@pytest.mark.parametrize("url", ["/utforska/", "/forskning/", "/fallstudier/"])
def test_an_ignored_filter_value_filters_nothing_in_the_title_or_the_page_links(
    client, short_pages, url
):
    """An old link's unknown value is named once: the title does not call the listing
    filtered, and the links to further pages leave the value out, so the notice does not
    follow the visitor from page to page."""
    response = client.get(f"{url}?faktor=finns-inte&okand=parameter")
    assert "Okänt filtervärde ignorerades" in response.content.decode()
    assert "(filtrerat)" not in title(response)
    links = page_links(response)
    assert links, "the listing needs a second page"
    assert not any("finns-inte" in link or "okand" in link for link in links)
    later = client.get(url + links[-1])
    assert later.status_code == 200
    assert "Okänt filtervärde" not in later.content.decode()


def test_the_page_links_keep_the_filters_sort_and_search_applied(client, short_pages):
    response = client.get("/sok/?q=elever&ordning=nyast&faktor=finns-inte&faktor=samverkan")
    assert "(filtrerat)" in title(response)
    links = page_links(response)
    assert links, "the search needs a second page"
    for link in links:
        assert "q=elever" in link and "ordning=nyast" in link and "faktor=samverkan" in link
        assert "finns-inte" not in link
