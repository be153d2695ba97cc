"""The uploaded files (MEDIA_ROOT: original images, renditions, documents) as one tar archive.

The archive is not compressed: images and PDFs hardly shrink, and an off-site tool that
deduplicates (restic, borg) stores an unchanged file only once across nightly archives.
"""

import hashlib
import os
import stat
import tarfile
from pathlib import Path, PurePosixPath

from .errors import BackupError

CHUNK = 1024 * 1024


def media_files(media_root):
    """{path below media_root: {"size", "sha256"}} for every regular file in the folder."""
    root = Path(media_root)
    files = {}
    if not root.is_dir():
        return files
    for directory, subdirectories, names in os.walk(root):
        subdirectories.sort()
        for name in sorted(names):
            path = Path(directory) / name
            if not path.is_symlink() and path.is_file():
                with path.open("rb") as file:
                    files[relative(path, root)] = file_record(file)
    return files


def file_record(file):
    digest = hashlib.sha256()
    size = 0
    while chunk := file.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return {"size": size, "sha256": digest.hexdigest()}


def relative(path, root):
    return Path(path).relative_to(root).as_posix()


class HashingReader:
    """Hands a file to tarfile and hashes exactly the bytes that went into the archive, so the
    manifest describes the archive even if a file changes while it is read."""

    def __init__(self, file):
        self.file = file
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size=-1):
        data = self.file.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


def write_archive(media_root, archive_path):
    """Write media_root's folders and regular files to an uncompressed tar; return the
    manifest's file list. Symbolic links are left out (uploads never are links); their names
    are returned as skipped."""
    root = Path(media_root)
    files = {}
    skipped = []
    with tarfile.open(archive_path, "w", format=tarfile.PAX_FORMAT) as archive:
        if not root.is_dir():
            return files, skipped
        for directory, subdirectories, names in os.walk(root):
            subdirectories.sort()
            for name in list(subdirectories):
                path = Path(directory) / name
                if path.is_symlink():
                    subdirectories.remove(name)
                    skipped.append(relative(path, root))
                else:
                    archive.add(path, arcname=relative(path, root), recursive=False)
            for name in sorted(names):
                path = Path(directory) / name
                if path.is_symlink() or not path.is_file():
                    skipped.append(relative(path, root))
                    continue
                with path.open("rb") as file:
                    info = archive.gettarinfo(fileobj=file, arcname=relative(path, root))
                    reader = HashingReader(file)
                    archive.addfile(info, reader)
                files[info.name] = {"size": reader.size, "sha256": reader.digest.hexdigest()}
    return files, skipped


def check_archive(archive_path, expected_files, destination):
    """Refuse an archive that would write outside `destination` (absolute paths, "..", links,
    devices) or that does not hold exactly the files the manifest lists, with their sizes.
    Nothing is extracted."""
    problems = []
    found = {}
    try:
        with tarfile.open(archive_path, "r:") as archive:
            for member in archive:
                try:
                    strict_filter(member, str(destination))
                except tarfile.FilterError as error:
                    problems.append(f"{member.name!r}: {error}")
                    continue
                if member.isfile():
                    found[member.name] = member.size
                elif not member.isdir():
                    problems.append(f"{member.name!r}: varken fil eller mapp")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"Mediearkivet {archive_path} går inte att läsa: {error}") from error
    if problems:
        raise BackupError(
            "Mediearkivet innehåller sökvägar som skulle hamna utanför mediemappen eller som "
            "inte är vanliga filer; inget återställdes: " + "; ".join(problems)
        )
    listed = {name: record["size"] for name, record in expected_files.items()}
    if found != listed:
        missing = sorted(set(listed) - set(found))
        extra = sorted(set(found) - set(listed))
        resized = sorted(n for n in set(found) & set(listed) if found[n] != listed[n])
        raise BackupError(
            "Mediearkivet stämmer inte med manifestet: "
            + "; ".join(
                f"{label}: {', '.join(names[:10])}"
                for label, names in (
                    ("saknas i arkivet", missing),
                    ("finns inte i manifestet", extra),
                    ("fel storlek", resized),
                )
                if names
            )
        )


def extract_archive(archive_path, destination):
    """Extract with strict_filter: a second guard, after check_archive, against paths that
    leave the destination, links and special files. Folders get the default permissions."""
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive_path, "r:") as archive:
        archive.extractall(destination, filter=strict_filter)


def strict_filter(member, destination):
    """tarfile's "data" filter, and no absolute names or ".." at all: it would quietly turn
    "/etc/x" into "etc/x", but backup_site never writes such names, so an archive that has
    them was not made by it."""
    path = PurePosixPath(member.name)
    if path.is_absolute():
        raise tarfile.AbsolutePathError(member)
    if ".." in path.parts:
        raise tarfile.OutsideDestinationError(member, member.name)
    return tarfile.data_filter(member, destination)


def is_empty(folder):
    """True when the folder is missing or holds no files (empty subfolders are fine)."""
    folder = Path(folder)
    if not folder.exists():
        return True
    return not any(not stat.S_ISDIR(p.lstat().st_mode) for p in folder.rglob("*"))
