"""Project pages: /projekt/ lists the projects, /projekt/<slug>/ tells one project's story.

A project is the taxonomy term pluginnovation.taxonomy.models.Project: its name, slug, period,
owner, funding, description and regions live there and nowhere else, and the "projekt" filter
of every listing uses it. A ProjectPage is tied to its term one to one and only adds the story
(partners, funding amounts with their sources, goals, what was done, reports). Its title and
slug are the term's: set in save(), and again when an editor renames the term (signals.py).
What the project's case studies show (places, results, linked content) is computed when the
page is shown (pluginnovation/projects/facts.py), so it never goes stale.
"""

from django import forms
from django.db import models
from django.http import Http404

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel
from wagtail.api import APIField
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from pluginnovation.content.forms import PageForm
from pluginnovation.content.rich_text_languages import FEATURES as LANGUAGE_FEATURES
from pluginnovation.content.visibility import visible

TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ul", "ol", "h3", *LANGUAGE_FEATURES]
PROJECT_TAKEN_MESSAGE = "Projektet har redan en projektsida. Välj ett annat projekt."
EVERY_PROJECT_HAS_A_PAGE = (
    "Alla projekt har redan en projektsida. Lägg först till projektet under Taxonomi → "
    "Projekt, och skapa sedan sidan här."
)


class ProjectIndexPage(Page):
    """Projekt: every project page, in time order."""

    intro = models.TextField(
        "ingress", blank=True, help_text="Kort introduktion som visas överst i projektlistan."
    )

    base_form_class = PageForm
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.ProjectPage"]
    max_count = 1

    class Meta:
        verbose_name = "projektlista"
        verbose_name_plural = "projektlistor"

    def project_pages(self):
        """The project pages below this page that a visitor may see, oldest project first,
        each with its term: one query."""
        return (
            visible(ProjectPage.objects.child_of(self))
            .select_related("project")
            .order_by("project__start_year", "project__end_year", "project__name")
        )

    def route(self, request, path_components):
        """A project page is read in one query with its term, where Wagtail would read it
        as a Page and then again as a ProjectPage."""
        if len(path_components) == 1:
            page = (
                ProjectPage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("project")
                .first()
            )
            if page is None:
                raise Http404
            page._cached_parent_obj = self
            return page.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["project_pages"] = self.project_pages()
        return context


class ReportBlock(blocks.StructBlock):
    document = DocumentChooserBlock(
        label="Dokument",
        help_text="Rapporten som PDF eller annat dokument. Dokument i en privat samling visas "
        "aldrig för besökare.",
    )
    title = blocks.CharBlock(
        label="Länktext", required=False, help_text="Lämna tomt för att använda dokumentets titel."
    )
    description = blocks.CharBlock(
        label="Beskrivning",
        required=False,
        max_length=250,
        help_text="En mening om vad rapporten innehåller, t.ex. ”Slutrapport från 2018”.",
    )

    class Meta:
        icon = "doc-full"
        label = "Rapport"


class FundingBlock(blocks.StructBlock):
    funder = blocks.CharBlock(
        label="Finansiär", max_length=150, help_text="T.ex. ”Europeiska socialfonden”."
    )
    amount = blocks.CharBlock(
        label="Belopp",
        max_length=80,
        help_text="Som källan anger det, t.ex. ”cirka 97 miljoner kronor”. Skriv bara belopp som "
        "står i en källa.",
    )
    source = blocks.CharBlock(
        label="Källa", max_length=250, help_text="Var beloppet kommer ifrån, t.ex. en rapport."
    )

    class Meta:
        icon = "table"
        label = "Finansiering"


