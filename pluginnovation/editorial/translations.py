"""Build the project's .mo files from its .po files with polib, so no GNU gettext is needed.

A translation whose placeholders do not fit its source string would raise KeyError or TypeError
when Django formats it, on every admin page that shows it; such a catalogue is refused here,
at build time, with the entry named, instead of failing in front of an editor.
"""

import re
from pathlib import Path

import polib

NAMED = re.compile(r"%\((\w+)\)[#0 +-]?\d*(?:\.\d+)?[sdifrx]")
POSITIONAL = re.compile(r"%(?!\()[#0 +-]?\d*(?:\.\d+)?[sdifrx]")
BRACED = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")


class CatalogueError(Exception):
    pass


def catalogues(locale_dirs):
    """Every .po file under the given locale directories, in a stable order."""
    return sorted(
        path for directory in locale_dirs for path in Path(directory).glob("*/LC_MESSAGES/*.po")
    )


def source_texts(entry):
    return [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]


def translated_texts(entry):
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def placeholder_problem(entry):
    """Why this entry would fail when formatted, or None if it is safe."""
    sources = source_texts(entry)
    python_format = "python-format" in entry.flags or any(NAMED.search(s) for s in sources)
    for text in translated_texts(entry):
        if python_format:
            allowed = {name for s in sources for name in NAMED.findall(s)}
            unknown = set(NAMED.findall(text)) - allowed
            if unknown:
                return f"okänd platshållare {', '.join(sorted(unknown))}"
            # %s/%d are filled from a tuple, so the translation needs exactly as many.
            expected = len(POSITIONAL.findall(entry.msgid.replace("%%", "")))
            if len(POSITIONAL.findall(text.replace("%%", ""))) != expected:
                return "fel antal %s/%d"
        if "python-brace-format" in entry.flags:
            allowed = {name for s in sources for name in BRACED.findall(s)}
            unknown = set(BRACED.findall(text)) - allowed
            if unknown:
                return f"okänd platshållare {', '.join(sorted(unknown))}"
    return None


def unterminated_lines(text):
    """Line numbers of strings without their closing quote, which polib quietly cuts short."""
    numbers = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        escapes = len(line[:-1]) - len(line[:-1].rstrip("\\"))
        if not line.endswith('"') or line.count('"') < 2 or escapes % 2:
            numbers.append(number)
    return numbers


def duplicate_problems(po_path, catalogue):
    seen = set()
    problems = []
    for entry in catalogue:
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            problems.append(f"{po_path}:{entry.linenum}: {entry.msgid!r} finns två gånger")
        seen.add(key)
    return problems


def load_catalogue(po_path):
    try:
        text = Path(po_path).read_text(encoding="utf-8")
        catalogue = polib.pofile(text)
    except (OSError, ValueError) as error:
        raise CatalogueError(f"{po_path}: filen går inte att läsa: {error}") from error
    problems = [f"{po_path}:{number}: citattecken saknas" for number in unterminated_lines(text)]
    problems += duplicate_problems(po_path, catalogue)
    problems += [
        f"{po_path}:{entry.linenum}: {problem} i översättningen av {entry.msgid!r}"
        for entry in catalogue.translated_entries()
        if (problem := placeholder_problem(entry))
    ]
    if problems:
        raise CatalogueError("\n".join(problems))
    return catalogue


def compile_catalogues(po_paths):
    """Check every catalogue, then write each .mo file next to its .po file.

    Nothing is written unless all of them pass, so a bad edit never leaves a half-updated set.
    Returns (mo path, number of translations) per catalogue.
    """
    loaded = [(Path(path), load_catalogue(path)) for path in po_paths]
    written = []
    for po_path, catalogue in loaded:
        mo_path = po_path.with_suffix(".mo")
        catalogue.save_as_mofile(str(mo_path))
        written.append((mo_path, len(catalogue.translated_entries())))
    return written
