"""What an editor types in the admin is saved as meant, or refused with a Swedish message."""

import datetime
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

import pytest

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from pluginnovation.content.date_inputs import KeptDateTimeInput
from pluginnovation.content.numbers import FigureFormField
from pluginnovation.taxonomy.models import Project, SuccessFactor, TargetGroup
from research.models import ResearchArticlePage
from tests.factories import (
    CaseStudyIndexPageFactory,
    MethodIndexPageFactory,
    MunicipalityFactory,
    ProjectFactory,
    RegionSectionPageFactory,
    ResearchArticlePageFactory,
    ResearchIndexPageFactory,
    site_root,
)

pytestmark = pytest.mark.django_db


def with_factor(data):
    flat = nested_form_data(data)
    flat["factors"] = [str(SuccessFactor.objects.order_by("sort_order").first().pk)]
    return flat


def case_study_data(title, results):
    """A new region section of the site, and the form data of a case study in it."""
    section = RegionSectionPageFactory(parent=CaseStudyIndexPageFactory(parent=site_root()))
    municipality = MunicipalityFactory(region=section.region)
    data = {
        "title": title,
        "slug": "",
        "summary": "Kort.",
        "published_date": "2024-05-02",
        "municipality": str(municipality.pk),
        "organisation": "Exempelgymnasiet",
        "period": "2016–2017",
        "what_was_done": rich_text("<p>Något.</p>"),
        "lessons_learned": rich_text("<p>Något.</p>"),
        "results": inline_formset(results),
        "body": inline_formset([]) | {"count": "0"},
        "comments": inline_formset([]),
    }
    return section, with_factor(data)


def result(before, after, unit="%"):
    return {
        "kind": "resultat",
        "indicator": "narvaro",
        "description": "Närvaro",
        "value_before": before,
        "value_after": after,
        "unit": unit,
        "period": "2016–2017",
        "source": "Lägesrapport",
    }


def add_url(parent, model):
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def test_a_new_page_saves_the_first_time_without_a_slug(admin_client):
    """The slug sits on another tab; an editor who never opens it must still get a page."""
    parent = ResearchIndexPageFactory(parent=site_root())
    data = with_factor(
        {
            "title": "Frånvaro och avbrott – en översikt",
            "slug": "",
            "summary": "Kort.",
            "published_date": "2024-05-02",
            "authors": "A. Forskare",
            "year": "2019",
            "publisher": "Skolverket",
            "key_findings": rich_text("<p>Resultat.</p>"),
            "body": inline_formset([]) | {"count": "0"},
            "comments": inline_formset([]),
        }
    )
    response = admin_client.post(add_url(parent, ResearchArticlePage), data)
    assert response.status_code == 302, response.context["form"].errors
    page = ResearchArticlePage.objects.get(title="Frånvaro och avbrott – en översikt")
    assert page.slug == "franvaro-och-avbrott-en-oversikt"


def test_the_title_field_fills_in_the_slug_as_the_editor_types(admin_client):
    parent = ResearchIndexPageFactory(parent=site_root())
    html = admin_client.get(add_url(parent, ResearchArticlePage)).content.decode()
    # Wagtail's TitleFieldPanel wires the title to the slug field with its sync controller.
    assert 'data-w-sync-target-value="#id_slug"' in html


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("84,5", "84.5"), ("84.5", "84.5"), (" 12 ", "12.0"), ("0,0", "0.0")],
)
def test_result_figures_take_a_decimal_comma_or_point(admin_client, typed, stored):
    title = f"Resultat {stored}"
    section, data = case_study_data(title, [result("70", typed)])
    response = admin_client.post(add_url(section, CaseStudyPage), data)
    assert response.status_code == 302, response.context["form"].formsets["results"].errors
    page = CaseStudyPage.objects.get(title=title)
    assert str(page.results.get().value_after) == stored


@pytest.mark.parametrize(
    ("typed", "read"), [("1 180", "1180"), ("1\xa0180,5", "1180.5"), ("-12 000", "-12000")]
)
def test_a_figure_may_group_thousands_with_a_space(typed, read):
    assert FigureFormField().clean(typed) == Decimal(read)


@pytest.mark.parametrize("typed", ["2 5", "1 18", "12 3456", "1 180 ,5", " "])
def test_a_space_anywhere_else_in_a_figure_is_refused(typed):
    field = FigureFormField(required=False)
    if typed.strip():
        with pytest.raises(ValidationError, match="Mellanrum går bara mellan tusental"):
            field.clean(typed)
    else:
        assert field.clean(typed) is None


