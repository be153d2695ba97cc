"""The public templates: what a visitor sees on each page type, and the site-wide frame."""

import re
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import urlencode

from django.core.files.base import ContentFile
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory

from wagtail.documents.models import Document
from wagtail.embeds.blocks import EmbedValue
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page, Site

import pytest

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from pluginnovation.content.blocks import BodyBlock
from pluginnovation.home.models import HomePage, StandardPage
from pluginnovation.news.models import public_news
from pluginnovation.taxonomy.models import SuccessFactor
from research.models import ResearchArticlePage
from tests.factories import CaseStudyResultFactory

pytestmark = pytest.mark.django_db

# ContentPage field, explore-view parameter, for every facet besides the success factors.
FACETS = [
    ("projects", "projekt"),
    ("regions", "region"),
    ("municipalities", "kommun"),
    ("target_groups", "malgrupp"),
    ("levels", "niva"),
    ("intervention_types", "insatstyp"),
    ("tags", "tagg"),
]
EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}


class Tags(HTMLParser):
    """Every start tag of a document with its attributes, in order."""

    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag, **attrs):
        return [
            a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]


def get_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def live(model):
    return model.objects.live().public().order_by("path")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def make_document(title, filename, size):
    return Document.objects.create(
        title=title, file=ContentFile(b"%PDF-1.4\n" + b"x" * (size - 9), name=filename)
    )


# Detail pages


def test_research_article_shows_its_publication_details(client, media):
    page = live(ResearchArticlePage).first()
    page.doi = "10.1080/00313831.2015.1066436"
    page.link = "https://www.skolverket.se/publikationer"
    page.pdf = make_document("Rapporten", "rapporten.pdf", 12 * 1024)
    page.save()

    html = get_html(client, page)

    assert "I korthet" in html and page.summary in html
    for value in (page.authors, str(page.year), page.publisher):
        assert value in html
    assert 'href="https://doi.org/10.1080/00313831.2015.1066436"' in html
    assert 'href="https://www.skolverket.se/publikationer"' in html
    assert "skolverket.se" in html
    assert f'href="{page.pdf.url}"' in html
    assert "(PDF, 12 kB)" in html
    assert "Viktigaste resultat" in html


def test_case_study_results_are_a_table_with_headers(client):
    page = live(CaseStudyPage).first()
    page.results.all().delete()
    CaseStudyResultFactory(
        page=page,
        indicator="avbrott",
        description="Avbrott på introduktionsprogrammet",
        value_before=Decimal("8.4"),
        value_after=Decimal("1.3"),
        period="2013–2015",
        source="Lägesrapport 2015",
    )

    html = get_html(client, page)
    table = html[html.index("<table") : html.index("</table>")]

    assert "<caption" in table
    column_headers = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', table)
    assert column_headers == [
        "Indikator",
        "Vad som mättes",
        "Före",
        "Efter",
        "Enhet",
        "Förändring",
        "Bedömning",
        "Antal elever",
        "Mätperiod",
        "Källa",
    ]
    assert '<th scope="row">Avbrott på introduktionsprogrammet</th>' in table
    assert ">8,4<" in table and ">1,3<" in table
    assert "Studieavbrott" in table and "Lägesrapport 2015" in table
    for value in (page.organisation, page.municipality.name, page.period):
        assert value in html
    assert "Vad som gjordes" in html and "Lärdomar" in html


def test_case_study_without_a_before_value_says_so(client):
    page = live(CaseStudyPage).first()
    page.results.all().delete()
    CaseStudyResultFactory(
        page=page, description="Närvaro", value_before=None, value_after=Decimal("85.2")
    )
    html = get_html(client, page)
    assert "Uppgift saknas" in html
    assert ">85,2<" in html


def test_method_page_shows_numbered_steps_material_and_evidence(client, media):
    page = next(p for p in live(MethodPage) if p.related_evidence)
    page.material = [("document", {"document": make_document("Mall", "mall.docx", 3000)})]
    page.save()

    html = get_html(client, page)

    for heading in ("Syfte", "För vem", "Så gör ni", "Tid och resurser", "Material att ladda ner"):
        assert f">{heading}</h2>" in html
    steps = html[html.index('<ol class="steps">') : html.index("</ol>", html.index("steps"))]
    for step in page.steps:
        assert step.value["title"] in steps
    assert "(DOCX, 3 kB)" in html
    for evidence in page.related_evidence:
        # Shown once as evidence, and not repeated under "Relaterat innehåll".
        assert html.count(f'href="{evidence.url}"') == 1


