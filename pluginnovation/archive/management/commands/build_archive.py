"""manage.py build_archive <folder>: the public site as static files (docs/archive.md)."""

import argparse
import shutil
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pluginnovation.archive.build import build
from pluginnovation.archive.pages import NOTICE_KEYS
from pluginnovation.content.numbers import typed_int


def positive(text):
    number = typed_int(text)
    if not number:
        raise argparse.ArgumentTypeError(f"ska vara ett heltal större än noll, inte {text!r}")
    return number


class Command(BaseCommand):
    help = "Skriver hela den publika webbplatsen som statiska filer i en mapp (docs/archive.md)."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Mappen arkivet skrivs i (tom eller ny).")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Ersätt ett tidigare arkiv i mappen (bara en mapp som redan är ett arkiv).",
        )
        parser.add_argument(
            "--max-depth",
            type=positive,
            default=4,
            help="Hur många länkar bort från sidträdet sidor hämtas (standard 4).",
        )
        parser.add_argument(
            "--max-pages",
            type=positive,
            default=50_000,
            help="Högst så många sidor (standard 50 000).",
        )

    def handle(self, *args, folder, replace, max_depth, max_pages, **options):
        target = Path(folder)
        if target.exists() and not target.is_dir():
            raise CommandError(f"{target} finns redan och är ingen mapp.")
        if target.exists() and any(target.iterdir()):
            is_archive = (target / NOTICE_KEYS["sv"].lstrip("/")).exists()
            if not replace:
                raise CommandError(
                    f"Mappen {target} är inte tom. Välj en ny mapp"
                    + (", eller ersätt arkivet med --replace." if is_archive else ".")
                )
            if not is_archive:
                raise CommandError(f"Mappen {target} är inget arkiv; den ersätts inte.")
            shutil.rmtree(target)
        report = build(target, max_depth=max_depth, max_pages=max_pages)
        megabytes = report.bytes / 1_000_000
        self.stdout.write(
            f"Arkivet är klart i {target}: {report.pages} sidor, {report.files} filer, "
            f"{megabytes:.1f} MB på {report.seconds:.1f} s."
        )
        if options["verbosity"] > 1:
            for key, reason in sorted(report.skipped.items()):
                self.stdout.write(f"  inte med: {key} ({reason})")
        for key, status in sorted(report.failures.items()):
            self.stderr.write(f"  kunde inte hämtas: {key} (status {status})")
        if report.truncated:
            self.stderr.write(f"  avbrutet vid {max_pages} sidor (--max-pages).")
