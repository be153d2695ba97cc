"""Research articles say what kind of publication they summarise, when it came out, and lead
the reader to the publication itself, never to a publisher's home page."""

from django.core.exceptions import ValidationError
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from pluginnovation.home.demo.datafiles import DATA_DIR
from pluginnovation.home.demo.pagefiles import RESEARCH, read_pages
from pluginnovation.taxonomy.models import SuccessFactor
from research.forms import TYPE_REQUIRED_MESSAGE
from research.links import HOME_PAGE_MESSAGE, publication_link_error
from research.models import ResearchArticlePage, ResearchIndexPage

pytestmark = pytest.mark.django_db


def add_url():
    parent = ResearchIndexPage.objects.get()
    return f"/admin/pages/add/research/researcharticlepage/{parent.pk}/"


def article_data(title, **fields):
    data = {
        "title": title,
        "slug": "",
        "summary": "Kort.",
        "published_date": "2024-05-02",
        "authors": "A. Forskare",
        "year": "2019",
        "publisher": "Skolverket",
        "publication_type": "utvardering",
        "study_design": "",
        "link": "",
        "doi": "",
        "key_findings": rich_text("<p>Resultat.</p>"),
        "body": inline_formset([]) | {"count": "0"},
        "comments": inline_formset([]),
    }
    data.update(fields)
    flat = nested_form_data(data)
    flat["factors"] = [str(SuccessFactor.objects.order_by("sort_order").first().pk)]
    return flat


def live_article(**fields):
    page = Page.objects.live().type(ResearchArticlePage).order_by("path").first().specific
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


# The link rule


@pytest.mark.parametrize(
    "url",
    [
        "https://www.skolverket.se/",
        "https://www.skolverket.se",
        "http://ifau.se/",
        "https://www.oecd.org/index.html",
        "https://www.regeringen.se/sv/",
        "https://skr.se/#rapporter",
        "ftp://files.example.org/rapport.pdf",
    ],
)
def test_a_home_page_or_non_web_address_is_not_a_publication_link(url):
    assert publication_link_error(url)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://www.skolverket.se/publikationsserier/allmanna-rad/2012/franvaro",
        "http://www.ifau.se/Upload/pdf/se/2009/r09-08.pdf",
        "https://example.org/rapport?id=12",
    ],
)
def test_a_deep_link_or_no_link_is_accepted(url):
    assert publication_link_error(url) is None


def test_the_model_refuses_a_publishers_home_page_with_a_swedish_message():
    page = ResearchArticlePage.objects.order_by("path").first()
    page.link = "https://www.skolverket.se/"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["link"] == [HOME_PAGE_MESSAGE]


def test_the_admin_form_shows_the_home_page_message_and_saves_nothing(admin_client):
    title = "Startsidelänk"
    data = article_data(title, link="https://www.skolverket.se/")
    response = admin_client.post(add_url(), data)
    assert response.status_code == 200
    assert response.context["form"].errors["link"] == [HOME_PAGE_MESSAGE]
    assert not ResearchArticlePage.objects.filter(title=title).exists()


def test_a_new_page_cannot_be_published_without_a_publication_type(admin_client):
    title = "Utan typ"
    data = article_data(title, publication_type="") | {"action-publish": "action-publish"}
    response = admin_client.post(add_url(), data)
    assert response.status_code == 200
    assert response.context["form"].errors["publication_type"] == [TYPE_REQUIRED_MESSAGE]
    assert not ResearchArticlePage.objects.filter(title=title).exists()


def test_a_draft_may_wait_for_its_publication_type(admin_client):
    """As with Wagtail's other required fields, a draft can be saved half-filled."""
    title = "Utkast utan typ"
    response = admin_client.post(add_url(), article_data(title, publication_type=""))
    assert response.status_code == 302
    assert not ResearchArticlePage.objects.get(title=title).live


def test_the_admin_form_refuses_an_unknown_study_design(admin_client):
    title = "Okänd design"
    response = admin_client.post(add_url(), article_data(title, study_design="gissning"))
    assert response.status_code == 200
    assert "study_design" in response.context["form"].errors
    assert not ResearchArticlePage.objects.filter(title=title).exists()


def test_a_complete_form_saves_type_design_and_deep_link(admin_client):
    title = "Fullständig publikation"
    link = "https://www.skolverket.se/publikationer/franvaro"
    data = article_data(title, study_design="kvalitativ", link=link)
    response = admin_client.post(add_url(), data)
    assert response.status_code == 302, response.context["form"].errors
    page = ResearchArticlePage.objects.get(title=title)
    assert (page.publication_type, page.study_design, page.link) == (
        "utvardering",
        "kvalitativ",
        link,
    )


def test_an_existing_page_without_a_type_can_still_be_edited(admin_client):
    page = live_article(publication_type="")
    edit_url = f"/admin/pages/{page.pk}/edit/"
    form = admin_client.get(edit_url).context["form"]
    assert not form.fields["publication_type"].required


# The page


def test_the_page_shows_type_and_year_together(client):
    page = live_article(publication_type="utvardering", year=2018)
    html = client.get(page.url).content.decode()
    assert "Utvärdering, 2018" in html


def test_an_unknown_type_reads_uppgift_saknas(client):
    page = live_article(publication_type="", study_design="")
    html = client.get(page.url).content.decode()
    assert page.publication_year_label == str(page.year)
    assert "<dt>Typ av publikation</dt>\n                <dd>uppgift saknas</dd>" in html