@pytest.mark.parametrize("model", [ResearchArticlePage, CaseStudyPage, MethodPage])
def test_detail_pages_link_their_taxonomy(client, model):
    page = live(model).first()
    html = get_html(client, page)

    for factor in page.factors.all():
        assert f'href="/framgangsfaktorer/{factor.slug}/"' in html
    linked = 0
    for field, param in FACETS:
        for term in getattr(page, field).all():
            assert f'href="/utforska/?{urlencode({param: term.slug})}"' in html
            linked += 1
    assert linked > 0
    assert "Publicerad" in html


def test_last_reviewed_date_is_shown_when_set(client):
    page = live(MethodPage).first()
    page.last_reviewed = page.published_date.replace(year=2025, month=3, day=4)
    page.save()
    html = get_html(client, page)
    assert "Senast granskad" in html
    assert 'datetime="2025-03-04"' in html


@pytest.mark.parametrize("model", [ResearchArticlePage, CaseStudyPage, MethodPage, StandardPage])
def test_breadcrumbs_lead_from_home_to_the_page(client, model):
    page = live(model).filter(locale__language_code="sv").last()
    html = get_html(client, page)

    assert Tags(html).find("nav", **{"aria-label": "Brödsmulor"})
    crumbs = html[
        html.index('aria-label="Brödsmulor"') : html.index("</nav>", html.index("Brödsmulor"))
    ]
    assert '<a href="/">Hem</a>' in crumbs
    for ancestor in page.get_ancestors().filter(depth__gt=2):
        assert f'href="{ancestor.url}"' in crumbs
    assert f'<span aria-current="page">{page.title}</span>' in crumbs


def test_home_page_has_no_breadcrumbs(client):
    html = get_html(client, HomePage.objects.get(locale__language_code="sv"))
    assert "Brödsmulor" not in html


def test_related_content_is_listed_as_cards(client):
    page = live(ResearchArticlePage).first()
    html = get_html(client, page)
    assert "Relaterat innehåll" in html
    assert '<li class="card card--' in html


# The site-wide frame


def test_every_page_has_the_shared_frame(client):
    html = get_html(client, HomePage.objects.get(locale__language_code="sv"))
    tags = Tags(html)

    assert '<html lang="sv">' in html
    names = [tag for tag, _ in tags.tags]
    first_in_body = tags.tags[names.index("body") + 1]
    assert first_in_body == ("a", {"class": "skip-link", "href": "#main"})
    assert tags.find("main", id="main")
    site_name = tags.find("a", href="/", **{"class": "site-name"})
    assert site_name and ">PlugInnovation<" in html
    nav = html[html.index('aria-label="Huvudmeny"') :]
    for label, url in [
        ("Forskning", "/forskning/"),
        ("Fallstudier", "/fallstudier/"),
        ("Metoder", "/metoder/"),
        ("Framgångsfaktorer", "/framgangsfaktorer/"),
        ("Utforska", "/utforska/"),
        ("Om PlugInnovation", "/om/"),
    ]:
        assert f'href="{url}">{label}</a>' in nav
    search = tags.find("form", action="/sok/", method="get")
    assert search
    field_id = tags.find("input", name="q")[0]["id"]
    assert f'for="{field_id}">Sök i kunskapsbanken</label>' in html
    for url in ("/om/", "/kontakt/", "/tillganglighet/"):
        assert f'href="{url}"' in html[html.index("<footer") :]
    assert "Tillgänglighetsredogörelse" in html and "Göteborgsregionen (GR)" in html
    stylesheets = {a["href"]: a.get("media") for a in tags.find("link", rel="stylesheet")}
    assert stylesheets["/static/css/site.css"] is None
    assert stylesheets["/static/css/discovery.css"] is None
    assert stylesheets["/static/css/print.css"] == "print"


def test_no_page_has_inline_styles_or_inline_scripts(client):
    pages = list(Page.objects.live().public().filter(depth__gt=1).specific())
    responses = [client.get(page.url) for page in pages] + [client.get("/finns-inte-alls/")]
    for response in responses:
        tags = Tags(response.content.decode())
        assert not [t for t, attrs in tags.tags if "style" in attrs], response.request["PATH_INFO"]
        for tag, attrs in tags.tags:
            if tag == "script" and attrs.get("type", "") in EXECUTABLE_SCRIPT_TYPES:
                assert attrs.get("src"), response.request["PATH_INFO"]
                assert "defer" in attrs, response.request["PATH_INFO"]


