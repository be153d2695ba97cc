"""Generated content pages for the benchmark and the ten-times-larger query-count tests.

Creating Wagtail pages one by one (add_child, save, index) costs some 30 queries a page. Here each
table gets one INSERT per batch instead: the Page rows, then the ContentPage rows, then the
type's own rows (Django's bulk_create refuses multi-table children, so we use the same
Manager._insert it uses internally), then the taxonomy links with bulk_create and the search
index with the backend's add_bulk. 10,000 pages take seconds instead of minutes.

The taxonomy mix imitates the real knowledge bank: one to three success factors per page, most
case studies in a project, a region and municipality for every case study, a few keywords each
from a vocabulary where some words are much more common than others.
"""

import datetime
import random
import uuid

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from taggit.models import Tag
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backends

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, CaseStudyResult, RegionSectionPage
from methods.evidence import EvidenceLevel, KnowledgeBasis
from methods.models import MethodIndexPage, MethodPage
from pluginnovation.content.categories import VOCABULARIES
from pluginnovation.content.models import ContentPage, PageTag
from pluginnovation.discovery.cache import changed
from pluginnovation.home.models import HomePage
from pluginnovation.taxonomy.models import (
    InterventionType,
    Level,
    Municipality,
    Project,
    Region,
    SuccessFactor,
    TargetGroup,
)
from research.models import ResearchArticlePage, ResearchIndexPage
from research.publications import PUBLICATION_TYPES

BATCH_SIZE = 250
RELATIONS = [category.field for category in VOCABULARIES]

