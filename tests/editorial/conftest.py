"""Fixtures for the editorial tests: two test regions with a case study each, and users.

They build what they need themselves (two regions of their own, a research article), so the
tests do not hang on the demo content's names; they reuse the demo's index pages.
"""

import gettext as gettext_module
from types import SimpleNamespace

from django.conf import settings
from django.core.management import call_command
from django.test.signals import setting_changed

from wagtail.models import Page

import pytest

from casestudies.models import CaseStudyIndexPage, RegionSectionPage
from pluginnovation.editorial.roles import EDITORS, regional_group_name
from pluginnovation.home.models import HomePage
from pluginnovation.taxonomy.models import Municipality, Region, SuccessFactor
from research.models import ResearchArticlePage, ResearchIndexPage
from tests.editorial.support import add_case_study, get_or_add, make_user


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """Build the project's .mo files, as `make test` does, so running pytest alone tests them too.

    Django, and Python's gettext below it, keep every catalogue they have loaded; in case
    something was translated (with an older .mo file) before this fixture ran, both caches are
    emptied so the new files are read.
    """
    call_command("compile_translations", verbosity=0)
    gettext_module._translations.clear()
    setting_changed.send(
        sender=None, setting="LOCALE_PATHS", value=settings.LOCALE_PATHS, enter=False
    )


@pytest.fixture
def site(db):
    """Two regions of our own (sections made by the editorial signals) and one article."""
    root = Page.get_first_root_node()
    home = get_or_add(root, HomePage, title="Hem", slug="hem-test", intro="Välkommen.")
    case_index = get_or_add(home, CaseStudyIndexPage, title="Fallstudier", slug="fallstudier")
    research_index = get_or_add(home, ResearchIndexPage, title="Forskning", slug="forskning")

    north = Region.objects.create(name="Testregion Norr", slug="testregion-norr", sort_order=90)
    south = Region.objects.create(name="Testregion Syd", slug="testregion-syd", sort_order=91)
    north_town = Municipality.objects.create(
        name="Norrby", slug="norrby", code="9901", region=north
    )
    south_town = Municipality.objects.create(
        name="Söderby", slug="soderby", code="9902", region=south
    )
    north_section = RegionSectionPage.objects.get(region=north)
    south_section = RegionSectionPage.objects.get(region=south)

    article = ResearchArticlePage(
        title="Frånvaro som varningssignal",
        summary="Forskning om frånvaro.",
        authors="A. Forskare",
        year=2019,
        publisher="Skolverket",
        key_findings="<p>Frånvaro förutsäger avbrott.</p>",
    )
    article.factors = [SuccessFactor.objects.order_by("sort_order").first()]
    research_index.add_child(instance=article)
    article.save_revision().publish()

    return SimpleNamespace(
        home=home,
        case_index=case_index,
        research_index=research_index,
        north=north,
        south=south,
        north_town=north_town,
        south_town=south_town,
        north_section=north_section,
        south_section=south_section,
        north_case=add_case_study(north_section, north_town, "Närvarolyftet i Norrby"),
        south_case=add_case_study(south_section, south_town, "Mentorskap i Söderby"),
        article=article,
    )


@pytest.fixture
def editor(site):
    return make_user("rita", EDITORS)


@pytest.fixture
def north_editor(site):
    return make_user("nora", regional_group_name(site.north.name))
