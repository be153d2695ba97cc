"""The search and listing views in the English pages' chrome (/en/sok/, /en/framgangsfaktorer/,
/en/utforska/, /en/resultat/): English interface text, Swedish content marked lang="sv", the
Swedish pages unchanged, bad input answered with a normal page, and bounded queries.

The interface strings' msgids are the Swedish text; the English is in the search app's
catalogue (pluginnovation/search/locale/en/LC_MESSAGES/django.po).
"""

import gettext
import re
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape

import polib
import pytest

from casestudies.models import CaseStudyResult
from pluginnovation.discovery import cache as discovery_cache
from pluginnovation.taxonomy.models import SuccessFactor, TargetGroup
from tests.query_ceiling import CEILING

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "pluginnovation/search/locale/en/LC_MESSAGES/django.po"
# Where the catalogue's msgids come from: the templates and the Python of the project.
SOURCE_DIRS = ["templates", "pluginnovation", "research", "casestudies", "methods"]


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def hits(html):
    """The search hits' markup, one string per hit."""
    return re.findall(r'<li class="card search-hit.*?\n</li>', html, re.S)


# --- Search ------------------------------------------------------------------------------


def test_the_english_search_speaks_english_and_marks_the_swedish_hits(client):
    html = get(client, "/en/sok/?q=frånvaro")
    assert "Search results for “frånvaro”" in html
    assert '<h2 class="facet-panel__heading" id="filter-heading">Filter</h2>' in html
    for legend in ["Success factor", "Type of content", "Target group", "Year published"]:
        assert f'<legend class="facet__legend">{legend}</legend>' in html
    assert re.search(r'id="results-heading">\d+ results</h2>', html)
    assert 'id="sort-links-label">Sort by:</p>' in html
    assert ">Relevance</a>" in html and ">Newest first</a>" in html
    # Types are named in English; the factors' options too.
    assert '<label for="f-typ-metod">Methods ' in html
    assert '<label for="f-faktor-samverkan">Collaboration ' in html
    found = hits(html)
    assert found
    for hit in found:
        assert re.search(r'<h3 class="card__title"><a href="[^"]+" lang="sv" hreflang="sv">', hit)
        assert '<p class="card__summary" lang="sv">' in hit
        assert '<span class="language-note">in Swedish</span>' in hit
        assert '<span class="visually-hidden">From the text: </span><span lang="sv">' in hit
        # Saved in English, the Swedish title named in Swedish.
        assert '<span class="save-button__label">Save</span>' in hit
        assert '<span class="save-button__saved" hidden>Saved</span>' in hit
        assert re.search(r'<span class="visually-hidden" lang="sv"> [^<]+</span></button>', hit)
    # Links stay in English; the parameters keep their names.
    assert 'href="/en/sok/?q=fr%C3%A5nvaro&amp;ordning=nyast#results-heading"' in html
    for swedish in ["Sökresultat för", "Filtrera", " träffar<", "Sortera:", "Typ av innehåll"]:
        assert swedish not in html


def test_the_swedish_search_is_unchanged(client):
    html = get(client, "/sok/?q=frånvaro")
    assert "Sökresultat för ”frånvaro”" in html
    assert re.search(r'id="results-heading">\d+ träffar</h2>', html)
    assert '<legend class="facet__legend">Typ av innehåll</legend>' in html
    assert ">Relevans</a>" in html and ">Nyast först</a>" in html
    assert '<label for="f-faktor-samverkan">Samverkan ' in html
    assert '<span class="visually-hidden">Ur texten: </span><mark>' in html or "Ur texten: " in html
    for hit in hits(html):
        assert 'lang="' not in hit
        assert "language-note" not in hit
        assert '<p class="card__type">' in hit
    assert "Search results" not in html and "in Swedish" not in html


def test_the_english_search_without_hits_gives_english_advice(client):
    html = get(client, "/en/sok/?q=qwxzvyq")
    assert "No results for “qwxzvyq”" in html
    assert "Find it another way" in html
    assert "Check the spelling" in html
    assert 'href="/en/utforska/">Explore all content</a>' in html
    # The factor cards in English.
    assert ">Collaboration</a>" in html


def test_the_empty_english_search_page(client):
    html = get(client, "/en/sok/")
    assert "Search the knowledge bank" in html
    assert "Start with a success factor" in html