TOPICS = [
    "frånvaro",
    "studieavbrott",
    "avhopp från gymnasiet",
    "mentorskap",
    "elevhälsans arbete",
    "studie- och yrkesvägledning",
    "individuella studieplaner",
    "blockläsning",
    "praktik under studietiden",
    "samverkan med socialtjänsten",
    "kommunernas aktivitetsansvar",
    "tidiga varningssignaler",
    "relationen mellan elev och lärare",
    "kontakten med vårdnadshavare",
    "övergången från grundskolan",
    "nyanlända elevers studier",
    "behörighet till nationella program",
    "skolnärvaro",
    "undervisning på distans",
    "trygghet och studiero",
]
GROUPS = [
    "elever på introduktionsprogrammen",
    "elever på yrkesprogrammen",
    "unga utanför skolan",
    "nyanlända elever",
    "elever i årskurs 9",
    "elever med hög frånvaro",
]
STUDY_KINDS = ["en registerstudie", "en intervjustudie", "en översikt", "en uppföljning"]
METHOD_NAMES = [
    "Närvarotrappan",
    "Mentorssamtalet",
    "Kontaktstegen",
    "Överlämningsmötet",
    "Studieplanen i fyra steg",
    "Elevhälsoteamet på schemat",
    "Praktikmatchning",
    "Välkomstveckan",
    "Frånvarolarmet",
    "Hembesöket",
]
ORGANISATIONS = ["gymnasium", "gymnasieskola", "kommunala aktivitetsansvaret", "resurscentrum"]
SENTENCES = [
    "Arbetet utgår från {group} och från vad de själva säger att de behöver.",
    "Frånvaron registreras lektion för lektion och mentorn hör av sig samma dag.",
    "När frånvaron stiger kallas eleven och vårdnadshavarna till ett samtal med elevhälsan.",
    "Studien visar att {topic} hänger tydligt ihop med risken för studieavbrott.",
    "Skolan har ändrat schemat så att eleverna kan läsa ett ämne i taget.",
    "Mentorerna träffar sina elever varje vecka, även när allt fungerar.",
    "Avhoppen minskade när skolan började följa upp varje frånvarotillfälle.",
    "Socialtjänsten, arbetsförmedlingen och skolan har gemensamma möten varannan vecka.",
    "Unga som lämnat skolan kontaktas först med brev, sedan per telefon och till sist med "
    "ett hembesök.",
    "En vuxen som bryr sig och tror på elevens förmåga är den viktigaste skyddsfaktorn.",
    "Studie- och yrkesvägledaren är med redan under det första läsåret.",
    "Eleverna kombinerar praktik på en arbetsplats med studier i kärnämnena.",
    "Resultaten följs upp varje termin och redovisas för skolans ledning.",
    "Studieavbrotten var färre bland elever som hade en individuell studieplan.",
    "Lärarna beskriver att relationen till eleverna blev bättre när de fick mer tid för samtal.",
    "Insatsen riktar sig till {group} och pågår under hela läsåret.",
    "Överlämningen från grundskolan gör att gymnasiet vet vilka elever som behöver stöd "
    "från start.",
    "Skolan mäter närvaro, betyg och andelen elever som blir behöriga.",
    "Flera kommuner har tagit arbetssättet vidare till ordinarie verksamhet.",
    "Forskningen pekar på att tidiga insatser ger större effekt än sena.",
    "Personalen har utbildats i bemötande och i att samtala om svåra frågor.",
    "En samordnare håller ihop arbetet mellan skola, socialtjänst och fritid.",
    "Med distansundervisning kunde fler elever läsa klart sina kurser.",
    "Uppföljningen visar att {topic} behöver ett tydligt ansvar hos någon på skolan.",
]
TAGS = [
    "frånvaro",
    "närvaro",
    "mentorskap",
    "elevhälsa",
    "studievägledning",
    "aktivitetsansvar",
    "introduktionsprogram",
    "yrkesprogram",
    "praktik",
    "blockläsning",
    "distansundervisning",
    "individuell studieplan",
    "relationer",
    "vårdnadshavare",
    "socialtjänst",
    "arbetsförmedling",
    "övergångar",
    "grundskola",
    "nyanlända",
    "språkintroduktion",
    "tidiga insatser",
    "varningssystem",
    "kartläggning",
    "motivation",
    "psykisk hälsa",
    "hemmasittare",
    "uppsökande arbete",
    "coachning",
    "lärarlag",
    "schemaläggning",
    "extra anpassningar",
    "särskilt stöd",
    "betyg",
    "behörighet",
    "jämställdhet",
    "trygghet",
    "studiero",
    "undervisningskvalitet",
    "ledarskap",
    "rutiner",
    "uppföljning",
    "utvärdering",
    "lägesrapport",
    "metodmaterial",
    "yrkesintroduktion",
    "fältarbete",
    "digitala verktyg",
    "studieteknik",
    "läxhjälp",
    "sommarskola",
]
# Content of a bare database, so the benchmark also runs without the demo content.
BASE_REGIONS = {
    "Göteborgsregionen": [
        ("Göteborg", "1480"),
        ("Alingsås", "1489"),
        ("Partille", "1402"),
        ("Lerum", "1441"),
        ("Mölndal", "1481"),
        ("Härryda", "1401"),
    ],
    "Region Jämtland Härjedalen": [("Krokom", "2309"), ("Östersund", "2380")],
    "Kalmar län": [("Oskarshamn", "0882"), ("Kalmar", "0880")],
    "Region Östergötland": [("Linköping", "0580"), ("Norrköping", "0581")],
    "Region Kronoberg": [("Ljungby", "0781"), ("Växjö", "0780")],
    "Region Gävleborg": [("Gävle", "2180"), ("Bollnäs", "2183"), ("Hudiksvall", "2184")],
}
BASE_PROJECTS = [
    ("Plug In", 2012, 2015, "SKL"),
    ("Plug In 2.0", 2015, 2018, "SKL"),
    ("Plug Innan", 2017, 2021, "GR"),
    ("FSGR", 2017, 2020, "GR"),
    ("Yrk In", 2018, 2020, "SKL"),
]
BASE_TARGET_GROUPS = [
    "Introduktionsprogram",
    "Nationella program",
    "Unga utanför skolan",
    "Nyanlända elever",
    "Grundskolans senare år",
]
FIRST_DATE = datetime.date(2012, 1, 1)
LAST_DATE = datetime.date(2025, 12, 31)


