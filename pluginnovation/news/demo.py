"""Demo news and events: /aktuellt/ with news from the Plug In years, /evenemang/ with Plug In
GR's final conference and its presentations (PDFs made here with the site's PDF builder).

Data: pluginnovation/home/demo/data/news/ — index.yaml (the two index pages), news/*.md (one
news item per file) and events/*.md (one event per file), in the demo's usual format: YAML
front matter, then "# Avsnitt" sections in the demo's Markdown.

As the rest of the demo loader: everything is found by its slug (documents by their title);
what is missing is created and published, what exists is left alone, so a second run creates
nothing.
"""

import datetime
from pathlib import Path

from django.utils import timezone

from pluginnovation.home.demo import markdown
from pluginnovation.home.demo.datafiles import DATA_DIR, fail, read_yaml
from pluginnovation.home.demo.pagefiles import BODY, PAGE_KEYS, PageType, read_pages
from pluginnovation.home.demo.publishing import generated_pdf, publish_page
from pluginnovation.news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from pluginnovation.printing import pdf
from pluginnovation.taxonomy.models import Project, SuccessFactor

NEWS_DIR = DATA_DIR / "news"
NEWS = PageType(frozenset(PAGE_KEYS | {"date", "summary", "factors", "projects"}), BODY)
EVENT = PageType(
    frozenset(
        PAGE_KEYS
        | {"start", "end", "place", "organiser", "summary", "registration_url"}
        | {"programme", "presentations"}
    ),
    {"efter evenemanget": ("report", markdown.rich_text)},
)


def load_news(home_page, created, data_dir=None):
    """Create what is missing of /aktuellt/ and /evenemang/ below `home_page`; count what
    was created in the Counter `created` ("pages", "documents")."""
    folder = Path(data_dir or NEWS_DIR)
    indexes = read_yaml(folder / "index.yaml")
    news_index = ensure_index(home_page, NewsIndexPage, indexes["news"], created)
    for entry in read_pages(folder / "news", NEWS):
        if not child_exists(news_index, entry):
            publish_page(news_index, NewsPage(**news_fields(entry)), entry, created)
    event_index = ensure_index(home_page, EventIndexPage, indexes["events"], created)
    for entry in read_pages(folder / "events", EVENT):
        if not child_exists(event_index, entry):
            publish_page(event_index, EventPage(**event_fields(entry, created)), entry, created)
    return news_index, event_index


def ensure_index(home_page, model, fields, created):
    """The index page of this type below the home page, found by slug, created if missing."""
    existing = home_page.get_children().filter(slug=fields["slug"]).first()
    if existing is not None:
        return existing.specific
    return publish_page(home_page, model(**fields), None, created)


def child_exists(parent, entry):
    return parent.get_children().filter(slug=entry.fields["slug"]).exists()


def terms(entry, model, key):
    slugs = entry.fields.get(key, [])
    found = {term.slug: term for term in model.objects.filter(slug__in=slugs)}
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        fail(entry.path, f"{key}: okänd slug {', '.join(missing)}")
    return [found[slug] for slug in slugs]


def news_fields(entry):
    fields = dict(entry.fields)
    if not isinstance(fields.get("date"), datetime.date):
        fail(entry.path, "date ska vara ett datum skrivet ÅÅÅÅ-MM-DD, t.ex. 2017-04-28")
    fields["factors"] = terms(entry, SuccessFactor, "factors")
    fields["projects"] = terms(entry, Project, "projects")
    return fields


def local_time(entry, key):
    """A front-matter time "2018-02-28 09:00" as an aware datetime in Swedish time."""
    value = entry.fields.get(key)
    if value is None and key == "end":
        return None
    try:
        moment = datetime.datetime.strptime(str(value), "%Y-%m-%d %H:%M")
    except ValueError:
        fail(entry.path, f"{key} skrivs ÅÅÅÅ-MM-DD TT:MM, t.ex. 2018-02-28 09:00")
    return timezone.make_aware(moment)


def event_fields(entry, created):
    fields = dict(entry.fields)
    fields["start"] = local_time(entry, "start")
    fields["end"] = local_time(entry, "end")
    fields["programme"] = [
        {"type": "item", "value": programme_item(entry, item)}
        for item in fields.get("programme") or []
    ]
    fields["presentations"] = [
        presentation(entry, item, fields, created) for item in fields.get("presentations") or []
    ]
    return fields


def programme_item(entry, item):
    if not isinstance(item, dict) or not item.get("item"):
        fail(entry.path, "varje programpunkt skrivs - time: '09:30', item: …, who: …")
    return {"time": item.get("time") or None, "item": item["item"], "who": item.get("who", "")}


def presentation(entry, item, event, created):
    """A slides block with a generated PDF, or a recording block with its link."""
    if not isinstance(item, dict) or not item.get("title"):
        fail(entry.path, "varje presentation har minst en title")
    value = {"title": item["title"], "speaker": item.get("speaker", "")}
    if "url" in item:
        return {"type": "recording", "value": {**value, "url": item["url"]}}
    if not isinstance(item.get("slides"), list):
        fail(entry.path, f"presentationen ”{item['title']}” saknar slides (eller url)")
    document = slides_document(item, event, created)
    return {"type": "slides", "value": {**value, "document": document.pk}}


def slides_document(item, event, created):
    """The presentation's PDF as a Wagtail document, found by title or generated: a title
    page, then one page per slide with its heading and points."""

    def story():
        when = timezone.localtime(event["start"]).strftime("%-d/%-m %Y")
        flowables = [
            pdf.title(item["title"]),
            pdf.paragraph(f"{event['title']}, {event['place']}, {when}"),
        ]
        if item.get("speaker"):
            flowables.append(pdf.paragraph(item["speaker"]))
        for slide in item["slides"]:
            flowables += [pdf.page_break(), pdf.heading(slide["heading"], level=1)]
            flowables.append(pdf.bullets(slide.get("points") or []))
            if slide.get("source"):
                flowables.append(pdf.paragraph(f"Källa: {slide['source']}"))
        return flowables

    return generated_pdf(item["title"], story, event["title"], created)
