"""The archive's own words, in the two languages of the site. The archive adds a handful of
sentences; they live here rather than in the site's translation catalogues, which describe
the live site."""

from django.utils import formats, translation

TEXTS = {
    "sv": {
        "banner_title": "Arkivkopia.",
        "banner_text": "Det här är en statisk kopia av PlugInnovation, gjord {date}.",
        "banner_link": "Om arkivet",
        "form_notice": "Den här funktionen finns bara på den levande webbplatsen.",
        "notice_title": "Om arkivet",
        "notice_lead": (
            "Det här är en arkivkopia av kunskapsbanken PlugInnovation, gjord {date}. "
            "Allt publicerat innehåll finns kvar: forskning, fallstudier, metoder, "
            "framgångsfaktorer, projekt, nyheter och evenemang, med sina dokument."
        ),
        "notice_heading": "Den här funktionen finns bara på den levande webbplatsen",
        "notice_missing": (
            "Arkivet är bara filer, utan server. Det som behöver en server finns inte här:"
        ),
        "notice_items": [
            "Min samling och knapparna Spara",
            "Bevaka (e-post om nytt innehåll) och Tipsa om ett arbetssätt",
            "Självskattningen och handlingsplanen",
            "Att kombinera filter i listorna och att bläddra till sida 2 och framåt",
            "Sökningen på servern; arkivet har en enklare sökning i titlar och sammanfattningar",
        ],
        "notice_browse": "Hitta i arkivet",
        "search_title": "Sök i arkivet",
        "search_lead": (
            "Sökningen letar i titlar, sammanfattningar och ämnesord för alla sidor i arkivet. "
            "Den fungerar utan server, direkt i webbläsaren."
        ),
        "search_label": "Sökord",
        "search_button": "Sök",
        "search_some": "{n} träffar för ”{q}”",
        "search_one": "1 träff för ”{q}”",
        "search_none": "Inga träffar för ”{q}”. Pröva ett annat ord eller bläddra i listorna.",
        "search_empty": "Skriv ett sökord.",
        "search_noscript": (
            "Sökningen behöver JavaScript, som är avstängt i din webbläsare. "
            "Bläddra i listorna nedan i stället."
        ),
        "results_heading": "Träffar",
        "browse_heading": "Bläddra i arkivet",
        "browse_lead": "Allt innehåll finns också i listorna:",
        "explore": "Utforska allt innehåll",
        "factors": "Framgångsfaktorer",
        "search_link": "Sök i arkivet",
    },
    "en": {
        "banner_title": "Archive copy.",
        "banner_text": "This is a static copy of PlugInnovation, made on {date}.",
        "banner_link": "About the archive",
        "form_notice": "This feature is only available on the live website.",
        "notice_title": "About the archive",
        "notice_lead": (
            "This is an archive copy of the PlugInnovation knowledge bank, made on {date}. "
            "All published content is here: research, case studies, methods, success "
            "factors, projects, news and events, with their documents. Most of it is in "
            "Swedish."
        ),
        "notice_heading": "This feature is only available on the live website",
        "notice_missing": (
            "The archive is files only, without a server. What needs a server is not here:"
        ),
        "notice_items": [
            "My collection and the Save buttons",
            "Alerts by e-mail and sending in a practice",
            "The self-assessment and action plan",
            "Combining filters in the listings, and pages 2 and later of a listing",
            "The server's search; the archive has a simpler search of titles and summaries",
        ],
        "notice_browse": "Find your way in the archive",
        "search_title": "Search the archive",
        "search_lead": (
            "The search looks through the titles, summaries and subject words of every page "
            "in the archive. It works without a server, in your browser."
        ),
        "search_label": "Search terms",
        "search_button": "Search",
        "search_some": "{n} results for “{q}”",
        "search_one": "1 result for “{q}”",
        "search_none": "No results for “{q}”. Try another word or browse the listings.",
        "search_empty": "Type a search term.",
        "search_noscript": (
            "The search needs JavaScript, which is turned off in your browser. "
            "Browse the listings below instead."
        ),
        "results_heading": "Results",
        "browse_heading": "Browse the archive",
        "browse_lead": "All content is also in the listings:",
        "explore": "Explore all content",
        "factors": "Success factors",
        "search_link": "Search the archive",
    },
}

# Kinds of pages outside the page tree, by their first path segment, for the search index.
VIEW_KINDS = {
    "sv": {
        "framgangsfaktorer": "Framgångsfaktor",
        "utforska": "Lista",
        "resultat": "Resultat",
        "karta": "Karta",
        "oppna-data": "Öppna data",
    },
    "en": {
        "framgangsfaktorer": "Success factor",
        "utforska": "Listing",
        "resultat": "Results",
        "karta": "Map",
        "oppna-data": "Open data",
    },
}
DEFAULT_KIND = {"sv": "Sida", "en": "Page"}


def texts(language, made_on):
    """The archive's words in `language`, with the date it was made filled in."""
    with translation.override(language):
        date = formats.date_format(made_on, "j F Y")
    words = dict(TEXTS[language])
    for name in ("banner_text", "notice_lead"):
        words[name] = words[name].format(date=date)
    words["date_iso"] = made_on.isoformat()
    return words
