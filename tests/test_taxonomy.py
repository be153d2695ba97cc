import importlib
import re

from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.test.utils.form_data import rich_text

import pytest

from pluginnovation.assessment.models import Statement
from pluginnovation.taxonomy.models import InterventionType, Level, Project, SuccessFactor
from tests.factories import MunicipalityFactory, TargetGroupFactory

migration = importlib.import_module("pluginnovation.taxonomy.migrations.0002_fixed_vocabularies")

pytestmark = pytest.mark.django_db


def test_the_migration_creates_the_four_factors_in_order():
    assert list(SuccessFactor.objects.values_list("slug", flat=True)) == [
        "uppfoljning",
        "flexibilitet",
        "samverkan",
        "bemotande",
    ]
    assert all(factor.definition for factor in SuccessFactor.objects.all())


def test_the_migration_creates_levels_and_intervention_types():
    assert set(Level.objects.values_list("slug", flat=True)) == {"individ", "organisation"}
    assert set(InterventionType.objects.values_list("slug", flat=True)) == {
        "framjande",
        "forebyggande",
        "atgardande",
    }


def test_rerunning_the_migration_keeps_editors_changes_and_adds_nothing():
    factor = SuccessFactor.objects.get(slug="samverkan")
    factor.definition = "Redaktörens egen definition."
    factor.save()
    before = SuccessFactor.objects.count()
    migration.create_vocabularies(django_apps, None)
    assert SuccessFactor.objects.count() == before
    assert SuccessFactor.objects.get(slug="samverkan").definition == "Redaktörens egen definition."


def test_the_migration_restores_a_deleted_factor():
    # A factor with self-assessment statements cannot be deleted (PROTECT): remove them first.
    Statement.objects.filter(factor__slug="bemotande").delete()
    SuccessFactor.objects.filter(slug="bemotande").delete()
    migration.create_vocabularies(django_apps, None)
    assert SuccessFactor.objects.get(slug="bemotande").name == "Gott bemötande"


def factor_names_on_the_factor_page(client):
    html = client.get(reverse("factor_list")).content.decode()
    return re.findall(r'<h2 class="factor-card__title"><a href="[^"]*">([^<]+)</a>', html)


def test_an_editor_can_add_a_fifth_factor(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("wagtailsnippets_taxonomy_successfactor:add"),
        {
            "name": "Individcentrerat arbetssätt",
            "slug": "individcentrerat",
            "sort_order": "5",
            "definition": "Arbetet utgår från den enskilda elevens behov.",
            "explanation": rich_text(""),
        },
    )
    assert response.status_code == 302
    client.logout()
    # Visitors find it after the four, and can filter on it.
    assert factor_names_on_the_factor_page(client)[-1] == "Individcentrerat arbetssätt"
    groups = client.get(reverse("explore")).context["facet_groups"]
    options = next(group.options for group in groups if group.facet.param == "faktor")
    assert options[-1].value == "individcentrerat"


def test_an_editor_names_a_level_in_english_in_the_admin(client, admin_user):
    level = Level.objects.get(slug="organisation")
    client.force_login(admin_user)
    listing = client.get(reverse("wagtailsnippets_taxonomy_level:list")).content.decode()
    assert "Namn på engelska" in listing and "Organisational level" in listing
    # The English name right after the Swedish one, spell-checked as English.
    form = client.get(reverse("wagtailsnippets_taxonomy_level:edit", args=[level.pk])).text
    assert form.index('name="name"') < form.index('name="name_en"') < form.index('name="slug"')
    assert re.search(
        r'<input[^>]*lang="en"[^>]*name="name_en"|<input[^>]*name="name_en"[^>]*lang="en"', form
    )
    response = client.post(
        reverse("wagtailsnippets_taxonomy_level:edit", args=[level.pk]),
        {"name": level.name, "slug": level.slug, "sort_order": "1", "name_en": "School level"},
    )
    assert response.status_code == 302
    client.logout()
    html = client.get("/en/utforska/").content.decode()
    assert '<label for="f-niva-organisation">School level ' in html