def method_data(title, staff_hours):
    return with_factor(
        {
            "title": title,
            "slug": "",
            "summary": "Kort.",
            "published_date": "2024-05-02",
            "purpose": "Syfte.",
            "audience": "Mentorer.",
            "steps": streamfield(
                [("step", {"title": "Ett steg", "text": rich_text("<p>Gör.</p>")})]
            ),
            "time_and_resources": "En timme.",
            "material": inline_formset([]) | {"count": "0"},
            "staff_hours_per_week": staff_hours,
            "related_links": inline_formset([]),
            "body": inline_formset([]) | {"count": "0"},
            "comments": inline_formset([]),
        }
    )


@pytest.mark.parametrize(("typed", "stored"), [("2,5", "2.5"), ("2.5", "2.5"), ("4", "4.0")])
def test_a_methods_staff_hours_take_a_decimal_comma(admin_client, typed, stored):
    """A number field: Chromium dropped the comma of "2,5" and sent 25, ten times the time,
    which then led "Minst personaltid först". A text field for decimals, as for results."""
    parent = MethodIndexPageFactory(parent=site_root())
    form = admin_client.get(add_url(parent, MethodPage)).content.decode()
    field = re.search(r'<input[^>]*id="id_staff_hours_per_week"[^>]*>', form).group(0)
    assert 'type="text"' in field and 'inputmode="decimal"' in field
    title = f"Metod {typed}"
    response = admin_client.post(add_url(parent, MethodPage), method_data(title, typed))
    assert response.status_code == 302, (
        response.context["form"].errors,
        {name: f.errors for name, f in response.context["form"].formsets.items()},
        [str(m) for m in response.context["messages"]],
    )
    assert str(MethodPage.objects.get(title=title).staff_hours_per_week) == stored


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("²", "Ange ett tal"),
        ("2 5", "Mellanrum går bara mellan tusental"),
        ("-1", "större än eller lika med 0"),
        ("201", "mindre än eller lika med 200"),
    ],
)
def test_odd_staff_hours_are_refused_with_a_message(admin_client, typed, message):
    parent = MethodIndexPageFactory(parent=site_root())
    response = admin_client.post(add_url(parent, MethodPage), method_data("Metod", typed))
    assert response.status_code == 200
    assert message in str(response.context["form"].errors["staff_hours_per_week"])


@pytest.mark.parametrize(
    ("before", "after", "unit", "message"),
    [
        ("70", "845", "%", "mellan 0 och 100"),
        ("-3", "80", "%", "mellan 0 och 100"),
        ("10", "-2", "elever", "kan inte vara negativt"),
        ("10", "1.234,5", "elever", "Ange ett tal"),
        ("10", "²", "elever", "Ange ett tal"),
        ("10", "84,55", "%", "decimal"),
    ],
)
def test_implausible_result_figures_are_refused_with_a_message(
    admin_client, before, after, unit, message
):
    title = f"Orimligt {before} {after} {unit}"
    section, data = case_study_data(title, [result(before, after, unit)])
    response = admin_client.post(add_url(section, CaseStudyPage), data)
    assert response.status_code == 200
    errors = str(response.context["form"].formsets["results"].errors)
    assert message in errors
    assert not CaseStudyPage.objects.filter(title=title).exists()


@pytest.mark.parametrize("model", [Project, TargetGroup])
@pytest.mark.parametrize("slug", ["Plug-In", "plug in", "plug_in", "plugin/2", "plügin", "-"])
def test_taxonomy_slugs_are_lowercase_ascii_words(model, slug):
    term = model(name="Ett namn", slug=slug)
    with pytest.raises(ValidationError) as error:
        term.full_clean(exclude=["start_year", "end_year", "owner", "sort_order"])
    assert "slug" in error.value.message_dict


def test_a_term_link_and_its_filter_agree(client):
    project = ProjectFactory()
    page = ResearchArticlePageFactory(parent=ResearchIndexPageFactory(parent=site_root()))
    page.projects = [project]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert f"?projekt={project.slug}" in html
    listing = client.get(f"/utforska/?projekt={project.slug}")
    assert not listing.context["filter_message"]
    assert page in listing.context["items"].object_list


