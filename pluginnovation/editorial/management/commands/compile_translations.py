"""`manage.py compile_translations`: build the .mo files of LOCALE_PATHS and of the project's
own apps (their locale/ folders), with no GNU gettext needed."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pluginnovation.editorial.translations import CatalogueError, catalogues, compile_catalogues


class Command(BaseCommand):
    help = (
        "Kompilerar projektets översättningar (locale/*/LC_MESSAGES/*.po) till .mo-filer. "
        "Körs av make run och make test, och vid varje driftsättning."
    )

    def handle(self, *args, **options):
        paths = catalogues([*settings.LOCALE_PATHS, *project_app_locales()])
        if not paths:
            where = ", ".join(str(path) for path in settings.LOCALE_PATHS)
            raise CommandError(f"Hittade inga .po-filer under LOCALE_PATHS ({where}).")
        try:
            written = compile_catalogues(paths)
        except CatalogueError as error:
            raise CommandError(f"Översättningarna kompilerades inte:\n{error}") from error
        if options["verbosity"] >= 1:
            for mo_path, count in written:
                self.stdout.write(f"{mo_path}: {count} översättningar")


def project_app_locales():
    """The locale/ folders of the apps in this repository; installed packages (even in a
    virtualenv inside the checkout) ship their own compiled catalogues."""
    base = Path(settings.BASE_DIR).resolve()
    folders = (Path(config.path).resolve() / "locale" for config in apps.get_app_configs())
    return [
        folder
        for folder in folders
        if folder.is_relative_to(base) and "site-packages" not in folder.parts and folder.is_dir()
    ]
