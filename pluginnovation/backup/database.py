"""Copying the database out and back in: pg_dump and pg_restore on PostgreSQL, SQLite's own
backup API on SQLite (a consistent copy even while the site writes).

The state recorded in the manifest is read in the same snapshot as the copy: on PostgreSQL
pg_dump is handed the snapshot of the transaction that reads the fingerprints; on SQLite the
fingerprints are read from the finished copy. So a backup taken while editors work still
verifies exactly after a restore.
"""

import os
import re
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.db import transaction
from django.db.backends.postgresql.client import DatabaseClient
from django.db.utils import load_backend

from .errors import BackupError
from .fingerprint import database_state

SUPPORTED = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


def file_name(connection):
    try:
        return SUPPORTED[connection.vendor]
    except KeyError:
        raise BackupError(
            f"Databastypen {connection.vendor} stöds inte; bara PostgreSQL och SQLite."
        ) from None


def dump(connection, path):
    """Copy the database to `path`; return the database's state as the copy holds it."""
    file_name(connection)  # refuses other types of database
    if connection.in_atomic_block:
        # The copy and the fingerprints must come from one snapshot the command opens itself.
        raise BackupError("Säkerhetskopian kan inte tas inne i en pågående transaktion.")
    if connection.vendor == "postgresql":
        return dump_postgresql(connection, path)
    return dump_sqlite(connection, path)


def dump_postgresql(connection, path):
    pg_dump = tool("pg_dump")
    check_tool_version(pg_dump, connection)
    with transaction.atomic(using=connection.alias):
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone()
        run(
            [
                pg_dump,
                "--format=custom",
                "--no-password",
                f"--snapshot={snapshot}",
                f"--file={path}",
            ],
            connection,
            "pg_dump",
        )
        return database_state(connection)


def dump_sqlite(connection, path):
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as target:
        connection.connection.backup(target)
    copy = open_sqlite_copy(connection, path)
    try:
        return database_state(copy)
    finally:
        copy.close()


def open_sqlite_copy(connection, path):
    """A Django connection to another SQLite file, set up like the site's own (the same type
    converters), so its fingerprints compare with the site's."""
    backend = load_backend(connection.settings_dict["ENGINE"])
    return backend.DatabaseWrapper(
        {**connection.settings_dict, "NAME": str(path)}, alias="backup_copy"
    )


def has_tables(connection):
    with connection.cursor() as cursor:
        return bool(connection.introspection.table_names(cursor))


def restore(connection, path, *, overwrite=False):
    """Restore a copy made by dump() on the same type of database."""
    if connection.vendor == "postgresql":
        pg_restore = tool("pg_restore")
        options = ["--clean", "--if-exists"] if overwrite else []
        run(
            [
                pg_restore,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--no-password",
                *options,
                f"--dbname={connection.settings_dict['NAME']}",
                str(path),
            ],
            connection,
            "pg_restore",
        )
    else:
        connection.ensure_connection()
        read_only = f"{Path(path).resolve().as_uri()}?mode=ro"
        with closing(sqlite3.connect(read_only, uri=True)) as source:
            source.backup(connection.connection)
    # The restored rows replace whatever this connection may have cached about the schema.
    connection.close()


def tool(name):
    path = shutil.which(name)
    if not path:
        raise BackupError(
            f"{name} finns inte på den här datorn (sökvägen PATH). Installera PostgreSQL-"
            f"klientprogrammen i samma version som databasservern, på Debian: "
            f"apt-get install postgresql-client."
        )
    return path


def tool_major_version(path):
    output = subprocess.run([path, "--version"], capture_output=True, text=True).stdout
    match = re.search(r"\) (\d+)", output)
    return int(match.group(1)) if match else None


def check_tool_version(path, connection):
    connection.ensure_connection()
    server = connection.pg_version // 10000
    client = tool_major_version(path)
    if client is not None and client < server:
        raise BackupError(
            f"{os.path.basename(path)} är version {client} men databasservern är PostgreSQL "
            f"{server}; en äldre pg_dump kan inte läsa en nyare server. Installera "
            f"postgresql-client-{server}."
        )


def run(command, connection, name):
    """Run a PostgreSQL client program against the site's database. The connection comes
    from DATABASES in the environment (PGHOST, PGPASSWORD, ...), never on the command line,
    where every user of the machine could read the password."""
    # Django's own psql settings: password, service, SSL options as PG* variables.
    _, env = DatabaseClient.settings_to_cmd_args_env(connection.settings_dict, [])
    settings = connection.settings_dict
    env = {
        **os.environ,
        **(env or {}),
        **{
            variable: str(settings[key])
            for variable, key in (
                ("PGHOST", "HOST"),
                ("PGPORT", "PORT"),
                ("PGUSER", "USER"),
                ("PGDATABASE", "NAME"),
            )
            if settings.get(key)
        },
    }
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(
            f"{name} misslyckades (status {result.returncode}): "
            f"{result.stderr.strip() or result.stdout.strip() or 'inget meddelande'}"
        )
