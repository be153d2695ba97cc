"""Backups: `manage.py backup_site` copies the database and the uploaded files, `restore_site`
puts them into an empty database and media folder, `verify_backup` compares; nothing is lost.

pg_dump is another process: it sees only committed rows, and backup_site refuses to run inside
a transaction. So backups are made outside the usual rolled-back test transaction:
- `demo_backup` (once per module) backs up the demo site before any test's transaction opens;
  the tests that only read it or damage a copy of it run as usual, rolled back.
- `committed_site` is for the tests that write: pytest-django's transactional mode, which
  empties the database afterwards; a copy of the whole test database, taken before, is put back
  after that, so later tests in the same worker still find the demo site.
Restores go into a new database (PostgreSQL: a new database; SQLite: a new file) and a new
media folder, through `manage.py restore_site` in a subprocess, as an operator runs it.
"""

import io
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tarfile
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.test import override_settings

from wagtail.documents.models import Document
from wagtail.images.models import Image, Rendition
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Revision,
)

import pytest
from PIL import Image as PILImage

from pluginnovation.backup import database as backup_database
from pluginnovation.backup.errors import BackupError
from pluginnovation.backup.media import extract_archive, file_record
from pluginnovation.home.models import StandardPage
from tests.factories import site_root

PROJECT_ROOT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")


# Backups outside the test transaction


def make_backup(output):
    out = io.StringIO()
    call_command("backup_site", output=output, stdout=out, stderr=io.StringIO())
    (folder,) = Path(output).iterdir()
    return folder, out.getvalue()


def current_umask():
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def copy_media(settings_media_root, target):
    """The demo site's uploads in a folder of the test's own (the shared one may be written to
    by tests in other workers)."""
    shutil.copytree(settings_media_root, target)
    return target


@pytest.fixture(scope="module")
def demo_backup(django_db_setup, django_db_blocker, tmp_path_factory):
    """A backup of the demo site: (folder, media folder it was made from, command output)."""
    assert_test_database()
    base = tmp_path_factory.mktemp("demo-backup")
    media = copy_media(settings.MEDIA_ROOT, base / "media")
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock():
        folder, out = make_backup(base / "backups")
    return folder, media, out


@pytest.fixture
def backup_copy(demo_backup, tmp_path):
    """A copy of the demo backup that a test may damage."""
    folder, _media, _out = demo_backup
    return Path(shutil.copytree(folder, tmp_path / "copy" / folder.name))


@pytest.fixture
def _own_database(django_db_setup, django_db_blocker):
    # Set up before transactional_db (committed_site asks for it first), so this teardown runs
    # after pytest-django has emptied the database at the end of the test.
    assert_test_database()
    with django_db_blocker.unblock():
        demo_site = site_fingerprint()
        kept = keep_test_database()
    yield
    with django_db_blocker.unblock():
        put_back(kept)
        assert site_fingerprint() == demo_site, "the test database was not put back"


@pytest.fixture
def committed_site(_own_database, transactional_db):
    """The demo site in autocommit: what a test writes is committed (pg_dump sees it), and the
    test database is as it was afterwards."""


def assert_test_database():
    """Outside a test transaction a mistake would be committed: make sure pytest-django has
    set up its test database (a test marked django_db, or asking for transactional_db)."""
    name = str(connection.settings_dict["NAME"])
    assert name.startswith("test_") or "memorydb" in name, f"not a test database: {name}"


def site_fingerprint():
    return (
        connection.settings_dict["NAME"],
        list(Page.objects.values_list("pk", "title").order_by("pk")),
        Revision.objects.count(),
        ContentType.objects.get_for_model(StandardPage).pk,
    )


def keep_test_database():
    """PostgreSQL: the test runs on a copy of the test database, dropped afterwards (cheaper
    than copying it back). SQLite: a copy of the in-memory test database, put back afterwards
    (an in-memory database cannot be swapped for another under an open connection)."""
    if POSTGRES:
        name = connection.settings_dict["NAME"]
        work = f"{name}_{uuid.uuid4().hex[:12]}"
        connection.close()  # a template database must have no other connections
        admin_sql(f'CREATE DATABASE "{work}" TEMPLATE "{name}"')
        connection.settings_dict["NAME"] = work
        return name, work
    copy = sqlite3.connect(":memory:")
    connection.ensure_connection()
    connection.connection.backup(copy)
    return copy


