"""Checking a backup folder, and reporting how a database and media folder compare with it;
shared by restore_site and verify_backup."""

from pathlib import Path

from django.db.migrations.executor import MigrationExecutor

from . import manifest
from .errors import BackupError
from .media import check_archive


def check_backup(folder, media_root):
    """The manifest and folder of a complete, unchanged backup whose archive is safe to
    extract into media_root; BackupError otherwise. Reads everything, writes nothing."""
    path = Path(folder).resolve()
    backup = manifest.read(path)
    manifest.check_files(path, backup)
    if backup["media"]:
        check_archive(path / backup["media"]["file"], backup["media"]["files"], media_root)
    return backup, path


def check_same_database_type(backup, connection):
    vendor = backup["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"Säkerhetskopian är från en {vendor}-databas men databasen här är "
            f"{connection.vendor}; den kan bara återställas till och jämföras med samma "
            "databastyp."
        )


def report(out, backup, current):
    """Write the headline numbers (backup, and now) and every difference; return the
    differences."""
    out.write(f"Säkerhetskopia från {backup['created']} ({describe(backup['versions'])}):")
    for text in manifest.summary_lines(backup, current):
        out.write(text)
    found = manifest.differences(backup, current)
    for difference in found:
        out.write(f"SKILLNAD: {difference}")
    return found


def describe(versions):
    return f"Django {versions['django']}, Wagtail {versions['wagtail']}, {versions['database']}"


def migration_advice(connection):
    """What to do when the restored database and the code are at different migrations."""
    executor = MigrationExecutor(connection)
    loader = executor.loader
    unknown = sorted(
        f"{app}.{name}"
        for app, name in loader.applied_migrations
        if (app, name) not in loader.disk_migrations
    )
    pending = executor.migration_plan(loader.graph.leaf_nodes())
    advice = []
    if unknown:
        advice.append(
            "Obs: säkerhetskopian har migreringar som den här koden inte känner till "
            f"({', '.join(unknown[:10])}); återställ med den version av koden som tog den."
        )
    if pending:
        advice.append(
            f"Obs: koden har {len(pending)} migreringar som databasen inte har; kör "
            "manage.py migrate innan webbplatsen startas."
        )
    return advice
