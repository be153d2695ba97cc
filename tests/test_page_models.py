"""The page tree rules and the admin forms of every page type."""

from django.contrib.auth import get_user_model

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, RegionSectionPage
from methods.models import MethodIndexPage, MethodPage
from pluginnovation.audiences.models import AudienceIndexPage
from pluginnovation.content.forms import FACTOR_REQUIRED_MESSAGE
from pluginnovation.content.models import ContentPage
from pluginnovation.home.models import HomePage, StandardPage
from pluginnovation.news.models import EventIndexPage, NewsIndexPage
from pluginnovation.projects.models import ProjectIndexPage
from pluginnovation.taxonomy.models import SuccessFactor
from research.models import ResearchArticlePage, ResearchIndexPage
from tests.discovery_support import listed
from tests.factories import MunicipalityFactory, content_tree, site_root


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_lives_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                ResearchIndexPage,
                CaseStudyIndexPage,
                MethodIndexPage,
                StandardPage,
                AudienceIndexPage,
                ProjectIndexPage,
                NewsIndexPage,
                EventIndexPage,
            },
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
        for parent in (HomePage, ResearchIndexPage, MethodIndexPage, RegionSectionPage):
            self.assertCanNotCreateAt(parent, ContentPage)


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
    """Pages created through the admin's forms, checked where a visitor meets them."""

    def setUp(self):
        self.tree = content_tree(site_root())
        self.editor = get_user_model().objects.create_superuser("tester", "t@example.org", "pw")
        self.client.force_login(self.editor)

    def created_under(self, parent):
        """The one page created under `parent`, and its HTML as a visitor gets it."""
        page = Page.objects.child_of(parent).get().specific
        self.client.logout()
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        return page, response

    def test_research_article_is_published_with_its_factor(self):
        data = taxonomy_data(
            title="Frånvaro som varningssignal",
            authors="A. Forskare, B. Forskare",
            year="2019",
            publisher="Skolverket",
            publication_type="empirisk-studie",
            key_findings=rich_text("<ul><li>Frånvaro förutsäger avbrott.</li></ul>"),
        )
        self.assertCanCreate(self.tree.research, ResearchArticlePage, form_data(data))
        _page, response = self.created_under(self.tree.research)
        self.assertContains(response, "Frånvaro förutsäger avbrott.")
        self.assertContains(
            response,
            '<a class="factor-tag factor-tag--uppfoljning" href="/framgangsfaktorer/uppfoljning/">'
            "Koll och uppföljning</a>",
            html=True,
        )

    def test_case_study_takes_its_region_from_its_section(self):
        region = self.tree.section.region
        municipality = MunicipalityFactory(region=region)
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
                        "kind": "resultat",
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
        self.assertCanCreate(self.tree.section, CaseStudyPage, form_data(data))
        page, response = self.created_under(self.tree.section)
        # The result as entered, in Swedish notation.
        self.assertContains(response, '<td class="numeric">81,5</td>', html=True)
        self.assertContains(response, '<td class="numeric">88</td>', html=True)
        # Nobody typed in the region: the filters find the page by its section's region.
        for param, term in (("region", region), ("kommun", municipality)):
            found = listed(self.client.get(f"/utforska/?{param}={term.slug}"))
            self.assertEqual(found, [page], param)

    def test_case_study_refuses_a_municipality_outside_its_region(self):
        elsewhere = MunicipalityFactory()
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
        url = f"/admin/pages/add/casestudies/casestudypage/{self.tree.section.pk}/"
        response = self.client.post(url, form_data(data))
        self.assertEqual(response.status_code, 200)
        self.assertIn("municipality", response.context["form"].errors)
        self.assertFalse(Page.objects.child_of(self.tree.section).exists())

    def test_method(self):
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
        self.assertCanCreate(self.tree.methods, MethodPage, form_data(data))
        _page, response = self.created_under(self.tree.methods)
        self.assertContains(response, "Registrera")
        self.assertContains(response, "Varje lektion.")

    def test_standard_page(self):
        data = {
            "title": "Press",
            "slug": "press-test",
            "intro": "För journalister.",
            "body": streamfield([("paragraph", rich_text("<p>Kontakta oss.</p>"))]),
        }
        self.assertCanCreate(self.tree.home, StandardPage, form_data(data))
        page = StandardPage.objects.child_of(self.tree.home).get(slug="press-test")
        self.client.logout()
        self.assertContains(self.client.get(page.url), "Kontakta oss.")

    def test_content_page_without_a_success_factor_is_refused_clearly_on_publishing(self):
        """A draft may leave the factors for later (tests/editorial/test_drafts.py); publishing
        asks for them."""
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
        url = f"/admin/pages/add/methods/methodpage/{self.tree.methods.pk}/"
        publish = {**form_data(data, factors=()), "action-publish": "action-publish"}
        response = self.client.post(url, publish)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["form"].errors["factors"], [FACTOR_REQUIRED_MESSAGE])
        self.assertContains(response, "Välj minst en framgångsfaktor")
        self.assertFalse(Page.objects.child_of(self.tree.methods).exists())

    def test_editor_sees_each_factor_with_its_definition(self):
        response = self.client.get(f"/admin/pages/add/methods/methodpage/{self.tree.methods.pk}/")
        for factor in SuccessFactor.objects.all():
            self.assertContains(response, factor.name)
            self.assertContains(response, factor.definition)