@pytest.mark.parametrize("model", ["successfactor", "targetgroup", "level", "interventiontype"])
def test_the_admin_finds_a_term_by_either_name(client, admin_user, model):
    client.force_login(admin_user)
    url = reverse(f"wagtailsnippets_taxonomy_{model}:list")
    term = django_apps.get_model("taxonomy", model).objects.exclude(name_en="").first()
    if term is None:
        term = TargetGroupFactory(name="Sökbar grupp", name_en="Searchable group")
    for query in (term.name, term.name_en):
        response = client.get(url, {"q": query})
        assert response.status_code == 200, query
        assert term.name in response.content.decode(), query


def test_the_migration_names_the_levels_and_types_in_english_unless_an_editor_has():
    english = importlib.import_module("pluginnovation.taxonomy.migrations.0008_english_term_names")
    Level.objects.filter(slug="individ").update(name_en="")
    InterventionType.objects.filter(slug="atgardande").update(name_en="Corrective")
    english.fill_english(django_apps, None)
    assert Level.objects.get(slug="individ").name_en == "Individual level"
    assert InterventionType.objects.get(slug="atgardande").name_en == "Corrective"


@pytest.mark.parametrize("code", ["148", "14800", "14a0", ""])
def test_a_municipality_code_has_exactly_four_digits(code):
    municipality = MunicipalityFactory()
    municipality.full_clean()
    municipality.code = code
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert "code" in error.value.message_dict


def test_a_new_term_saved_without_a_slug_gets_one_from_its_name(client, admin_user):
    """Without JavaScript (or typed faster than the slug follows) the slug stays empty: it is
    made from the name, as a page's is from its title. An existing term keeps its slug."""
    client.force_login(admin_user)
    url = reverse("wagtailsnippets_taxonomy_targetgroup:add")
    data = {"name": "Elever med hög frånvaro", "name_en": "", "slug": "", "sort_order": "9"}
    assert client.post(url, data).status_code == 302
    created = TargetGroupFactory._meta.model.objects.get(name="Elever med hög frånvaro")
    assert created.slug == "elever-med-hog-franvaro"
    again = {**data, "name": "Elever med hög frånvaro igen"}
    client.post(reverse("wagtailsnippets_taxonomy_targetgroup:edit", args=[created.pk]), again)
    created.refresh_from_db()
    assert created.name.endswith("igen") and created.slug == "elever-med-hog-franvaro"


def test_a_factor_page_follows_its_new_slug_from_the_old_address(client, admin_user):
    """Its address is in links, bookmarks and search engines: the old one leads to the new."""
    factor = SuccessFactor.objects.get(slug="flexibilitet")
    client.force_login(admin_user)
    url = reverse("wagtailsnippets_taxonomy_successfactor:edit", args=[factor.pk])

    def rename(slug):
        data = {
            "name": factor.name,
            "name_en": factor.name_en,
            "slug": slug,
            "sort_order": str(factor.sort_order),
            "definition": factor.definition,
            "explanation": rich_text(factor.explanation),
        }
        assert client.post(url, data).status_code == 302

    rename("flexibla-losningar")
    client.logout()
    for old, new in [
        ("/framgangsfaktorer/flexibilitet/", "/framgangsfaktorer/flexibla-losningar/"),
        ("/en/framgangsfaktorer/flexibilitet/", "/en/framgangsfaktorer/flexibla-losningar/"),
    ]:
        response = client.get(old)
        assert response.status_code == 301 and response["Location"] == new, old
        assert client.get(new).status_code == 200
    # Back to the old name: the old address is the page again, not a redirect in a loop.
    client.force_login(admin_user)
    rename("flexibilitet")
    client.logout()
    assert client.get("/framgangsfaktorer/flexibilitet/").status_code == 200
    response = client.get("/framgangsfaktorer/flexibla-losningar/")
    assert response.status_code == 301
    assert response["Location"] == "/framgangsfaktorer/flexibilitet/"


