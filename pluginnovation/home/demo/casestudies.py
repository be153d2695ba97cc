"""Case studies from real Plug In work, one region section per region.

Figures come from the projects' public reporting (see /work/shared/facts.md); every result keeps
its source. Contact goes through the editorial team: the projects have ended and the people
have moved on.
"""

from datetime import date
from decimal import Decimal

from .blocks import bullets, fact_box, heading, html_list, paragraph, quote
from .pages import FEEDBACK_EMAIL

REVIEWED = date(2026, 10, 22)

SECTION_INTROS = {
    "gr": (
        "Göteborgsregionens 13 kommuner var med i Plug In från start. Här drevs också Plug "
        "Innan och FSGR, och flera skolor deltog i Yrk In."
    ),
    "jamtland-harjedalen": (
        "I Jämtland Härjedalen sjönk avbrotten tydligt på de skolor som deltog i Plug In."
    ),
    "kalmar-lan": "Skolor i Kalmar län arbetade med närvaro och uppföljning i Plug In.",
    "kronoberg": "Kommunerna i Södra Småland deltog i Plug In genom Regionförbundet Södra Småland.",
    "vasterbotten": "Region Västerbotten var en av regionerna i både Plug In och Plug In 2.0.",
    "ostergotland": "Kommunerna i Östergötland deltog i Plug In genom Region Östsam.",
    "gavleborg": ("Bollnäs, Gävle, Hudiksvall, Sandviken och Söderhamn deltog i Plug In 2.0."),
    "skane": "Kommunförbundet Skåne samordnade de skånska kommunernas del av Plug In 2.0.",
}


def section_fields(region):
    """The region section page for a region: its slug and title come from the region."""
    intro = SECTION_INTROS.get(region.slug, f"Fallstudier från {region.name}.")
    return {"slug": region.slug, "title": region.name, "intro": intro, "region": region}


def contact(organisation):
    return {
        "contact_name": "PlugInnovations redaktion",
        "contact_role": f"förmedlar kontakt med {organisation}",
        "contact_email": FEEDBACK_EMAIL,
    }


def result(indicator, description, before, after, unit, period, source):
    """One CaseStudyResult row; `before` may be None when only the outcome is known."""
    return {
        "indicator": indicator,
        "description": description,
        "value_before": None if before is None else Decimal(before),
        "value_after": Decimal(after),
        "unit": unit,
        "period": period,
        "source": source,
    }


PLUG_IN = "2012–2015"