def ensure_taxonomy():
    """Regions, municipalities, projects and target groups, if the database has none yet."""
    if not Region.objects.exists():
        for order, (name, municipalities) in enumerate(BASE_REGIONS.items()):
            region = Region.objects.create(name=name, slug=slugify(name), sort_order=order)
            for m_name, code in municipalities:
                Municipality.objects.create(
                    name=m_name, slug=slugify(m_name), code=code, region=region
                )
    if not Project.objects.exists():
        for name, start, end, owner in BASE_PROJECTS:
            Project.objects.create(
                name=name, slug=slugify(name), start_year=start, end_year=end, owner=owner
            )
    if not TargetGroup.objects.exists():
        for order, name in enumerate(BASE_TARGET_GROUPS):
            TargetGroup.objects.create(name=name, slug=slugify(name), sort_order=order)


def ensure_site():
    """The home page, the three index pages and a section per region, created only if missing."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="PlugInnovation", slug="hem", intro="."))
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "root_page": home, "site_name": "PlugInnovation"},
        )
        Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    research = ResearchIndexPage.objects.first() or home.add_child(
        instance=ResearchIndexPage(title="Forskning", slug="forskning")
    )
    methods = MethodIndexPage.objects.first() or home.add_child(
        instance=MethodIndexPage(title="Metoder", slug="metoder")
    )
    cases = CaseStudyIndexPage.objects.first() or home.add_child(
        instance=CaseStudyIndexPage(title="Fallstudier", slug="fallstudier")
    )
    with_section = set(RegionSectionPage.objects.values_list("region_id", flat=True))
    for region in Region.objects.exclude(pk__in=with_section):
        cases.add_child(
            instance=RegionSectionPage(title=region.name, slug=region.slug, region=region)
        )
    sections = list(RegionSectionPage.objects.select_related("region"))
    return {"research": research, "methods": methods, "sections": sections}


class Vocabulary:
    """Every term id the generator draws from, loaded once."""

    def __init__(self):
        self.factors = list(SuccessFactor.objects.values_list("pk", flat=True))
        self.projects = list(Project.objects.values_list("pk", flat=True))
        self.target_groups = list(TargetGroup.objects.values_list("pk", flat=True))
        self.levels = list(Level.objects.values_list("pk", flat=True))
        self.intervention_types = list(InterventionType.objects.values_list("pk", flat=True))
        self.regions = list(Region.objects.values_list("pk", flat=True))
        self.municipalities = {}
        for pk, region_id, name in Municipality.objects.values_list("pk", "region_id", "name"):
            self.municipalities.setdefault(region_id, []).append((pk, name))
        # Tag.save() makes a unique slug the way taggit does for editors.
        self.tags = [Tag.objects.get_or_create(name=name)[0].pk for name in TAGS]
        # Zipf-like: the first keywords are used far more often than the last.
        self.tag_weights = [1 / (rank + 1) for rank in range(len(self.tags))]


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.vocab = Vocabulary()
        self.serial = (Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1

    def some(self, items, weights=(0.55, 0.3, 0.15)):
        count = min(len(items), self.rng.choices(range(1, len(weights) + 1), weights)[0])
        return self.rng.sample(items, count)

    def text(self, sentences=3):
        topic, group = self.rng.choice(TOPICS), self.rng.choice(GROUPS)
        picked = self.rng.sample(SENTENCES, sentences)
        return " ".join(s.format(topic=topic, group=group) for s in picked)

    def body(self):
        blocks = []
        for _ in range(self.rng.randint(2, 5)):
            blocks.append({"type": "paragraph", "value": f"<p>{self.text(4)}</p>"})
        return blocks

    def date(self):
        span = (LAST_DATE - FIRST_DATE).days
        return FIRST_DATE + datetime.timedelta(days=self.rng.randint(0, span))

    def common(self, title):
        slug = f"{slugify(title)[:60]}-{self.serial}"
        self.serial += 1
        published = self.date()
        moment = timezone.make_aware(datetime.datetime.combine(published, datetime.time(9)))
        return {
            "title": title,
            "draft_title": title,
            "slug": slug,
            "live": True,
            "first_published_at": moment,
            "last_published_at": moment,
            "summary": self.text(2),
            "body": self.body(),
            "published_date": published,
        }

    def research(self):
        topic, group = self.rng.choice(TOPICS), self.rng.choice(GROUPS)
        title = f"{topic.capitalize()} bland {group}: {self.rng.choice(STUDY_KINDS)}"
        page = ResearchArticlePage(
            **self.common(title),
            authors="A. Forskare, B. Utredare",
            year=self.rng.randint(2005, 2025),
            publisher=self.rng.choice(["Skolverket", "IFAU", "Göteborgs universitet", "SKR"]),
            key_findings=f"<ul><li>{self.text(1)}</li><li>{self.text(1)}</li></ul>",
            publication_type=self.rng.choice([value for value, _label in PUBLICATION_TYPES]),
        )
        return page, {"projects": self.maybe(self.vocab.projects, 0.3), "region": None}

    def case_study(self, section):
        municipality_id, place = self.rng.choice(self.vocab.municipalities[section.region_id])
        topic = self.rng.choice(TOPICS)
        page = CaseStudyPage(
            **self.common(f"{topic.capitalize()} i {place}"),
            municipality_id=municipality_id,
            organisation=f"{place} {self.rng.choice(ORGANISATIONS)}",
            period="2016–2018",
            what_was_done=f"<p>{self.text(3)}</p>",
            lessons_learned=f"<p>{self.text(2)}</p>",
        )
        links = {
            "projects": self.maybe(self.vocab.projects, 0.8),
            "region": section.region_id,
            "municipality": municipality_id,
        }
        return page, links

    def method(self):
        name = self.rng.choice(METHOD_NAMES)
        page = MethodPage(
            **self.common(f"{name}: {self.rng.choice(TOPICS)}"),
            purpose=self.text(2),
            audience=f"Mentorer och elevhälsa som möter {self.rng.choice(GROUPS)}.",
            steps=[
                {"type": "step", "value": {"title": f"Steg {n}", "text": f"<p>{self.text(1)}</p>"}}
                for n in range(1, 4)
            ],
            time_and_resources="Ett par timmar i veckan för mentor och elevhälsa.",
            # Like the real bank: most methods assessed, some effort figures unknown.
            knowledge_basis=self.rng.choice([*KnowledgeBasis.values, ""]),
            evidence_level=self.rng.choice([*EvidenceLevel.values, None]),
            staff_hours_per_week=self.rng.choice([None, 0.5, 1, 2, 4, 8]),
        )
        return page, {"projects": self.maybe(self.vocab.projects, 0.5), "region": None}

    def results(self, page):
        """One to three measured results, like the demo's: before and after, some unknown."""
        rows = []
        for order in range(self.rng.randint(1, 3)):
            indicator = self.rng.choice(["narvaro", "avbrott", "behorighet", "annat"])
            before = self.rng.choice([None, *range(5, 95, 7)])
            after = self.rng.randint(1, 99)
            rows.append(
                CaseStudyResult(
                    page_id=page.pk,
                    sort_order=order,
                    indicator=indicator,
                    description=f"Mätt {indicator} i arbetet",
                    value_before=before,
                    value_after=after,
                    unit="%",
                    period="2016–2018",
                    source="Genererad lägesrapport",
                    students=self.rng.choice([None, 25, 60, 140]),
                )
            )
        return rows

    def maybe(self, items, probability):
        return [self.rng.choice(items)] if items and self.rng.random() < probability else []

    def links(self, page, extra):
        """Through-table rows for one page: (relation name, term id)."""
        rows = [("factors", pk) for pk in self.some(self.vocab.factors)]
        rows += [("projects", pk) for pk in extra["projects"]]
        rows += [("target_groups", pk) for pk in self.some(self.vocab.target_groups, (0.7, 0.3))]
        rows += [("levels", pk) for pk in self.some(self.vocab.levels, (0.8, 0.2))]
        rows += [
            ("intervention_types", pk)
            for pk in self.some(self.vocab.intervention_types, (0.75, 0.25))
        ]
        region = extra["region"]
        if region is None and self.vocab.regions and self.rng.random() < 0.3:
            region = self.rng.choice(self.vocab.regions)
        if region is not None:
            rows.append(("regions", region))
        if extra.get("municipality"):
            rows.append(("municipalities", extra["municipality"]))
        count = self.rng.choice([1, 2, 2, 3, 3, 4])
        tags = set(self.rng.choices(self.vocab.tags, self.vocab.tag_weights, k=count))
        rows += [("tags", pk) for pk in tags]
        return rows


