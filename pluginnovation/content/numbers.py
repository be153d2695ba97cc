"""Numbers: figures as the reader's language writes them, the same on the web, in print and in
PDFs; and whole numbers as visitors and links type them.

Case-study results and method costs are stored to one decimal; a whole number is written
without it. Swedish groups thousands with a no-break space, so "1 180" never breaks in a
narrow table cell.
"""

from django.template.defaultfilters import floatformat


def number(value):
    """84.5 → "84,5", 2.0 → "2", 1180 → "1 180" (in English "84.5", "2", "1,180")."""
    return floatformat(value, "-1g")


def signed(change):
    """A change with its sign: "+8,4", "−95", "±0", or "" when there is none."""
    if change is None:
        return ""
    sign = "+" if change > 0 else "\u2212" if change < 0 else "±"
    return f"{sign}{number(abs(change))}"


def typed_int(raw, max_digits=9):
    """A whole number from a request or a command line: 1–`max_digits` ASCII digits, with
    white space around them allowed, as an int; None for anything else, "" and None included.

    Only ASCII digits: str.isdigit() and int() also take "²", "①" or Arabic-Indic digits,
    which no link or form of ours sends. The bound keeps a number within what every database
    compares (18 digits fit a bigint)."""
    if not isinstance(raw, str):
        return None
    raw = raw.strip()
    if 0 < len(raw) <= max_digits and raw.isascii() and raw.isdigit():
        return int(raw)
    return None


def file_size(num_bytes):
    """A file's size for its download link: "820 byte", "12 kB", "1,4 MB"; "" when unknown."""
    if num_bytes is None:
        return ""
    if num_bytes < 1024:
        return f"{num_bytes} byte"
    if num_bytes < 1024 * 1024:
        return f"{round(num_bytes / 1024)} kB"
    return f"{number(round(num_bytes / (1024 * 1024), 1))} MB"