def put_back(kept):
    if POSTGRES:
        name, work = kept
        connection.close()
        connection.settings_dict["NAME"] = name
        admin_sql(f'DROP DATABASE "{work}" WITH (FORCE)')
    else:
        connection.ensure_connection()
        kept.backup(connection.connection)
        kept.close()
    # The flush made new content types; the cache would still hand out their ids.
    ContentType.objects.clear_cache()


def admin_sql(sql):
    """A statement on the server's maintenance database, outside any transaction."""
    import psycopg

    database = connection.settings_dict
    params = {"host": database["HOST"], "port": database["PORT"], "user": database["USER"]}
    if database["PASSWORD"]:
        params["password"] = database["PASSWORD"]
    with psycopg.connect(
        dbname="postgres", autocommit=True, **{k: v for k, v in params.items() if v}
    ) as admin:
        admin.execute(sql)


@contextmanager
def new_database(tmp_path):
    """A new, empty database: its settings, and DATABASE_URL for a subprocess."""
    if POSTGRES:
        name = f"restored_{uuid.uuid4().hex[:12]}"
        admin_sql(f'CREATE DATABASE "{name}"')
        url = urlsplit(os.environ["DATABASE_URL"])
        try:
            yield (
                {**connection.settings_dict, "NAME": name},
                urlunsplit(url._replace(path=f"/{name}")),
            )
        finally:
            admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        path = tmp_path / "restored.sqlite3"
        yield {**connection.settings_dict, "NAME": str(path)}, f"sqlite:///{path}"


@contextmanager
def open_database(settings_dict):
    """A second connection, to another database of the same type, for plain SQL."""
    other = type(connections[DEFAULT_DB_ALIAS])(settings_dict, alias="restored")
    try:
        yield other
    finally:
        other.close()


def manage(*args, database_url, media_root, **environment):
    """Run manage.py as an operator would, against another database and media folder."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pluginnovation.settings.test",
        "DATABASE_URL": database_url,
        "PLUGINNOVATION_TEST_MEDIA": str(media_root),
        **environment,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *map(str, args)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


# The site's content, as plain rows and files


def rows(db, model, *fields):
    """Every row of the model's own table, by primary key, as the database returns it."""
    quote = db.ops.quote_name
    meta = model._meta
    columns = [meta.get_field(field).column for field in fields] if fields else None
    with db.cursor() as cursor:
        if columns is None:
            cursor.execute(f"SELECT * FROM {quote(meta.db_table)} ORDER BY {quote(meta.pk.column)}")
        else:
            cursor.execute(
                f"SELECT {', '.join(map(quote, columns))} FROM {quote(meta.db_table)} "
                f"ORDER BY {quote(meta.pk.column)}"
            )
        return [tuple(row) for row in cursor.fetchall()]


def content(db):
    """What must come back from a backup, read with plain SQL."""
    compared = {
        "pages": rows(
            db,
            Page,
            "id",
            "path",
            "depth",
            "title",
            "slug",
            "live",
            "has_unpublished_changes",
            "latest_revision",
            "live_revision",
            "content_type",
            "url_path",
        ),
        "revisions": rows(db, Revision, "id", "object_id", "content_type", "created_at", "content"),
        "documents": rows(
            db, Document, "id", "title", "file", "collection", "file_size", "file_hash"
        ),
        "images": rows(db, Image, "id", "title", "file", "width", "height", "file_hash"),
        "renditions": rows(db, Rendition, "id", "image", "filter_spec", "file"),
        "collections": rows(db, Collection, "id", "path", "name"),
        "page_view_restrictions": rows(
            db, PageViewRestriction, "id", "page", "restriction_type", "password"
        ),
        "collection_view_restrictions": rows(
            db, CollectionViewRestriction, "id", "collection", "restriction_type"
        ),
    }
    for model in apps.get_app_config("taxonomy").get_models():
        compared[model._meta.label] = rows(db, model)
    return compared


