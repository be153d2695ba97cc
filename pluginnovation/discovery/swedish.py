"""A rough Swedish stemmer: strips common inflection endings.

PostgreSQL's Swedish stemmer is light: it maps "avhoppen" to "avhopp" but "mentorerna" to
"mentor" and "mentor" itself to "ment", so the plural never finds the singular. Searching for
each word OR its rough stem closes such gaps on PostgreSQL and gives SQLite, which has no
stemming at all, the most common inflections. The excerpts use it to mark the matched words.
"""

# Common endings, longest first: plural and definite forms of nouns, some verb forms.
SUFFIXES = sorted(
    ["ernas", "arnas", "ornas", "erna", "arna", "orna", "ande", "ende", "heten", "en", "et"]
    + ["er", "ar", "or", "na", "n", "s", "t"],
    key=len,
    reverse=True,
)
MIN_STEM = 4


def stem(word):
    """The word without its inflection ending, if at least MIN_STEM letters remain."""
    word = word.lower()
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word