CASE_STUDIES = [
    {
        "slug": "oscarsgymnasiet-oskarshamn",
        "title": "Oscarsgymnasiet i Oskarshamn: närvaron upp, avbrotten ned",
        "summary": (
            "På Oscarsgymnasiet sjönk andelen avbrott på introduktionsprogrammen från 8,4 till "
            "1,3 procent. Närvaron steg både där och på de nationella programmen, sedan skolan "
            "gjort uppföljningen av frånvaro till en gemensam sak för alla vuxna."
        ),
        "region": "kalmar-lan",
        "municipality": "oskarshamn",
        "organisation": "Oscarsgymnasiet, Oskarshamns kommun",
        "period": PLUG_IN,
        "what_was_done": html_list(
            "Närvaron registrerades lektion för lektion, och mentorn fick en samlad bild av "
            "sina elevers frånvaro varje dag.",
            "Elever som var borta fick kontakt samma dag, med en fråga om hur de mådde snarare "
            "än ett krav på förklaring.",
            "Elevhälsan kopplades in tidigt när frånvaron började upprepas.",
            "Arbetet omfattade hela skolan men prioriterade introduktionsprogrammen, där "
            "frånvaron var störst.",
        ),
        "lessons_learned": (
            "<p>Det var inte ett nytt system som gjorde skillnaden, utan att alla vuxna "
            "följde samma rutin och att eleverna märkte att någon brydde sig. Den största "
            "effekten syntes där behoven var störst, på introduktionsprogrammen.</p>"
        ),
        **contact("Oscarsgymnasiet"),
        "results": [
            result(
                "avbrott",
                "Andel elever som avbröt studierna på introduktionsprogrammen",
                "8.4",
                "1.3",
                "%",
                "Före och efter insatsen i Plug In",
                "Lokal lägesrapport, Plug In i Kalmar län",
            ),
            result(
                "narvaro",
                "Närvaro på introduktionsprogrammen",
                "76.8",
                "85.2",
                "%",
                "Före och efter insatsen i Plug In",
                "Lokal lägesrapport, Plug In i Kalmar län",
            ),
            result(
                "narvaro",
                "Närvaro på de nationella programmen",
                "86.2",
                "88.7",
                "%",
                "Före och efter insatsen i Plug In",
                "Lokal lägesrapport, Plug In i Kalmar län",
            ),
        ],
        "body": [
            heading("Varför närvaron var rätt ställe att börja"),
            paragraph(
                "Skolans egen analys visade att de elever som senare avbröt nästan alltid hade "
                "haft hög frånvaro under lång tid. Att få syn på frånvaron tidigare blev därför "
                "skolans huvudspår.",
            ),
            fact_box(
                "Resultat i korthet",
                "<ul><li>Avbrotten på introduktionsprogrammen minskade från 8,4 till 1,3 "
                "procent.</li><li>Närvaron på introduktionsprogrammen ökade från 76,8 till 85,2 "
                "procent.</li><li>Närvaron på de nationella programmen ökade från 86,2 till "
                "88,7 procent.</li></ul>",
                source="Lokal lägesrapport, Plug In i Kalmar län",
            ),
        ],
        "published_date": date(2015, 6, 10),
        "last_reviewed": REVIEWED,
        "factors": ["uppfoljning", "bemotande"],
        "projects": ["plug-in"],
        "target_groups": ["introduktionsprogram", "nationella-program"],
        "levels": ["organisation", "individ"],
        "intervention_types": ["forebyggande"],
        "tags": ["närvaro", "frånvaro", "introduktionsprogram"],
    },
    {
        "slug": "plug-in-jamtland",
        "title": "Plug In i Jämtland: färre avbrott på de deltagande skolorna",
        "summary": (
            "På gymnasieskolorna som deltog i Plug In i Jämtland sjönk andelen elever som "
            "avbröt studierna från 12 procent till mellan 2 och 5 procent. Regionen satsade på "
            "samverkan mellan skolor och kommuner och på att anpassa studierna efter eleven."
        ),
        "region": "jamtland-harjedalen",
        "municipality": "ostersund",
        "organisation": "Plug In Jämtland, deltagande gymnasieskolor i regionen",
        "period": PLUG_IN,
        "what_was_done": html_list(
            "Skolorna och kommunerna i regionen träffades regelbundet för att jämföra "
            "rutiner och lära av varandra.",
            "Elever i riskzonen fick individuella studieplaner med anpassad takt.",
            "Kommunernas arbete med unga utanför skolan samordnades med gymnasieskolorna, så "
            "att ingen föll mellan stolarna vid övergångar.",
        ),
        "lessons_learned": (
            "<p>I en region med långa avstånd och små skolor blir samarbetet mellan kommunerna "
            "extra viktigt. Ingen enskild skola har alla kompetenser, men tillsammans går det "
            "att erbjuda både flexibla upplägg och stöd från flera yrkesgrupper.</p>"
        ),
        **contact("Plug In Jämtland"),
        "results": [
            result(
                "avbrott",
                "Andel avbrott på deltagande skolor; efteråt mellan 2 och 5 %, här anges den "
                "övre gränsen",
                "12",
                "5",
                "%",
                "Före och efter insatserna i Plug In",
                "Plug In Jämtland, regional uppföljning",
            ),
        ],
        "body": [
            heading("Små skolor, stora avstånd"),
            paragraph(
                "Många elever i Jämtland Härjedalen har lång resväg till gymnasiet, och en del "
                "bor på annan ort under veckorna. Det gör att avbrott ofta hänger ihop med "
                "boende, ekonomi och ensamhet lika mycket som med skolarbetet.",
            ),
            fact_box(
                "Resultat",
                "Andelen avbrott på de deltagande skolorna minskade från 12 procent till mellan "
                "2 och 5 procent, beroende på skola.",
                source="Plug In Jämtland, regional uppföljning",
            ),
        ],
        "published_date": date(2015, 11, 2),
        "last_reviewed": REVIEWED,
        "factors": ["samverkan", "flexibilitet"],
        "projects": ["plug-in"],
        "target_groups": ["nationella-program", "introduktionsprogram"],
        "levels": ["organisation"],
        "intervention_types": ["forebyggande", "atgardande"],
        "tags": ["glesbygd", "regional samverkan"],
    },
    {
        "slug": "intensivkurser-krokom",
        "title": "Tioveckorskurser i Krokom för unga utanför skolan",
        "summary": (
            "Krokoms kommun erbjöd unga som lämnat gymnasiet intensivkurser på tio veckor. "
            "Kort tid och tydliga mål gjorde det lättare att komma tillbaka till studierna, ett "
            "ämne i taget."
        ),
        "region": "jamtland-harjedalen",
        "municipality": "krokom",
        "organisation": "Krokoms kommun",
        "period": PLUG_IN,
        "what_was_done": (
            "<p>Unga inom kommunens uppföljningsansvar fick läsa en kurs i taget i block om tio "
            "veckor, med en lärare som de träffade varje dag. Kurserna planerades så att en "
            "avklarad kurs kunde räknas in i en fortsatt gymnasieutbildning.</p>"
        ),
        "lessons_learned": (
            "<p>Ett kort, överblickbart mål kändes möjligt för unga som tidigare misslyckats i "
            "skolan. Att få godkänt i en första kurs gav mod att fortsätta med nästa.</p>"
        ),
        **contact("Krokoms kommun"),
        "results": [
            result(
                "annat",
                "Längd på varje intensivkurs",
                None,
                "10",
                "veckor",
                PLUG_IN,
                "Plug In Jämtland, lokal lägesrapport från Krokom",
            ),
        ],
        "body": [
            quote(
                "En kurs i taget, tio veckor i sänder – så kan vägen tillbaka se ut för den som "
                "har tappat tron på skolan.",
                "Fritt sammanfattat från Krokoms lägesrapport",
            ),
            paragraph(
                "Metoden om blockläsning här i kunskapsbanken bygger på samma idé och beskriver "
                "hur en skola kan planera ett sådant upplägg.",
            ),
        ],
        "published_date": date(2016, 3, 14),
        "last_reviewed": REVIEWED,
        "factors": ["flexibilitet", "bemotande"],
        "projects": ["plug-in"],
        "target_groups": ["unga-utanfor-skolan"],
        "levels": ["individ"],
        "intervention_types": ["atgardande"],
        "tags": ["blockläsning", "intensivkurs", "återgång till studier"],
    },
    {
        "slug": "linkoping-farre-avbrott",
        "title": "Linköping: från omkring 130 till omkring 35 avbrott",
        "summary": (
            "I Linköping minskade antalet elever som avbröt gymnasiet från ungefär 130 till "
            "ungefär 35. Kommunen byggde upp en gemensam uppföljning av frånvaro och avbrott "
            "och ett nära samarbete mellan skolorna och kommunens förvaltningar."
        ),
        "region": "ostergotland",
        "municipality": "linkoping",
        "organisation": "Linköpings kommun, kommunala gymnasieskolor",
        "period": PLUG_IN,
        "what_was_done": html_list(
            "Gymnasieskolorna började följa frånvaro och avbrott på samma sätt, så att "
            "siffrorna gick att jämföra.",
            "Varje avbrott följdes upp med ett samtal om vad som kunde ha gjorts annorlunda.",
            "Skolorna, socialtjänsten och arbetsmarknadsenheten fick gemensamma rutiner för "
            "elever som var på väg att lämna skolan.",
        ),
        "lessons_learned": (
            "<p>När alla skolor räknar på samma sätt blir det möjligt att se var problemen "
            "finns och att lära av de skolor som lyckas bäst. Siffrorna blev ett stöd för "
            "samtal, inte ett sätt att peka ut skolor.</p>"
        ),
        **contact("Linköpings kommun"),
        "results": [
            result(
                "avbrott",
                "Antal elever som avbröt gymnasiestudierna (ungefärliga tal)",
                "130",
                "35",
                "elever",
                "Före och efter insatserna i Plug In",
                "Plug In Östergötland, lokal lägesrapport från Linköping",
            ),
        ],
        "body": [
            heading("Gemensamma siffror som grund"),
            paragraph(
                "Före projektet räknade skolorna avbrott på olika sätt. Det första steget var "
                "därför att komma överens om vad som räknas som ett avbrott och när det ska "
                "registreras.",
            ),
            fact_box(
                "Resultat",
                "Antalet avbrott minskade från ungefär 130 till ungefär 35 elever.",
                source="Plug In Östergötland, lokal lägesrapport från Linköping",
            ),
        ],
        "published_date": date(2016, 9, 5),
        "last_reviewed": REVIEWED,
        "factors": ["uppfoljning", "samverkan"],
        "projects": ["plug-in"],
        "target_groups": ["nationella-program", "introduktionsprogram"],
        "levels": ["organisation"],
        "intervention_types": ["forebyggande", "atgardande"],
        "tags": ["statistik", "avbrott", "kommunal samverkan"],
    },
    {
        "slug": "porten-partille",
        "title": "Porten i Partille: en dörr tillbaka för unga utanför skolan",
        "summary": (
            "Från september 2012 samlade Porten i Partille flera yrkesgrupper under samma tak "
            "för unga mellan 16 och 20 år som inte studerade. Målet var att nå alla i "
            "kommunens uppföljningsansvar och att hälften skulle gå vidare till studier eller "
            "arbete."
        ),
        "region": "gr",
        "municipality": "partille",
        "organisation": "Porten, Partille kommun",
        "period": "Från september 2012",
        "what_was_done": (
            "<p>Porten var en vägledningsverksamhet där en jobbcoach, en fältarbetare, en "
            "socialsekreterare, en fritidsledare, en arbetsförmedlare, en skolkurator och en "
            "studie- och yrkesvägledare arbetade tillsammans. Den unga mötte ett team, inte sju "
            "olika verksamheter.</p><p>För att nå alla användes en kontakttrappa: först ett brev, "
            "sedan telefonsamtal, sms, sociala medier och till sist hembesök.</p>"
        ),
        "lessons_learned": (
            "<p>Att finnas på samma ställe gör det lättare för de vuxna att samarbeta och för "
            "den unga att få hjälp snabbt. Kontakttrappan visar att det nästan alltid går att "
            "nå fram, om man inte ger upp efter första brevet.</p>"
        ),
        **contact("Porten i Partille"),
        "results": [
            result(
                "annat",
                "Yrkesroller som arbetar tillsammans i Portens team",
                None,
                "7",
                "yrkesroller",
                "Från september 2012",
                "Partille kommun, beskrivning av Porten i Plug In",
            ),
            result(
                "annat",
                "Steg i kontakttrappan, från brev till hembesök",
                None,
                "5",
                "steg",
                "Från september 2012",
                "Partille kommun, beskrivning av Porten i Plug In",
            ),
        ],
        "body": [
            fact_box(
                "Portens mål",
                "<ul><li>Nå alla 16–20-åringar som omfattas av kommunens "
                "uppföljningsansvar.</li><li>Hälften av dem ska gå vidare till studier eller "
                "arbete.</li></ul>",
                source="Partille kommun, beskrivning av Porten i Plug In",
            ),
            heading("Kontakttrappan"),
            bullets(
                "Brev hem med erbjudande om ett möte.",
                "Telefonsamtal.",
                "Sms.",
                "Kontakt via sociala medier.",
                "Hembesök.",
                intro="Varje steg tas bara om det föregående inte gav svar:",
            ),
        ],
        "published_date": date(2014, 2, 24),
        "last_reviewed": REVIEWED,
        "factors": ["samverkan", "bemotande", "uppfoljning"],
        "projects": ["plug-in"],
        "target_groups": ["unga-utanfor-skolan"],
        "levels": ["organisation", "individ"],
        "intervention_types": ["atgardande"],
        "tags": ["aktivitetsansvar", "KAA", "kontakttrappa", "vägledningscentrum"],
    },
    {
        "slug": "mojligheten-alingsas",
        "title": "Möjligheten i Alingsås: alla unga fick kontakt",
        "summary": (
            "I oktober 2012 hade ett sextiotal unga i Alingsås som inte studerade ännu inte fått "
            "någon kontakt från kommunen. I juni 2014 var alla nådda, och nya ärenden kontaktas "
            "nu inom två veckor."
        ),
        "region": "gr",
        "municipality": "alingsas",
        "organisation": "Möjligheten, Alingsås kommun",
        "period": "Oktober 2012–juni 2014",
        "what_was_done": html_list(
            "Kommunen gick igenom listan över unga i uppföljningsansvaret och tog reda på vilka "
            "som aldrig hade kontaktats.",
            "Varje ung person fick en namngiven kontakt på Möjligheten.",
            "En fast rutin infördes: nya ärenden ska kontaktas inom två veckor.",
        ),
        "lessons_learned": (
            "<p>Många av de unga hade aldrig blivit tillfrågade om vad de ville. En personlig "
            "kontakt, i stället för ett standardbrev, öppnade för samtal om studier och "
            "arbete.</p>"
        ),
        **contact("Möjligheten i Alingsås"),
        "results": [
            result(
                "nadda-kaa",
                "Unga i kommunens uppföljningsansvar som ännu inte hade kontaktats",
                "60",
                "0",
                "unga",
                "Oktober 2012–juni 2014",
                "Plug In GR, lokal lägesrapport från Alingsås",
            ),
            result(
                "annat",
                "Längsta tid från nytt ärende till första kontakt",
                None,
                "2",
                "veckor",
                "Från juni 2014",
                "Plug In GR, lokal lägesrapport från Alingsås",
            ),
        ],
        "body": [
            fact_box(
                "Resultat",
                "Från ett sextiotal unga utan kontakt i oktober 2012 till att alla var nådda i "
                "juni 2014.",
                source="Plug In GR, lokal lägesrapport från Alingsås",
            ),
        ],
        "published_date": date(2014, 9, 8),
        "last_reviewed": REVIEWED,
        "factors": ["uppfoljning", "bemotande"],
        "projects": ["plug-in"],
        "target_groups": ["unga-utanfor-skolan"],
        "levels": ["organisation"],
        "intervention_types": ["atgardande"],
        "tags": ["aktivitetsansvar", "KAA", "uppsökande arbete"],
    },
    {
        "slug": "molndal-uppfoljningsansvar",
        "title": "Mölndal når minst nio av tio unga utanför skolan",
        "summary": (
            "Mölndals stad har nått minst 90 procent av de unga som omfattas av kommunens "
            "uppföljningsansvar. Nyckeln var ett nära samarbete mellan skolan, "
            "vägledningscentrum och socialtjänsten."
        ),
        "region": "gr",
        "municipality": "molndal",
        "organisation": "Mölndals stad",
        "period": PLUG_IN,
        "what_was_done": html_list(
            "Gymnasieskolorna meddelade kommunen direkt när en elev slutade, i stället för i "
            "efterhand.",
            "Kommunens vägledare, socialtjänsten och skolan gick igenom de unga tillsammans "
            "varje månad.",
            "Den som inte svarade söktes upp på flera sätt, med kontakt via telefon, sms och "
            "hembesök.",
        ),
        "lessons_learned": (
            "<p>Ju snabbare kommunen får veta att en elev har slutat, desto lättare är det att "
            "nå henne. Ett dröjsmål på några månader gör kontakten mycket svårare.</p>"
        ),
        **contact("Mölndals stad"),
        "results": [
            result(
                "nadda-kaa",
                "Andel av de unga i uppföljningsansvaret som kommunen har nått (minst)",
                None,
                "90",
                "%",
                PLUG_IN,
                "Plug In GR, lokal lägesrapport från Mölndal",
            ),
        ],
        "body": [
            paragraph(
                "Mölndal visar att en hög andel nådda inte kräver en stor ny organisation, men "
                "väl att informationen om vem som har slutat kommer fram i tid.",
            ),
        ],
        "published_date": date(2015, 3, 2),
        "last_reviewed": REVIEWED,
        "factors": ["uppfoljning", "samverkan"],
        "projects": ["plug-in"],
        "target_groups": ["unga-utanfor-skolan"],
        "levels": ["organisation"],
        "intervention_types": ["atgardande"],
        "tags": ["aktivitetsansvar", "KAA"],
    },
    {
        "slug": "lerums-gymnasium-bygg",
        "title": "Lerums gymnasium: från introduktionsprogram till byggprogrammet",
        "summary": (
            "Sex av sju elever på introduktionsprogrammet med bygginriktning blev behöriga till "
            "bygg- och anläggningsprogrammet inom ett år. Skolan kombinerade praktiskt arbete "
            "med de ämnen som eleverna saknade."
        ),
        "region": "gr",
        "municipality": "lerum",
        "organisation": "Lerums gymnasium",
        "period": "2015–2018",
        "what_was_done": html_list(
            "Eleverna läste de ämnen de saknade för behörighet parallellt med praktiskt arbete "
            "i skolans byggverkstad.",
            "Lärarna i kärnämnena knöt undervisningen till det eleverna gjorde i verkstaden.",
            "Varje elev hade en egen studieplan som följdes upp regelbundet.",
        ),
        "lessons_learned": (
            "<p>När teorin fick en tydlig koppling till det praktiska ökade motivationen. "
            "Elever som tidigare hade gett upp om matematik och svenska såg varför de behövde "
            "ämnena.</p>"
        ),
        **contact("Lerums gymnasium"),
        "results": [
            result(
                "behorighet",
                "Elever på introduktionsprogrammet som blev behöriga till bygg- och "
                "anläggningsprogrammet inom ett år",
                None,
                "6",
                "av 7 elever",
                "Inom ett läsår",
                "Plug In GR, lokal lägesrapport från Lerum",
            ),
        ],
        "body": [
            fact_box(
                "Resultat",
                "Sex av sju elever blev behöriga till ett nationellt yrkesprogram inom ett år.",
                source="Plug In GR, lokal lägesrapport från Lerum",
            ),
            paragraph(
                "Arbetet på Lerums gymnasium finns också beskrivet i en film som GR tog fram "
                "under Plug In 2.0.",
            ),
        ],
        "published_date": date(2017, 10, 16),
        "last_reviewed": REVIEWED,
        "factors": ["flexibilitet", "bemotande"],
        "projects": ["plug-in-2-0"],
        "target_groups": ["introduktionsprogram"],
        "levels": ["individ"],
        "intervention_types": ["atgardande"],
        "tags": ["introduktionsprogram", "yrkesprogram", "behörighet"],
    },
    {
        "slug": "resurscentrum-ljungby",
        "title": "Resurscentrum i Ljungby: stöd redan första året",
        "summary": (
            "Ljungby satsade på att fånga upp elever under det första året på gymnasiet, innan "
            "problemen hunnit växa. Eleverna fick ett resurscentrum, extra studie- och "
            "yrkesvägledning och tillgång till en coach."
        ),
        "region": "kronoberg",
        "municipality": "ljungby",
        "organisation": "Ljungby kommun, gymnasieskolan",
        "period": PLUG_IN,
        "what_was_done": html_list(
            "Ett resurscentrum där elever kunde få hjälp med skolarbetet under hela skoldagen.",
            "Extra samtal med studie- och yrkesvägledare i årskurs 1, för att fånga felval tidigt.",
            "En coach som stöttade elever med hög frånvaro eller svårt att komma igång.",
        ),
        "lessons_learned": (
            "<p>Det första året avgör mycket. Elever som har valt fel program eller inte hittar "
            "sin plats behöver hjälp redan under hösten, inte när betygen har satts.</p>"
        ),
        **contact("Ljungby kommun"),
        "results": [
            result(
                "annat",
                "Stödformer för elever i årskurs 1: resurscentrum, extra vägledning och coach",
                None,
                "3",
                "stödformer",
                PLUG_IN,
                "Plug In Södra Småland, lokal lägesrapport från Ljungby",
            ),
        ],
        "body": [
            heading("Varför just årskurs 1"),
            paragraph(
                "Många avbrott sker tidigt i utbildningen. Ljungby valde därför att lägga "
                "resurserna där, och att låta vägledaren och coachen lära känna eleverna innan "
                "de hamnade i svårigheter.",
            ),
        ],
        "published_date": date(2015, 1, 19),
        "last_reviewed": REVIEWED,
        "factors": ["bemotande", "flexibilitet"],
        "projects": ["plug-in"],
        "target_groups": ["nationella-program"],
        "levels": ["individ", "organisation"],
        "intervention_types": ["forebyggande"],
        "tags": ["coach", "vägledning", "årskurs 1"],
    },
    {
        "slug": "plug-innan-tidiga-insatser",
        "title": "Plug Innan: tidiga insatser i årskurs 5–9",
        "summary": (
            "I Plug Innan arbetade ett fyrtiotal grundskolor i 15 kommuner i Västra Götaland "
            "med elever som riskerade att inte bli behöriga till gymnasiet. 22 delprojekt nådde "
            "1 180 elever i riskzonen."
        ),
        "region": "gr",
        "municipality": "goteborg",
        "organisation": "GR Utbildning med kommunalförbunden i Skaraborg, Fyrbodal och "
        "Boråsregionen",
        "period": "2017–mars 2021",
        "what_was_done": html_list(
            "Skolorna förbättrade undervisningen och byggde rutiner för att upptäcka "
            "riskfaktorer, till exempel stigande frånvaro.",
            "Tidiga varningssystem gjorde att elevhälsan kopplades in innan problemen växte.",
            "Vårdnadshavare bjöds in att vara med i arbetet från början.",
            "Trygghet och studiero, samverkan och bemötande var gemensamma fokusområden.",
        ),
        "lessons_learned": (
            "<p>Ju tidigare skolan ser tecknen, desto mindre behöver insatsen vara. Samarbetet "
            "med hemmet var avgörande: när vårdnadshavarna var med blev det lättare att vända "
            "en negativ utveckling.</p>"
        ),
        **contact("GR Utbildning"),
        "results": [
            result(
                "annat",
                "Elever i riskzonen som omfattades av insatserna",
                None,
                "1180",
                "elever",
                "2017–mars 2021",
                "GR Utbildning, uppföljning av Plug Innan",
            ),
            result(
                "annat",
                "Delprojekt på skolor i Västra Götaland",
                None,
                "22",
                "delprojekt",
                "2017–mars 2021",
                "GR Utbildning, uppföljning av Plug Innan",
            ),
        ],
        "body": [
            fact_box(
                "Plug Innan i siffror",
                "<ul><li>15 miljoner kronor från Västra Götalandsregionen.</li>"
                "<li>22 delprojekt på ett fyrtiotal skolor i 15 kommuner.</li>"
                "<li>1 180 elever i riskzonen.</li></ul>",
                source="GR Utbildning, uppföljning av Plug Innan",
            ),
            paragraph(
                "Fallstudien är placerad i Göteborgsregionen eftersom GR ägde projektet, men "
                "delprojekten fanns i hela Västra Götaland.",
            ),
        ],
        "published_date": date(2021, 4, 19),
        "last_reviewed": REVIEWED,
        "factors": ["uppfoljning", "samverkan", "bemotande"],
        "projects": ["plug-innan"],
        "target_groups": ["grundskolan-ak-5-9"],
        "levels": ["organisation", "individ"],
        "intervention_types": ["framjande", "forebyggande"],
        "tags": ["grundskolan", "varningssignaler", "vårdnadshavare"],
    },
    {
        "slug": "fsgr-moten-med-arbetslivet",
        "title": "FSGR: möten med arbetslivet för elever på introduktionsprogram",
        "summary": (
            "I FSGR fick 164 elever på introduktionsprogram möta arbetsgivare. Sju fristående "
            "och en kommunal gymnasieskola deltog, och erfarenheterna samlades i "
            "metodmaterialet ”Meningsfulla möten med arbetslivet”."
        ),
        "region": "gr",
        "municipality": "goteborg",
        "organisation": "Sju fristående och en kommunal gymnasieskola i Göteborgsregionen",
        "period": "Mars 2017–mars 2020",
        "what_was_done": html_list(
            "Skolorna ordnade besök, studiebesök och korta praktikperioder hos arbetsgivare.",
            "Eleverna förbereddes inför mötena och fick samtala om dem efteråt.",
            "Arbetsgivarna fick veta vad eleverna läste och vad de var intresserade av.",
        ),
        "lessons_learned": (
            "<p>Ett möte med arbetslivet ger mest när det är förberett och följs upp. Eleverna "
            "behövde se hur det de lärde sig i skolan användes på en riktig arbetsplats.</p>"
        ),
        **contact("FSGR-skolorna"),
        "results": [
            result(
                "annat",
                "Elever på introduktionsprogram som mötte arbetsgivare",
                None,
                "164",
                "elever",
                "Mars 2017–mars 2020",
                "GR, slutredovisning av FSGR",
            ),
            result(
                "annat",
                "Deltagande gymnasieskolor, varav sju fristående",
                None,
                "8",
                "skolor",
                "Mars 2017–mars 2020",
                "GR, slutredovisning av FSGR",
            ),
        ],
        "body": [
            paragraph(
                "FSGR hade ett särskilt fokus på fristående gymnasieskolor, som ofta har färre "
                "kontakter med kommunens stödverksamheter än de kommunala skolorna.",
            ),
        ],
        "published_date": date(2020, 5, 25),
        "last_reviewed": REVIEWED,
        "factors": ["samverkan", "bemotande"],
        "projects": ["fsgr"],
        "target_groups": ["introduktionsprogram"],
        "levels": ["organisation", "individ"],
        "intervention_types": ["forebyggande"],
        "tags": ["arbetsliv", "fristående skolor", "introduktionsprogram"],
    },
    {
        "slug": "yrk-in-kungsbacka",
        "title": "Yrk In i Kungsbacka: vägen från introduktionsprogram till yrkesprogram",
        "summary": (
            "På Elof Lindälvs gymnasium och Aranäsgymnasiet deltog ett tjugofemtal unga per "
            "skola i Yrk In. Projektet skulle göra det lättare för elever på "
            "introduktionsprogram, inte minst nyanlända, att gå vidare till ett yrkesprogram."
        ),
        "region": "gr",
        "municipality": "kungsbacka",
        "organisation": "Elof Lindälvs gymnasium och Aranäsgymnasiet",
        "period": "2018–2020",
        "what_was_done": html_list(
            "Elever på introduktionsprogram fick läsa yrkeskurser tillsammans med elever på "
            "yrkesprogrammen.",
            "Svenska som andraspråk kopplades till yrkesämnenas begrepp.",
            "Studie- och yrkesvägledare och yrkeslärare planerade elevernas väg tillsammans.",
        ),
        "lessons_learned": (
            "<p>När introduktionsprogrammet och yrkesprogrammet delar lokaler, lärare och "
            "kurser blir steget mellan dem mindre. Språket lärs bäst i sitt sammanhang.</p>"
        ),
        **contact("skolorna i Kungsbacka"),
        "results": [
            result(
                "annat",
                "Unga per skola som deltog i Yrk In (ungefär)",
                None,
                "25",
                "unga",
                "2018–2020",
                "SKL, uppföljning av Yrk In i GR",
            ),
        ],
        "body": [
            paragraph(
                "I GR deltog också Alströmergymnasiet i Alingsås och Lerums gymnasium. Yrk In "
                "pågick i fyra regioner med tolv delprojekt.",
            ),
        ],
        "published_date": date(2020, 11, 9),
        "last_reviewed": REVIEWED,
        "factors": ["flexibilitet", "samverkan"],
        "projects": ["yrk-in"],
        "target_groups": ["introduktionsprogram", "nyanlanda"],
        "levels": ["organisation"],
        "intervention_types": ["forebyggande"],
        "tags": ["yrkesprogram", "nyanlända", "språkutveckling"],
    },
]