def files(root):
    root = Path(root)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def media_root(settings, tmp_path):
    """A media folder of the test's own, starting with the demo site's files."""
    settings.MEDIA_ROOT = copy_media(settings.MEDIA_ROOT, tmp_path / "media")
    return settings.MEDIA_ROOT


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 40, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def add_private_and_unpublished_content():
    """A restricted page, a draft on a live page, a page never published, a private document,
    an image and a rendition: what a backup must keep although the public site never shows it."""
    home = site_root()
    restricted = home.add_child(instance=StandardPage(title="Personalrum", slug="personalrum"))
    restricted.save_revision().publish()
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    draft = StandardPage.objects.live().exclude(pk=restricted.pk).first()
    draft.title = "Utkast som ingen har publicerat"
    draft.save_revision()
    never = home.add_child(
        instance=StandardPage(title="Aldrig publicerad", slug="aldrig-publicerad", live=False)
    )
    never.save_revision()
    closed = Collection.get_first_root_node().add_child(name="Interna dokument")
    CollectionViewRestriction.objects.create(
        collection=closed, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Intern rapport",
        file=ContentFile(
            b"%PDF-1.4\n% r\xc3\xa4ttelse\n" + os.urandom(2048), name="intern-rapport.pdf"
        ),
        collection=closed,
    )
    image = Image.objects.create(
        title="Skolgård", file=ContentFile(png_bytes(), name="skolgard.png")
    )
    image.get_rendition("fill-20x20")
    return {"restricted": restricted, "draft": draft, "never": never, "document": document}


# The round trip


def test_a_backup_restores_into_an_empty_database_with_nothing_lost(
    committed_site, media_root, tmp_path
):
    added = add_private_and_unpublished_content()
    before = content(connection)
    assert added["restricted"].pk in [row[1] for row in before["page_view_restrictions"]]
    umask = current_umask()
    folder, _ = make_backup(tmp_path / "backups")
    assert current_umask() == umask  # 077 only while the backup was written

    restored_media = tmp_path / "restored-media"
    with new_database(tmp_path) as (restored, url):
        # A media folder that already has files is refused before the database is touched.
        restored_media.mkdir()
        (restored_media / "kvar.txt").write_text("från förut")
        refused = manage("restore_site", folder, database_url=url, media_root=restored_media)
        assert refused.returncode != 0
        assert "Mediemappen" in refused.stderr and "innehåller redan filer" in refused.stderr
        with open_database(restored) as db, db.cursor() as cursor:
            assert db.introspection.table_names(cursor) == []
        (restored_media / "kvar.txt").unlink()

        result = manage("restore_site", folder, database_url=url, media_root=restored_media)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "inget saknas och inget skiljer sig" in result.stdout

        with open_database(restored) as db:
            after = content(db)
    for kind in before:
        assert after[kind] == before[kind], kind
    restored_pages = {row[0]: row for row in after["pages"]}
    assert restored_pages[added["never"].pk][5] is False  # live: still a draft
    assert restored_pages[added["draft"].pk][6] is True  # has_unpublished_changes
    assert files(restored_media) == files(media_root)
    document = added["document"].file.name
    assert (restored_media / document).read_bytes() == (media_root / document).read_bytes()
    assert any("Utkast som ingen har publicerat" in str(row[-1]) for row in after["revisions"])

    # verify_backup against the source: equal until something changes.
    call_command("verify_backup", folder, stdout=io.StringIO())
    Page.objects.filter(pk=added["draft"].pk).update(title="Ändrad efter säkerhetskopian")
    (media_root / document).unlink()
    out = io.StringIO()
    with pytest.raises(CommandError, match="skiljer sig"):
        call_command("verify_backup", folder, stdout=out)
    assert f"Tabellen {Page._meta.db_table}: lika många rader" in out.getvalue()
    assert f"saknas nu (1): {document}" in out.getvalue()


