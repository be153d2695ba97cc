"""Text as people type it: Swedish letters and other accents reduced to plain a–z."""

import unicodedata


def without_diacritics(text):
    """ "Frånvaro på Ölands gymnasium" → "Franvaro pa Olands gymnasium"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
