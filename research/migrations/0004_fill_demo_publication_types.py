"""Give the demo's research articles on an existing site their publication type and design,
and drop their links to publishers' start pages (the demo files no longer have them).

Only the demo's own pages are touched, and only where an editor has not changed the values:
a type is set where none is, and a link is cleared only if it is still the demo's old one.
The latest revision is updated too, so the next edit in the admin starts from the same values.
"""

from django.db import migrations

# slug: (publication type, study design, the start-page link the demo used to have)
DEMO_ARTICLES = {
    "handbook-student-engagement": ("bok", "", "https://link.springer.com/"),
    "ifau-langre-yrkesprogram-och-avhopp": (
        "utvardering",
        "kvantitativ-med-jamforelsegrupp",
        "https://www.ifau.se/",
    ),
    "motverka-studieavbrott-framgangsfaktorer-i-praktiken": (
        "metodmaterial",
        "",
        "https://goteborgsregionen.se/",
    ),
    "oecd-equity-and-quality-in-education": ("forskningsoversikt", "", "https://www.oecd.org/"),
    "rumberger-dropping-out": ("bok", "", "https://www.hup.harvard.edu/"),
    "school-dropout-and-completion": ("bok", "", "https://link.springer.com/"),
    "skolinspektionen-ogiltig-franvaro-grundskolan": (
        "myndighetsrapport",
        "",
        "https://www.skolinspektionen.se/",
    ),
    "skolverket-allmanna-rad-aktivitetsansvar": ("allmanna-rad", "", "https://www.skolverket.se/"),
    "skolverket-allmanna-rad-franvaro": ("allmanna-rad", "", "https://www.skolverket.se/"),
    "skolverket-allmanna-rad-studie-och-yrkesvagledning": (
        "allmanna-rad",
        "",
        "https://www.skolverket.se/",
    ),
    "sou-2016-77-gymnasieutbildning-for-alla": (
        "statlig-utredning",
        "",
        "https://www.regeringen.se/",
    ),
    "studieavbrott-konsekvenser-utanfor-klassrummet": ("utvardering", "", "https://skr.se/"),
}


def changes(values, kind, design, old_link):
    """The field values to change, judged from `values` (a page row or a revision's content)."""
    update = {}
    if not values.get("publication_type"):
        update["publication_type"] = kind
        if design and not values.get("study_design"):
            update["study_design"] = design
    if values.get("link") == old_link:
        update["link"] = ""
    return update


def fill(apps, schema_editor):
    ResearchArticlePage = apps.get_model("research", "ResearchArticlePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for page in ResearchArticlePage.objects.filter(slug__in=DEMO_ARTICLES):
        kind, design, old_link = DEMO_ARTICLES[page.slug]
        row = {name: getattr(page, name) for name in ("publication_type", "study_design", "link")}
        update = changes(row, kind, design, old_link)
        if update:
            ResearchArticlePage.objects.filter(pk=page.pk).update(**update)
        revision = Revision.objects.filter(pk=page.latest_revision_id).first()
        if revision is not None and isinstance(revision.content, dict):
            update = changes(revision.content, kind, design, old_link)
            if update:
                revision.content = {**revision.content, **update}
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("research", "0003_publication_type_and_study_design"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
