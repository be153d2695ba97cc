"""The bytes of the downloads: CSV, JSON and the zip of everything.

CSV: UTF-8 with a byte order mark (so Excel reads å, ä and ö right), comma-separated, fields
quoted where needed and lines ending in CRLF (RFC 4180). Multi-valued cells are joined with
"; ". A text cell that starts with =, +, - or @ gets a leading apostrophe, so a spreadsheet
program shows it rather than running it as a formula (CSV injection); the JSON has the text
as written.

JSON: one object with the licence, the source, when the file was made and the rows as "items".
"""

import csv
import io
import json
import zipfile

from django.utils import timezone

from pluginnovation.opendata.catalogue import (
    ATTRIBUTION,
    LICENCE_NAME,
    LICENCE_URL,
    LIST,
    LIST_SEPARATOR,
    RIGHTS_NOTE,
    TEXT,
)

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "zip": "application/zip",
    "txt": "text/plain; charset=utf-8",
}


def csv_cell(value, kind):
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    text = str(value)
    if kind in (TEXT, LIST) and text.startswith(FORMULA_START):
        return "'" + text
    return text


def csv_bytes(dataset, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([column.name for column in dataset.columns])
    for row in rows:
        writer.writerow([csv_cell(row.get(column.name), column.kind) for column in dataset.columns])
    return out.getvalue().encode("utf-8-sig")


def about(meta):
    """What every JSON file says of itself (meta: source, generated_at, updated_at)."""
    return {
        "source": meta["source"],
        "licence": {
            "name": LICENCE_NAME,
            "url": LICENCE_URL,
            "attribution": ATTRIBUTION,
            "note": RIGHTS_NOTE,
        },
        "generated_at": meta["generated_at"],
        "updated_at": meta["updated_at"],
    }


def json_bytes(dataset, rows, meta):
    """The file's description indented, then the rows under "items", one to a line: readable,
    and written by the json module's C encoder (which indent turns off) at a tenth of the
    time."""
    about_file = {
        "title": f"PlugInnovation: {dataset.title}",
        "description": dataset.description,
        **about(meta),
        "columns": {column.name: column.description for column in dataset.columns},
        "count": len(rows),
    }
    head = json.dumps(about_file, ensure_ascii=False, indent=2).removesuffix("\n}")
    names = [column.name for column in dataset.columns]
    items = ",\n".join(
        "    " + json.dumps({name: row.get(name) for name in names}, ensure_ascii=False)
        for row in rows
    )
    items = f"\n{items}\n  " if rows else ""
    return f'{head},\n  "items": [{items}]\n}}\n'.encode()


def readme_text(datasets, meta):
    """LASMIG.txt in the zip: what the files are, their licence and their columns."""
    lines = [
        "PlugInnovation – öppna data",
        "",
        f"Källa: {meta['source']}",
        f"Skapad: {meta['generated_at']}",
        f"Senast publicerade ändring: {meta['updated_at'] or 'ingen'}",
        "",
        f"Licens för texterna: {LICENCE_NAME}, {LICENCE_URL}",
        f"Ange källan så här: {ATTRIBUTION}",
        RIGHTS_NOTE,
        "",
        "CSV-filerna är UTF-8 med BOM, kommaseparerade enligt RFC 4180. Celler med flera värden "
        "har dem åtskilda med semikolon och mellanslag. Decimaltal skrivs med punkt.",
        "",
    ]
    for dataset in datasets:
        lines += [f"{dataset.title}: {', '.join(dataset.file_names())}", dataset.description]
        lines += [f"  {column.name}: {column.description}" for column in dataset.columns]
        lines.append("")
    return "\r\n".join(lines).encode("utf-8")


def zip_bytes(files, generated_at):
    """The files in one zip, in the given order, dated when they were made; the same files
    and time always give the same bytes."""
    stamp = timezone.localtime(generated_at).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=6)
    return out.getvalue()