def test_the_english_search_names_its_filters_and_pages(client):
    html = get(client, "/en/sok/?q=elever&faktor=samverkan&typ=metod")
    assert "Active filters:" in html
    assert "Success factor: Collaboration" in html
    assert "Type of content: Methods" in html
    assert ">Clear all</a>" in html
    assert '<span class="visually-hidden">Remove the filter </span>' in html


def test_swedish_names_among_english_filters_and_buttons_are_marked(client):
    html = get(client, "/en/utforska/?typ=fallstudie")
    counties = html[html.index('id="f-lan-') - 200 :].split("</ul>", 1)[0]
    # (Counties without pages are not listed; any county is.)
    assert re.search(r'<label for="f-lan-[a-z]+"><span lang="sv">[^<]+ län</span>', counties)
    # Options the site names in English are not marked.
    assert re.search(r'<label for="f-skolform-[^"]+">[A-Z][a-z]', html)
    # Each Spara button names its Swedish page for screen readers, in Swedish.
    hidden = re.findall(r'<span class="visually-hidden"( lang="sv")?> [^<]+</span></button>', html)
    assert hidden and all(hidden)


@pytest.mark.parametrize(
    "url, message",
    [
        ("/en/sok/?q=frånvaro&faktor=finns-inte&typ=bogus", "Unknown filter value ignored: "),
        ("/en/sok/?q=frånvaro&ordning=bogus", "Unknown sort order ignored: ordning=bogus"),
        ("/en/sok/?q=" + "frånvaro " * 400, "Your query was too long"),
        ("/en/sok/?q=%E2%80%8B%00", ""),
        ("/en/sok/?q=?!", "Your query contained no words to search for."),
        ("/en/sok/?q=frånvaro&sida=²", ""),
        ("/en/sok/?q=frånvaro&sida=99999999999", ""),
        ("/en/utforska/?sida=²&kommun=" + "x" * 300, "Unknown filter value ignored: "),
        ("/en/utforska/?ordning=%3Cscript%3E", "Unknown sort order ignored: "),
        ("/en/framgangsfaktorer/samverkan/?sida=²", ""),
        ("/en/resultat/?faktor=finns-inte&sida=²", "does not exist and was not used."),
        ("/en/resultat/?indikator=%3Cb%3E", "The indicator filter “&lt;b&gt;” does not exist"),
    ],
)
def test_bad_input_on_english_pages_gives_a_normal_english_page(client, url, message):
    html = get(client, url)
    assert message in html
    assert "<script>" not in html
    for swedish in ["ignorerades", "finns inte och användes inte", "Sökfrågan"]:
        assert swedish not in html


def test_an_unknown_factor_is_not_found_in_english_too(client):
    assert client.get("/en/framgangsfaktorer/finns-inte/").status_code == 404


# --- Factor pages ------------------------------------------------------------------------


def test_the_english_factor_page_shows_the_english_wording(client):
    factor = SuccessFactor.objects.get(slug="samverkan")
    assert factor.name_en == "Collaboration" and factor.definition_en
    html = get(client, "/en/framgangsfaktorer/samverkan/")
    assert "<h1>Collaboration</h1>" in html
    assert escape(factor.definition_en) in html
    assert '<p class="page-header__type">Success factor</p>' in html
    assert "<title>Collaboration – success factor" in html
    assert re.search(r'<h2 id="group-forskning">Research <span', html)
    assert re.search(r"Show all \d+ (research articles|research article) on collaboration", html)
    assert "Other success factors" in html
    assert 'href="/en/utforska/?faktor=samverkan"' in html
    assert "Framgångsfaktor<" not in html and "Visa alla" not in html


def test_the_swedish_factor_page_is_unchanged(client):
    factor = SuccessFactor.objects.get(slug="samverkan")
    html = get(client, "/framgangsfaktorer/samverkan/")
    assert "<h1>Samverkan</h1>" in html
    assert escape(factor.definition) in html
    assert '<p class="page-header__type">Framgångsfaktor</p>' in html
    assert re.search(r"Visa alla \d+ forskningsartik\w+ om samverkan", html)
    assert "Andra framgångsfaktorer" in html
    assert "Collaboration" not in html


def test_a_factor_without_english_wording_shows_the_swedish_marked(client):
    SuccessFactor.objects.filter(slug="samverkan").update(name_en="", definition_en="")
    html = get(client, "/en/framgangsfaktorer/samverkan/")
    assert '<h1 lang="sv">Samverkan</h1>' in html
    assert re.search(r'<p class="lead" lang="sv">', html)
    overview = get(client, "/en/framgangsfaktorer/")
    assert 'lang="sv">Samverkan</a>' in overview


