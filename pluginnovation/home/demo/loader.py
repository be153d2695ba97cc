"""Build the demo site from the data files (data/, read by reader.py).

The rule is simple: everything is found by its slug (documents by their title). What is missing
is created and published; what exists is left exactly as it is, because an editor may have
changed it. Running the loader twice therefore changes nothing the second time. The one
exception is the default site's name, which is set when it is still Wagtail's placeholder.
"""

import hashlib
from collections import Counter
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save

from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from modelsearch.index import get_indexed_models, insert_or_update_object
from modelsearch.signal_handlers import post_save_signal_handler

from pluginnovation.assessment.demo import load_statements
from pluginnovation.home.models import FooterSettings
from pluginnovation.news.demo import load_news
from pluginnovation.projects.demo import load_projects
from pluginnovation.search.models import Synonym
from pluginnovation.taxonomy.models import Municipality, Project, Region, TargetGroup

from .datafiles import DATA_DIR
from .pagebuilder import PageLoader
from .publishing import stored_file_name
from .reader import read_demo_data
from .translations import load_translations

# Site names that are only placeholders: Wagtail's install leaves the name empty, and the
# admin dashboard then shows the host name.
PLACEHOLDER_SITE_NAMES = ("", "localhost")


def load_demo_content(data_dir=None):
    """Create whatever part of the demo site is missing. Returns a Counter of what was created.

    Raises DemoDataError, naming the file, if a data file cannot be used; nothing is saved then.
    """
    data = read_demo_data(data_dir or DATA_DIR)
    created = Counter()
    with transaction.atomic():
        load_taxonomy(data.taxonomy, created)
        loader = PageLoader(data, load_documents(data.documents, created), created)
        loader.check_terms()
        with indexing_deferred(loader.new_pages):
            loader.load_site()
        # After the pages, taxonomy and documents they refer to.
        load_projects(loader.home_page(), created)
        load_news(loader.home_page(), created)
        load_statements(created)
        load_translations(loader.home_page(), created, data_dir)
        name_default_site(created)
        fill_footer(created)
    return created


FOOTER_SLUGS = ["om", "anvand-kunskapsbanken", "kontakt", "tillganglighet"]


def fill_footer(created):
    """Link the footer to the information pages, unless an editor has chosen its links."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    footer = FooterSettings.for_site(site)
    if footer.links:
        return
    children = {page.slug: page for page in site.root_page.get_children()}
    footer.links = [("page", children[slug]) for slug in FOOTER_SLUGS if slug in children]
    footer.save()
    created["footer"] += 1


@contextmanager
def indexing_deferred(new_pages):
    """Index each new page once at the end, not on each of the three saves that publish it.

    Creating, revising and publishing a page saves it three times, and every save would
    update the search index and the reference index; doing it once keeps the loader fast.
    """
    paused = [
        model
        for model in get_indexed_models()
        if issubclass(model, Page) and post_save.disconnect(post_save_signal_handler, model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in paused:
            post_save.connect(post_save_signal_handler, sender=model)
    for page in new_pages:
        insert_or_update_object(page)
        ReferenceIndex.create_or_update_for_object(page)


# Taxonomy and documents


def load_taxonomy(taxonomy, created):
    for order, data in enumerate(taxonomy["regions"]):
        region, new = Region.objects.get_or_create(
            slug=data["slug"], defaults={"name": data["name"], "sort_order": order}
        )
        created["terms"] += new
        for slug, name, code, group in data["municipalities"]:
            municipality, new = Municipality.objects.get_or_create(
                slug=slug,
                defaults={"name": name, "code": code, "region": region, "kommungrupp": group},
            )
            created["terms"] += new
            if not new and group and not municipality.kommungrupp:
                # The one field filled in on an existing municipality: the municipality group
                # came after the municipalities, and empty means nobody has set it yet.
                municipality.kommungrupp = group
                municipality.save(update_fields=["kommungrupp"])
                created["kommungrupper"] += 1
    for order, data in enumerate(taxonomy["target_groups"]):
        group, new = TargetGroup.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "name_en": data.get("name_en") or "",
                "sort_order": order,
            },
        )
        created["terms"] += new
        if not new and data.get("name_en") and not group.name_en:
            # The English names came after the target groups: empty means nobody wrote one.
            group.name_en = data["name_en"]
            group.save(update_fields=["name_en"])
    for data in taxonomy["projects"]:
        fields = {key: value for key, value in data.items() if key not in ("slug", "regions")}
        project, new = Project.objects.get_or_create(slug=data["slug"], defaults=fields)
        if new:
            project.regions.set(Region.objects.filter(slug__in=data.get("regions") or []))
        created["terms"] += new
    for data in taxonomy["synonyms"]:
        _, new = Synonym.objects.get_or_create(
            word=data["word"],
            defaults={"equivalents": data["equivalents"], "two_way": data.get("two_way", True)},
        )
        created["synonyms"] += new


def load_documents(documents, created):
    """Return {key: Document}, storing each file only when no document has its title."""
    document_model = get_document_model()
    found = {}
    for data in documents:
        document = document_model.objects.filter(title=data["title"]).first()
        if document is None:
            content = data["path"].read_bytes()
            digest = hashlib.sha1(content).hexdigest()
            document = document_model(title=data["title"], file_size=len(content), file_hash=digest)
            document.file.name = stored_file_name(data["path"].name, content, digest)
            document.save()
            created["documents"] += 1
        found[data["key"]] = document
    return found


def name_default_site(created):
    """Give the default site the site's name if it still has a placeholder (keeps its host)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and site.site_name.strip() in PLACEHOLDER_SITE_NAMES:
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
        created["site_name"] += 1