def test_each_page_has_one_h1(client):
    for model in (HomePage, ResearchArticlePage, CaseStudyPage, MethodPage, StandardPage):
        html = get_html(client, live(model).first())
        assert len(re.findall(r"<h1[\s>]", html)) == 1, model


def test_home_page_offers_the_factors_sections_and_latest_content(client):
    html = get_html(client, HomePage.objects.get(locale__language_code="sv"))
    for factor in SuccessFactor.objects.all():
        assert f'href="/framgangsfaktorer/{factor.slug}/">{factor.name}</a>' in html
        assert factor.definition in html
    for url in ("/forskning/", "/fallstudier/", "/metoder/"):
        assert html.count(f'href="{url}"') >= 2  # the menu and the entry card
    assert "Senaste innehållet" in html
    latest = html[html.index('id="latest-heading"') :]
    assert latest.count('<li class="card card--') == 6
    # The three newest news items come before it, each linked.
    news = html[html.index('id="latest-news-heading"') : html.index('id="latest-heading"')]
    for item in public_news()[:3]:
        assert f'href="{item.url}"' in news
    assert len(Tags(html).find("input", name="q")) == 2


def test_unknown_address_gets_the_swedish_404_page(client):
    response = client.get("/finns-inte-alls/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sidan hittades inte" in html and '<html lang="sv">' in html
    assert 'action="/sok/"' in html


@pytest.mark.parametrize(
    "template, heading",
    [
        ("400.html", "Förfrågan kunde inte tas emot"),
        ("500.html", "Något gick fel"),
        ("503.html", "Sidan kan inte visas just nu"),
    ],
)
def test_error_pages_render_without_request_or_database(
    django_assert_num_queries, template, heading
):
    with django_assert_num_queries(0):
        html = render_to_string(template)
    assert '<html lang="sv">' in html and f"<h1>{heading}</h1>" in html
    assert "{%" not in html and "{{" not in html and "{#" not in html


def test_wagtails_default_welcome_page_does_not_fail(client):
    root = Page.objects.get(depth=1)
    welcome = root.add_child(instance=Page(title="Välkommen", slug="valkommen-test"))
    Site.objects.create(hostname="welcome.test", port=80, root_page=welcome)
    response = client.get("/", HTTP_HOST="welcome.test")
    assert response.status_code == 200


# Partials and blocks


def render_block(name, value):
    block = BodyBlock().child_blocks[name]
    return block.render(block.to_python(value) if isinstance(value, dict) else value)


def test_heading_block_renders_the_chosen_level():
    assert (
        render_block("heading", {"text": "Bakgrund", "level": "h3"}).strip() == "<h3>Bakgrund</h3>"
    )
    assert "<h2>Bakgrund</h2>" in render_block("heading", {"text": "Bakgrund", "level": "h2"})


def test_quote_block_is_a_figure_with_blockquote_and_caption():
    html = render_block("quote", {"text": "Vi ringer samma dag.", "attribution": "Mentor"})
    assert re.search(r"<figure[^>]*>\s*<blockquote[^>]*><p>Vi ringer samma dag.</p>", html)
    assert re.search(r"<figcaption[^>]*>Mentor</figcaption>", html)


def test_fact_box_is_an_aside_with_its_source():
    html = render_block(
        "fact_box", {"title": "I siffror", "text": "<p>Över 70 kommuner.</p>", "source": "SKL"}
    )
    assert html.strip().startswith("<aside") and "I siffror" in html
    assert "Källa: SKL" in html


def test_document_block_names_format_and_size(media):
    document = make_document("Checklista", "checklista.pdf", 12 * 1024)
    html = render_block("document", {"document": document.pk, "title": ""})
    assert f'href="{document.url}"' in html
    assert "Checklista" in html and "(PDF, 12 kB)" in html


def test_video_block_gives_the_player_the_editors_title():
    url = "https://www.youtube.com/watch?v=abc123"
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html='<iframe width="200" height="113" src="https://www.youtube-nocookie.com/embed/abc123"'
        ' title="YouTube video player" allowfullscreen></iframe>',
    )
    block = BodyBlock().child_blocks["video"]
    value = block.to_python({"video": url, "title": "Film från Lerums gymnasium", "caption": ""})
    assert isinstance(value["video"], EmbedValue)
    html = block.render(value)
    assert '<iframe title="Film från Lerums gymnasium"' in html
    assert "YouTube video player" not in html
    assert "style=" not in html
    assert f'href="{url}"' in html