class ProjectFactsPanel(Panel):
    """The term's own facts, read-only, in the page editor: they are edited on the term."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "projects/admin/project_facts_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            project = self.instance.project if self.instance.project_id else None
            context["project"] = project
            if project is not None:
                from wagtail.admin.admin_url_finder import AdminURLFinder

                context["edit_url"] = AdminURLFinder(self.request.user).get_edit_url(project)
                context["regions"] = ", ".join(str(region) for region in project.regions.all())
            return context


class ProjectPageForm(PageForm):
    """The title and slug are the project's: set here from the chosen project, so the page
    validates (and its address is checked among its siblings) with the project's name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("project")
        if field is not None:
            taken = ProjectPage.objects.exclude(pk=self.instance.pk).values("project_id")
            field.queryset = field.queryset.exclude(pk__in=taken)
            field.error_messages["unique"] = PROJECT_TAKEN_MESSAGE
            field.error_messages["invalid_choice"] = PROJECT_TAKEN_MESSAGE
            if not field.queryset.exists():
                # An empty list and "this field is required" left the editor at a dead end.
                field.help_text = EVERY_PROJECT_HAS_A_PAGE
                field.error_messages["required"] = EVERY_PROJECT_HAS_A_PAGE

    def clean(self):
        cleaned_data = super().clean()
        project = cleaned_data.get("project")
        if project is not None:
            self.instance.title = project.name
            self.instance.draft_title = project.name
            self.instance.slug = project.slug
        return cleaned_data


class ProjectPage(Page):
    project = models.OneToOneField(
        "taxonomy.Project",
        verbose_name="projekt",
        on_delete=models.PROTECT,
        related_name="page",
        error_messages={"unique": PROJECT_TAKEN_MESSAGE},
        help_text="Sidans rubrik och adress är projektets namn och slug. Period, ägare, "
        "finansiering, beskrivning och regioner ändras under Taxonomi → Projekt.",
    )
    partners = models.TextField(
        "samarbetspartner",
        blank=True,
        help_text="Vilka som drev projektet tillsammans med projektägaren, t.ex. regioner, "
        "kommunalförbund och skolor. En eller några meningar.",
    )
    funding_amounts = StreamField(
        [("funding", FundingBlock())],
        verbose_name="finansieringsbelopp",
        blank=True,
        help_text="Belopp med källa, bara där en källa anger dem. Finansiärerna i text står på "
        "projektet under Taxonomi → Projekt.",
    )
    goals = RichTextField(
        "mål", blank=True, features=TEXT_FEATURES, help_text="Vad projektet ville uppnå."
    )
    what_was_done = RichTextField(
        "vad som gjordes",
        blank=True,
        features=TEXT_FEATURES,
        help_text="Hur projektet arbetade: insatser, delprojekt, målgrupper.",
    )
    reports = StreamField(
        [("report", ReportBlock())],
        verbose_name="rapporter",
        blank=True,
        help_text="Projektets rapporter att ladda ner. Dokument i privata samlingar visas inte.",
    )

    base_form_class = ProjectPageForm
    content_panels = [
        FieldPanel("project", widget=forms.Select),
        ProjectFactsPanel(heading="Projektets uppgifter (från taxonomin)"),
        FieldPanel("partners"),
        FieldPanel("funding_amounts"),
        FieldPanel("goals"),
        FieldPanel("what_was_done"),
        FieldPanel("reports"),
    ]
    # The slug is the project's, so the promote tab offers only the rest.
    promote_panels = [
        MultiFieldPanel(["seo_title", "search_description"], heading="För sökmotorer"),
        MultiFieldPanel(["show_in_menus"], heading="För menyer"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("partners"),
        index.SearchField("goals"),
        index.SearchField("what_was_done"),
        index.RelatedFields("project", [index.SearchField("description")]),
    ]
    # For the open API at /api/v2/: the project's own facts come with it (docs/api.md).
    api_fields = [
        APIField("project"),
        APIField("partners"),
        APIField("funding_amounts"),
        APIField("goals"),
        APIField("what_was_done"),
        APIField("reports"),
    ]
    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "projektsida"
        verbose_name_plural = "projektsidor"

    def save(self, *args, **kwargs):
        # The project's name and slug, never typed in: saving covers creating, publishing
        # any revision and copying, so an old revision cannot bring back an old name.
        if self.project_id:
            self.title = self.project.name
            self.draft_title = self.project.name
            self.slug = self.project.slug
        return super().save(*args, **kwargs)

    def follow_project(self):
        """Take the term's current name and slug (after an editor changed the term). The
        address below follows through Wagtail's own save."""
        if self.title == self.project.name and self.slug == self.project.slug:
            return False
        self.save(clean=False)
        return True

    def get_context(self, request, *args, **kwargs):
        from pluginnovation.projects.facts import project_facts

        context = super().get_context(request, *args, **kwargs)
        if self.project_id:  # a new page previewed before a project was chosen has none
            context.update(project_facts(self, request))
        return context