def test_the_english_factor_list(client):
    html = get(client, "/en/framgangsfaktorer/")
    assert "<h1>Success factors</h1>" in html
    for factor in SuccessFactor.objects.all():
        assert f">{factor.name_en}</a></h2>" in html
        assert escape(factor.definition_en) in html
        assert f'href="/en/framgangsfaktorer/{factor.slug}/"' in html
    assert re.search(r"<li>Research: \d+</li>", html)
    assert re.search(r"<li>Case studies: \d+</li>", html)
    assert "Explore all content with filters" in html


# --- Explore and results -----------------------------------------------------------------


def test_the_english_explore_page(client):
    html = get(client, "/en/utforska/?typ=metod&ordning=evidens")
    assert "<h1>Explore all content</h1>" in html
    assert (
        '<legend class="facet__legend">Strength of evidence'
        ' <span class="facet__only">(methods only)</span></legend>' in html
    )
    assert "Strongest evidence first" in html and "Least staff time first" in html
    assert "Type of content: Methods" in html
    # Swedish names (projects, keywords) are marked as Swedish within the English form.
    assert re.search(r'<label for="f-projekt-[\w-]+"><span lang="sv">', html)


def test_research_cards_on_english_pages_say_their_facts_in_english(client):
    html = get(client, "/en/utforska/?typ=forskning")
    facts = re.findall(r'<div class="card__fact"><dt>([^<]*)</dt><dd>([^<]*)</dd></div>', html)
    assert facts
    assert {label for label, _value in facts} == {"Publication"}
    english = {"Research review", "Evaluation", "General guidelines", "Government agency report"}
    assert any(value.split(",")[0] in english for _label, value in facts)
    # The Swedish listing is unchanged.
    swedish = get(client, "/utforska/?typ=forskning")
    assert "<dt>Publikation</dt><dd>Forskningsöversikt, " in swedish


def test_english_pagination(client):
    html = get(client, "/en/utforska/?sida=2")
    assert re.search(r'<p class="pagination__status">Page 2 of \d+</p>', html)
    assert 'aria-label="Pagination"' in html
    assert 'rel="prev">Previous<span class="visually-hidden"> page</span>' in html
    assert "sida=1" in html
    swedish = get(client, "/utforska/?sida=2")
    assert re.search(r'<p class="pagination__status">Sida 2 av \d+</p>', swedish)
    assert 'rel="prev">Föregående<span class="visually-hidden"> sida</span>' in swedish


def test_the_english_results_overview_marks_the_swedish_case_studies(client):
    html = get(client, "/en/resultat/")
    assert "<h1>Results from local work</h1>" in html
    assert "How to read the figures:" in html
    assert re.search(r"\d+ results from \d+ case stud(y|ies)\.", html)
    assert "<dt>Direction unknown</dt>" in html and "<dt>Improvement</dt>" in html
    assert "By project" in html and "By region" in html
    assert '<th scope="col">What was measured</th>' in html
    assert re.search(r'<td><a href="[^"]+" lang="sv">[^<]+</a> <span', html)
    assert "Sammanställning" not in html


def test_the_english_results_overview_marks_the_swedish_units_and_sources(client):
    """Units ("av 7 elever") and sources are the editors' Swedish: marked so (WCAG 3.1.2)."""
    html = get(client, "/en/resultat/")
    table = html[html.index('<table class="results-table results-rows">') :]
    rows = re.findall(
        r"<tr>(.*?)</tr>", table[table.index("<tbody>") : table.index("</tbody>")], re.S
    )
    assert rows
    for row in rows:
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        after, source = cells[4], cells[7]
        assert source.startswith('<span lang="sv">'), source
        if not re.fullmatch(r"[\d.,\s]+", after):
            assert '<span lang="sv">' in after, after
    swedish = get(client, "/resultat/")
    assert (
        '<span lang="sv">'
        not in swedish[swedish.index('<table class="results-table results-rows">') :]
    )


def test_the_count_sentences_use_english_plurals():
    for language, one, many in [("en", "1 result", "2 results"), ("sv", "1 träff", "2 träffar")]:
        with translation.override(language):
            for count, expected in [(1, one), (2, many)]:
                html = render_to_string(
                    "search/includes/results.html",
                    {"result_count": count, "items": None, "card_template": "x"},
                )
                assert f'id="results-heading">{expected}</h2>' in html


# --- Suggestions and caches --------------------------------------------------------------


@pytest.fixture
def caching(monkeypatch):
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    cache.clear()
    yield
    cache.clear()


