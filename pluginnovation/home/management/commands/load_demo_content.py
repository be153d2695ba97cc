"""`manage.py load_demo_content`: build the demo site; a second run adds only what is missing."""

import io

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from pluginnovation.editorial.demo_users import create_demo_role_users
from pluginnovation.home.demo.datafiles import DemoDataError
from pluginnovation.home.demo.loader import load_demo_content
from pluginnovation.home.demo.users import create_demo_superuser
from research.models import ResearchArticlePage


class Command(BaseCommand):
    help = (
        "Bygger demowebbplatsen: startsida, forskning, fallstudier, metoder, informationssidor, "
        "kategorier och dokument. Det som redan finns lämnas orört."
    )

    def handle(self, *args, **options):
        out = self.stdout if options["verbosity"] >= 1 else io.StringIO()
        try:
            created = load_demo_content()
        except DemoDataError as error:
            raise CommandError(f"Demoinnehållet laddades inte, inget ändrades. {error}") from error
        out.write(summary(created))
        create_demo_superuser(out)
        create_demo_role_users(out)


def summary(created):
    if not any(created.values()):
        return "Demoinnehållet fanns redan; inget ändrades."
    if not (created["pages"] or created["terms"] or created["documents"]):
        return f"Demoinnehållet fanns redan. Webbplatsen fick namnet {settings.WAGTAIL_SITE_NAME}."
    totals = (
        f"{ResearchArticlePage.objects.count()} forskningsartiklar, "
        f"{CaseStudyPage.objects.count()} fallstudier och {MethodPage.objects.count()} metoder"
    )
    return (
        f"Skapade {created['pages']} sidor, {created['terms']} kategorier och "
        f"{created['documents']} dokument. Webbplatsen har nu {totals}."
    )
