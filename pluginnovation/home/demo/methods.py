"""Method pages: ways of working that schools and municipalities can try, step by step.

`related` names case studies and research by (kind, slug); the loader links the pages that exist.
"""

from datetime import date

from .blocks import bullets, document, fact_box, heading, paragraph, step

REVIEWED = date(2026, 11, 2)

METHODS = [
    {
        "slug": "daglig-franvarouppfoljning",
        "title": "Daglig frånvarouppföljning med kontakt samma dag",
        "summary": (
            "En rutin där skolan ser frånvaron samma dag som den uppstår och där en vuxen hör "
            "av sig till eleven direkt. Det enklaste och mest beprövade sättet att upptäcka "
            "elever som är på väg att tappa fästet."
        ),
        "purpose": (
            "Att upptäcka frånvaro innan den hinner bli ett mönster, och att visa eleven att "
            "någon märker när hon inte är där."
        ),
        "audience": (
            "Skolledning, mentorer och elevhälsa på gymnasieskolan. Rutinen gäller alla elever "
            "men gör störst skillnad för elever med begynnande frånvaro."
        ),
        "steps": [
            step(
                "Registrera närvaron varje lektion",
                "Den som undervisar för in närvaron under lektionen eller direkt efter. Skilj "
                "på sen ankomst, giltig och ogiltig frånvaro.",
            ),
            step(
                "Bestäm vem som hör av sig",
                "Oftast mentorn. Skriv ner vem som tar över när mentorn är borta, så att ingen "
                "dag faller bort.",
            ),
            step(
                "Kontakta eleven och hemmet samma dag",
                "Ett sms eller samtal räcker. Fråga hur eleven mår och när ni ses, inte bara "
                "varför hon var borta.",
            ),
            step(
                "Sätt gränser för nästa steg",
                "<p>Besluta i förväg när elevhälsan kopplas in och när rektor får veta, till "
                "exempel:</p><ul><li>tre tillfällen av ogiltig frånvaro på en månad,</li>"
                "<li>frånvaro över 15 procent under fyra veckor.</li></ul>",
            ),
            step(
                "Följ upp rutinen varje månad",
                "Titta på frånvaron per klass och program i arbetslaget. Syns samma mönster "
                "igen, ändra rutinen, inte bara insatsen för den enskilda eleven.",
            ),
        ],
        "time_and_resources": (
            "Några minuter per lektion för registreringen och ungefär en kvart per dag för "
            "mentorns kontakter. Ett närvarosystem som visar mentorn en samlad bild. Räkna med "
            "en termin innan rutinen sitter."
        ),
        "body": [
            heading("Därför fungerar det"),
            paragraph(
                "Frånvaro är den tidigaste signalen på att studierna håller på att gå förlorade. "
                "Skolor i Plug In som följde upp frånvaron samma dag fick både högre närvaro och "
                "färre avbrott, särskilt på introduktionsprogrammen.",
            ),
        ],
        "material": [document("checklista-franvaro")],
        "related": [
            ("casestudy", "oscarsgymnasiet-oskarshamn"),
            ("research", "skolverket-allmanna-rad-franvaro"),
            ("research", "rumberger-dropping-out"),
        ],
        "published_date": date(2016, 1, 18),
        "last_reviewed": REVIEWED,
        "factors": ["uppfoljning", "bemotande"],
        "projects": ["plug-in"],
        "target_groups": ["nationella-program", "introduktionsprogram"],
        "levels": ["organisation"],
        "intervention_types": ["forebyggande"],
        "tags": ["frånvaro", "närvaro", "mentor"],
    },
    {
        "slug": "tidiga-varningssignaler-ak-5-9",
        "title": "Tidiga varningssignaler i årskurs 5–9",
        "summary": (
            "Ett enkelt varningssystem som samlar frånvaro, betyg och trivsel för varje elev i "
            "grundskolans senare år. Skolan kan då sätta in stöd långt innan eleven riskerar "
            "att stå utan gymnasiebehörighet."
        ),
        "purpose": (
            "Att hitta elever i riskzonen tidigt, medan insatserna fortfarande kan vara små och "
            "nära undervisningen."
        ),
        "audience": (
            "Rektorer, elevhälsoteam och mentorer i årskurs 5–9. Särskilt användbart på skolor "
            "där många elever lämnar årskurs 9 utan behörighet."
        ),
        "steps": [
            step(
                "Välj några få signaler",
                "<ul><li>Frånvaro, både giltig och ogiltig.</li><li>Risk för underkänt i "
                "svenska, engelska eller matematik.</li><li>Signaler om otrygghet eller "
                "utanförskap.</li></ul>",
            ),
            step(
                "Sammanställ signalerna varannan vecka",
                "Låt en person i elevhälsan ta fram en lista över elever där två eller fler "
                "signaler slår till.",
            ),
            step(
                "Gå igenom listan i elevhälsoteamet",
                "Bestäm för varje elev vem som tar kontakt och vilket stöd som ska prövas först.",
            ),
            step(
                "Involvera vårdnadshavarna",
                "Bjud in hemmet tidigt, med fokus på vad skolan och familjen kan göra tillsammans.",
            ),
            step(
                "Följ upp efter sex veckor",
                "Har signalerna minskat? Om inte, pröva något annat eller koppla in fler "
                "kompetenser.",
            ),
        ],
        "time_and_resources": (
            "En till två timmar varannan vecka för elevhälsoteamet. Tillgång till frånvaro och "
            "omdömen i samma system underlättar mycket."
        ),
        "body": [
            paragraph(
                "Metoden bygger på erfarenheter från Plug Innan, där skolor i Västra Götaland "
                "arbetade med rutiner för riskindikatorer och tidiga varningssystem.",
            ),
            fact_box(
                "Plug Innan",
                "22 delprojekt på ett fyrtiotal skolor i 15 kommuner, med 1 180 elever i "
                "riskzonen.",
                source="GR Utbildning, uppföljning av Plug Innan",
            ),
        ],
        "related": [
            ("casestudy", "plug-innan-tidiga-insatser"),
            ("research", "skolinspektionen-ogiltig-franvaro-grundskolan"),
            ("research", "rumberger-dropping-out"),
        ],
        "published_date": date(2021, 3, 1),
        "last_reviewed": REVIEWED,
        "factors": ["uppfoljning", "samverkan"],
        "projects": ["plug-innan"],
        "target_groups": ["grundskolan-ak-5-9"],
        "levels": ["organisation"],
        "intervention_types": ["forebyggande"],
        "tags": ["varningssignaler", "grundskolan", "elevhälsa"],
    },
    {
        "slug": "kontakttrappan",
        "title": "Kontakttrappan: så når ni unga i aktivitetsansvaret",
        "summary": (
            "Ett stegvis sätt att få kontakt med unga som har lämnat skolan, från brev till "
            "hembesök. Kommuner som använt trappan konsekvent har nått nästan alla i "
            "målgruppen."
        ),
        "purpose": (
            "Att kommunen ska nå varje ung person i aktivitetsansvaret och kunna erbjuda en väg "
            "tillbaka till studier eller arbete."
        ),
        "audience": (
            "Handläggare och vägledare som arbetar med kommunens aktivitetsansvar, tillsammans "
            "med fältarbetare och socialtjänst."
        ),
        "steps": [
            step("Skicka ett personligt brev", "Skriv kort och konkret, med ett förslag på tid."),
            step("Ring", "Ring flera gånger och på olika tider, också kvällstid."),
            step("Skicka sms", "Många unga svarar hellre på ett sms än på ett samtal."),
            step(
                "Använd sociala medier",
                "Om kommunen har en kanal för det: en kort, vänlig hälsning med namn och ansikte.",
            ),
            step(
                "Gör ett hembesök",
                "Gå två och två. Lämna en lapp om ingen öppnar, och kom tillbaka.",
            ),
            step(
                "Dokumentera varje försök",
                "Då vet nästa person vad som har prövats, och kommunen kan följa upp hur många "
                "som nås.",
            ),
        ],
        "time_and_resources": (
            "Beror på målgruppens storlek. Räkna med att de sista tio procenten tar lika lång "
            "tid som alla de andra tillsammans. Hembesök kräver två personer."
        ),
        "body": [
            paragraph(
                "Porten i Partille, Möjligheten i Alingsås och Mölndals stad arbetade alla med "
                "varianter av kontakttrappan. Mölndal nådde minst 90 procent av de unga, och "
                "Alingsås fick kontakt med alla som tidigare inte hade nåtts.",
            ),
            fact_box(
                "Ett riktvärde",
                "Nya ärenden bör kontaktas inom två veckor, som i Alingsås.",
                source="Plug In GR, lokal lägesrapport från Alingsås",
            ),
        ],
        "related": [
            ("casestudy", "porten-partille"),
            ("casestudy", "mojligheten-alingsas"),
            ("casestudy", "molndal-uppfoljningsansvar"),
            ("research", "skolverket-allmanna-rad-aktivitetsansvar"),
        ],
        "published_date": date(2015, 5, 11),
        "last_reviewed": REVIEWED,
        "factors": ["uppfoljning", "bemotande", "samverkan"],
        "projects": ["plug-in"],
        "regions": ["gr"],
        "target_groups": ["unga-utanfor-skolan"],
        "levels": ["individ", "organisation"],
        "intervention_types": ["atgardande"],
        "tags": ["aktivitetsansvar", "KAA", "kontakttrappa", "uppsökande arbete"],
    },
    {
        "slug": "individuell-studieplan",
        "title": "Individuell studieplan med anpassad studietakt",
        "summary": (
            "När standardupplägget inte fungerar gör skolan och eleven tillsammans en plan för "
            "vilka kurser som läses när. Det kan betyda färre kurser åt gången, en längre "
            "studietid eller att vissa kurser läses på annat sätt."
        ),
        "purpose": (
            "Att eleven ska kunna fullfölja utbildningen i en takt som går att klara, i stället "
            "för att hoppa av när kraven blir för många samtidigt."
        ),
        "audience": (
            "Studie- och yrkesvägledare, mentorer och rektor. För elever med hög frånvaro, "
            "många underkända kurser eller en tung livssituation."
        ),
        "steps": [
            step(
                "Kartlägg läget tillsammans med eleven",
                "Vilka kurser är klara, vilka återstår och vad gör studierna svåra just nu?",
            ),
            step(
                "Prioritera",
                "Välj de kurser som är viktigast för examen eller behörighet, och vänta med "
                "resten.",
            ),
            step(
                "Skriv planen",
                "Ange kurser, tidsplan och vem eleven vänder sig till. Eleven och "
                "vårdnadshavare ska förstå och godkänna planen.",
            ),
            step(
                "Följ upp varannan vecka",
                "Korta avstämningar med mentorn. Justera planen hellre tidigt än sent.",
            ),
        ],
        "time_and_resources": (
            "Ett till två timmars arbete för vägledaren per elev i början, därefter korta "
            "avstämningar. Rektor behöver besluta om utökad studietid där det krävs."
        ),
        "body": [
            paragraph(
                "Flexibilitet handlar inte om att sänka kraven, utan om att ändra vägen dit. "
                "Forskningen om gymnasiereformer visar att ett och samma upplägg kan slå hårt "
                "mot elever med svagare förutsättningar.",
            ),
        ],
        "related": [
            ("casestudy", "lerums-gymnasium-bygg"),
            ("research", "ifau-langre-yrkesprogram-och-avhopp"),
        ],
        "published_date": date(2017, 2, 6),
        "last_reviewed": REVIEWED,
        "factors": ["flexibilitet"],
        "projects": ["plug-in-2-0"],
        "target_groups": ["nationella-program", "introduktionsprogram"],
        "levels": ["individ"],
        "intervention_types": ["forebyggande", "atgardande"],
        "tags": ["studieplan", "studietakt", "anpassningar"],
    },
    {
        "slug": "blocklasning",
        "title": "Blockläsning: en kurs i taget",
        "summary": (
            "Eleven läser en eller två kurser intensivt under några veckor i stället för många "
            "parallellt under hela läsåret. Upplägget passar särskilt unga som ska tillbaka "
            "till studierna efter ett avbrott."
        ),
        "purpose": (
            "Att göra studierna överblickbara och ge snabba, synliga framsteg som bygger "
            "självförtroende."
        ),
        "audience": (
            "Skolledning och lärare på introduktionsprogram och i kommunens verksamhet för unga "
            "utanför skolan."
        ),
        "steps": [
            step(
                "Välj kurser som passar för block",
                "Börja med kurser som eleven behöver för behörighet och som går att läsa "
                "sammanhållet.",
            ),
            step(
                "Lägg schemat i block om några veckor",
                "Krokom använde tio veckor per kurs. Samma lärare varje dag ger trygghet.",
            ),
            step(
                "Planera betygssättningen i förväg",
                "Eleven ska veta vad som krävs och när kursen är klar.",
            ),
            step(
                "Fira en avklarad kurs",
                "Gör det tydligt för eleven vad hon har åstadkommit, och planera nästa block "
                "tillsammans.",
            ),
        ],
        "time_and_resources": (
            "Kräver att schemat kan läggas om och att lärare kan undervisa intensivt under en "
            "period. Kostnaden per elev är ungefär densamma som vid vanlig undervisning."
        ),
        "body": [
            fact_box(
                "Exempel från Krokom",
                "Unga utanför skolan fick läsa intensivkurser på tio veckor.",
                source="Plug In Jämtland, lokal lägesrapport från Krokom",
            ),
        ],
        "related": [
            ("casestudy", "intensivkurser-krokom"),
            ("research", "ifau-langre-yrkesprogram-och-avhopp"),
        ],
        "published_date": date(2016, 6, 13),
        "last_reviewed": REVIEWED,
        "factors": ["flexibilitet"],
        "projects": ["plug-in"],
        "target_groups": ["introduktionsprogram", "unga-utanfor-skolan"],
        "levels": ["organisation"],
        "intervention_types": ["atgardande"],
        "tags": ["blockläsning", "schema", "återgång till studier"],
    },
    {
        "slug": "praktik-varvad-med-studier",
        "title": "Praktik varvad med studier",
        "summary": (
            "Eleven kombinerar några dagar i veckan på en arbetsplats med studier i de ämnen "
            "som behövs. Praktiken gör skolarbetet meningsfullt och kan bli en väg in i ett "
            "yrkesprogram."
        ),
        "purpose": (
            "Att öka motivationen genom att knyta studierna till ett yrke, och att ge eleven "
            "erfarenheter som leder vidare till yrkesprogram eller arbete."
        ),
        "audience": (
            "Lärare och vägledare på introduktionsprogram, yrkeslärare och arbetsgivare. Passar "
            "bland annat nyanlända elever som vill mot ett yrkesprogram."
        ),
        "steps": [
            step(
                "Hitta arbetsplatser",
                "Använd yrkesprogrammens kontakter och kommunens näringslivsenhet.",
            ),
            step(
                "Gör en plan med eleven och handledaren",
                "Vad ska eleven lära sig på arbetsplatsen, och vilka ämnen läses samtidigt i "
                "skolan?",
            ),
            step(
                "Knyt ihop praktik och teori",
                "Låt lärarna använda exempel från praktiken i undervisningen, till exempel "
                "yrkesord i svenska som andraspråk.",
            ),
            step(
                "Följ upp med handledaren",
                "Ett kort samtal varannan vecka med handledare, elev och lärare.",
            ),
        ],
        "time_and_resources": (
            "En samordnare som håller kontakten med arbetsplatserna, ungefär en halv dag i "
            "veckan per tio elever. Handledarna behöver en kort introduktion."
        ),
        "body": [
            paragraph(
                "I Yrk In arbetade skolor i GR med att göra vägen från introduktionsprogram till "
                "yrkesprogram kortare. På Lerums gymnasium blev sex av sju elever behöriga till "
                "byggprogrammet inom ett år när praktiskt arbete och teori kombinerades.",
            ),
        ],
        "related": [
            ("casestudy", "yrk-in-kungsbacka"),
            ("casestudy", "lerums-gymnasium-bygg"),
            ("research", "skolverket-allmanna-rad-studie-och-yrkesvagledning"),
        ],
        "published_date": date(2019, 9, 23),
        "last_reviewed": REVIEWED,
        "factors": ["flexibilitet", "samverkan"],
        "projects": ["yrk-in"],
        "regions": ["gr"],
        "target_groups": ["introduktionsprogram", "nyanlanda"],
        "levels": ["individ"],
        "intervention_types": ["forebyggande"],
        "tags": ["praktik", "yrkesprogram", "arbetsliv"],
    },
    {
        "slug": "meningsfulla-moten-med-arbetslivet",
        "title": "Meningsfulla möten med arbetslivet",
        "summary": (
            "Ett sätt att förbereda, genomföra och följa upp elevers möten med arbetsgivare, så "
            "att mötet blir mer än ett studiebesök. Metoden togs fram i FSGR, där 164 elever på "
            "introduktionsprogram mötte arbetsgivare."
        ),
        "purpose": (
            "Att eleverna ska se vad utbildningen leder till och få en tydligare bild av sin "
            "egen väg framåt."
        ),
        "audience": (
            "Studie- och yrkesvägledare och lärare på introduktionsprogram, tillsammans med "
            "arbetsgivare."
        ),
        "steps": [
            step(
                "Förbered eleverna",
                "Prata om vad de vill veta och vilka frågor de vill ställa. Öva gärna på att "
                "presentera sig.",
            ),
            step(
                "Förbered arbetsgivaren",
                "Berätta om eleverna och vad de läser. Be arbetsgivaren visa riktiga "
                "arbetsuppgifter.",
            ),
            step(
                "Genomför mötet",
                "Låt eleverna prova något praktiskt, inte bara lyssna.",
            ),
            step(
                "Följ upp i skolan",
                "Vad lärde de sig, och vad betyder det för elevens studieplan?",
            ),
        ],
        "time_and_resources": (
            "En halv dag per möte, plus en lektion före och en efter. En samordnare som har "
            "kontakt med arbetsgivarna."
        ),
        "body": [
            fact_box(
                "FSGR",
                "Sju fristående och en kommunal gymnasieskola deltog mellan 2017 och 2020.",
                source="GR, slutredovisning av FSGR",
            ),
        ],
        "related": [
            ("casestudy", "fsgr-moten-med-arbetslivet"),
            ("research", "skolverket-allmanna-rad-studie-och-yrkesvagledning"),
        ],
        "published_date": date(2020, 3, 30),
        "last_reviewed": REVIEWED,
        "factors": ["samverkan", "bemotande"],
        "projects": ["fsgr"],
        "regions": ["gr"],
        "target_groups": ["introduktionsprogram"],
        "levels": ["organisation"],
        "intervention_types": ["framjande", "forebyggande"],
        "tags": ["arbetsliv", "vägledning", "introduktionsprogram"],
    },
    {
        "slug": "samverkansteam-unga-utanfor-skolan",
        "title": "Samverkansteam kring unga utanför skolan",
        "summary": (
            "Ett team där skola, socialtjänst, arbetsmarknadsenhet och vägledning arbetar "
            "tillsammans kring varje ung person. Den unga möter ett sammanhållet stöd i stället "
            "för flera verksamheter som inte vet om varandra."
        ),
        "purpose": (
            "Att samordna stödet till unga som har avbrutit eller riskerar att avbryta sina "
            "studier, så att ingen faller mellan stolarna."
        ),
        "audience": (
            "Chefer och medarbetare i kommunens skol-, social- och arbetsmarknadsförvaltningar."
        ),
        "steps": [
            step(
                "Bestäm vem som äger teamet",
                "En förvaltning har ansvaret och en samordnare leder arbetet.",
            ),
            step(
                "Välj yrkesroller efter behoven",
                "Porten i Partille samlade sju yrkesroller, från jobbcoach till skolkurator.",
            ),
            step(
                "Samla teamet på ett ställe",
                "Gemensamma lokaler gör det lättare att samarbeta och för den unga att hitta rätt.",
            ),
            step(
                "Klara ut sekretessen",
                "Den unga ger samtycke till att teamet får dela information, så att ingen "
                "behöver berätta samma sak flera gånger.",
            ),
            step(
                "Följ upp tillsammans",
                "Gå igenom ärendena varje månad och mät hur många som går vidare till studier "
                "eller arbete.",
            ),
        ],
        "time_and_resources": (
            "Kräver beslut på förvaltningsnivå och avsatt tid från varje verksamhet. Räkna med "
            "ett halvår för att komma igång."
        ),
        "body": [
            bullets(
                "Tydligt ägarskap och en samordnare.",
                "Gemensamma mål som alla verksamheter har ställt sig bakom.",
                "Regelbunden uppföljning av resultat.",
                intro="Det här gjorde att samverkan höll i Plug In:",
            ),
        ],
        "related": [
            ("casestudy", "porten-partille"),
            ("casestudy", "plug-in-jamtland"),
            ("research", "school-dropout-and-completion"),
        ],
        "published_date": date(2014, 10, 20),
        "last_reviewed": REVIEWED,
        "factors": ["samverkan"],
        "projects": ["plug-in"],
        "target_groups": ["unga-utanfor-skolan"],
        "levels": ["organisation"],
        "intervention_types": ["atgardande"],
        "tags": ["samverkan", "socialtjänst", "KAA"],
    },
    {
        "slug": "mentorssamtal-som-bygger-relationer",
        "title": "Mentorssamtal som bygger relationer",
        "summary": (
            "Regelbundna, korta samtal mellan mentor och elev som handlar om mer än betyg och "
            "frånvaro. En stabil relation till en vuxen är ett av de starkaste skydden mot "
            "avbrott."
        ),
        "purpose": (
            "Att varje elev ska ha minst en vuxen i skolan som känner henne, märker när något "
            "förändras och tror på att hon klarar utbildningen."
        ),
        "audience": "Mentorer på gymnasieskolan, med stöd av elevhälsan och skolledningen.",
        "steps": [
            step(
                "Avsätt tid i schemat",
                "Minst ett samtal på 15 minuter varannan vecka per elev.",
            ),
            step(
                "Börja med eleven, inte med listan",
                "Fråga hur hon har det och vad som fungerar bra innan ni pratar om frånvaro "
                "och kurser.",
            ),
            step(
                "Lyssna efter förändringar",
                "Trötthet, nya kompisar, jobb på kvällarna – små tecken kan visa att något är på "
                "väg att hända.",
            ),
            step(
                "Gör en liten överenskommelse",
                "Avsluta med något konkret som eleven och mentorn gör till nästa gång.",
            ),
        ],
        "time_and_resources": (
            "Mentorstid i tjänsten, ungefär en timme per vecka för en grupp på 15 elever. "
            "Handledning från elevhälsan en gång per termin."
        ),
        "body": [
            paragraph(
                "Forskningen om elevers engagemang visar att relationen till lärare och mentorer "
                "påverkar om elever stannar kvar. Unga som har lämnat skolan berättar ofta att "
                "ingen vuxen märkte att de höll på att försvinna.",
            ),
        ],
        "related": [
            ("research", "handbook-student-engagement"),
            ("casestudy", "resurscentrum-ljungby"),
        ],
        "published_date": date(2018, 2, 12),
        "last_reviewed": REVIEWED,
        "factors": ["bemotande"],
        "projects": ["plug-in-2-0"],
        "target_groups": ["nationella-program", "introduktionsprogram"],
        "levels": ["individ"],
        "intervention_types": ["framjande", "forebyggande"],
        "tags": ["mentorskap", "relationer", "samtal"],
    },
    {
        "slug": "valkomnande-skolstart",
        "title": "En välkomnande start i årskurs 1",
        "summary": (
            "De första veckorna på gymnasiet läggs upp så att alla elever lär känna sin mentor, "
            "sina klasskamrater och skolans stöd. Elever som känner sig välkomna från början "
            "söker hjälp tidigare när det blir svårt."
        ),
        "purpose": (
            "Att alla elever ska känna sig hemma på skolan och veta vart de kan vända sig, och "
            "att felval upptäcks under hösten."
        ),
        "audience": "Mentorer, studie- och yrkesvägledare och elevhälsa i årskurs 1.",
        "steps": [
            step(
                "Inskolningssamtal första veckan",
                "Mentorn träffar varje elev enskilt och frågar om förväntningar och farhågor.",
            ),
            step(
                "Presentera stödet",
                "Elevhälsan, vägledaren och studiestödet presenterar sig personligen i varje "
                "klass.",
            ),
            step(
                "Gemensamma aktiviteter",
                "Ge klassen tid att lära känna varandra, gärna i aktiviteter som knyter an till "
                "programmet.",
            ),
            step(
                "Vägledningssamtal före höstlovet",
                "Fånga elever som tvekar inför sitt programval medan det fortfarande går att byta.",
            ),
        ],
        "time_and_resources": (
            "Ungefär två dagar av mentorns tid under terminsstarten och ett extra samtal per "
            "elev med vägledaren under hösten."
        ),
        "body": [
            paragraph(
                "I Ljungby fick eleverna extra studie- och yrkesvägledning redan under det "
                "första året, tillsammans med ett resurscentrum och en coach.",
            ),
        ],
        "related": [
            ("casestudy", "resurscentrum-ljungby"),
            ("research", "skolverket-allmanna-rad-studie-och-yrkesvagledning"),
        ],
        "published_date": date(2019, 8, 12),
        "last_reviewed": REVIEWED,
        "factors": ["bemotande", "uppfoljning"],
        "projects": ["plug-in-2-0"],
        "target_groups": ["nationella-program"],
        "levels": ["organisation"],
        "intervention_types": ["framjande"],
        "tags": ["skolstart", "mentorskap", "årskurs 1"],
    },
    {
        "slug": "lokal-lagesrapport",
        "title": "Följ upp er insats med en lokal lägesrapport",
        "summary": (
            "En återkommande rapport med samma frågor varje termin: nådde ni målen, hur "
            "utvecklades närvaro och betyg och hur många gick vidare? Upplägget kommer från "
            "lägesrapporterna i PlugInnovation."
        ),
        "purpose": (
            "Att veta om en insats gör skillnad, och att kunna jämföra resultat mellan skolor "
            "och över tid."
        ),
        "audience": "Projektledare, rektorer och förvaltningar som driver lokala insatser.",
        "steps": [
            step(
                "Bestäm mätpunkter innan ni börjar",
                "Ta fram värden för närvaro, betyg och avbrott före insatsen, så att det finns "
                "något att jämföra med.",
            ),
            step(
                "Använd samma frågor varje gång",
                "Frågemallen nedan följer lägesrapporterna i PlugInnovation.",
            ),
            step(
                "Ange alltid källa och period",
                "Varje siffra ska gå att spåra: vilket system, vilka elever, vilken tid.",
            ),
            step(
                "Diskutera resultaten",
                "Gå igenom rapporten med dem som gör arbetet och besluta vad som ska ändras.",
            ),
        ],
        "time_and_resources": (
            "En halv dag per termin för att sammanställa, plus ett möte för att diskutera "
            "resultaten."
        ),
        "body": [
            paragraph(
                "När skolorna i Plug In besvarade samma frågor blev det möjligt att se vad som "
                "gav resultat, som på Oscarsgymnasiet i Oskarshamn och i Linköping.",
            ),
        ],
        "material": [document("lagesrapport-fragor")],
        "related": [
            ("casestudy", "linkoping-farre-avbrott"),
            ("casestudy", "oscarsgymnasiet-oskarshamn"),
            ("research", "studieavbrott-konsekvenser-utanfor-klassrummet"),
        ],
        "published_date": date(2017, 9, 4),
        "last_reviewed": REVIEWED,
        "factors": ["uppfoljning"],
        "projects": ["plug-in-2-0"],
        "target_groups": ["nationella-program", "introduktionsprogram", "unga-utanfor-skolan"],
        "levels": ["organisation"],
        "intervention_types": ["framjande", "forebyggande", "atgardande"],
        "tags": ["uppföljning", "utvärdering", "lägesrapport"],
    },
    {
        "slug": "samarbete-med-vardnadshavare",
        "title": "Samarbete med vårdnadshavare när frånvaron ökar",
        "summary": (
            "Ett arbetssätt för att bjuda in vårdnadshavare tidigt och som jämbördiga parter "
            "när en elevs frånvaro börjar öka. I Plug Innan var samarbetet med hemmet en av de "
            "viktigaste delarna av arbetet."
        ),
        "purpose": (
            "Att skola och hem ska dra åt samma håll, och att familjen ska uppleva skolan som "
            "ett stöd och inte som en motpart."
        ),
        "audience": "Mentorer, elevhälsa och rektorer i grundskolans senare år och på gymnasiet.",
        "steps": [
            step(
                "Hör av er tidigt",
                "Ring redan vid första tecknen. Berätta vad ni ser och fråga vad familjen ser.",
            ),
            step(
                "Boka ett möte med eleven och vårdnadshavarna",
                "Erbjud tolk vid behov. Börja med det som fungerar.",
            ),
            step(
                "Kom överens om en gemensam plan",
                "Vad gör skolan, vad gör hemmet, vad gör eleven? Skriv ner det enkelt.",
            ),
            step(
                "Håll kontakten",
                "Ett kort besked varje vecka, också när det går bra.",
            ),
        ],
        "time_and_resources": (
            "Ett möte på en timme och därefter några minuter i veckan för mentorn. Tolk vid behov."
        ),
        "body": [
            paragraph(
                "Många vårdnadshavare vet inte om frånvaron förrän den är stor. När skolan hör "
                "av sig tidigt och utan anklagelser blir det lättare att hitta lösningar "
                "tillsammans.",
            ),
        ],
        "related": [
            ("casestudy", "plug-innan-tidiga-insatser"),
            ("research", "skolverket-allmanna-rad-franvaro"),
        ],
        "published_date": date(2020, 10, 5),
        "last_reviewed": REVIEWED,
        "factors": ["bemotande", "samverkan"],
        "projects": ["plug-innan"],
        "target_groups": ["grundskolan-ak-5-9", "nationella-program"],
        "levels": ["individ"],
        "intervention_types": ["forebyggande"],
        "tags": ["vårdnadshavare", "frånvaro", "grundskolan"],
    },
]