def test_cached_suggestions_are_kept_apart_per_language(client, caching):
    english = client.get("/en/sok/forslag/", {"q": "samv"}).json()
    swedish = client.get("/sok/forslag/", {"q": "samv"}).json()
    factor = {
        "label": "Samverkan",
        "url": "/framgangsfaktorer/samverkan/",
        "kind": "Framgångsfaktor",
    }
    assert factor in swedish
    english_factor = {
        "label": "Collaboration",
        "url": "/en/framgangsfaktorer/samverkan/",
        "kind": "Success factor",
    }
    assert english_factor in english
    # Found by its English name too, on the English pages only.
    assert english_factor in client.get("/en/sok/forslag/", {"q": "collab"}).json()
    assert client.get("/sok/forslag/", {"q": "collab"}).json() == []


def test_cached_results_summaries_are_named_in_the_language_shown(client, caching):
    page = CaseStudyResult.objects.exclude(kind="beskrivning").select_related("page").first().page
    page.projects.set([])
    page.save()
    assert "Inget projekt angivet" in get(client, "/resultat/")
    # The summaries now come from the cache the Swedish page filled.
    html = get(client, "/en/resultat/")
    assert "No project given" in html and "Inget projekt angivet" not in html
    assert "Inget projekt angivet" in get(client, "/resultat/")


# --- Query counts ------------------------------------------------------------------------


def test_english_listings_cost_no_more_queries(client, django_assert_max_num_queries):
    urls = [
        "/en/utforska/?faktor=samverkan&typ=fallstudie&insatstyp=forebyggande",
        "/en/utforska/?typ=metod&evidens=3&ordning=insats",
        "/en/framgangsfaktorer/",
        "/en/framgangsfaktorer/samverkan/",
        "/en/sok/?q=frånvaro",
        "/en/sok/?q=elever+skolan&faktor=samverkan&typ=metod",
        "/en/sok/?q=qwxzvyq",
        "/en/resultat/?indikator=avbrott&region=kalmar-lan&faktor=finns-inte",
        "/en/resultat/",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
        with django_assert_max_num_queries(CEILING, info=url):
            client.get(url)


@pytest.mark.parametrize(
    "model, param, slug, label, before, after",
    [
        (
            SuccessFactor,
            "faktor",
            "samverkan",
            "Success factor",
            "Collaboration",
            "Working together",
        ),
        (
            TargetGroup,
            "malgrupp",
            "introduktionsprogram",
            "Target group",
            "Introductory programmes",
            "Introduction programmes",
        ),
    ],
)
def test_a_term_renamed_in_english_is_renamed_in_the_filters_on_the_next_request(
    client, model, param, slug, label, before, after
):
    assert f'<label for="f-{param}-{slug}">{before} ' in get(client, "/en/utforska/")
    term = model.objects.get(slug=slug)
    term.name_en = after
    term.save()
    html = get(client, f"/en/utforska/?{param}={slug}")
    assert f'<label for="f-{param}-{slug}">{after} ' in html
    assert f"{label}: {after}" in html


def test_target_groups_levels_and_types_are_named_in_english(client):
    html = get(client, "/en/utforska/?insatstyp=forebyggande&niva=individ")
    assert '<label for="f-insatstyp-forebyggande">Preventive ' in html
    assert '<label for="f-insatstyp-atgardande">Remedial ' in html
    assert '<label for="f-niva-individ">Individual level ' in html
    assert '<label for="f-malgrupp-nyanlanda">Newly arrived students ' in html
    assert "Type of intervention: Preventive" in html and "Level: Individual level" in html
    for swedish in ("Förebyggande", "Individnivå", "Nyanlända elever"):
        assert swedish not in html
    # Proper names stay Swedish, marked as such.
    assert re.search(r'<label for="f-lan-[a-z]+"><span lang="sv">[^<]+ län</span>', html)
    swedish_page = get(client, "/utforska/?insatstyp=forebyggande")
    assert '<label for="f-insatstyp-forebyggande">Förebyggande ' in swedish_page
    assert "Preventive" not in swedish_page


def test_a_term_without_an_english_name_shows_the_swedish_marked(client):
    TargetGroup.objects.filter(slug="nyanlanda").update(name_en="")
    html = get(client, "/en/utforska/?malgrupp=nyanlanda")
    assert '<label for="f-malgrupp-nyanlanda"><span lang="sv">Nyanlända elever</span> ' in html
    assert '<label for="f-malgrupp-introduktionsprogram">Introductory programmes ' in html
    assert 'Target group: <span lang="sv">Nyanlända elever</span>' in html


def test_every_suggested_page_type_is_named_in_english(client):
    """The suggestions name each page's type ("Method", "Page for a role") from its model's
    verbose names, through the catalogue: none may be left in Swedish on the English pages."""
    from django.utils.translation import ngettext

    from wagtail.models import get_page_models

    untranslated = []
    with translation.override("en"):
        for model in get_page_models():
            if model._meta.app_label == "wagtailcore":
                continue
            names = (str(model._meta.verbose_name), str(model._meta.verbose_name_plural))
            if ngettext(*names, 1) == names[0]:
                untranslated.append(model.__name__)
    assert untranslated == []
    kinds = {s["kind"] for s in client.get("/en/sok/forslag/", {"q": "mentor"}).json()}
    assert kinds and not kinds & {"Ingång för en roll", "Lista över roller"}


# --- The catalogue -----------------------------------------------------------------------


def source_text():
    parts = []
    for folder in SOURCE_DIRS:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".py", ".html"} and ".venv" not in path.parts:
                parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def in_sources(msgid, text):
    """A msgid as written in Python ("%(count)s") or in a template ("{{ count }}")."""
    pieces = PLACEHOLDER.split(msgid)
    pattern = ""
    for index, piece in enumerate(pieces):
        if index % 2:
            pattern += rf"(?:%\({piece}\)s|\{{\{{ ?{piece} ?\}}\}})"
        else:
            pattern += re.escape(piece)
    return re.search(pattern, text) is not None


