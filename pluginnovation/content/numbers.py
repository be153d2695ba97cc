"""Figures as the reader's language writes them, the same on the web, in print and in PDFs.

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