@pytest.mark.parametrize("students", ["99999999999999999999", "2000000"])
def test_an_impossible_number_of_students_is_refused_in_plain_swedish(admin_client, students):
    """Refused with "… mindre än eller lika med 9223372036854775807": right, and no help."""
    title = f"Många elever {len(students)}"
    section, data = case_study_data(title, [{**result("70", "80"), "students": students}])
    response = admin_client.post(add_url(section, CaseStudyPage), data)
    assert response.status_code == 200
    errors = str(response.context["form"].formsets["results"].errors)
    assert "fler än en miljon" in errors
    assert "922337" not in errors and "2147483647" not in errors


def test_an_editor_sees_figures_written_the_swedish_way(admin_client):
    section, data = case_study_data("Svenska siffror", [result("1180", "84,5", unit="elever")])
    assert admin_client.post(add_url(section, CaseStudyPage), data).status_code == 302
    page = CaseStudyPage.objects.get(title="Svenska siffror")
    page.save_revision().publish()
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'value="84,5"' in edit and 'value="1180"' in edit
    public = admin_client.get(page.url).content.decode()
    assert "1\xa0180" in public and "84,5" in public


@pytest.mark.parametrize(
    ("field", "value", "refused"),
    [
        ("last_reviewed", "tomorrow", True),
        ("last_reviewed", "today", False),
        ("last_reviewed", datetime.date(1066, 10, 14), True),
        ("published_date", datetime.date(1066, 10, 14), True),
        ("published_date", datetime.date(1998, 5, 1), False),
        # A page to be published later may carry that day, not one years ahead.
        ("published_date", "tomorrow", False),
        ("published_date", datetime.date(2099, 12, 31), True),
    ],
)
def test_implausible_dates_are_refused_with_a_message(admin_client, field, value, refused):
    """Saved without a word: "senast granskad" in 2035 (no editor has checked it then) and a
    publication date in 1066."""
    from django.urls import reverse

    from tests.editorial.support import case_study_form_data

    today = timezone.localdate()
    value = {"today": today, "tomorrow": today + datetime.timedelta(days=1)}.get(value, value)
    page = CaseStudyPage.objects.live().first()
    data = case_study_form_data(page, **{field: value.isoformat()})
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    if refused:
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert "Kontrollera" in " ".join(errors[field]), errors
    else:
        assert response.status_code == 302, response.context["form"].errors


def test_a_version_saved_earlier_still_publishes_whatever_its_dates():
    """The check is on what an editor sends: a scheduled publication or an approval of a
    version saved before it must not fail (the model's own full_clean runs then)."""
    page = CaseStudyPage.objects.live().first()
    page.last_reviewed = timezone.localdate() + datetime.timedelta(days=400)
    page.save_revision().publish()
    assert CaseStudyPage.objects.get(pk=page.pk).last_reviewed == page.last_reviewed


def test_a_publication_day_far_ahead_is_accepted_when_the_page_is_scheduled_for_it():
    from pluginnovation.content.dates import date_errors

    ahead = timezone.localdate() + datetime.timedelta(days=90)
    go_live = timezone.make_aware(datetime.datetime.combine(ahead, datetime.time(8)))
    assert "published_date" in date_errors({"published_date": ahead})
    assert date_errors({"published_date": ahead, "go_live_at": go_live}) == {}
    assert "published_date" in date_errors(
        {"published_date": ahead + datetime.timedelta(days=60), "go_live_at": go_live}
    )


def test_a_news_items_day_before_the_knowledge_bank_is_refused():
    from pluginnovation.content.dates import date_errors

    assert "date" in date_errors({"date": datetime.date(1066, 10, 14)})
    assert date_errors({"date": datetime.date(2016, 10, 14), "title": "x"}) == {}


def standard_page_data(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "",
            "body": inline_formset([]) | {"count": "0"},
            "comments": inline_formset([]),
            "action-publish": "1",
        }
    )


