"""Remove self-assessments (with their answers and plans) not changed for RETENTION_DAYS.

Run it daily, e.g. from cron: `python manage.py remove_old_assessments`. See docs/assessment.md.
"""

from django.core.management.base import BaseCommand

from pluginnovation.assessment.models import RETENTION_DAYS, Assessment


class Command(BaseCommand):
    help = (
        f"Tar bort självskattningar som inte har ändrats på {RETENTION_DAYS} dagar, med svar och "
        "handlingsplan."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Räkna bara hur många som skulle tas bort.",
        )

    def handle(self, *args, dry_run=False, **options):
        old = Assessment.objects.expired()
        count = old.count()
        if not dry_run and count:
            old.delete()
        verb = "skulle tas bort" if dry_run else "togs bort"
        self.stdout.write(f"{count} självskattningar {verb}.")
