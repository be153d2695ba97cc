"""Sweden's 21 counties (län), which a municipality's kommunkod names.

SCB's four-digit kommunkod begins with the two-digit code of the county the municipality lies
in (1480 Göteborg: 14, Västra Götalands län), so a municipality's county is never typed in by
an editor and cannot disagree with its code.
"""

from dataclasses import dataclass

from django.db.models import CharField, Transform
from django.db.models.functions import Substr


@dataclass(frozen=True)
class County:
    code: str  # SCB's länskod
    name: str
    slug: str  # in addresses and as the key of the map's outline


COUNTIES = [
    County("01", "Stockholms län", "stockholm"),
    County("03", "Uppsala län", "uppsala"),
    County("04", "Södermanlands län", "sodermanland"),
    County("05", "Östergötlands län", "ostergotland"),
    County("06", "Jönköpings län", "jonkoping"),
    County("07", "Kronobergs län", "kronoberg"),
    County("08", "Kalmar län", "kalmar"),
    County("09", "Gotlands län", "gotland"),
    County("10", "Blekinge län", "blekinge"),
    County("12", "Skåne län", "skane"),
    County("13", "Hallands län", "halland"),
    County("14", "Västra Götalands län", "vastra-gotaland"),
    County("17", "Värmlands län", "varmland"),
    County("18", "Örebro län", "orebro"),
    County("19", "Västmanlands län", "vastmanland"),
    County("20", "Dalarnas län", "dalarna"),
    County("21", "Gävleborgs län", "gavleborg"),
    County("22", "Västernorrlands län", "vasternorrland"),
    County("23", "Jämtlands län", "jamtland"),
    County("24", "Västerbottens län", "vasterbotten"),
    County("25", "Norrbottens län", "norrbotten"),
]
COUNTIES_BY_CODE = {county.code: county for county in COUNTIES}


def county_of(municipality_code):
    """The county of a kommunkod ("1480" → Västra Götalands län), or None if it names none."""
    return COUNTIES_BY_CODE.get(str(municipality_code or "")[:2])


class CountyCode(Transform):
    """The county code of a kommunkod column, for filters and counts in the database:
    `municipality__code__lan__in=["14"]` picks the municipalities of Västra Götalands län."""

    lookup_name = "lan"
    output_field = CharField()

    def as_sql(self, compiler, connection):
        return compiler.compile(Substr(self.lhs, 1, 2))
