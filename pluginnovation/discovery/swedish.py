"""A rough Swedish stemmer, which strips common inflection endings, and the little words.

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

# Words nearly every page has. PostgreSQL's Swedish search leaves them out of a query (its
# stop words); a search for pages with any of the words leaves them out on both databases, or
# "… och …" would find the whole knowledge bank.
LITTLE_WORDS = (
    "och i att det som en ett på är av för med till den de om har inte kan eller så vi man "
    "men från vid när hur var sig sin sina än då nu också ska skall alla mot under efter "
    "the and of to in a an for on with or"
)
STOP_WORDS = frozenset(LITTLE_WORDS.split())


def stem(word):
    """The word without its inflection ending, if at least MIN_STEM letters remain."""
    word = word.lower()
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word
