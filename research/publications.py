"""The kinds of publication a research article summarises, and how a study was made."""

MISSING = "uppgift saknas"

# Stored values are ASCII slugs so that filters and URLs can use them unchanged.
PUBLICATION_TYPES = [
    ("forskningsoversikt", "Forskningsöversikt"),
    ("empirisk-studie", "Empirisk studie"),
    ("utvardering", "Utvärdering"),
    ("myndighetsrapport", "Myndighetsrapport"),
    ("statlig-utredning", "Statlig utredning"),
    ("allmanna-rad", "Allmänna råd"),
    ("bok", "Bok"),
    ("metodmaterial", "Metodmaterial"),
]

STUDY_DESIGNS = [
    ("kvantitativ-med-jamforelsegrupp", "Kvantitativ med jämförelsegrupp"),
    ("kvantitativ-utan-jamforelsegrupp", "Kvantitativ utan jämförelsegrupp"),
    ("kvalitativ", "Kvalitativ"),
    ("blandad-metod", "Blandad metod"),
    ("systematisk-oversikt", "Systematisk översikt"),
]

# Types whose findings rest on a study of their own or on a review of studies: for these a
# missing design is a gap worth showing. Advice, inquiries and books are not studies as such.
DESIGN_RELEVANT_TYPES = {"forskningsoversikt", "empirisk-studie", "utvardering"}
