import importlib

from django.apps import apps as django_apps
from django.core.exceptions import ValidationError

import pytest

from pluginnovation.taxonomy.models import InterventionType, Level, Municipality, SuccessFactor
from pluginnovation.taxonomy.vocabulary import SUCCESS_FACTORS

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
    migration.create_vocabularies(django_apps, None)
    assert SuccessFactor.objects.count() == len(SUCCESS_FACTORS)
    assert SuccessFactor.objects.get(slug="samverkan").definition == "Redaktörens egen definition."


def test_the_migration_restores_a_deleted_factor():
    SuccessFactor.objects.filter(slug="bemotande").delete()
    migration.create_vocabularies(django_apps, None)
    assert SuccessFactor.objects.get(slug="bemotande").name == "Gott bemötande"


def test_an_editor_can_add_a_fifth_factor():
    SuccessFactor.objects.create(
        name="Individcentrerat arbetssätt",
        slug="individcentrerat",
        definition="Arbetet utgår från den enskilda elevens behov.",
        sort_order=5,
    )
    assert SuccessFactor.objects.last().slug == "individcentrerat"


@pytest.mark.parametrize("code", ["148", "14800", "14a0", ""])
def test_a_municipality_code_has_exactly_four_digits(code):
    municipality = Municipality.objects.first()
    municipality.code = code
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert "code" in error.value.message_dict
