"""Search synonyms that editors maintain (Söksynonymer in the admin), and how the search tells
two words or phrases apart: by their words, without regard to case, diacritics or hyphens."""

import re

from django.core.exceptions import ValidationError
from django.db import models

from pluginnovation.content.text import fold

WORD = re.compile(r"\w+")


def phrase(text):
    """The words of a phrase, lower case: "Studie- och yrkesvägledare" -> ("studie", "och",
    "yrkesvägledare")."""
    return tuple(WORD.findall(text.lower()))


def key(words):
    """What the search matches a phrase's words by: "föräldrar" and "Foraldrar" are one."""
    return tuple(fold(word) for word in words)


class Synonym(models.Model):
    """A word or phrase and what else visitors may call it. A search for the word also finds
    the equivalents; with two_way, a search for an equivalent also finds the word."""

    word = models.CharField(
        "Ord", max_length=100, unique=True, help_text="Det besökaren skriver, t.ex. ”föräldrar”."
    )
    equivalents = models.CharField(
        "Motsvarigheter",
        max_length=500,
        help_text="Ord eller fraser som betyder samma sak, åtskilda med kommatecken, "
        "t.ex. ”vårdnadshavare” eller ”studie- och yrkesvägledare”.",
    )
    two_way = models.BooleanField(
        "Gäller åt båda hållen",
        default=True,
        help_text="Avmarkera om bara ordet ska hitta motsvarigheterna, inte tvärtom "
        "(t.ex. ”skolk” hittar ”ogiltig frånvaro” men inte omvänt).",
    )

    class Meta:
        verbose_name = "söksynonym"
        verbose_name_plural = "söksynonymer"
        ordering = ["word"]

    def __str__(self):
        return f"{self.word} → {self.equivalents}"

    def equivalent_list(self):
        return [part.strip() for part in self.equivalents.split(",") if WORD.search(part)]

    def clean(self):
        self.word = " ".join(self.word.split())
        if not WORD.search(self.word):
            raise ValidationError({"word": "Ordet måste innehålla minst en bokstav eller siffra."})
        errors = {}
        same = self.same_word()
        if same is not None:
            errors["word"] = (
                f"”{same}” finns redan i listan. Ändra den i stället för att lägga till en ny."
            )
        others = [e for e in self.equivalent_list() if key(phrase(e)) != key(phrase(self.word))]
        if not others:
            errors["equivalents"] = "Ange minst en motsvarighet som skiljer sig från ordet."
        if errors:
            raise ValidationError(errors)

    def same_word(self):
        """Another row's word that the search takes for this one ("AVHOPP" beside "avhopp",
        "foraldrar" beside "föräldrar"): one word with two lists. Compared here, not in SQL:
        SQLite folds the case of ASCII letters only, and the list is short."""
        words = Synonym.objects.exclude(pk=self.pk).values_list("word", flat=True)
        mine = key(phrase(self.word))
        return next((word for word in words if key(phrase(word)) == mine), None)
