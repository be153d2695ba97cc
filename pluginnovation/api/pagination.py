"""`limit` and `offset` read strictly: plain ASCII digits within bounds, or a 400.

Wagtail's own paging uses int(), which also takes " 12", "١٢" (Arabic-Indic digits) and
"1_000", and any size of offset, which the database refuses with an error (a 500) once it no
longer fits a 64-bit integer.
"""

from django.conf import settings

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

from pluginnovation.content.numbers import typed_int

DEFAULT_LIMIT = 20
# Far past any real listing, and well inside what every database takes as an OFFSET.
MAX_OFFSET = 100_000_000


def limit_max():
    return getattr(settings, "WAGTAILAPI_LIMIT_MAX", DEFAULT_LIMIT) or DEFAULT_LIMIT


def parse_number(raw, name, highest):
    # typed_int forgives the spaces a form's field may carry; no link of an API client does.
    number = typed_int(raw) if raw == raw.strip() else None
    if number is None or number > highest:
        raise BadRequestError(f"{name} ska vara ett heltal från 0 till {highest}.")
    return number


class StrictPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        highest = limit_max()
        offset = parse_number(request.GET.get("offset", "0"), "offset", MAX_OFFSET)
        limit = parse_number(
            request.GET.get("limit", str(min(DEFAULT_LIMIT, highest))), "limit", highest
        )
        self.view = view
        self.total_count = queryset.count()
        return queryset[offset : offset + limit]