# The backup folder


@pytest.mark.django_db
def test_the_backup_is_readable_by_its_owner_only_and_counts_the_content(demo_backup):
    folder, media, out = demo_backup

    assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    database_file = "database.dump" if POSTGRES else "database.sqlite3"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [database_file, "manifest.json", "media.tar"]
    )
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert folder.name.endswith("Z") and len(folder.name) == len("20260509T031500Z")
    assert f"Säkerhetskopian är klar: {folder}" in out

    manifest = json.loads((folder / "manifest.json").read_text())
    summary = manifest["summary"]
    assert summary["pages"] == Page.objects.count() > 50
    assert summary["live_pages"] == Page.objects.live().count()
    assert summary["revisions"] == Revision.objects.count()
    assert summary["documents"] == Document.objects.count() > 0
    assert summary["taxonomy"]["taxonomy.successfactor"] == 4
    assert manifest["tables"][Page._meta.db_table]["rows"] == Page.objects.count()
    assert manifest["versions"]["wagtail"].startswith("7.")
    assert manifest["database"]["vendor"] == connection.vendor
    assert "wagtailcore.0001_initial" in manifest["migrations"]
    demo_files = files(media)
    assert set(manifest["media"]["files"]) == set(demo_files)
    assert manifest["missing_media"] == []
    with tarfile.open(folder / "media.tar") as archive:
        for name, data in demo_files.items():
            assert archive.extractfile(name).read() == data


def test_a_failed_backup_leaves_nothing_that_looks_complete(tmp_path, monkeypatch):
    def dump_that_fails_halfway(connection, path):
        path.write_bytes(b"PGDMP half")
        raise OSError("No space left on device")

    monkeypatch.setattr(backup_database, "dump", dump_that_fails_halfway)
    output = tmp_path / "backups"
    umask = current_umask()
    with pytest.raises(CommandError, match="Ingen säkerhetskopia togs. No space left"):
        call_command("backup_site", output=output, stdout=io.StringIO())
    assert list(output.iterdir()) == []
    assert current_umask() == umask


def test_without_pg_dump_the_message_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BackupError, match="pg_dump finns inte.*postgresql-client"):
        backup_database.tool("pg_dump")


@pytest.mark.django_db
@pytest.mark.skipif(not POSTGRES, reason="pg_dump runs only against PostgreSQL")
def test_a_failing_pg_dump_stops_the_backup_with_its_message(media_root, tmp_path):
    fake = tmp_path / "bin" / "pg_dump"
    fake.parent.mkdir()
    seen = tmp_path / "seen"
    fake.write_text(
        "#!/bin/sh\n"
        'case "$1" in --version) echo "pg_dump (PostgreSQL) 99.0"; exit 0;; esac\n'
        f'printf "%s\\n" "$@" > {seen}.args; printf "%s" "$PGPASSWORD" > {seen}.password\n'
        'for arg; do case "$arg" in --file=*) echo PGDMP-half > "${arg#--file=}";; esac; done\n'
        'echo "pg_dump: error: connection lost" >&2; exit 1\n'
    )
    fake.chmod(0o755)
    output = tmp_path / "backups"
    # The test database, with a password (the local server trusts 127.0.0.1 and ignores it).
    url = urlsplit(os.environ["DATABASE_URL"])
    password = url.password or "hemligt-lösen-42"
    netloc = f"{url.username}:{password}@{url.hostname}" + (f":{url.port}" if url.port else "")
    test_database = url._replace(netloc=netloc, path=f"/{connection.settings_dict['NAME']}")
    # In a process of its own: the backup must not run inside this test's transaction.
    result = manage(
        "backup_site",
        "--output",
        output,
        database_url=urlunsplit(test_database),
        media_root=media_root,
        PATH=f"{fake.parent}:{os.environ['PATH']}",
    )
    assert result.returncode == 1
    assert "Ingen säkerhetskopia togs. pg_dump misslyckades" in result.stderr
    assert "connection lost" in result.stderr
    assert list(output.iterdir()) == []
    # The password went in the environment, never on the command line (ps shows that).
    assert Path(f"{seen}.password").read_text() == password
    arguments = Path(f"{seen}.args").read_text()
    assert password not in arguments and "--format=custom" in arguments


