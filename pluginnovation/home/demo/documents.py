"""Downloadable demo material, written out as small PDFs by `pdf.build_pdf`.

Pages refer to a document by its key; the loader finds an existing document by its title.
A paragraph starting with "## " is printed in bold as a subheading.
"""

DOCUMENTS = [
    {
        "key": "checklista-franvaro",
        "title": "Checklista: uppföljning av frånvaro",
        "filename": "checklista-uppfoljning-av-franvaro.pdf",
        "paragraphs": [
            "En checklista för skolledning, mentorer och elevhälsa. Gå igenom den vid "
            "terminsstart och när rutinen har använts en tid. Varje ruta som inte går att "
            "kryssa är en uppgift att lösa.",
            "## Registrering",
            "[ ] Närvaron förs lektion för lektion, samma dag, av den som undervisar.",
            "[ ] Sen ankomst och giltig och ogiltig frånvaro skiljs åt i systemet.",
            "[ ] Mentorn ser sina elevers frånvaro samlad, utan att leta i flera system.",
            "## Kontakt samma dag",
            "[ ] Vårdnadshavare, eller eleven själv om hon är myndig, får besked samma dag.",
            "[ ] Det är bestämt vem som ringer när ett sms inte besvaras.",
            "[ ] Eleven möts vid nästa skoldag av en vuxen som frågar hur det är, inte bara "
            "varför hon var borta.",
            "## Gränser för nästa steg",
            "[ ] Skolan har skrivit ner vid vilken frånvaro mentorn kontaktar elevhälsan.",
            "[ ] Rektor får veta när frånvaron är upprepad eller långvarig och en utredning "
            "behöver inledas.",
            "[ ] Utredningen tittar på hela elevens situation: undervisning, hälsa, kamrater "
            "och hemförhållanden.",
            "## Uppföljning av rutinen",
            "[ ] Frånvaron följs per klass och program varje månad.",
            "[ ] Resultaten tas upp på arbetslagsmöten, så att mönster syns i tid.",
            "[ ] Eleverna har fått säga vad som hjälper dem att komma till skolan.",
            "Materialet är ett demoexempel från kunskapsbanken PlugInnovation och bygger på "
            "erfarenheter från Plug In-projekten.",
        ],
    },
    {
        "key": "lagesrapport-fragor",
        "title": "Frågemall: lokal lägesrapport",
        "filename": "fragemall-lokal-lagesrapport.pdf",
        "paragraphs": [
            "Använd mallen en gång per termin för att beskriva hur en lokal insats mot "
            "studieavbrott går. Svara kort och ange alltid varifrån siffrorna kommer.",
            "1. Vilka mål satte ni upp, och hur långt har ni nått?",
            "2. Hur har närvaron utvecklats för eleverna i insatsen? Ange värde före och efter "
            "och vilken period mätningen gäller.",
            "3. Hur har betygen och behörigheten utvecklats?",
            "4. Hur stor andel av de unga inom kommunens aktivitetsansvar har ni nått?",
            "5. Hur många har gått tillbaka till studier eller fått arbete?",
            "6. Vad har fungerat bäst, och vad skulle ni göra annorlunda?",
            "7. Vilka delar av arbetet ska bli kvar i ordinarie verksamhet när projektet slutar, "
            "och vem ansvarar för det?",
            "Frågorna följer samma upplägg som de lägesrapporter som lokala projekt lämnade "
            "till PlugInnovation. Det gör resultat från olika skolor och kommuner lättare att "
            "jämföra.",
        ],
    },
    {
        "key": "framgangsfaktorer-sammanfattning",
        "title": "Sammanfattning: Motverka studieavbrott – framgångsfaktorer i praktiken",
        "filename": "sammanfattning-motverka-studieavbrott.pdf",
        "paragraphs": [
            "Metodmaterialet från PlugInnovation (2018) samlar vad skolor och kommuner i Plug In "
            "lärde sig om att få fler unga att fullfölja gymnasiet. Här är kärnan i korthet.",
            "Koll och uppföljning: frånvaro är den tidigaste och tydligaste signalen. Skolor som "
            "lyckas registrerar närvaron noga och hör av sig till eleven samma dag.",
            "Flexibilitet: när skolans vanliga upplägg inte fungerar kan en egen studieplan, en "
            "annan studietakt, blockläsning eller praktik göra att eleven klarar utbildningen.",
            "Samverkan: lärare, elevhälsa, studie- och yrkesvägledare, socialtjänst och "
            "arbetsförmedling behöver arbeta tillsammans kring den unga.",
            "Gott bemötande: en vuxen som bryr sig och tror på eleven är ett av de starkaste "
            "skydden mot avbrott.",
            "Allt utgår från den enskilda elevens behov och från en helhetssyn på hennes "
            "situation. Arbetet sker både kring individen och i skolans organisation, och kan "
            "vara främjande, förebyggande eller åtgärdande.",
            "Detta är en kort demoversion i kunskapsbanken, inte det fullständiga materialet.",
        ],
    },
]
