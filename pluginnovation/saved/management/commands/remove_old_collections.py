"""Remove collections nobody has used for the retention period (stated on /samling/)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from pluginnovation.saved.models import RETENTION, RETENTION_TEXT, Collection


class Command(BaseCommand):
    help = f"Tar bort samlingar (Min samling) som inte har använts på {RETENTION_TEXT}."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Räkna bara, ta inte bort något."
        )

    def handle(self, *args, dry_run=False, **options):
        old = Collection.objects.filter(last_used__lt=timezone.now() - RETENTION)
        count = old.count()
        if not dry_run:
            old.delete()
        verb = "skulle tas bort" if dry_run else "borttagna"
        self.stdout.write(f"{count} samlingar som inte använts på {RETENTION_TEXT} {verb}.")
