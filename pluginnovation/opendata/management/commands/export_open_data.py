"""Write the open data to a folder: the same files, byte for byte, as /oppna-data/ serves.

    python manage.py export_open_data /srv/oppna-data
    python manage.py export_open_data            # only make them in the shared cache

The files of the current content version come from the shared cache when a request or an
earlier run has made them, else they are made now and kept there for the site to serve. Without
a folder the command only does the latter: run every minute beside publish_scheduled, it makes
the files after an editor's change before a visitor asks for them (at 10,000 pages that takes
seconds), and costs one cache read when nothing changed.

Each file is written beside its final name and then renamed, so a web server or a sync job
reading the folder never sees half a file. The data is public: the files are readable by all.
"""

import os
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pluginnovation.opendata import export

FILE_MODE = 0o644


def write(folder, name, data):
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, folder / name)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Command(BaseCommand):
    help = (
        "Skriver kunskapsbankens öppna data (samma filer som /oppna-data/) till en mapp. Utan "
        "mapp görs filerna bara i den delade cachen, om de inte redan finns där."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "folder", nargs="?", help="Mappen filerna skrivs till. Skapas om den saknas."
        )

    def handle(self, *args, folder=None, **options):
        started = time.monotonic()
        if folder is None:
            current = export.current()
            seconds = time.monotonic() - started
            self.stdout.write(
                f"Öppna data för innehållsversion {current.version}: "
                f"{len(current.sizes)} filer, klart på {seconds:.1f} s."
            )
            return
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(f"Kan inte skapa mappen {folder}: {error}") from error
        files = export.current_files()
        for name, data in files.items():
            write(folder, name, data)
        total = sum(len(data) for data in files.values())
        self.stdout.write(f"{len(files)} filer ({total} byte) skrivna till {folder}.")
