"""`manage.py verify_backup <backup folder>`: is the backup whole, and does the database and
media folder hold what it holds?

First the backup itself: the manifest, the checksums of the database copy and the media
archive, and the archive's paths. Then, unless --files-only, the manifest is computed again from
the database and MEDIA_ROOT and compared table by table and file by file. Run it on a scratch
restore (docs/deployment.md): against the live site, tables that change all the time (sessions)
will differ.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from pluginnovation.backup import manifest
from pluginnovation.backup.errors import BackupError
from pluginnovation.backup.verification import (
    check_backup,
    check_same_database_type,
    report,
)


class Command(BaseCommand):
    help = (
        "Kontrollerar en säkerhetskopia (kontrollsummor, mediearkivet) och jämför den med "
        "databasen och mediemappen."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Säkerhetskopians mapp.")
        parser.add_argument(
            "--files-only",
            action="store_true",
            help="Kontrollera bara säkerhetskopians filer, jämför inte med databasen.",
        )
        parser.add_argument(
            "--database", dest="alias", default=DEFAULT_DB_ALIAS, help="Databasalias."
        )

    def handle(self, *args, folder, files_only, alias, **options):
        try:
            backup, path = check_backup(folder, settings.MEDIA_ROOT)
            if files_only:
                self.stdout.write(f"{path}: filerna är hela och stämmer med manifestet.")
                return
            connection = connections[alias]
            check_same_database_type(backup, connection)
            current = manifest.current_state(connection, settings.MEDIA_ROOT)
        except BackupError as error:
            raise CommandError(str(error)) from error
        found = report(self.stdout, backup, current)
        if found:
            raise CommandError(
                f"Databasen och mediemappen skiljer sig från säkerhetskopian på {len(found)} "
                "punkter (se ovan)."
            )
        self.stdout.write(
            f"{path}: filerna är hela, och databasen och mediemappen stämmer med den."
        )
