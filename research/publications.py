"""The kinds of publication a research article summarises, and how a study was made."""

from django.utils.translation import gettext_lazy as _

MISSING = "uppgift saknas"

# Stored values are ASCII slugs so that filters and URLs can use them unchanged. The labels are
# translated: cards on English pages show the type (the article itself is Swedish).
PUBLICATION_TYPES = [
    ("forskningsoversikt", _("Forskningsöversikt")),
    ("empirisk-studie", _("Empirisk studie")),
    ("utvardering", _("Utvärdering")),
    ("myndighetsrapport", _("Myndighetsrapport")),
    ("statlig-utredning", _("Statlig utredning")),
    ("allmanna-rad", _("Allmänna råd")),
    ("bok", _("Bok")),
    ("metodmaterial", _("Metodmaterial")),
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
