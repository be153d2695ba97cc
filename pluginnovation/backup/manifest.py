"""manifest.json: what a backup folder holds, with checksums, and the comparison of a backup
with a database and media folder (after a restore, or with the live site)."""

import json
import os
import platform
import sqlite3
from importlib.metadata import version
from pathlib import Path

from django.apps import apps

from .errors import BackupError
from .fingerprint import SUMMARY_LABELS, database_state
from .media import file_record, media_files

FORMAT = 1
NAME = "manifest.json"
MEDIA_ARCHIVE = "media.tar"


def versions(connection):
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        server = f"PostgreSQL {connection.pg_version // 10000}.{connection.pg_version % 100}"
    else:
        server = f"SQLite {sqlite3.sqlite_version}"
    return {
        "python": platform.python_version(),
        "django": version("django"),
        "wagtail": version("wagtail"),
        "database": server,
    }


def file_entry(path):
    with Path(path).open("rb") as file:
        return {"file": Path(path).name, **file_record(file)}


def write(path, manifest):
    text = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    with Path(path).open("w", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())


def read(folder):
    """The manifest of a backup folder, after checking that the folder is complete."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BackupError(f"{folder} är ingen mapp.")
    if folder.name.endswith(".partial"):
        raise BackupError(f"{folder} är en ofullständig säkerhetskopia (avbröts medan den skrevs).")
    path = folder / NAME
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(f"{folder} saknar {NAME}: det är ingen färdig säkerhetskopia.") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{path} är skadad och går inte att läsa: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} har ett okänt format (väntade format {FORMAT}).")
    if missing := missing_parts(manifest):
        raise BackupError(f"{path} är skadad: {', '.join(missing)} saknas eller är fel.")
    return manifest


def missing_parts(manifest):
    expected = {
        "created": str,
        "versions": dict,
        "database": dict,
        "migrations": list,
        "summary": dict,
        "tables": dict,
    }
    missing = [key for key, kind in expected.items() if not isinstance(manifest.get(key), kind)]
    file_keys = {"file", "size", "sha256"}
    if not file_keys | {"vendor"} <= set(manifest.get("database") or {}):
        missing.append("database")
    media = manifest.get("media", "")
    if media is not None and not (isinstance(media, dict) and file_keys | {"files"} <= set(media)):
        missing.append("media")
    return missing


def check_files(folder, manifest):
    """Refuse a backup whose database copy or media archive is missing, truncated or changed
    since the manifest was written."""
    folder = Path(folder)
    entries = [manifest["database"]]
    if manifest.get("media"):
        entries.append(manifest["media"])
    for entry in entries:
        path = folder / entry["file"]
        if Path(entry["file"]).name != entry["file"]:
            raise BackupError(f"Manifestet pekar ut en fil utanför mappen: {entry['file']!r}.")
        if not path.is_file():
            raise BackupError(f"Säkerhetskopian är ofullständig: {entry['file']} saknas.")
        actual = file_entry(path)
        if actual["size"] != entry["size"]:
            raise BackupError(
                f"Säkerhetskopian är skadad: {entry['file']} är {actual['size']} byte, "
                f"manifestet säger {entry['size']} (avkortad eller ändrad)."
            )
        if actual["sha256"] != entry["sha256"]:
            raise BackupError(
                f"Säkerhetskopian är skadad: kontrollsumman för {entry['file']} stämmer inte "
                "med manifestet (filen har ändrats)."
            )


def current_state(connection, media_root):
    """The state of the site's database and media folder, in the manifest's terms."""
    state = database_state(connection)
    state["media"] = {"files": media_files(media_root)}
    return state


def differences(backup, current):
    """What differs between a manifest and the current state, one sentence each; empty when
    the database and media folder hold exactly what the backup holds."""
    found = []
    found += migration_differences(backup["migrations"], current["migrations"])
    found += table_differences(backup["tables"], current["tables"])
    if backup.get("media") is not None:
        found += media_differences(backup["media"]["files"], current["media"]["files"])
    return found


def migration_differences(backup, current):
    missing = sorted(set(backup) - set(current))
    extra = sorted(set(current) - set(backup))
    found = []
    if missing:
        found.append(f"Migreringar i säkerhetskopian som saknas nu: {', '.join(missing)}")
    if extra:
        found.append(f"Migreringar nu som inte fanns i säkerhetskopian: {', '.join(extra)}")
    return found


def table_differences(backup, current):
    found = []
    for table in sorted(set(backup) | set(current)):
        then, now = backup.get(table), current.get(table)
        if now is None:
            found.append(f"Tabellen {table} saknas ({then['rows']} rader i säkerhetskopian).")
        elif then is None:
            found.append(f"Tabellen {table} finns inte i säkerhetskopian ({now['rows']} rader nu).")
        elif then["rows"] != now["rows"]:
            found.append(
                f"Tabellen {table}: {then['rows']} rader i säkerhetskopian, {now['rows']} nu."
            )
        elif then["sha256"] != now["sha256"]:
            found.append(
                f"Tabellen {table}: lika många rader ({now['rows']}) men innehållet skiljer sig."
            )
    return found


def media_differences(backup, current):
    missing = sorted(set(backup) - set(current))
    extra = sorted(set(current) - set(backup))
    changed = sorted(n for n in set(backup) & set(current) if backup[n] != current[n])
    return [
        f"Mediefiler {label} ({len(names)}): {', '.join(names[:20])}"
        + (" …" if len(names) > 20 else "")
        for label, names in (
            ("i säkerhetskopian som saknas nu", missing),
            ("nu som inte finns i säkerhetskopian", extra),
            ("med annat innehåll", changed),
        )
        if names
    ]


def summary_lines(backup, current=None):
    """The headline numbers, with the current ones beside them when given."""
    lines = []
    then, now = backup["summary"], (current or {}).get("summary")
    for key, label in SUMMARY_LABELS.items():
        lines.append(line(label, then.get(key, 0), now and now.get(key, 0)))
    for model, count in sorted(then.get("taxonomy", {}).items()):
        now_count = now and now["taxonomy"].get(model, 0)
        lines.append(line(f"kategorier: {vocabulary(model)}", count, now_count))
    if backup.get("media") is not None:
        count = len(backup["media"]["files"])
        size = sum(record["size"] for record in backup["media"]["files"].values())
        now_count = current and len(current["media"]["files"])
        lines.append(line(f"mediefiler ({size / 1e6:.1f} MB)", count, now_count))
    return lines


def vocabulary(label):
    try:
        return str(apps.get_model(label)._meta.verbose_name_plural)
    except LookupError:  # a vocabulary the code no longer has
        return label


def line(label, then, now):
    return f"  {label}: {then}" + ("" if now is None else f" (nu {now})")
