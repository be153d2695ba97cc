"""The outlines of the counties for the map, read once from data/sweden-counties.json."""

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "sweden-counties.json"


@cache
def outlines():
    """{"viewBox": "...", "counties": {county slug: SVG path data}}."""
    return json.loads(DATA.read_text(encoding="utf-8"))