def next_step(parent):
    last = parent.get_last_child()
    return Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1


def insert_table(model, objs, returning=False):
    """One INSERT for the rows of one table of a multi-table model."""
    fields = [f for f in model._meta.local_concrete_fields if not f.primary_key or not returning]
    returning_fields = [model._meta.pk] if returning else None
    return model._base_manager._insert(
        objs, fields=fields, returning_fields=returning_fields, using=connection.alias
    )


def insert_pages(parent, pages):
    """Insert specific pages (all of one type) as children of parent, in tree order."""
    step = next_step(parent)
    locale_id = parent.locale_id or Locale.get_default().pk
    for offset, page in enumerate(pages):
        page.path = Page._get_path(parent.path, parent.depth + 1, step + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = locale_id
        page.translation_key = uuid.uuid4()
    rows = insert_table(Page, pages, returning=True)
    for page, (pk,) in zip(pages, rows, strict=True):
        page.pk = page.id = page.page_ptr_id = pk
        if hasattr(page, "contentpage_ptr_id"):
            page.contentpage_ptr_id = pk
    insert_table(ContentPage, pages)
    insert_table(type(pages[0]), pages)
    for page in pages:
        page._state.adding = False
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)


def insert_links(links):
    """Bulk-create the taxonomy and keyword rows: links is a list of (page id, name, term id)."""
    for name in RELATIONS:
        field = ContentPage._meta.get_field(name)
        through = field.remote_field.through
        page_col, term_col = field.m2m_field_name(), field.m2m_reverse_field_name()
        through.objects.bulk_create(
            [
                through(**{f"{page_col}_id": page_id, f"{term_col}_id": term_id})
                for page_id, rel, term_id in links
                if rel == name
            ],
            batch_size=1000,
        )
    PageTag.objects.bulk_create(
        [
            PageTag(content_object_id=page_id, tag_id=term_id)
            for page_id, rel, term_id in links
            if rel == "tags"
        ],
        batch_size=1000,
    )


