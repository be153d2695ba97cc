"""The fixed vocabularies the knowledge bank starts with.

Used by the data migration (so every database has them) and by the demo loader. Plain data on
purpose: a migration must not import models.
"""

SUCCESS_FACTORS = [
    {
        "slug": "uppfoljning",
        "name": "Koll och uppföljning",
        "definition": (
            "Skolan vet varje dag vilka elever som är frånvarande, ser tidigt tecken på att "
            "studierna håller på att gå förlorade och följer upp med eleven direkt."
        ),
        "explanation": (
            "<p>Frånvaro är den tydligaste varningssignalen för ett kommande studieavbrott. "
            "Skolor som lyckas har rutiner för att registrera närvaro lektion för lektion, tydliga "
            "gränser för när mentor, elevhälsa och hemmet kontaktas, och någon som faktiskt "
            "hör av sig samma dag.</p><p>Uppföljning gäller också unga som redan lämnat skolan: "
            "kommunernas aktivitetsansvar (KAA) kräver att kommunen vet var de unga finns och "
            "erbjuder dem insatser.</p>"
        ),
    },
    {
        "slug": "flexibilitet",
        "name": "Flexibilitet",
        "definition": (
            "Utbildningen anpassas efter elevens situation: egen studieplan, annan studietakt, "
            "blockläsning, praktik kombinerad med studier eller undervisning på distans."
        ),
        "explanation": (
            "<p>Många elever som hoppar av klarar inte skolans standardupplägg, men kan klara "
            "studierna i en annan form. Flexibla lösningar handlar om att ändra organisationen "
            "runt eleven i stället för att vänta på att eleven ska passa in.</p><p>Det kräver "
            "att schema, lärarresurser och studie- och yrkesvägledning kan ställas om, och att "
            "anpassningarna följs upp så att de leder till behörighet och examen.</p>"
        ),
    },
    {
        "slug": "samverkan",
        "name": "Samverkan",
        "definition": (
            "Lärare, elevhälsa, socialtjänst, arbetsförmedling och andra aktörer arbetar "
            "tillsammans kring den unga i stället för var för sig."
        ),
        "explanation": (
            "<p>Bakom ett studieavbrott ligger ofta flera samtidiga problem: hälsa, hemsituation, "
            "ekonomi och skolsvårigheter. Ingen enskild yrkesgrupp kan lösa allt. Samverkan "
            "mellan professioner inom skolan, mellan skolformer och mellan kommunens "
            "förvaltningar gör att stödet hänger ihop.</p><p>Det fungerar bäst när ansvaret är "
            "tydligt fördelat och när den unga och vårdnadshavarna är delaktiga.</p>"
        ),
    },
    {
        "slug": "bemotande",
        "name": "Gott bemötande",
        "definition": (
            "Eleven möts av vuxna som bryr sig, tror på hennes förmåga och bygger en "
            "förtroendefull relation över tid."
        ),
        "explanation": (
            "<p>Unga som har lämnat skolan berättar ofta att ingen vuxen märkte eller frågade. "
            "En positiv relation till minst en vuxen i skolan är en av de starkaste "
            "skyddsfaktorerna mot avbrott.</p><p>Gott bemötande är ett förhållningssätt för hela "
            "skolan: hur elever tas emot, hur frånvaro följs upp och hur man talar med den som "
            "har det svårt.</p>"
        ),
    },
]

LEVELS = [
    {"slug": "individ", "name": "Individnivå"},
    {"slug": "organisation", "name": "Organisationsnivå"},
]

INTERVENTION_TYPES = [
    {"slug": "framjande", "name": "Främjande"},
    {"slug": "forebyggande", "name": "Förebyggande"},
    {"slug": "atgardande", "name": "Åtgärdande"},
]

# The levels' and types' names on the English pages, by model and slug (data migration 0008):
# the terms Skolverket's English texts use for främjande, förebyggande and åtgärdande work.
TERM_NAMES_EN = {
    "Level": {"individ": "Individual level", "organisation": "Organisational level"},
    "InterventionType": {
        "framjande": "Promotive",
        "forebyggande": "Preventive",
        "atgardande": "Remedial",
    },
}

# The success factors' wording on the English pages, by slug (data migration 0007).
SUCCESS_FACTORS_EN = {
    "uppfoljning": {
        "name_en": "Keeping track and following up",
        "definition_en": (
            "The school knows every day which students are absent, notices early signs that "
            "studies are slipping, and follows up with the student at once."
        ),
        "explanation_en": (
            "<p>Absence is the clearest warning sign of a coming dropout. Schools that succeed "
            "record attendance lesson by lesson, agree on when the mentor, the student health "
            "team and the family are contacted, and make sure someone actually gets in touch "
            "the same day.</p><p>Following up also covers young people who have already left: "
            "Swedish municipalities have a duty to know what everyone under 20 who is not in "
            "upper secondary school is doing, and to offer them support (the municipal activity "
            "responsibility, KAA).</p>"
        ),
    },
    "flexibilitet": {
        "name_en": "Flexibility",
        "definition_en": (
            "Education adapted to the student's situation: an individual study plan, a different "
            "pace, block scheduling, work placement combined with studies, or distance teaching."
        ),
        "explanation_en": (
            "<p>Many students who drop out cannot cope with the standard timetable but can "
            "complete their studies in another form. Flexible solutions change the organisation "
            "around the student instead of waiting for the student to fit in.</p><p>That takes "
            "schedules, teachers and careers guidance that can be rearranged, and adaptations "
            "that are followed up so that they lead to eligibility and a diploma.</p>"
        ),
    },
    "samverkan": {
        "name_en": "Collaboration",
        "definition_en": (
            "Teachers, student health, careers guidance, social services, employers and families "
            "work together around the student instead of each on their own."
        ),
        "explanation_en": (
            "<p>A young person at risk of dropping out often has needs that no single "
            "profession can meet. Collaboration means shared routines, one plan and a clear "
            "answer to who does what, both inside the school and with the municipality, health "
            "care and working life.</p>"
        ),
    },
    "bemotande": {
        "name_en": "A good reception",
        "definition_en": (
            "Students meet adults who see them, believe in them and treat them with respect: "
            "positive relationships between students and staff."
        ),
        "explanation_en": (
            "<p>Students who left school early often describe not being seen. A good reception "
            "is about relationships: adults who greet, ask, listen and expect the student to "
            "succeed. It is the ground every other measure stands on.</p>"
        ),
    },
}