def test_a_slug_given_up_twice_leads_to_one_place(client):
    """A factor renamed from a slug, a new factor with that slug renamed too: the old address
    has one redirect, the newest."""
    first = SuccessFactor.objects.get(slug="flexibilitet")
    first.slug = "flexibla-losningar"
    first.save()
    second = SuccessFactor.objects.create(name="Zyxfaktor", slug="flexibilitet", sort_order=9)
    second.slug = "zyxfaktor"
    second.save()
    response = client.get("/framgangsfaktorer/flexibilitet/")
    assert response.status_code == 301
    assert response["Location"] == "/framgangsfaktorer/zyxfaktor/"


@pytest.mark.parametrize(
    "name, slug",
    [("Unga_utan_skola", "unga-utan-skola"), ("a" * 75 + " b", "a" * 75), ("!!!", "term")],
)
def test_a_slug_made_from_a_name_is_a_valid_slug(client, admin_user, name, slug):
    client.force_login(admin_user)
    data = {"name": name, "name_en": "", "slug": "", "sort_order": "9"}
    response = client.post(reverse("wagtailsnippets_taxonomy_targetgroup:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    assert TargetGroupFactory._meta.model.objects.get(name=name).slug == slug


def delete_url(term):
    return reverse(f"wagtailsnippets_taxonomy_{term._meta.model_name}:delete", args=[term.pk])


def test_a_term_in_use_is_not_deleted_and_the_editor_is_told_where_it_is_used(client, admin_user):
    """Deleting a project with a project page was a 500; a target group in use was removed
    from its pages without a word ("refererad 0 gånger")."""
    from pluginnovation.taxonomy.models import Project, TargetGroup

    client.force_login(admin_user)
    project = Project.objects.filter(page__isnull=False).first()
    group = TargetGroup.objects.filter(pages__isnull=False).distinct().first()
    assert project is not None and group is not None
    for term in (project, group):
        confirm = client.get(delete_url(term))
        assert confirm.status_code == 200
        text = " ".join(confirm.text.split())
        assert f"”{term.name}” kan inte raderas" in text
        assert re.search(r"används på \d+ sid(a|or)", text)
        assert "Ja, radera" not in text
        response = client.post(delete_url(term), follow=True)
        assert response.status_code == 200
        assert "kan inte raderas" in response.text
        assert type(term).objects.filter(pk=term.pk).exists()


def test_a_term_nothing_uses_is_deleted(client, admin_user):
    client.force_login(admin_user)
    unused = TargetGroupFactory(name="Ingen använder mig")
    confirm = client.get(delete_url(unused))
    assert "kan inte raderas" not in confirm.text
    response = client.post(delete_url(unused))
    assert response.status_code == 302
    assert not type(unused).objects.filter(pk=unused.pk).exists()


def test_a_bulk_delete_of_terms_deletes_none_if_one_is_in_use(client, admin_user):
    from pluginnovation.taxonomy.models import TargetGroup

    client.force_login(admin_user)
    used = TargetGroup.objects.filter(pages__isnull=False).distinct().first()
    unused = TargetGroupFactory(name="Ingen använder mig")
    listing = "/admin/snippets/taxonomy/targetgroup/"
    url = f"/admin/bulk/taxonomy/targetgroup/delete/?id={used.pk}&id={unused.pk}&next={listing}"
    response = client.post(url)
    assert response.status_code == 302, response.status_code
    response = client.get(response["Location"])
    assert f"”{used.name}” kan inte raderas" in response.text
    assert TargetGroup.objects.filter(pk__in=[used.pk, unused.pk]).count() == 2


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2025", "2020", "Slutåret kan inte ligga före startåret"),
        ("0001", "9999", "Året ligger före 1950"),
        ("2012", "9999", "Året ligger efter 2100"),
    ],
)
def test_a_projects_years_are_in_order_and_plausible(client, admin_user, start, end, message):
    """ "2025–2020" and "1–9999" were saved and shown as the project's period."""
    client.force_login(admin_user)
    url = reverse("wagtailsnippets_taxonomy_project:add")
    data = {
        "name": "Orimliga år",
        "slug": "",
        "sort_order": "9",
        "start_year": start,
        "end_year": end,
        "owner": "SKL",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Project.objects.filter(name="Orimliga år").exists()
    assert client.post(url, {**data, "start_year": "2012", "end_year": "2018"}).status_code == 302