def index_pages(model, pks):
    objs = list(
        model.objects.filter(pk__in=pks)
        .prefetch_related("tags")
        .select_related(*(["municipality"] if model is CaseStudyPage else []))
    )
    for backend in get_search_backends():
        backend.add_bulk(model, objs)


def generate_content(count, seed=1, shares=(0.3, 0.4, 0.3)):
    """Add `count` live content pages (research, case studies, methods in `shares`)."""
    ensure_taxonomy()
    parents = ensure_site()
    generator = Generator(seed)
    counts = {
        "research": round(count * shares[0]),
        "methods": round(count * shares[2]),
    }
    counts["cases"] = count - counts["research"] - counts["methods"]
    plans = [(parents["research"], generator.research, counts["research"])]
    plans.append((parents["methods"], generator.method, counts["methods"]))
    sections = parents["sections"]
    for i, section in enumerate(sections):
        share = counts["cases"] // len(sections) + (i < counts["cases"] % len(sections))
        plans.append((section, lambda s=section: generator.case_study(s), share))
    created = 0
    with transaction.atomic():
        for parent, make, total in plans:
            for start in range(0, total, BATCH_SIZE):
                made = [make() for _ in range(min(BATCH_SIZE, total - start))]
                pages = [page for page, _ in made]
                insert_pages(parent, pages)
                links = [
                    (page.pk, rel, term)
                    for page, extra in made
                    for rel, term in generator.links(page, extra)
                ]
                insert_links(links)
                if isinstance(pages[0], CaseStudyPage):
                    CaseStudyResult.objects.bulk_create(
                        [row for page in pages for row in generator.results(page)],
                        batch_size=1000,
                    )
                index_pages(type(pages[0]), [page.pk for page in pages])
                created += len(pages)
    # Bulk inserts send no signals: tell the discovery cache the content changed.
    changed()
    return created