def test_every_msgid_of_the_catalogue_is_used_and_translated():
    catalogue = polib.pofile(str(CATALOGUE))
    assert catalogue.metadata["Language"] == "en"
    assert catalogue.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    text = source_text()
    unused = [
        msgid
        for entry in catalogue
        for msgid in filter(None, [entry.msgid, entry.msgid_plural])
        if not in_sources(msgid, text)
    ]
    assert unused == []
    for entry in catalogue:
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for msgstr in translations:
            assert msgstr, entry.msgid
            assert set(PLACEHOLDER.findall(msgstr)) == set(PLACEHOLDER.findall(entry.msgid))
    assert catalogue.percent_translated() == 100


def test_the_catalogue_compiles_and_reads_back(tmp_path):
    mo = tmp_path / "django.mo"
    polib.pofile(str(CATALOGUE)).save_as_mofile(str(mo))
    with mo.open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    assert compiled.gettext("Sök i kunskapsbanken") == "Search the knowledge bank"
    assert compiled.ngettext("%(counter)s träff", "%(counter)s träffar", 3) == "%(counter)s results"
    assert compiled.pgettext("pagination", "sida") == "page"


def test_the_swedish_pages_keep_their_text():
    """No catalogue Django reads for Swedish turns one of these Swedish msgids into anything
    else, so the Swedish pages read exactly as before."""
    catalogue = polib.pofile(str(CATALOGUE))
    with translation.override("sv"):
        for entry in catalogue:
            if entry.msgid_plural:
                assert translation.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgid
                assert (
                    translation.ngettext(entry.msgid, entry.msgid_plural, 2) == entry.msgid_plural
                )
            elif entry.msgctxt:
                assert translation.pgettext(entry.msgctxt, entry.msgid) == entry.msgid
            else:
                assert translation.gettext(entry.msgid) == entry.msgid


def test_the_english_results_overview_gives_percentage_points_in_english(client):
    """ "procentenheter" is the site's word for the change of a percentage, not the editor's:
    English on /en/resultat/, Swedish on /resultat/."""
    english = get(client, "/en/resultat/")
    table = english[english.index('<table class="results-table results-rows">') :]
    assert "percentage points" in table and "procentenheter" not in table
    swedish = get(client, "/resultat/")
    assert (
        "procentenheter" in swedish[swedish.index('<table class="results-table results-rows">') :]
    )


def test_the_english_results_overview_marks_the_swedish_names_of_regions_and_projects(client):
    html = client.get("/en/resultat/").content.decode()
    assert re.search(r'<option value="gr"[^>]* lang="sv">Göteborgsregionen', html)
    assert re.search(r'\?region=gr" lang="sv">Göteborgsregionen', html)
    assert re.search(r'\?projekt=plug-in" lang="sv">Plug In<', html)
    assert '<span class="results-rows__region" lang="sv">' in html
    swedish = client.get("/resultat/").content.decode()
    assert 'lang="sv"' not in swedish.split("<main", 1)[1]
