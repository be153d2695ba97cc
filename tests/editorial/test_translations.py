"""The project's catalogues and `manage.py compile_translations`, which builds them with polib."""

import gettext
from pathlib import Path

import django
from django.conf import settings
from django.core.management import CommandError, call_command

import wagtail

import polib
import pytest

from pluginnovation.editorial.management.commands import compile_translations as compile_command

CATALOGUES = Path(settings.BASE_DIR) / "locale" / "sv" / "LC_MESSAGES"


def source_ids(pattern):
    """(context, msgid, plural) of every text in Wagtail's and Django's English catalogues."""
    roots = [Path(wagtail.__file__).parent, Path(django.__file__).parent]
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural or None)
        for root in roots
        for path in root.glob(f"**/locale/en/LC_MESSAGES/{pattern}")
        for entry in polib.pofile(str(path))
    }


def wagtail_python_source():
    return "\n".join(
        path.read_text(encoding="utf-8") for path in Path(wagtail.__file__).parent.glob("**/*.py")
    )


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_override_is_a_text_wagtail_still_uses(domain):
    """After a Wagtail upgrade, an override of a text that no longer exists shows up here."""
    known = source_ids(f"{domain}.po")
    ours = polib.pofile(str(CATALOGUES / f"{domain}.po"))
    stale = [
        entry.msgid
        for entry in ours
        if (entry.msgctxt, entry.msgid, entry.msgid_plural or None) not in known
    ]
    if domain == "django":
        # Wagtail's English catalogue lags its source now and then; the source has the last word.
        source = wagtail_python_source()
        stale = [msgid for msgid in stale if repr(msgid) not in source and msgid not in source]
    assert stale == []


@pytest.fixture
def locale_dir(tmp_path, settings, monkeypatch):
    """The only catalogues the command sees: those written to tmp_path in the test."""
    messages = tmp_path / "sv" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    settings.LOCALE_PATHS = [tmp_path]
    monkeypatch.setattr(compile_command, "project_app_locales", list)
    return messages


def write_catalogue(path, *entries):
    catalogue = polib.POFile()
    catalogue.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    for entry in entries:
        catalogue.append(entry)
    catalogue.save(str(path))


def test_compile_translations_builds_mo_files_gettext_reads(locale_dir):
    write_catalogue(
        locale_dir / "django.po",
        polib.POEntry(msgid="Saved", msgstr="Sparad"),
        polib.POEntry(msgid="Open", msgctxt="door", msgstr="Öppna"),
        polib.POEntry(
            msgid="%(count)s page",
            msgid_plural="%(count)s pages",
            msgstr_plural={0: "%(count)s sida", 1: "%(count)s sidor"},
            flags=["python-format"],
        ),
        polib.POEntry(msgid="Not done yet", msgstr="Inte klar", flags=["fuzzy"]),
    )
    call_command("compile_translations", verbosity=0)
    with open(locale_dir / "django.mo", "rb") as mo_file:
        catalogue = gettext.GNUTranslations(mo_file)
    assert catalogue.gettext("Saved") == "Sparad"
    assert catalogue.pgettext("door", "Open") == "Öppna"
    assert catalogue.ngettext("%(count)s page", "%(count)s pages", 3) == "%(count)s sidor"
    assert catalogue.gettext("Not done yet") == "Not done yet"  # fuzzy means unchecked


@pytest.mark.parametrize(
    "msgstr, problem",
    [
        ("Sidan %(titel)s är sparad", "okänd platshållare titel"),
        ("Sidan %s är sparad", "fel antal %s/%d"),
    ],
)
def test_a_translation_that_would_break_the_page_is_refused(locale_dir, msgstr, problem):
    """A wrong placeholder would raise KeyError/TypeError on every admin page showing it."""
    write_catalogue(locale_dir / "djangojs.po", polib.POEntry(msgid="Saved", msgstr="Sparad"))
    write_catalogue(
        locale_dir / "django.po",
        polib.POEntry(msgid="Page %(title)s saved", msgstr=msgstr, flags=["python-format"]),
    )
    with pytest.raises(CommandError) as error:
        call_command("compile_translations", verbosity=0)
    assert problem in str(error.value)
    assert "'Page %(title)s saved'" in str(error.value)
    assert list(locale_dir.glob("*.mo")) == []  # not even the good catalogue


@pytest.mark.parametrize(
    "text, problem",
    [
        ('msgid "Saved"\nmsgstr "Sparad"\nSparad\n', "går inte att läsa"),
        # polib alone would quietly read this as "Spara".
        ('msgid "Saved"\nmsgstr "Sparad\n', "django.po:2: citattecken saknas"),
        ('msgid "Saved"\nmsgstr "Sparad \\"\n', "django.po:2: citattecken saknas"),
        ('msgid "A"\nmsgstr "a"\n\nmsgid "A"\nmsgstr "b"\n', "'A' finns två gånger"),
    ],
)
def test_a_broken_catalogue_is_refused_with_its_name(locale_dir, text, problem):
    (locale_dir / "django.po").write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("compile_translations", verbosity=0)
    assert "django.po" in str(error.value)
    assert problem in str(error.value)
    assert not (locale_dir / "django.mo").exists()


def test_no_catalogues_is_an_error_not_a_silent_success(locale_dir):
    with pytest.raises(CommandError, match="Hittade inga .po-filer"):
        call_command("compile_translations", verbosity=0)