def test_pagination_keeps_the_filters_and_marks_the_current_page():
    request = RequestFactory().get("/utforska/", {"faktor": "samverkan", "sida": "2"})
    items = Paginator(list(range(100)), 20).get_page(2)
    html = render_to_string("includes/pagination.html", {"items": items}, request=request)

    assert 'aria-label="Sidnumrering"' in html
    assert '?faktor=samverkan&amp;sida=3"' in html
    assert re.search(r'sida=2" aria-current="page"', html)
    assert "Föregående" in html and "Nästa" in html


def test_pagination_leaves_gaps_in_long_listings():
    request = RequestFactory().get("/forskning/", {"sida": "10"})
    items = Paginator(list(range(400)), 20).get_page(10)
    html = render_to_string("includes/pagination.html", {"items": items}, request=request)

    assert "Sida 10 av 20" in html
    assert html.count("…") == 2
    assert '?sida=1"' in html and '?sida=20"' in html and '?sida=5"' not in html


def test_pagination_links_every_step_and_escapes_what_the_visitor_typed():
    request = RequestFactory().get("/sok/", {"q": '<script>"x" & y', "sida": "1"})
    first = Paginator(list(range(100)), 20).get_page(1)
    html = " ".join(
        render_to_string("includes/pagination.html", {"items": first}, request=request).split()
    )
    query = "?q=%3Cscript%3E%22x%22+%26+y&amp;sida="
    assert "<script>" not in html and "Föregående" not in html
    assert (
        f'<li><a class="pagination__number" href="{query}1" aria-current="page">'
        '<span class="visually-hidden">Sida </span>1</a></li>'
    ) in html
    assert (
        f'<li><a class="pagination__number" href="{query}2">'
        '<span class="visually-hidden">Sida </span>2</a></li>'
    ) in html
    assert (
        f'<li><a class="pagination__step" href="{query}2" rel="next">Nästa'
        '<span class="visually-hidden"> sida</span></a></li> </ul> </nav>'
    ) in html
    last = Paginator(list(range(100)), 20).get_page(5)
    html = " ".join(
        render_to_string("includes/pagination.html", {"items": last}, request=request).split()
    )
    assert (
        '<nav class="pagination" aria-label="Sidnumrering"> '
        '<p class="pagination__status">Sida 5 av 5</p> <ul class="pagination__list"> '
        f'<li><a class="pagination__step" href="{query}4" rel="prev">Föregående'
        '<span class="visually-hidden"> sida</span></a></li>'
    ) in html
    assert "Nästa" not in html and "pagination__gap" not in html


def test_pagination_keeps_repeated_and_swedish_parameters_and_one_page_number():
    request = RequestFactory().get(
        "/utforska/?faktor=samverkan&faktor=flexibilitet&kommun=ale&q=l%C3%A4xhj%C3%A4lp"
        "&sida=7&sida=9"
    )
    items = Paginator(list(range(400)), 20).get_page(9)
    html = render_to_string("includes/pagination.html", {"items": items}, request=request)
    hrefs = re.findall(r'href="([^"]+)"', html)
    query = "?faktor=samverkan&amp;faktor=flexibilitet&amp;kommun=ale&amp;q=l%C3%A4xhj%C3%A4lp"
    assert hrefs == [f"{query}&amp;sida={n}" for n in (8, 1, 7, 8, 9, 10, 11, 20, 10)]
    assert html.count('<span class="pagination__gap">…</span>') == 2


def test_pagination_is_empty_for_a_single_page():
    request = RequestFactory().get("/utforska/")
    items = Paginator([1, 2], 20).get_page(1)
    assert (
        render_to_string("includes/pagination.html", {"items": items}, request=request).strip()
        == ""
    )


def test_related_content_renders_nothing_without_pages():
    assert render_to_string("includes/related_content.html", {}).strip() == ""
    assert render_to_string("includes/related_content.html", {"related_pages": []}).strip() == ""


def test_names_are_listed_as_swedish_writes_them():
    from pluginnovation.home.templatetags.site_tags import swedish_list

    assert swedish_list([]) == ""
    assert swedish_list(["samverkan"]) == "samverkan"
    assert swedish_list(["a", "b"]) == "a och b"
    assert swedish_list(["a", "b", "c", "d"]) == "a, b, c och d"
