"""The Swedish messages an editor sees when an upload is refused: what is wrong, what to do.

Each check raises UploadRefused(code, **params); the form turns it into one of these.
Placeholders: {extension}, {type} (the document type's name) and the check's own params.
"""

from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format

SAVE_AGAIN = "Öppna filen i sitt program, spara den på nytt som {type} och försök igen."
NEW_PDF = "Skapa en ny PDF, till exempel med ”Skriv ut” och ”Spara som PDF”, och försök igen."
NEW_PDF_WITHOUT = (
    "Skapa en ny PDF utan det, till exempel med ”Skriv ut” och ”Spara som PDF”, och försök igen."
)

MESSAGES = {
    # Documents
    "content_mismatch": (
        "Filens innehåll stämmer inte med filändelsen ”.{extension}”: det är ingen giltig fil "
        "av typen {type}, eller så är filen skadad. " + SAVE_AGAIN
    ),
    "macros": (
        "Filen innehåller makron (inbyggda program) och tas därför inte emot. Spara den som "
        "{type} utan makron och försök igen."
    ),
    "extra_data": (
        "Filen innehåller mer än ett dokument av typen {type}: det ligger extra data, till "
        "exempel ett program, före eller efter själva dokumentet. " + SAVE_AGAIN
    ),
    "html": (
        "Filen innehåller HTML-kod (kod för webbsidor) som en webbläsare skulle kunna köra. "
        + SAVE_AGAIN
    ),
    "external_content": (
        "Filen hämtar innehåll från internet eller från andra datorer när den öppnas "
        "({what}), och sådana filer tas inte emot. Bädda in innehållet i dokumentet eller ta "
        "bort det, spara filen och försök igen. Vanliga länkar går bra."
    ),
    "archive_too_large": (
        "Filen packas upp till {unpacked}, mer än tillåtna {limit}. Det gör inga vanliga "
        "dokument; filen kan vara skadad eller skadlig. " + SAVE_AGAIN
    ),
    "archive_too_packed": (
        "En del av filen packas upp till {ratio} gånger sin packade storlek, vilket vanliga "
        "dokument aldrig gör; filen kan vara skadad eller skadlig. " + SAVE_AGAIN
    ),
    "archive_too_many_parts": (
        "Filen består av {count} delar; högst {limit} tillåts. Dela upp dokumentet eller "
        "spara det på nytt och försök igen."
    ),
    "pdf_header": (
        "PDF-filen börjar inte med ”%PDF-” som en PDF ska; något annat, till exempel ett "
        "program, ligger före dokumentet. Skapa PDF:en på nytt och försök igen."
    ),
    "pdf_active_content": (
        "PDF-filen innehåller aktivt innehåll: skript, automatiska åtgärder, formulär som "
        "skickar data eller bifogade filer (hittade: {names}). " + NEW_PDF_WITHOUT
    ),
    "pdf_too_packed": (
        "PDF-filens packade delar blir större än {limit} när de packas upp, vilket vanliga "
        "PDF-filer aldrig gör; filen kan vara skadad eller skadlig. " + NEW_PDF
    ),
    "pdf_unreadable": (
        "Delar av PDF-filen är krypterade eller packade på ett sätt som inte går att granska. "
        "Ta bort eventuellt lösenord, eller " + NEW_PDF[0].lower() + NEW_PDF[1:]
    ),
    # Images
    "image_too_many_pixels": (
        "Bilden är för stor: {width} × {height} bildpunkter. Största tillåtna är {limit} "
        "bildpunkter sammanlagt (bredd gånger höjd). Minska bilden i ett bildprogram och "
        "försök igen."
    ),
    "image_damaged": (
        "Bilden är skadad eller ofullständig och går inte att visa. Öppna den i ett "
        "bildprogram, spara den på nytt och försök igen."
    ),
    "not_an_image": (
        "Filen ”{name}” är inte en bild som går att läsa. Ladda upp en bild i något av "
        "formaten {formats}."
    ),
    "image_wrong_extension": (
        "Filen ”{name}” är en {actual}-bild men heter .{extension}. Byt filändelse till "
        ".{actual_extension} eller spara bilden på nytt som {wanted}, och försök igen."
    ),
    "image_bad_extension": (
        "Bildformatet går inte att ladda upp. Tillåtna format: {formats}. Spara bilden i ett "
        "av dem och försök igen."
    ),
}

# Office relationship types (the last part of the type URL) in words an editor knows.
EXTERNAL_THINGS = {
    "attachedTemplate": "en dokumentmall",
    "oleObject": "ett inbäddat objekt",
    "frame": "en ram med en webbsida",
    "subDocument": "ett underdokument",
    "image": "en bild",
    "externalLinkPath": "ett annat kalkylblad",
}


def spaced(number):
    """20000 → '20 000', the way Swedish writes large numbers."""
    return number_format(number, force_grouping=True)


def describe(code, params):
    """Turn raw params into the words used in the messages."""
    words = {
        key: spaced(value) if isinstance(value, int) else value for key, value in params.items()
    }
    if code in ("archive_too_large", "pdf_too_packed"):
        sizes = {key: value for key, value in params.items() if key in ("unpacked", "limit")}
        words.update({key: filesizeformat(value) for key, value in sizes.items()})
    if code == "external_content":
        words["what"] = EXTERNAL_THINGS.get(params.get("what"), "en extern resurs")
    if code == "pdf_active_content":
        words["names"] = ", ".join(params["names"])
    return words


def message_for(refused, **context):
    """The Swedish message for an UploadRefused, with the context (file type etc.) filled in."""
    return MESSAGES[refused.code].format_map({**context, **describe(refused.code, refused.params)})
