"""`manage.py restore_site <backup folder>`: a backup back into an empty database and media
folder, then checked against the backup's manifest.

The backup is checked before anything is written: its files against their checksums, the media
archive for paths that would leave MEDIA_ROOT. The database must have no tables and MEDIA_ROOT
no files, unless --overwrite says otherwise.
"""

import tarfile

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from pluginnovation.backup import database, manifest
from pluginnovation.backup.errors import BackupError
from pluginnovation.backup.media import extract_archive, is_empty
from pluginnovation.backup.verification import (
    check_backup,
    check_same_database_type,
    migration_advice,
    report,
)


class Command(BaseCommand):
    help = (
        "Återställer en säkerhetskopia från backup_site till en tom databas och mediemapp och "
        "jämför sedan resultatet med säkerhetskopians manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Säkerhetskopians mapp.")
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help=(
                "Återställ även om databasen har tabeller eller mediemappen har filer "
                "(det som finns i säkerhetskopian ersätts, annat blir kvar)."
            ),
        )
        parser.add_argument(
            "--database", dest="alias", default=DEFAULT_DB_ALIAS, help="Databasalias."
        )

    def handle(self, *args, folder, overwrite, alias, **options):
        connection = connections[alias]
        media_root = settings.MEDIA_ROOT
        try:
            backup, path = check_backup(folder, media_root)
            check_same_database_type(backup, connection)
            if not overwrite:
                refuse_existing_data(connection, media_root, with_media=bool(backup["media"]))
            database.restore(connection, path / backup["database"]["file"], overwrite=overwrite)
            if backup["media"]:
                extract_archive(path / backup["media"]["file"], media_root)
            current = manifest.current_state(connection, media_root)
        except (BackupError, OSError, tarfile.TarError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Återställde {path} till databasen och {media_root}.")
        found = report(self.stdout, backup, current)
        for advice in migration_advice(connection):
            self.stdout.write(advice)
        if found:
            raise CommandError(
                f"Återställningen skiljer sig från säkerhetskopian på {len(found)} punkter "
                "(se ovan)."
            )
        self.stdout.write("Kontrollen stämmer: inget saknas och inget skiljer sig.")


def refuse_existing_data(connection, media_root, *, with_media):
    if database.has_tables(connection):
        name = connection.settings_dict["NAME"]
        raise BackupError(
            f"Databasen {name} har redan tabeller; återställ bara till en tom databas "
            "(skapa en ny), eller ange --overwrite om den verkligen ska skrivas över."
        )
    if with_media and not is_empty(media_root):
        raise BackupError(
            f"Mediemappen {media_root} innehåller redan filer; återställ till en tom mapp, "
            "eller ange --overwrite."
        )
