"""Remove tips from schools sent more than RETENTION_DAYS ago, with the sender's contact details,
as the form promises. A case study made from a tip stays: it is the site's own page.

Run it daily, e.g. from cron: `python manage.py remove_old_submissions`. See docs/submissions.md.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from pluginnovation.submissions.models import RETENTION_DAYS, Submission


def expired(now=None):
    cutoff = (now or timezone.now()) - datetime.timedelta(days=RETENTION_DAYS)
    return Submission.objects.filter(created__lt=cutoff)


class Command(BaseCommand):
    help = f"Tar bort tips från skolor som skickades för mer än {RETENTION_DAYS} dagar sedan."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Räkna bara hur många som skulle tas bort."
        )

    def handle(self, *args, dry_run=False, **options):
        old = expired()
        count = old.count()
        if not dry_run and count:
            old.delete()
        verb = "skulle tas bort" if dry_run else "togs bort"
        self.stdout.write(f"{count} tips {verb}.")
