"""`manage.py backup_site [--output DIR]`: the database and the uploaded files, with a manifest.

Writes one folder, named by the UTC time (20260509T031500Z), holding the database copy
(database.dump from pg_dump -Fc, or database.sqlite3), the media files (media.tar) and
manifest.json (counts and checksums). See docs/deployment.md, "Säkerhetskopior med manage.py".
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from pluginnovation.backup import database, manifest
from pluginnovation.backup.errors import BackupError
from pluginnovation.backup.folder import NewBackupFolder, private_umask
from pluginnovation.backup.media import write_archive


class Command(BaseCommand):
    help = (
        "Tar en säkerhetskopia av databasen och mediefilerna (bilder, dokument) i en ny mapp "
        "som bara ägaren kan läsa, med ett manifest med antal och kontrollsummor."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(settings.VAR_DIR) / "backups",
            help="Mappen där säkerhetskopian läggs (standard: var/backups).",
        )
        parser.add_argument(
            "--no-media",
            action="store_true",
            help="Bara databasen, t.ex. när mediefilerna ligger i en S3-bucket.",
        )
        parser.add_argument(
            "--database", dest="alias", default=DEFAULT_DB_ALIAS, help="Databasalias."
        )

    def handle(self, *args, output, no_media, alias, **options):
        connection = connections[alias]
        if not no_media and not isinstance(storages["default"], FileSystemStorage):
            raise CommandError(
                "Mediefilerna ligger inte i en mapp på den här datorn (STORAGES['default']); "
                "säkerhetskopiera dem där de ligger och kör med --no-media."
            )
        created = timezone.now()
        folder = NewBackupFolder(output, created)
        with private_umask():
            try:
                path = folder.create()
            except BackupError as error:
                raise CommandError(f"Ingen säkerhetskopia togs. {error}") from error
            try:
                written = write_backup(connection, path, created, media=not no_media)
                final = folder.complete()
            except (BackupError, OSError) as error:
                folder.discard()
                raise CommandError(f"Ingen säkerhetskopia togs. {error}") from error
            except BaseException:
                folder.discard()
                raise
        self.stdout.write(f"Säkerhetskopian är klar: {final}")
        for text in manifest.summary_lines(written):
            self.stdout.write(text)
        if written["missing_media"]:
            self.stderr.write(
                f"Varning: {len(written['missing_media'])} filer som databasen pekar på saknas "
                f"i mediemappen (de saknades redan): {', '.join(written['missing_media'][:20])}"
            )
        if written.get("skipped_media"):
            self.stderr.write(
                "Varning: länkar och specialfiler i mediemappen togs inte med: "
                + ", ".join(written["skipped_media"][:20])
            )


def write_backup(connection, path, created, *, media):
    """Write the database copy, the media archive and the manifest into `path`; return the
    manifest."""
    database_file = path / database.file_name(connection)
    # The database first: a file uploaded meanwhile is then in the archive without a row
    # (harmless), rather than a row without its file.
    state = database.dump(connection, database_file)
    written = {
        "format": manifest.FORMAT,
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "versions": manifest.versions(connection),
        "database": {"vendor": connection.vendor, **manifest.file_entry(database_file)},
        "media": None,
    }
    referenced = state.pop("referenced_files")
    written.update(state)
    if media:
        archive = path / manifest.MEDIA_ARCHIVE
        files, skipped = write_archive(settings.MEDIA_ROOT, archive)
        written["media"] = {**manifest.file_entry(archive), "files": files}
        written["missing_media"] = sorted(set(referenced) - set(files))
        written["skipped_media"] = skipped
    else:
        written["missing_media"] = []
    manifest.write(path / manifest.NAME, written)
    return written
