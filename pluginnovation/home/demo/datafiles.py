"""Reading the data folder's files: errors that name the file, YAML, and the YAML lists.

The lists are the categories (taxonomy/*.yaml), the documents (documents/documents.yaml) and
the region sections' intros (casestudies/sections.yaml). Pages are read in pagefiles.py.
"""

import re
from pathlib import Path

import yaml

from pluginnovation.taxonomy.models import Kommungrupp

DATA_DIR = Path(__file__).parent / "data"
MUNICIPALITY_CODE = re.compile(r"\d{4}")


class DemoDataError(Exception):
    """A data file the loader cannot use. The message names the file and says what is wrong."""


def display_name(path):
    """The path as the person running the command can open it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def fail(path, problem):
    raise DemoDataError(f"{display_name(path)}: {problem}")


def read_yaml(path, text=None, first_line=1):
    """Parse YAML from `path`, or from `text` taken from it starting at line `first_line`."""
    try:
        if text is None:
            text = path.read_text(encoding="utf-8")
        return yaml.safe_load(text)
    except OSError as error:
        fail(path, f"filen går inte att läsa ({error.strerror})")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"rad {mark.line + first_line}: " if mark else ""
        problem = getattr(error, "problem", None) or error
        fail(path, f"{where}ogiltig YAML ({problem})")


def read_list(path, required, allowed):
    """A YAML list of entries, each with the `required` keys and no keys beyond `allowed`."""
    items = read_yaml(path)
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        fail(path, "filen ska vara en lista med poster som börjar med ”- ”")
    for number, item in enumerate(items, start=1):
        missing = [key for key in required if item.get(key) in (None, "")]
        if missing:
            fail(path, f"post {number} saknar {', '.join(missing)}")
        unknown = sorted(set(item) - set(allowed))
        if unknown:
            fail(path, f"post {number} har okänt fält {', '.join(unknown)}")
    return items


# Categories


def read_taxonomy(folder):
    """{"regions", "target_groups", "projects", "synonyms"}: lists of dicts in the files'
    order."""
    regions_path = folder / "regions.yaml"
    regions = read_list(regions_path, ("slug", "name"), ("slug", "name", "municipalities"))
    for region in regions:
        region["municipalities"] = [
            municipality(regions_path, region["slug"], item)
            for item in region.get("municipalities") or []
        ]
    projects_path = folder / "projects.yaml"
    projects = read_list(
        projects_path,
        ("slug", "name", "start_year", "owner"),
        ("slug", "name", "start_year", "end_year", "owner", "funding", "description", "regions"),
    )
    known_regions = {region["slug"] for region in regions}
    for project in projects:
        unknown = sorted(set(project.get("regions") or []) - known_regions)
        if unknown:
            fail(projects_path, f"{project['slug']}: okänd region {', '.join(unknown)}")
    return {
        "regions": regions,
        "target_groups": read_list(
            folder / "target_groups.yaml", ("slug", "name"), ("slug", "name", "name_en")
        ),
        "projects": projects,
        "synonyms": read_synonyms(folder / "synonyms.yaml"),
    }


def read_synonyms(path):
    """The search synonyms (taxonomy/synonyms.yaml); a data folder without the file has none."""
    if not path.exists():
        return []
    fields = ("word", "equivalents", "two_way")
    synonyms = read_list(path, ("word", "equivalents"), fields)
    for number, item in enumerate(synonyms, start=1):
        if not isinstance(item.get("two_way", True), bool):
            fail(path, f"post {number}: two_way ska vara true eller false")
    return synonyms


def municipality(path, region, item):
    """(slug, name, code, kommungrupp). The code must be quoted: YAML reads 0580 as the number
    376. The municipality group (SKR's code, e.g. A2) may be left out: then it is ""."""
    if not (isinstance(item, dict) and item.get("slug") and item.get("name")):
        fail(path, f'{region}: varje kommun skrivs {{slug: …, name: …, code: "0000"}}')
    code = item.get("code")
    if not (isinstance(code, str) and MUNICIPALITY_CODE.fullmatch(code)):
        fail(path, f"{item['slug']}: kommunkoden ska vara fyra siffror inom citattecken")
    group = item.get("kommungrupp") or ""
    if group not in Kommungrupp.values and group != "":
        known = ", ".join(Kommungrupp.values)
        fail(path, f"{item['slug']}: okänd kommungrupp ”{group}” (kommungrupper: {known})")
    return item["slug"], item["name"], code, group


# Documents and region sections


def read_documents(folder):
    """[{key, title, path}]; every file must be in the folder."""
    path = folder / "documents.yaml"
    documents = []
    for item in read_list(path, ("key", "title", "file"), ("key", "title", "file")):
        file_path = folder / str(item["file"])
        if not file_path.is_file():
            fail(path, f"dokumentet {item['key']} pekar på {item['file']}, som inte finns")
        documents.append({"key": item["key"], "title": item["title"], "path": file_path})
    return documents


def read_section_intros(path, regions):
    """{region slug: intro of the region's section page under Fallstudier}."""
    intros = read_yaml(path) or {}
    if not isinstance(intros, dict):
        fail(path, "filen ska ha en rad per region: regionens-slug: ingress")
    known = {region["slug"] for region in regions}
    for slug, intro in intros.items():
        if slug not in known:
            fail(path, f"okänd region ”{slug}” (finns inte i taxonomy/regions.yaml)")
        if not isinstance(intro, str) or not intro.strip():
            fail(path, f"regionen {slug} saknar ingress")
    return intros
