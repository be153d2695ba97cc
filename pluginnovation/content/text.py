"""Text as people type it, and as we write it: accents reduced to plain a–z, Swedish lists."""

import unicodedata


def without_diacritics(text):
    """ "Frånvaro på Ölands gymnasium" → "Franvaro pa Olands gymnasium"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(word):
    """Lower case without diacritics: "Föräldrar" -> "foraldrar", as the search compares words."""
    return without_diacritics(word.lower())


def swedish_list(items):
    """Names as a Swedish list: "a", "a och b", "a, b och c"."""
    names = [str(item) for item in items]
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} och {names[-1]}"