@pytest.mark.parametrize(
    ("slug", "address"),
    [
        ("resultat", "/resultat/"),
        ("utforska", "/utforska/"),
        ("sok", "/sok/"),
        ("karta", "/karta/"),
        ("admin", "/admin/"),
        ("en", "/en/"),
        ("static", "/static/"),
        ("dokument", "/dokument/"),
        ("sitemap-xml", None),
    ],
)
def test_a_page_cannot_take_an_address_the_site_already_answers(admin_client, slug, address):
    """A page "Resultat" below the home page was published at /resultat/, where the results
    view answers: nobody could reach it, and the menu held "Resultat" twice."""
    from pluginnovation.home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="sv")
    response = admin_client.post(add_url(home, StandardPage), standard_page_data("Sida", slug))
    if address is None:
        assert response.status_code == 302
        assert client_text(admin_client, f"/{slug}/")
        return
    assert response.status_code == 200
    assert response.context["form"].errors["slug"] == [
        f"Adressen {address} används redan av webbplatsen. Välj en annan."
    ]
    assert not StandardPage.objects.filter(slug=slug).exists()


def test_a_page_further_down_may_use_such_a_word(admin_client):
    from pluginnovation.home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="sv")
    about = home.get_children().get(slug="om").specific
    response = admin_client.post(
        add_url(about, StandardPage), standard_page_data("Resultat", "resultat")
    )
    assert response.status_code == 302, response.context["form"].errors
    assert "Resultat" in client_text(admin_client, "/om/resultat/")


def client_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_slug_made_from_such_a_title_steps_aside(admin_client):
    from pluginnovation.home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="sv")
    response = admin_client.post(add_url(home, StandardPage), standard_page_data("Resultat", ""))
    assert response.status_code == 302
    assert StandardPage.objects.get(title="Resultat").url == "/resultat-2/"


def test_a_page_cannot_be_moved_to_an_address_the_site_answers(admin_client):
    """Refused on its form, a page "resultat" could still be moved below the home page, where
    /resultat/ never reached it."""
    from django.urls import reverse

    from pluginnovation.home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="sv")
    about = home.get_children().get(slug="om").specific
    page = StandardPage(title="Resultat", slug="resultat")
    about.add_child(instance=page)
    url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, home.pk])
    response = admin_client.post(url, follow=True)
    page.refresh_from_db()
    assert page.get_parent().pk == about.pk
    messages = [str(message) for message in response.context["messages"]]
    assert "kan inte flyttas hit: adressen /resultat/ används redan" in " ".join(messages)


def test_a_copy_or_a_bulk_move_cannot_take_such_an_address_either(admin_client):
    from django.urls import reverse

    from pluginnovation.home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="sv")
    about = home.get_children().get(slug="om").specific
    page = StandardPage(title="Sök", slug="sok")
    about.add_child(instance=page)
    copy = admin_client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": "Sök", "new_slug": "sok", "new_parent_page": str(home.pk)},
        follow=True,
    )
    assert "Kopian kan inte få adressen /sok/" in " ".join(
        str(message) for message in copy.context["messages"]
    )
    assert not home.get_children().filter(slug="sok").exists()
    move = admin_client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"])
        + f"?id={page.pk}&next=/admin/",
        {"chooser": str(home.pk)},
        follow=True,
    )
    assert "Inget flyttades" in " ".join(str(message) for message in move.context["messages"])
    page.refresh_from_db()
    assert page.get_parent().pk == about.pk


def test_below_the_english_home_only_the_addresses_answered_under_en_count():
    from django.utils import translation

    from pluginnovation.content import addresses
    from pluginnovation.home.models import HomePage

    addresses.routed_segments.cache_clear()
    with translation.override("en"):  # the first call under /en/ once read only the root
        routed = addresses.routed_segments()
    assert {"sok", "resultat", "utforska"} <= routed.in_every_language
    assert {"admin", "tipsa", "en", "static"} <= routed.everywhere
    english = HomePage.objects.get(locale__language_code="en")
    assert addresses.taken_address("sok", english) == "/en/sok/"
    assert addresses.taken_address("admin", english) is None


def test_every_page_types_schedule_keeps_a_time_it_cannot_read():
    """Wagtail's schedule dialog names its own date pickers, which turned "31/12/2027 10:00"
    into the present moment: every page type's editor has the pickers that keep the text (the
    browser test in tests/browser/test_admin_dates.py shows what that means)."""

    for model in get_page_models():
        if model is Page:
            continue
        form_class = model.get_edit_handler().get_form_class()
        for name in ("go_live_at", "expire_at"):
            widget = form_class.base_fields[name].widget
            assert isinstance(widget, KeptDateTimeInput), (model, name)
            assert widget.get_config()["validateOnBlur"] is False
