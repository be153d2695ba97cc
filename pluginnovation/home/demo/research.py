"""Research articles: summaries, in our own words, of real reports and studies on dropout.

No DOIs are given (none are needed to find these works); links go to the publisher's site.
"""

from datetime import date

from .blocks import bullets, document, fact_box, heading, html_list, paragraph, quote

ALL_FACTORS = ["uppfoljning", "flexibilitet", "samverkan", "bemotande"]
REVIEWED = date(2026, 10, 15)

ARTICLES = [
    {
        "slug": "studieavbrott-konsekvenser-utanfor-klassrummet",
        "title": "Studieavbrott – en fråga med konsekvenser långt utanför klassrummet",
        "summary": (
            "Slutrapporten från Plug In 2.0 samlar vad ett fyrtiotal kommuner lärde sig av att "
            "arbeta med unga som var på väg att lämna gymnasiet eller redan hade gjort det. "
            "Rapporten visar att ett avbrott sällan har en enda orsak och att lösningen därför "
            "kräver att flera verksamheter tar ansvar tillsammans."
        ),
        "authors": "Sveriges Kommuner och Landsting",
        "year": 2018,
        "publisher": "Sveriges Kommuner och Landsting (SKL)",
        "link": "https://skr.se/",
        "key_findings": html_list(
            "Ett avbrott är oftast slutet på en lång process. Frånvaron ökar ofta långt innan "
            "eleven slutar, och det är där arbetet bör börja.",
            "Insatser som utgick från den enskilda elevens behov och en stabil relation till en "
            "vuxen nådde längst.",
            "Flexibla lösningar, som egen studietakt eller praktik, gjorde det möjligt för fler "
            "att fortsätta i stället för att hoppa av.",
            "Det som blev kvar efter projekttiden var det som byggts in i ordinarie rutiner, "
            "med en tydlig ägare och egen budget.",
        ),
        "body": [
            heading("Om rapporten"),
            paragraph(
                "Plug In 2.0 pågick från hösten 2015 till våren 2018. Kommunerna prövade lokala "
                "insatser och följde upp dem på ett gemensamt sätt, vilket gör att resultaten går "
                "att jämföra mellan orter. Slutrapporten väger samman erfarenheterna och pekar på "
                "vad kommuner och skolor bör ta med sig.",
            ),
            fact_box(
                "Plug In 2.0 i korthet",
                "<ul><li>Omkring 40 kommuner i åtta regioner.</li>"
                "<li>Omkring 3 000 unga deltog i insatserna.</li>"
                "<li>Pågick från hösten 2015 till våren 2018.</li></ul>",
                source="Sveriges Kommuner och Landsting, slutrapport för Plug In 2.0 (2018)",
            ),
            heading("Att ta med sig"),
            paragraph(
                "Rubriken säger mycket: den som inte fullföljer gymnasiet får svårare på "
                "arbetsmarknaden och kostar samhället mer. Därför är studieavbrott inte bara "
                "skolans fråga. Socialtjänst, arbetsmarknadsenhet och vuxenutbildning behöver "
                "vara med från början.",
            ),
        ],
        "published_date": date(2018, 5, 14),
        "last_reviewed": REVIEWED,
        "factors": ALL_FACTORS,
        "projects": ["plug-in-2-0"],
        "target_groups": ["nationella-program", "introduktionsprogram", "unga-utanfor-skolan"],
        "levels": ["individ", "organisation"],
        "intervention_types": ["forebyggande", "atgardande"],
        "tags": ["slutrapport", "SKL", "utvärdering"],
    },
    {
        "slug": "sou-2016-77-gymnasieutbildning-for-alla",
        "title": "En gymnasieutbildning för alla (SOU 2016:77)",
        "summary": (
            "Gymnasieutredningen lade 2016 fram förslag för att alla unga ska börja och "
            "fullfölja en gymnasieutbildning. I avsnittet om hur avbrott kan förebyggas bygger "
            "utredningen till stor del på PlugInnovations slutsatser om de fyra "
            "framgångsfaktorerna."
        ),
        "authors": "Gymnasieutredningen",
        "year": 2016,
        "publisher": "Statens offentliga utredningar, Utbildningsdepartementet",
        "link": "https://www.regeringen.se/",
        "key_findings": html_list(
            "Det finns gott om kunskap om vilka elever som hoppar av och varför, men betydligt "
            "mindre samlad kunskap om vilka insatser som fungerar.",
            "Insatser behövs både kring den enskilda eleven och i skolans organisation.",
            "Koll och uppföljning, flexibilitet, samverkan och gott bemötande lyfts fram som "
            "framgångsfaktorer, med elevens behov och en helhetssyn som utgångspunkt.",
            "PlugInnovation beskrivs som ledande i Sverige när det gäller att samla kunskap om "
            "vad som fungerar.",
        ),
        "body": [
            heading("Varför utredningen är viktig för skolor"),
            paragraph(
                "Utredningen är ett underlag för regeringens fortsatta arbete med gymnasieskolan. "
                "För den som arbetar i skolan är den intressant eftersom den sammanfattar "
                "kunskapsläget och pekar på vad som har visat sig fungera i praktiken.",
            ),
            fact_box(
                "Vad utredningen hämtade från PlugInnovation",
                "<ul><li>Insatser på både individ- och organisationsnivå.</li>"
                "<li>De fyra framgångsfaktorerna.</li>"
                "<li>Elevens behov och en helhetssyn som utgångspunkt.</li></ul>",
                source="SOU 2016:77, avsnittet om att förebygga studieavbrott",
            ),
            paragraph(
                "Läs gärna utredningen tillsammans med sidorna om de fyra framgångsfaktorerna "
                "här i kunskapsbanken, där du hittar fallstudier och metoder för varje faktor.",
            ),
        ],
        "published_date": date(2016, 11, 7),
        "last_reviewed": REVIEWED,
        "factors": ALL_FACTORS,
        "projects": ["plug-in", "plug-in-2-0"],
        "target_groups": ["nationella-program", "introduktionsprogram"],
        "levels": ["organisation"],
        "intervention_types": ["framjande", "forebyggande", "atgardande"],
        "tags": ["statlig utredning", "gymnasieskolan"],
    },
    {
        "slug": "skolverket-allmanna-rad-franvaro",
        "title": "Främja närvaro och utred frånvaro – Skolverkets allmänna råd",
        "summary": (
            "Skolverkets allmänna råd beskriver hur huvudmän och skolor kan få elever att vara i "
            "skolan och vad som ska hända när frånvaron ökar. Tyngdpunkten ligger på att "
            "uppmärksamma frånvaron tidigt och att utreda orsakerna brett."
        ),
        "authors": "Skolverket",
        "year": 2012,
        "publisher": "Skolverket",
        "link": "https://www.skolverket.se/",
        "key_findings": html_list(
            "Skolan behöver rutiner som fångar all frånvaro och gör att vårdnadshavare får "
            "besked samma dag.",
            "Upprepad eller långvarig frånvaro ska utredas, i samarbete med eleven, "
            "vårdnadshavarna och elevhälsan.",
            "Utredningen bör se till hela elevens situation, inte bara till undervisningen.",
            "Ett främjande arbete med trygghet och studiero minskar behovet av åtgärder senare.",
        ),
        "body": [
            heading("Från registrering till utredning"),
            paragraph(
                "Råden följer frånvaron i tre steg: att den registreras och meddelas hemmet, att "
                "någon reagerar när den upprepas, och att orsakerna utreds när den blir "
                "långvarig. För varje steg beskrivs vem som bör göra vad.",
                "Många skolor i Plug In använde råden som grund när de skrev sina egna rutiner. "
                "Metoden om daglig frånvarouppföljning här i kunskapsbanken bygger på samma "
                "tanke.",
            ),
            document("checklista-franvaro"),
        ],
        "published_date": date(2013, 2, 11),
        "last_reviewed": REVIEWED,
        "factors": ["uppfoljning", "bemotande"],
        "target_groups": ["grundskolan-ak-5-9", "nationella-program", "introduktionsprogram"],
        "levels": ["organisation"],
        "intervention_types": ["framjande", "forebyggande"],
        "tags": ["frånvaro", "närvaro", "elevhälsa"],
    },
    {
        "slug": "skolverket-allmanna-rad-aktivitetsansvar",
        "title": "Kommunernas aktivitetsansvar för unga – Skolverkets allmänna råd",
        "summary": (
            "Sedan 2015 ska kommunerna inte bara veta vad unga under 20 år som inte går i "
            "gymnasiet gör, utan också erbjuda dem lämpliga insatser. Skolverkets allmänna råd "
            "beskriver hur arbetet kan organiseras, dokumenteras och följas upp."
        ),
        "authors": "Skolverket",
        "year": 2016,
        "publisher": "Skolverket",
        "link": "https://www.skolverket.se/",
        "key_findings": html_list(
            "Kommunen behöver hela tiden veta vilka unga som omfattas av ansvaret och vad de "
            "gör just nu.",
            "Kontakten ska tas snabbt och hållas vid liv, och insatserna ska i första hand leda "
            "tillbaka till utbildning.",
            "Arbetet kräver samverkan mellan skola, socialtjänst, Arbetsförmedlingen och andra "
            "aktörer.",
            "Insatserna ska dokumenteras, så att kommunen kan se vad som fungerar och förbättra "
            "arbetet.",
        ),
        "body": [
            heading("Vad aktivitetsansvaret betyder"),
            paragraph(
                "Aktivitetsansvaret (KAA) gäller unga som har fullgjort skolplikten men inte har "
                "fyllt 20 år och som varken går i gymnasiet eller har en gymnasieexamen. Tidigare "
                "hade kommunerna ett informationsansvar; nu ska de också erbjuda något att göra.",
            ),
            paragraph(
                "Fallstudierna från Partille, Alingsås och Mölndal visar hur kommuner i Plug In "
                "organiserade arbetet för att faktiskt nå alla unga i målgruppen.",
            ),
        ],
        "published_date": date(2016, 5, 23),
        "last_reviewed": REVIEWED,
        "factors": ["uppfoljning", "samverkan"],
        "target_groups": ["unga-utanfor-skolan"],
        "levels": ["organisation"],
        "intervention_types": ["atgardande"],
        "tags": ["aktivitetsansvar", "KAA", "kommunens ansvar"],
    },
    {
        "slug": "skolinspektionen-ogiltig-franvaro-grundskolan",
        "title": "Omfattande ogiltig frånvaro i Sveriges grundskolor",
        "summary": (
            "Skolinspektionen granskade hur grundskolor hanterar elever med mycket ogiltig "
            "frånvaro. Skolorna märker ofta att eleven är borta, men utredningen av orsakerna "
            "och uppföljningen av åtgärderna brister på många håll."
        ),
        "authors": "Skolinspektionen",
        "year": 2016,
        "publisher": "Skolinspektionen",
        "link": "https://www.skolinspektionen.se/",
        "key_findings": html_list(
            "Frånvaron registreras, men den analyseras sällan så att den leder till åtgärder.",
            "Orsakerna utreds inte alltid tillsammans med eleven och elevhälsan.",
            "Åtgärder följs inte alltid upp, och elevens situation hinner bli värre under tiden.",
            "Samarbetet med vårdnadshavare och socialtjänst behöver komma igång tidigare.",
        ),
        "body": [
            heading("Relevans för gymnasiet"),
            paragraph(
                "Många elever som avbryter gymnasiet hade hög frånvaro redan i grundskolan. "
                "Granskningen är därför en viktig bakgrund för det tidiga arbete som Plug Innan "
                "bedrev i årskurs 5–9.",
            ),
            fact_box(
                "Tre frågor till din skola",
                "<ul><li>Vem ser elevens samlade frånvaro varje vecka?</li>"
                "<li>När utreder ni orsakerna, och vilka är med?</li>"
                "<li>Hur vet ni att åtgärderna har hjälpt?</li></ul>",
            ),
        ],
        "published_date": date(2017, 1, 16),
        "last_reviewed": REVIEWED,
        "factors": ["uppfoljning", "samverkan"],
        "target_groups": ["grundskolan-ak-5-9"],
        "levels": ["organisation"],
        "intervention_types": ["forebyggande", "atgardande"],
        "tags": ["frånvaro", "grundskolan", "granskning"],
    },
    {
        "slug": "ifau-langre-yrkesprogram-och-avhopp",
        "title": "Längre yrkesprogram och fler avhopp – IFAU om gymnasiereformen",
        "summary": (
            "När de tvååriga yrkeslinjerna blev treåriga program med mer teori ökade avhoppen "
            "bland elever med svaga betyg från grundskolan. Det visar en utvärdering från IFAU "
            "av försöksverksamheten i början av 1990-talet, som belyser hur utbildningens "
            "upplägg påverkar vem som fullföljer."
        ),
        "authors": "Caroline Hall",
        "year": 2009,
        "publisher": "Institutet för arbetsmarknads- och utbildningspolitisk utvärdering (IFAU)",
        "link": "https://www.ifau.se/",
        "key_findings": html_list(
            "Det extra året och de allmänna ämnena ökade risken för avbrott bland elever med "
            "låga betyg från grundskolan.",
            "Den som hoppade av fick i praktiken kortare utbildning, inte längre.",
            "Resultaten visar att samma reform kan slå olika mot olika elevgrupper.",
        ),
        "body": [
            heading("Vad studien betyder för flexibilitet"),
            paragraph(
                "Studien handlar om en reform, inte om en skolas arbetssätt. Men den pekar på "
                "något som skolorna i Plug In också såg: ett enhetligt upplägg passar inte alla. "
                "Möjligheten att läsa i annan takt, att varva teori med praktik och att ta en "
                "kurs i taget kan vara skillnaden mellan examen och avbrott.",
            ),
        ],
        "published_date": date(2014, 4, 7),
        "last_reviewed": REVIEWED,
        "factors": ["flexibilitet"],
        "target_groups": ["nationella-program"],
        "levels": ["organisation"],
        "intervention_types": ["forebyggande"],
        "tags": ["yrkesprogram", "gymnasiereform", "utvärdering"],
    },
    {
        "slug": "school-dropout-and-completion",
        "title": "School Dropout and Completion – internationella jämförelser",
        "summary": (
            "Antologin jämför hur en rad länder definierar, mäter och motverkar avbrott från "
            "gymnasiet. Den visar att skolsystemets utformning, med vägar mellan program "
            "och möjlighet att börja om, har betydelse för hur många som fullföljer."
        ),
        "authors": "Stephen Lamb, Eifred Markussen, Richard Teese, Nina Sandberg, John Polesel "
        "(red.)",
        "year": 2011,
        "publisher": "Springer",
        "link": "https://link.springer.com/",
        "key_findings": html_list(
            "Länder mäter avbrott på olika sätt, så enkla jämförelser mellan länder är vanskliga.",
            "System med flera vägar till examen och möjlighet att komma tillbaka håller kvar "
            "fler unga.",
            "Elevens bakgrund och tidigare resultat väger tungt, men skolans organisation kan "
            "minska deras betydelse.",
        ),
        "body": [
            heading("Ett nordiskt perspektiv"),
            paragraph(
                "Flera av redaktörerna forskar i Norge, där avbrott från den videregående skolan "
                "länge har varit en politisk fråga. Kapitlen om de nordiska länderna är särskilt "
                "användbara för svenska läsare eftersom skolsystemen liknar varandra.",
            ),
            paragraph(
                "Boken är skriven på engelska och riktar sig främst till forskare och "
                "beslutsfattare, men inledningen och slutkapitlet ger en bra överblick även för "
                "den som arbetar i skolan.",
            ),
        ],
        "published_date": date(2015, 9, 1),
        "last_reviewed": REVIEWED,
        "factors": ["flexibilitet", "samverkan"],
        "target_groups": ["nationella-program", "unga-utanfor-skolan"],
        "levels": ["organisation"],
        "intervention_types": ["forebyggande", "atgardande"],
        "tags": ["internationell forskning", "skolsystem"],
    },
    {
        "slug": "rumberger-dropping-out",
        "title": "Dropping Out – varför elever hoppar av och vad som kan göras",
        "summary": (
            "Russell Rumberger går igenom flera decenniers amerikansk forskning om varför "
            "elever lämnar high school. Han beskriver avbrott som en process med förklaringar "
            "hos eleven, i skolan, i familjen och i närsamhället, och visar vilka insatser som "
            "har stöd i forskningen."
        ),
        "authors": "Russell W. Rumberger",
        "year": 2011,
        "publisher": "Harvard University Press",
        "link": "https://www.hup.harvard.edu/",
        "key_findings": html_list(
            "Avbrott föregås ofta av flera år av låg närvaro, svaga resultat och minskande "
            "engagemang.",
            "Förklaringarna finns på flera nivåer samtidigt, och därför behövs insatser på "
            "flera nivåer.",
            "Program som förenar tidig upptäckt, en vuxen som följer eleven över tid och stöd "
            "i studierna har starkast stöd.",
        ),
        "body": [
            heading("Tidiga varningssignaler"),
            paragraph(
                "En av bokens viktigaste poänger är att risken går att se i förväg. Frånvaro, "
                "underkända kurser och problem med uppförande är signaler som skolan redan har "
                "tillgång till. Det som ofta saknas är en rutin för att sammanställa dem och "
                "agera.",
            ),
            quote(
                "Att hoppa av är inte ett beslut som fattas en dag, utan en process som pågår "
                "under lång tid.",
                "Fritt återgivet efter Rumberger",
            ),
        ],
        "published_date": date(2013, 10, 14),
        "last_reviewed": REVIEWED,
        "factors": ["uppfoljning", "bemotande"],
        "target_groups": ["grundskolan-ak-5-9", "nationella-program"],
        "levels": ["individ", "organisation"],
        "intervention_types": ["forebyggande", "atgardande"],
        "tags": ["varningssignaler", "internationell forskning"],
    },
    {
        "slug": "handbook-student-engagement",
        "title": "Elevers engagemang i skolan – en forskningshandbok",
        "summary": (
            "Handboken samlar forskning om elevers engagemang i skolarbetet: vad de gör, vad de "
            "känner och hur de tänker om skolan. Flera kapitel visar att relationen till "
            "lärare och andra vuxna har stor betydelse för om elever stannar kvar i utbildningen."
        ),
        "authors": "Sandra L. Christenson, Amy L. Reschly, Cathy Wylie (red.)",
        "year": 2012,
        "publisher": "Springer",
        "link": "https://link.springer.com/",
        "key_findings": html_list(
            "Engagemang går att påverka; det är ingen fast egenskap hos eleven.",
            "Elever som upplever att vuxna i skolan bryr sig om dem är mer engagerade och "
            "avbryter mer sällan.",
            "Tecken på minskat engagemang, som frånvaro och ofullständiga uppgifter, går att "
            "följa systematiskt.",
        ),
        "body": [
            heading("Relationer som skyddsfaktor"),
            paragraph(
                "Forskningen i handboken ger stöd åt det som många i Plug In beskrev: en enda "
                "vuxen som ser eleven, hör av sig när hon är borta och tror på att hon klarar "
                "utbildningen kan vara avgörande. Gott bemötande är alltså inte en fråga om "
                "personlighet utan något skolan kan organisera för.",
            ),
            bullets(
                "Ge varje elev en mentor med tid avsatt för samtal.",
                "Låt samma vuxna följa eleven så länge som möjligt.",
                "Fråga eleverna själva vad som får dem att vilja komma till skolan.",
                intro="Praktiska slutsatser för skolan:",
            ),
        ],
        "published_date": date(2014, 11, 20),
        "last_reviewed": REVIEWED,
        "factors": ["bemotande", "uppfoljning"],
        "target_groups": ["grundskolan-ak-5-9", "nationella-program"],
        "levels": ["individ"],
        "intervention_types": ["framjande", "forebyggande"],
        "tags": ["engagemang", "relationer", "mentorskap"],
    },
    {
        "slug": "motverka-studieavbrott-framgangsfaktorer-i-praktiken",
        "title": "Motverka studieavbrott – framgångsfaktorer i praktiken",
        "summary": (
            "Metodmaterialet från PlugInnovation har ett kapitel för varje framgångsfaktor. "
            "Kapitlen varvar forskning med intervjuer, exempel från skolor i Plug In, "
            "checklistor och modeller för det främjande, förebyggande och åtgärdande arbetet."
        ),
        "authors": "PlugInnovation, GR Utbildning",
        "year": 2018,
        "publisher": "Göteborgsregionen (GR)",
        "link": "https://goteborgsregionen.se/",
        "pdf": "framgangsfaktorer-sammanfattning",
        "key_findings": html_list(
            "Framgångsfaktorerna hänger ihop: uppföljning utan gott bemötande eller flexibla "
            "lösningar leder sällan hela vägen.",
            "Varje skola bör först analysera sin egen frånvaro och sina egna avbrott och sedan "
            "välja insats.",
            "Både individnivån och organisationsnivån behövs. Eldsjälar räcker inte när en "
            "insats ska bli kvar.",
        ),
        "body": [
            heading("Så är materialet upplagt"),
            paragraph(
                "Varje kapitel börjar med vad forskningen säger om faktorn. Sedan berättar "
                "lärare, mentorer och elevhälsa i Plug In-skolor hur de har arbetat. Kapitlen "
                "avslutas med checklistor och modeller som går att använda direkt på en "
                "arbetsplatsträff.",
            ),
            fact_box(
                "Fyra framgångsfaktorer",
                "<ul><li>Koll och uppföljning</li><li>Flexibilitet</li><li>Samverkan</li>"
                "<li>Gott bemötande</li></ul>",
                source="PlugInnovation, Motverka studieavbrott – framgångsfaktorer i praktiken "
                "(2018)",
            ),
            document("checklista-franvaro"),
        ],
        "published_date": date(2018, 9, 3),
        "last_reviewed": REVIEWED,
        "factors": ALL_FACTORS,
        "projects": ["plug-in-2-0"],
        "regions": ["gr"],
        "target_groups": ["nationella-program", "introduktionsprogram"],
        "levels": ["individ", "organisation"],
        "intervention_types": ["framjande", "forebyggande", "atgardande"],
        "tags": ["metodmaterial", "PlugInnovation", "framgångsfaktorer"],
    },
    {
        "slug": "skolverket-allmanna-rad-studie-och-yrkesvagledning",
        "title": "Studie- och yrkesvägledning – Skolverkets allmänna råd",
        "summary": (
            "Råden beskriver vägledning som hela skolans ansvar, inte bara vägledarens. Ett "
            "genomtänkt programval minskar risken för felval, som ofta ligger bakom byten och "
            "avbrott, och därför är vägledning en del av det förebyggande arbetet."
        ),
        "authors": "Skolverket",
        "year": 2013,
        "publisher": "Skolverket",
        "link": "https://www.skolverket.se/",
        "key_findings": html_list(
            "Vägledning är hela skolans uppgift och bör börja tidigt, inte först i årskurs 9.",
            "Elever behöver möta arbetslivet och olika utbildningar för att kunna göra "
            "välgrundade val.",
            "Rektor ansvarar för att arbetet planeras, följs upp och utvärderas.",
        ),
        "body": [
            heading("Vägledning och flexibla vägar"),
            paragraph(
                "För elever på introduktionsprogrammen är vägledningen extra viktig. Den som "
                "vet vart utbildningen leder har lättare att hålla ut. I Plug In och Yrk In "
                "kombinerade flera skolor vägledning med praktik och individuella studieplaner.",
            ),
        ],
        "published_date": date(2019, 3, 12),
        "last_reviewed": REVIEWED,
        "factors": ["samverkan", "flexibilitet"],
        "projects": ["yrk-in"],
        "target_groups": ["grundskolan-ak-5-9", "introduktionsprogram", "nyanlanda"],
        "levels": ["organisation"],
        "intervention_types": ["framjande"],
        "tags": ["vägledning", "programval"],
    },
    {
        "slug": "oecd-equity-and-quality-in-education",
        "title": "Likvärdighet och kvalitet – OECD om stöd till elever i riskzonen",
        "summary": (
            "OECD går igenom hur skolsystem kan minska andelen unga som lämnar skolan utan "
            "examen. Rapporten rekommenderar bland annat att skjuta upp tidig sortering av "
            "elever, erbjuda flera vägar till examen och rikta stöd till skolor med många "
            "elever i riskzonen."
        ),
        "authors": "OECD",
        "year": 2012,
        "publisher": "OECD Publishing",
        "link": "https://www.oecd.org/",
        "key_findings": html_list(
            "Att gå om en årskurs och tidig uppdelning i studievägar ökar skillnaderna utan att "
            "höja resultaten.",
            "Gymnasiet bör ha flera likvärdiga vägar till examen.",
            "Skolor med många elever i riskzonen behöver extra stöd, bland annat för att behålla "
            "erfarna lärare och bygga relationer med familjerna.",
        ),
        "body": [
            heading("För kommunen som huvudman"),
            paragraph(
                "Rapportens råd riktar sig i första hand till stat och huvudmän. För en kommun "
                "handlar det om hur resurser fördelas mellan skolor, hur introduktionsprogrammen "
                "är organiserade och om det finns vägar tillbaka för den som har avbrutit.",
            ),
            fact_box(
                "Rapporten på originalspråk",
                "Equity and Quality in Education: Supporting Disadvantaged Students and Schools.",
                source="OECD Publishing (2012)",
            ),
        ],
        "published_date": date(2020, 2, 10),
        "last_reviewed": REVIEWED,
        "factors": ["flexibilitet", "samverkan"],
        "target_groups": ["introduktionsprogram", "nationella-program", "nyanlanda"],
        "levels": ["organisation"],
        "intervention_types": ["framjande", "forebyggande"],
        "tags": ["internationell forskning", "likvärdighet"],
    },
]
