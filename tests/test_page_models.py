"""The page tree rules and the admin forms of every page type."""

from django.contrib.auth import get_user_model

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, RegionSectionPage
from methods.models import MethodIndexPage, MethodPage
from pluginnovation.content.forms import FACTOR_REQUIRED_MESSAGE
from pluginnovation.content.models import ContentPage
from pluginnovation.home.models import HomePage, StandardPage
from pluginnovation.taxonomy.models import Municipality, SuccessFactor
from research.models import ResearchArticlePage, ResearchIndexPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_lives_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {ResearchIndexPage, CaseStudyIndexPage, MethodIndexPage, StandardPage}
        )

    def test_research_articles_only_under_the_research_index(self):
        self.assertAllowedSubpageTypes(ResearchIndexPage, {ResearchArticlePage})
        self.assertAllowedParentPageTypes(ResearchArticlePage, {ResearchIndexPage})
        self.assertAllowedSubpageTypes(ResearchArticlePage, set())

    def test_case_studies_only_under_a_region_section(self):
        self.assertAllowedSubpageTypes(CaseStudyIndexPage, {RegionSectionPage})
        self.assertAllowedSubpageTypes(RegionSectionPage, {CaseStudyPage})
        self.assertAllowedParentPageTypes(CaseStudyPage, {RegionSectionPage})
        self.assertAllowedSubpageTypes(CaseStudyPage, set())

    def test_methods_only_under_the_method_index(self):
        self.assertAllowedSubpageTypes(MethodIndexPage, {MethodPage})
        self.assertAllowedParentPageTypes(MethodPage, {MethodIndexPage})
        self.assertAllowedSubpageTypes(MethodPage, set())

    def test_standard_pages_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_the_shared_base_is_never_created_directly(self):
        self.assertFalse(ContentPage.is_creatable)
        self.assertCanNotCreateAt(HomePage, ContentPage)


def form_data(data, factors=("uppfoljning",)):
    """POST data for a page form; factors go in as a list, which nested_form_data would split."""
    flat = nested_form_data(data)
    flat["factors"] = [
        str(pk)
        for pk in SuccessFactor.objects.filter(slug__in=factors).values_list("pk", flat=True)
    ]
    return flat


def taxonomy_data(**extra):
    """The fields every content page shares, filled in."""
    return {
        "summary": "En kort sammanfattning av sidan.",
        "published_date": "2024-05-02",
        "body": streamfield([("paragraph", rich_text("<p>Brödtext.</p>"))]),
        **extra,
    }


class CreateInAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.editor = get_user_model().objects.create_superuser("tester", "t@example.org", "pw")
        self.client.force_login(self.editor)

    def test_research_article(self):
        parent = ResearchIndexPage.objects.get()
        data = taxonomy_data(
            title="Frånvaro som varningssignal",
            authors="A. Forskare, B. Forskare",
            year="2019",
            publisher="Skolverket",
            key_findings=rich_text("<ul><li>Frånvaro förutsäger avbrott.</li></ul>"),
        )
        self.assertCanCreate(parent, ResearchArticlePage, form_data(data))
        page = ResearchArticlePage.objects.get(title="Frånvaro som varningssignal")
        self.assertTrue(page.live)
        self.assertEqual(list(page.factors.values_list("slug", flat=True)), ["uppfoljning"])

    def test_case_study_takes_its_region_from_its_section(self):
        section = RegionSectionPage.objects.select_related("region").first()
        municipality = Municipality.objects.filter(region=section.region).first()
        data = taxonomy_data(
            title="Närvarolyftet",
            municipality=str(municipality.pk),
            organisation="Exempelgymnasiet",
            period="2016–2017",
            what_was_done=rich_text("<p>Daglig uppföljning av frånvaro.</p>"),
            lessons_learned=rich_text("<p>Snabb kontakt med hemmet gör skillnad.</p>"),
            results=inline_formset(
                [
                    {
                        "indicator": "narvaro",
                        "description": "Närvaro i årskurs 1",
                        "value_before": "81.5",
                        "value_after": "88.0",
                        "unit": "%",
                        "period": "2016–2017",
                        "source": "Skolans lägesrapport 2017",
                    }
                ]
            ),
        )
        self.assertCanCreate(section, CaseStudyPage, form_data(data))
        page = CaseStudyPage.objects.get(title="Närvarolyftet")
        self.assertEqual(list(page.regions.all()), [section.region])
        self.assertEqual(list(page.municipalities.all()), [municipality])
        self.assertEqual(page.results.get().value_after, 88)

    def test_case_study_refuses_a_municipality_outside_its_region(self):
        section = RegionSectionPage.objects.select_related("region").first()
        elsewhere = Municipality.objects.exclude(region=section.region).first()
        data = taxonomy_data(
            title="Fel kommun",
            slug="fel-kommun",
            municipality=str(elsewhere.pk),
            organisation="Exempelgymnasiet",
            period="2016",
            what_was_done=rich_text("<p>Något.</p>"),
            lessons_learned=rich_text("<p>Något.</p>"),
            results=inline_formset([]),
        )
        url = f"/admin/pages/add/casestudies/casestudypage/{section.pk}/"
        response = self.client.post(url, form_data(data))
        self.assertEqual(response.status_code, 200)
        self.assertIn("municipality", response.context["form"].errors)
        self.assertFalse(CaseStudyPage.objects.filter(slug="fel-kommun").exists())

    def test_method(self):
        parent = MethodIndexPage.objects.get()
        data = taxonomy_data(
            title="Närvarotrappan",
            purpose="Att fånga upp frånvaro tidigt.",
            audience="Mentorer och elevhälsa.",
            steps=streamfield(
                [("step", {"title": "Registrera", "text": rich_text("<p>Varje lektion.</p>")})]
            ),
            time_and_resources="En timme i veckan per mentor.",
            material=streamfield([]),
            related_links=inline_formset([]),
        )
        self.assertCanCreate(parent, MethodPage, form_data(data))

    def test_standard_page(self):
        home = HomePage.objects.get()
        data = {
            "title": "Press",
            "intro": "För journalister.",
            "body": streamfield([("paragraph", rich_text("<p>Kontakta oss.</p>"))]),
        }
        self.assertCanCreate(home, StandardPage, form_data(data))

    def test_content_page_without_a_success_factor_is_refused_clearly(self):
        parent = MethodIndexPage.objects.get()
        data = taxonomy_data(
            title="Utan faktor",
            slug="utan-faktor",
            purpose="Syfte.",
            audience="Alla.",
            steps=streamfield([("step", {"title": "Ett", "text": rich_text("<p>Text</p>")})]),
            time_and_resources="Lite.",
            material=streamfield([]),
            related_links=inline_formset([]),
        )
        url = f"/admin/pages/add/methods/methodpage/{parent.pk}/"
        response = self.client.post(url, form_data(data, factors=()))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["form"].errors["factors"], [FACTOR_REQUIRED_MESSAGE])
        self.assertContains(response, "Välj minst en framgångsfaktor")
        self.assertFalse(MethodPage.objects.filter(slug="utan-faktor").exists())

    def test_editor_sees_each_factor_with_its_definition(self):
        parent = MethodIndexPage.objects.get()
        response = self.client.get(f"/admin/pages/add/methods/methodpage/{parent.pk}/")
        factor = SuccessFactor.objects.get(slug="samverkan")
        self.assertContains(response, factor.definition)
