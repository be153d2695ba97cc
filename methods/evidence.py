"""How well we know a method works, in the terms of Skollagen 1 kap. 5 §: vetenskaplig grund
and beprövad erfarenhet, and a four-step scale of evidence strength.

The scale's names and definitions live here, once: the editor's choices, the method pages and
cards, the listings' filters and the public explanation page (/om/evidens/) all read them.
"""

from django.db import models
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _


class KnowledgeBasis(models.TextChoices):
    RESEARCH = "vetenskaplig-grund", _("Vetenskaplig grund")
    EXPERIENCE = "beprovad-erfarenhet", _("Beprövad erfarenhet")
    BOTH = "bada", _("Vetenskaplig grund och beprövad erfarenhet")


KNOWLEDGE_BASIS_DEFINITIONS = {
    KnowledgeBasis.RESEARCH: _(
        "Metoden vilar på forskning: studier som har prövat arbetssättet "
        "eller det som arbetssättet bygger på, publicerade så att andra kan granska dem."
    ),
    KnowledgeBasis.EXPERIENCE: _(
        "Metoden vilar på erfarenhet som skolor och kommuner har prövat, "
        "följt upp och dokumenterat, så att andra kan se vad som gjordes och vad som hände."
    ),
    KnowledgeBasis.BOTH: _(
        "Metoden har stöd både i forskning och i dokumenterad erfarenhet från skolor och kommuner."
    ),
}


class EvidenceLevel(models.IntegerChoices):
    LOCAL = 1, _("Enstaka lokal erfarenhet")
    SEVERAL = 2, _("Erfarenhet från flera skolor eller kommuner")
    FOLLOWED_UP = 3, _("Uppföljda resultat eller en studie")
    COMPARISON = 4, _("Flera studier med jämförelsegrupp")


EVIDENCE_DEFINITIONS = {
    EvidenceLevel.LOCAL: _(
        "En skola eller kommun har provat arbetssättet och beskrivit det. Det "
        "är en idé att pröva, men vi vet inte om det fungerar någon annanstans."
    ),
    EvidenceLevel.SEVERAL: _(
        "Flera skolor eller kommuner har provat arbetssättet och beskriver "
        "liknande erfarenheter. Resultaten är inte mätta på samma sätt överallt."
    ),
    EvidenceLevel.FOLLOWED_UP: _(
        "Resultaten är följda med mått som närvaro, avbrott eller behörighet före och efter, "
        "eller beskrivna i en studie. Det finns ingen jämförelsegrupp, så vi kan inte säga "
        "säkert att det var arbetssättet som gjorde skillnaden."
    ),
    EvidenceLevel.COMPARISON: _(
        "Flera studier har jämfört elever som fick insatsen med elever "
        "som inte fick den, och sett en effekt. Det är det starkaste stödet kunskapsbanken anger."
    ),
}

# The filter options: a method with both kinds of knowledge is found under each of them.
KNOWLEDGE_BASIS_FILTER = {
    KnowledgeBasis.RESEARCH.value: [KnowledgeBasis.RESEARCH.value, KnowledgeBasis.BOTH.value],
    KnowledgeBasis.EXPERIENCE.value: [KnowledgeBasis.EXPERIENCE.value, KnowledgeBasis.BOTH.value],
}


def evidence_levels():
    """(number, name, definition) for each step of the scale, weakest first."""
    return [(level.value, level.label, EVIDENCE_DEFINITIONS[level]) for level in EvidenceLevel]


def knowledge_bases():
    return [(basis.label, KNOWLEDGE_BASIS_DEFINITIONS[basis]) for basis in KnowledgeBasis]


def choice_label(choices, value):
    """What get_FOO_display shows for `value` of a field with these choices (a Choices enum):
    its label, or the value itself when it is none of them."""
    try:
        return str(choices(value).label)
    except ValueError:
        return force_str(value, strings_only=True)
