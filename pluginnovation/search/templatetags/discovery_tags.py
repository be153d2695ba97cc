"""Template helpers for the listings."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

OPTION = (
    '<li class="facet__option{}">'
    '<input type="checkbox" id="f-{}-{}" name="{}" value="{}"{}>'
    '<label for="f-{}-{}">{} <span class="facet__count">({})</span></label></li>'
)


@register.simple_tag
def facet_options(group):
    """The checkboxes of one facet. Built here rather than in a template loop: a listing has
    about a hundred options, and the loop took a fifth of the page's rendering time."""
    param = group.facet.param
    rows = (
        (
            " facet__option--empty" if option.empty else "",
            param,
            option.value,
            param,
            option.value,
            " checked" if option.selected else "",
            param,
            option.value,
            option.name,
            option.count,
        )
        for option in group.options
    )
    return format_html('<ul class="facet__options">{}</ul>', format_html_join("", OPTION, rows))
