"""Filters and sorts that belong to one content type, declared on its page model.

A method has an evidence strength and a cost in staff time; research and case studies do not.
Each content type lists its own (`listing_filters`, `listing_sorts`) and the listings
(pluginnovation.discovery) offer them wherever that type is listed, with no change there.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class FilterOption:
    value: str  # in the address: ?evidens=3
    label: str
    stored: tuple  # the field values the option stands for


@dataclass(frozen=True)
class FieldFilter:
    param: str
    label: str
    # A field of the content type's own table, or one reached through a foreign key
    # ("municipality__kommungrupp": a case study's municipality's group).
    field: str
    options: tuple[FilterOption, ...]
    # The options' names are Swedish proper names, the same on the English pages (counties).
    swedish_names: bool = False

    def stored_values(self, values):
        return [
            stored for option in self.options if option.value in values for stored in option.stored
        ]


@dataclass(frozen=True)
class Sort:
    value: str  # in the address: ?ordning=evidens
    label: str
    field: str  # a field of the content type's own table; pages without a value come last
    descending: bool = False
