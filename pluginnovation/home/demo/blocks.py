"""Helpers that write StreamField content in Wagtail's raw form: {"type": ..., "value": ...}.

A document block names its document by the key used in `documents.py`; the loader swaps the
key for the stored document's id.
"""


def paragraph(*texts):
    """One text block; each argument becomes its own <p>. Inline HTML (links, <b>) is allowed."""
    return {"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in texts)}


def bullets(*items, intro=""):
    """A bulleted list, optionally led by a sentence."""
    lead = f"<p>{intro}</p>" if intro else ""
    rows = "".join(f"<li>{item}</li>" for item in items)
    return {"type": "paragraph", "value": f"{lead}<ul>{rows}</ul>"}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def fact_box(title, text, source=""):
    """`text` is rich text: pass plain sentences or HTML such as a <ul>."""
    html = text if text.startswith("<") else f"<p>{text}</p>"
    return {"type": "fact_box", "value": {"title": title, "text": html, "source": source}}


def document(key, title=""):
    return {"type": "document", "value": {"document": key, "title": title}}


def step(title, text):
    html = text if text.startswith("<") else f"<p>{text}</p>"
    return {"type": "step", "value": {"title": title, "text": html}}


def html_list(*items):
    """Rich text for a RichTextField: a plain bulleted list."""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
