"""An event as an iCalendar file (RFC 5545), written by hand: one VEVENT in a VCALENDAR.

Times are written in UTC ("Z"), which every calendar (Outlook, Google, Apple) converts to the
reader's own zone without a VTIMEZONE block. Text values are escaped (backslash, semicolon,
comma, newline), control characters dropped, and lines folded at 75 octets without splitting a
UTF-8 character; lines end in CRLF.
"""

import datetime
import re

from django.utils import timezone

PRODUCT_ID = "-//Göteborgsregionen//PlugInnovation//SV"
# An event without an end time is shown as lasting this long (RFC 5545 would make it end at
# its start, which calendars show as a zero-minute blip).
DEFAULT_DURATION = datetime.timedelta(hours=1)
LINE_OCTETS = 75
# Control characters are not allowed in TEXT values (RFC 5545 3.3.11), except tab; newlines
# are handled first, as escaped \n.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape_text(value):
    value = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return CONTROL.sub("", value.replace("\n", "\\n"))


def fold(line):
    """Split a content line into lines of at most 75 octets, each continuation starting with a
    space (which counts towards its 75)."""
    lines, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > LINE_OCTETS:
            lines.append(current)
            current, size = " ", 1
        current += char
        size += width
    lines.append(current)
    return "\r\n".join(lines)


def utc_stamp(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_end(start, end):
    return end if end and end > start else start + DEFAULT_DURATION


def calendar(*, uid, start, end, title, url, place="", description="", stamp=None):
    """The bytes of a calendar file with one event. `start`, `end` and `stamp` are aware
    datetimes (end may be None); the rest plain text."""
    properties = [
        ("UID", escape_text(uid)),
        ("DTSTAMP", utc_stamp(stamp or timezone.now())),
        ("DTSTART", utc_stamp(start)),
        ("DTEND", utc_stamp(event_end(start, end))),
        ("SUMMARY", escape_text(title)),
    ]
    if place:
        properties.append(("LOCATION", escape_text(place)))
    if description:
        properties.append(("DESCRIPTION", escape_text(description)))
    if url:
        # A URI, not TEXT: not escaped, but it must not be able to end the line.
        properties.append(("URL", CONTROL.sub("", url.replace("\r", "").replace("\n", ""))))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{escape_text(PRODUCT_ID)}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        *(f"{name}:{value}" for name, value in properties),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")
