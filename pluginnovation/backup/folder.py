"""A new backup folder: private from the first byte, and complete only once renamed.

The process umask is 077 while the backup is written, so every folder and file (pg_dump's
output too) is created readable by its owner only; a chmod afterwards would leave a moment in
which others could open them. The folder is written under a hidden ".partial" name and renamed
to its timestamp at the end: a backup that failed or was killed never looks complete.
"""

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from .errors import BackupError

STAMP = "%Y%m%dT%H%M%SZ"


@contextmanager
def private_umask():
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


class NewBackupFolder:
    def __init__(self, output, created):
        self.output = Path(output)
        self.final = self.output / created.strftime(STAMP)
        self.partial = self.output / f".{self.final.name}.partial"

    def create(self):
        if self.final.exists():
            raise BackupError(f"{self.final} finns redan; vänta en sekund och försök igen.")
        try:
            self.output.mkdir(mode=0o700, parents=True, exist_ok=True)
            self.partial.mkdir(mode=0o700)
        except OSError as error:
            raise BackupError(f"Kan inte skapa säkerhetskopian i {self.output}: {error}") from error
        return self.partial

    def complete(self):
        """Make the backup durable, then give it its real name in one step."""
        for path in self.partial.iterdir():
            sync(path)
        sync(self.partial)
        os.rename(self.partial, self.final)
        sync(self.output)
        return self.final

    def discard(self):
        shutil.rmtree(self.partial, ignore_errors=True)


def sync(path):
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