# A damaged or hostile backup is refused before anything is written


def corrupt_database_file(folder):
    path = next(folder.glob("database.*"))
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def flip_a_byte_in_the_archive(folder):
    path = folder / "media.tar"
    data = bytearray(path.read_bytes())
    data[1024] ^= 0xFF
    path.write_bytes(bytes(data))


def remove_the_manifest(folder):
    (folder / "manifest.json").unlink()


def break_the_manifest(folder):
    (folder / "manifest.json").write_text('{"format": 1, "database": ')


@pytest.mark.django_db
@pytest.mark.parametrize(
    "damage, message",
    [
        (corrupt_database_file, "avkortad eller ändrad"),
        (flip_a_byte_in_the_archive, "kontrollsumman för media.tar"),
        (remove_the_manifest, "saknar manifest.json"),
        (break_the_manifest, "manifest.json är skadad"),
    ],
)
def test_a_damaged_backup_is_detected(backup_copy, media_root, damage, message):
    damage(backup_copy)
    with pytest.raises(CommandError, match=message):
        call_command("verify_backup", backup_copy, "--files-only", stdout=io.StringIO())
    with pytest.raises(CommandError, match=message):
        call_command("restore_site", backup_copy, stdout=io.StringIO())


@pytest.mark.django_db
def test_an_unfinished_backup_is_not_taken_for_a_backup(backup_copy):
    unfinished = backup_copy.rename(backup_copy.with_name(f".{backup_copy.name}.partial"))
    with pytest.raises(CommandError, match="ofullständig"):
        call_command("verify_backup", unfinished, "--files-only", stdout=io.StringIO())


@pytest.mark.django_db
def test_restore_refuses_a_database_that_already_has_tables(demo_backup, media_root):
    folder, _media, _out = demo_backup
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="har redan tabeller.*--overwrite"):
        call_command("restore_site", folder, stdout=io.StringIO())
    assert Page.objects.count() == pages


def hostile_member(kind):
    data = b"inte din fil"
    if kind == "parent":
        info = tarfile.TarInfo("documents/../../utanfor.txt")
    elif kind == "absolute":
        info = tarfile.TarInfo("/tmp/utanfor-pluginnovation.txt")
    elif kind == "symlink":
        info = tarfile.TarInfo("documents/lank.pdf")
        info.type, info.linkname, data = tarfile.SYMTYPE, "/etc/passwd", None
    else:
        info = tarfile.TarInfo("documents/hardlank.pdf")
        info.type, info.linkname, data = tarfile.LNKTYPE, "../../../etc/passwd", None
    if data is not None:
        info.size = len(data)
    return info, data


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["parent", "absolute", "symlink", "hardlink"])
def test_an_archive_reaching_outside_the_media_folder_is_refused(
    backup_copy, media_root, tmp_path, kind
):
    info, data = hostile_member(kind)
    with tarfile.open(backup_copy / "media.tar", "a") as archive:
        archive.addfile(info, io.BytesIO(data) if data is not None else None)
    # Forged so that the checksums agree: only the paths give it away.
    manifest_path = backup_copy / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    with (backup_copy / "media.tar").open("rb") as archive:
        manifest["media"].update(file_record(archive))
    manifest_path.write_text(json.dumps(manifest))

    for command in ("restore_site", "verify_backup"):
        with pytest.raises(CommandError, match="utanför mediemappen"):
            call_command(command, backup_copy, stdout=io.StringIO())

    # Extraction itself, the second guard, refuses too and writes nothing outside.
    destination = tmp_path / "extract" / "media"
    with pytest.raises(tarfile.FilterError):
        extract_archive(backup_copy / "media.tar", destination)
    assert not (tmp_path / "extract" / "utanfor.txt").exists()
    assert not Path("/tmp/utanfor-pluginnovation.txt").exists()
    assert not any(path.is_symlink() for path in destination.rglob("*"))