def test_a_missing_design_is_shown_only_where_a_study_is_expected(client):
    evaluation = live_article(publication_type="utvardering", study_design="")
    html = client.get(evaluation.url).content.decode()
    assert "<dt>Studiedesign</dt>\n                    <dd>uppgift saknas</dd>" in html
    advice = live_article(publication_type="allmanna-rad", study_design="")
    assert "Studiedesign" not in client.get(advice.url).content.decode()
    designed = live_article(publication_type="utvardering", study_design="kvalitativ")
    assert "<dd>Kvalitativ</dd>" in client.get(designed.url).content.decode()


def test_read_the_publication_prefers_the_pdf_then_the_doi_then_the_link(client):
    pdf = get_document_model().objects.order_by("pk").first()
    link = "https://example.org/rapporter/avbrott"
    page = live_article(pdf=pdf, doi="10.1080/00313831.2015.1066436", link=link)
    assert page.publication_url == pdf.url
    page = live_article(pdf=None, doi="10.1080/00313831.2015.1066436", link=link)
    assert page.publication_url == "https://doi.org/10.1080/00313831.2015.1066436"
    html = client.get(page.url).content.decode()
    assert 'href="https://doi.org/10.1080/00313831.2015.1066436">Läs publikationen' in html
    page = live_article(pdf=None, doi="", link=link)
    html = client.get(page.url).content.decode()
    assert f'href="{link}">Läs publikationen' in html


def test_without_pdf_doi_or_link_the_page_says_so(client):
    page = live_article(pdf=None, doi="", link="")
    html = client.get(page.url).content.decode()
    assert page.publication_url == ""
    assert "Läs publikationen" not in html


# The demo data


def demo_articles():
    return read_pages(DATA_DIR / "research", RESEARCH)


def test_every_demo_link_points_at_a_publication_not_a_home_page():
    problems = {
        entry.name: entry.fields["link"]
        for entry in demo_articles()
        if publication_link_error(entry.fields.get("link", ""))
    }
    assert problems == {}


def test_every_demo_article_names_a_known_publication_type():
    types = {value for value, _ in ResearchArticlePage.PUBLICATION_TYPES}
    kinds = {entry.name: entry.fields.get("publication_type") for entry in demo_articles()}
    assert all(kind in types for kind in kinds.values()), kinds


def test_the_loaded_demo_articles_carry_their_type():
    pages = ResearchArticlePage.objects.all()
    assert pages.exists()
    assert not pages.filter(publication_type="").exists()


def test_a_research_card_shows_type_and_year():
    page = live_article(publication_type="bok", year=2011)
    with translation.override("sv"):
        assert page.card_facts() == [("Publikation", "Bok, 2011")]
    with translation.override("en"):
        assert page.card_facts() == [("Publication", "Book, 2011")]


def test_the_migration_fills_an_existing_demo_page_and_drops_its_start_page_link():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("research.migrations.0004_fill_demo_publication_types")
    page = ResearchArticlePage.objects.get(slug="skolverket-allmanna-rad-franvaro")
    # As a site loaded before the new fields: no type, the old start-page link.
    ResearchArticlePage.objects.filter(pk=page.pk).update(
        publication_type="", link="https://www.skolverket.se/"
    )
    page.refresh_from_db()
    page.save_revision(clean=False)  # the old link fails today's rule, as it would then
    edited = ResearchArticlePage.objects.get(slug="rumberger-dropping-out")
    ResearchArticlePage.objects.filter(pk=edited.pk).update(
        publication_type="forskningsoversikt", link="https://www.hup.harvard.edu/books/x"
    )

    migration.fill(apps, None)

    page.refresh_from_db()
    assert (page.publication_type, page.link) == ("allmanna-rad", "")
    latest = page.get_latest_revision().content
    assert (latest["publication_type"], latest["link"]) == ("allmanna-rad", "")
    edited.refresh_from_db()
    # An editor's own values are kept.
    assert (edited.publication_type, edited.link) == (
        "forskningsoversikt",
        "https://www.hup.harvard.edu/books/x",
    )


# The two dates of a research summary


def test_a_research_listing_sorts_by_the_year_the_publications_came_out(client):
    index = ResearchIndexPage.objects.get()
    response = client.get(f"{index.url}?ordning=utgiven")
    years = [page.year for page in response.context["items"]]
    assert len(years) > 2 and years == sorted(years, reverse=True)
    html = response.content.decode()
    assert "Nyast utgivna först" in html
    # The default stays newest in the knowledge bank first, whatever the publications' years.
    default = client.get(index.url).context["items"]
    dates = [page.published_date for page in default]
    assert dates == sorted(dates, reverse=True)


def test_a_research_card_and_page_say_the_date_is_when_it_was_published_here(client):
    page = live_article(year=2012)
    index = client.get(ResearchIndexPage.objects.get().url).content.decode()
    assert "Publicerad i kunskapsbanken" in index
    html = client.get(page.url).content.decode()
    assert "<dt>Publicerad i kunskapsbanken</dt>" in html
    english = client.get("/en/utforska/?typ=forskning").content.decode()
    assert "Published in the knowledge bank" in english


def test_other_cards_keep_publicerad(client):
    html = client.get("/utforska/?typ=metod").content.decode()
    assert "Publicerad" in html and "Publicerad i kunskapsbanken" not in html
