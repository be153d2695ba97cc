"""Events at /evenemang/: upcoming and past lists, the event page, its presentations (never a
private document) and its iCalendar file, read back with the icalendar library and checked
line by line against RFC 5545."""

import datetime
import zoneinfo

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import icalendar
import pytest

from pluginnovation.news import ics
from pluginnovation.news.models import PAST_EVENTS_PER_PAGE, EventIndexPage, EventPage
from tests.query_ceiling import measure
from tests.test_news import clean_index

pytestmark = pytest.mark.django_db

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
HOSTILE_TITLE = "Slutkonferens; del 1, 2 & 3 🎓\nmed \\backslash och ”citat”"
HOSTILE_PLACE = "Lokal A, plan 2; Göteborg\r\nIngång: Södra vägen 🚪"


@pytest.fixture
def event_index():
    return clean_index(EventIndexPage, "evenemang", "Evenemang")


def at(days, hour=9):
    """An aware time `days` from today (negative: in the past) at `hour` Swedish time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=STOCKHOLM)


def add_event(index, title, start, end=None, live=True, **fields):
    fields.setdefault("place", "Göteborg")
    fields.setdefault("summary", f"Om {title}.")
    page = EventPage(title=title, start=start, end=end, live=live, **fields)
    index.add_child(instance=page)
    return page


def document(title, collection=None):
    model = get_document_model()
    doc = model(title=title, collection=collection or Collection.get_first_root_node())
    doc.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    doc.save()
    return doc


def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Internt")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


# Lists


def test_upcoming_soonest_first_and_past_newest_first(client, event_index):
    add_event(event_index, "Om en månad", at(30))
    add_event(event_index, "I morgon", at(1))
    add_event(event_index, "För ett år sedan", at(-365))
    add_event(event_index, "Förra veckan", at(-7), at(-7, 16))
    response = client.get("/evenemang/")
    assert response.status_code == 200
    assert [e.title for e in response.context["upcoming"]] == ["I morgon", "Om en månad"]
    assert [e.title for e in response.context["past"]] == ["Förra veckan", "För ett år sedan"]
    html = response.content.decode()
    assert html.index("Kommande evenemang") < html.index("I morgon") < html.index("Om en månad")
    assert html.index("Tidigare evenemang") < html.index("Förra veckan")


def test_an_event_under_way_is_still_upcoming(client, event_index):
    now = timezone.now()
    add_event(
        event_index,
        "Pågår nu",
        now - datetime.timedelta(hours=2),
        now + datetime.timedelta(hours=2),
    )
    add_event(event_index, "Utan sluttid, började nyss", now - datetime.timedelta(minutes=30))
    add_event(
        event_index, "Utan sluttid, började för två timmar sedan", now - datetime.timedelta(hours=2)
    )
    response = client.get("/evenemang/")
    assert [e.title for e in response.context["upcoming"]] == [
        "Pågår nu",
        "Utan sluttid, började nyss",
    ]
    assert [e.title for e in response.context["past"]] == [
        "Utan sluttid, började för två timmar sedan"
    ]


def test_drafts_and_private_events_are_not_listed(client, event_index):
    add_event(event_index, "Öppen konferens", at(10))
    add_event(event_index, "Utkast till konferens", at(11), live=False)
    private = add_event(event_index, "Intern konferens", at(12))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = client.get("/evenemang/").content.decode()
    assert "Öppen konferens" in html
    assert "Utkast till konferens" not in html
    assert "Intern konferens" not in html


def test_empty_lists_say_so(client, event_index):
    html = client.get("/evenemang/").content.decode()
    assert "Inga evenemang är inplanerade just nu." in html
    assert "Inga tidigare evenemang." in html


@pytest.mark.parametrize("raw", ["2", "0", "-3", "x", "²", "9" * 300, "<b>1</b>"])
def test_past_events_are_paged_and_survive_hostile_page_numbers(client, event_index, raw):
    for number in range(PAST_EVENTS_PER_PAGE + 2):
        add_event(event_index, f"Tidigare {number:02}", at(-10 - number))
    response = client.get("/evenemang/", {"sida": raw})
    assert response.status_code == 200
    past = response.context["past"]
    assert past.number == (2 if raw == "2" else 1)
    if raw == "2":
        assert [e.title for e in past] == ["Tidigare 10", "Tidigare 11"]


# The event page


def test_a_coming_event_shows_time_place_programme_and_registration(client, event_index):
    page = add_event(
        event_index,
        "Nätverksträff om frånvaro",
        at(14, 9),
        at(14, 16),
        place="Göteborgsregionen, Göteborg",
        organiser="GR Utbildning",
        registration_url="https://example.org/anmalan",
        programme=[
            {"type": "item", "value": {"time": "09:00", "item": "Välkommen", "who": ""}},
            {"type": "item", "value": {"time": "10:15", "item": "Fika", "who": "Alla"}},
        ],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    day = at(14).strftime("%Y-%m-%d")
    assert f'<time datetime="{day}T09:00:00+' in html
    assert "kl. 09.00</time>–<time" in html
    assert "Göteborgsregionen, Göteborg" in html and "GR Utbildning" in html
    assert 'href="https://example.org/anmalan"' in html
    assert '<time class="programme__time" datetime="10:15">10.15</time>' in html
    assert f'href="{page.url}ics/"' in html
    assert "Presentationer" not in html


def test_a_past_event_shows_its_report_and_presentations_not_registration(client, event_index):
    slides = document("Bilder från förmiddagen")
    page = add_event(
        event_index,
        "Slutkonferens",
        at(-30, 9),
        at(-30, 16),
        registration_url="https://example.org/anmalan",
        report="<p>Dagen handlade om samverkan.</p>",
        presentations=[
            {
                "type": "slides",
                "value": {"title": "Förmiddagen", "speaker": "GR", "document": slides.pk},
            },
            {
                "type": "recording",
                "value": {
                    "title": "Inspelning",
                    "speaker": "",
                    "url": "https://www.youtube.com/watch?v=x",
                },
            },
        ],
    )
    html = client.get(page.url).content.decode()
    assert "Dagen handlade om samverkan." in html
    assert "example.org/anmalan" not in html
    assert f'href="{slides.url}">Förmiddagen</a>' in html
    assert "(bilder, PDF" in html
    assert 'href="https://www.youtube.com/watch?v=x">Inspelning</a>' in html
    assert "inspelning, youtube.com" in html


def test_a_private_presentation_document_is_never_listed(client, event_index):
    public = document("Öppna bilder")
    secret = document("Hemliga bilder", private_collection())
    inner = Collection.objects.get(name="Internt").add_child(name="Undermapp")
    nested_secret = document("Hemliga bilder i undermapp", inner)
    page = add_event(
        event_index,
        "Konferens",
        at(-3),
        presentations=[
            {"type": "slides", "value": {"title": title, "speaker": "", "document": doc.pk}}
            for title, doc in [
                ("Öppet pass", public),
                ("Internt pass", secret),
                ("Internt pass två", nested_secret),
            ]
        ]
        + [{"type": "slides", "value": {"title": "Borttaget dokument", "document": 999999}}],
    )
    html = client.get(page.url).content.decode()
    assert "Öppet pass" in html
    for hidden in ("Internt pass", "Hemliga bilder", secret.url, nested_secret.url, "Borttaget"):
        assert hidden not in html
    assert [item["title"] for item in EventPage.objects.get(pk=page.pk).presentations_shown] == [
        "Öppet pass"
    ]
    # And the document itself stays behind its login.
    assert client.get(secret.url).status_code in (302, 403)


def test_a_draft_or_private_event_and_its_calendar_file_are_not_served(client, event_index):
    draft = add_event(event_index, "Utkast", at(5), live=False)
    assert client.get(f"/evenemang/{draft.slug}/").status_code == 404
    assert client.get(f"/evenemang/{draft.slug}/ics/").status_code == 404
    private = add_event(event_index, "Internt möte", at(5))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(f"{private.url}ics/")
    assert response.status_code == 302
    assert response["Location"].startswith("/logga-in/?next=")


def test_an_event_cannot_end_before_it_starts(event_index):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        add_event(event_index, "Baklänges", at(5, 12), at(5, 9))
    assert "end" in error.value.message_dict


# The calendar file


def calendar_of(client, page):
    response = client.get(f"{page.url}ics/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{page.slug}.ics"'
    return response.content


def check_rfc5545_lines(data):
    """CRLF line ends, every line at most 75 octets, no bare CR or LF, valid UTF-8."""
    data.decode("utf-8")
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    for line in lines:
        assert len(line) <= 75, line
        assert b"\n" not in line and b"\r" not in line
    # Unfolded, every content line is NAME[;params]:value.
    unfolded = data.replace(b"\r\n ", b"").split(b"\r\n")[:-1]
    for line in unfolded:
        name = line.split(b":", 1)[0].split(b";", 1)[0]
        assert name.isupper() and name.replace(b"-", b"").isalpha(), line
    return [line.decode("utf-8") for line in unfolded]


def test_the_calendar_file_round_trips_through_a_calendar_library(client, event_index):
    page = add_event(
        event_index,
        HOSTILE_TITLE,
        at(20, 9),
        at(20, 16),
        place=HOSTILE_PLACE,
        organiser="GR; Plug In, m.fl.",
        summary="En dag om studieavbrott, samverkan; uppföljning.\nVälkommen! 🎉 " + "å" * 80,
    )
    data = calendar_of(client, page)
    lines = check_rfc5545_lines(data)
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"]
    assert any(line.startswith("PRODID:") for line in lines)

    calendar = icalendar.Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == HOSTILE_TITLE
    assert str(event["LOCATION"]) == HOSTILE_PLACE.replace("\r\n", "\n")
    description = str(event["DESCRIPTION"])
    assert description.startswith("En dag om studieavbrott, samverkan; uppföljning.\nVälkommen! 🎉")
    assert "Arrangör: GR; Plug In, m.fl." in description
    assert description.endswith(f"http://testserver{page.url}")
    assert str(event["URL"]) == f"http://testserver{page.url}"
    assert event.decoded("DTSTART") == at(20, 9)
    assert event.decoded("DTEND") == at(20, 16)
    assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(0)  # written in UTC
    assert str(event["UID"]) == f"{page.translation_key}@pluginnovation"
    assert event.decoded("DTSTAMP").utcoffset() == datetime.timedelta(0)


def test_an_event_without_an_end_lasts_an_hour_in_the_calendar(client, event_index):
    page = add_event(event_index, "Frukostmöte", at(3, 8))
    (event,) = icalendar.Calendar.from_ical(calendar_of(client, page)).walk("VEVENT")
    assert event.decoded("DTSTART") == at(3, 8)
    assert event.decoded("DTEND") == at(3, 9)


def test_the_uid_stays_when_the_event_is_edited_or_moved(client, event_index):
    page = add_event(event_index, "Konferens", at(3))
    first = icalendar.Calendar.from_ical(calendar_of(client, page)).walk("VEVENT")[0]["UID"]
    page.title = "Konferens (ny tid)"
    page.slug = "konferens-ny-tid"
    page.save()
    second = icalendar.Calendar.from_ical(calendar_of(client, page)).walk("VEVENT")[0]["UID"]
    assert first == second


@pytest.mark.parametrize(
    "text",
    [
        "a,b;c\\d",
        "rad ett\nrad två\r\nrad tre\rrad fyra",
        "🎓" * 40,
        "x" * 74 + "å" + "🎉" * 3,
        "kontroll\x00tecken\x07bort\x1b",
        "\\n är inte en radbrytning",
        "",
    ],
)
def test_text_values_are_escaped_and_folded(text):
    data = ics.calendar(
        uid="test@pluginnovation",
        start=at(1),
        end=None,
        title=text or "Tom",
        url="https://example.org/a\r\nBEGIN:VEVENT",
        place=text,
        description=text,
    )
    lines = check_rfc5545_lines(data)
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    expected = "".join(c for c in expected if c in "\n\t" or ord(c) >= 32 and ord(c) != 127)
    assert str(event["SUMMARY"]) == (expected or "Tom")
    if text:
        assert str(event["LOCATION"]) == expected
        assert str(event["DESCRIPTION"]) == expected
    # A line break in the address cannot start a property or component of its own.
    assert lines.count("BEGIN:VEVENT") == 1
    assert str(event["URL"]) == "https://example.org/aBEGIN:VEVENT"


def test_folding_never_splits_a_character():
    folded = ics.fold("SUMMARY:" + "å" * 100 + "🎉" * 30)
    for line in folded.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == "SUMMARY:" + "å" * 100 + "🎉" * 30


# Queries


def test_event_pages_stay_within_the_query_ceiling(
    client, event_index, django_assert_max_num_queries
):
    slides = [document(f"Bilder {n}") for n in range(3)]
    presentations = [
        {"type": "slides", "value": {"title": f"Pass {n}", "speaker": "", "document": d.pk}}
        for n, d in enumerate(slides)
    ]

    def add(count, offset):
        return [
            add_event(event_index, f"Evenemang {offset + n}", at(offset + n - count // 2))
            for n in range(count)
        ]

    detail = add_event(event_index, "Med bilder", at(-5), presentations=presentations)
    add(6, 0)
    urls = ["/evenemang/", "/evenemang/?sida=2", detail.url, f"{detail.url}ics/"]
    small = measure(client, django_assert_max_num_queries, urls)
    add(60, 100)
    large = measure(client, django_assert_max_num_queries, urls)
    assert large == small
    print("queries with 7 and 67 events:", {url: (small[url], large[url]) for url in urls})
