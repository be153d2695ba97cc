from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def save_anchor(context, page):
    """A unique id for a page's Spara form on this response ("spara-12", then "spara-12-2"
    if the same page is listed twice), which the save view returns to as the fragment."""
    request = context.get("request")
    base = f"spara-{page.pk}"
    if request is None:
        return base
    seen = request.__dict__.setdefault("_save_anchors", {})
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"
