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
