"""The home page, the three index pages and the information pages."""

from .blocks import bullets, fact_box, heading, paragraph

FEEDBACK_EMAIL = "pluginnovation@goteborgsregionen.se"
DIGG_COMPLAINT_URL = (
    "https://www.digg.se/analys-och-uppfoljning/lagen-om-tillganglighet-till-digital-offentlig-"
    "service-dos-lagen/anmal-bristande-tillganglighet"
)

HOME = {
    "slug": "hem",
    "title": "Hem",
    "seo_title": "PlugInnovation – kunskapsbank om att motverka studieavbrott",
    "search_description": (
        "Forskning, fallstudier och metoder för skolor och kommuner som vill att fler unga "
        "fullföljer gymnasiet."
    ),
    "intro": (
        "PlugInnovation samlar det som skolor och kommuner har lärt sig om att få fler unga att "
        "fullfölja gymnasiet. Här hittar du forskning, fallstudier från verkliga skolor och "
        "metoder att pröva själv – ordnade efter de fyra framgångsfaktorerna koll och "
        "uppföljning, flexibilitet, samverkan och gott bemötande."
    ),
}

RESEARCH_INDEX = {
    "slug": "forskning",
    "title": "Forskning",
    "intro": (
        "Rapporter, utredningar och studier om varför unga avbryter sina studier och vad som "
        "hjälper dem att fullfölja. Varje sammanfattning lyfter fram det som är mest användbart "
        "för skolans arbete."
    ),
}

CASE_STUDY_INDEX = {
    "slug": "fallstudier",
    "title": "Fallstudier",
    "intro": (
        "Så har skolor och kommuner arbetat i Plug In och projekten som följde. Varje fallstudie "
        "beskriver vad som gjordes, vilka resultat som mättes och vad andra kan ta med sig."
    ),
}

METHOD_INDEX = {
    "slug": "metoder",
    "title": "Metoder",
    "intro": (
        "Beprövade arbetssätt att använda på er egen skola eller i er kommun, steg för steg. "
        "Till många metoder finns mallar och checklistor att ladda ner."
    ),
}

ABOUT = {
    "slug": "om",
    "title": "Om PlugInnovation",
    "intro": (
        "PlugInnovation är en kunskapsbank för alla som arbetar för att unga ska fullfölja "
        "gymnasiet: lärare, mentorer, elevhälsa, studie- och yrkesvägledare, skolledare och "
        "kommunens handläggare."
    ),
    "body": [
        heading("Varför kunskapsbanken finns"),
        paragraph(
            "Den som lämnar gymnasiet utan examen har svårare att få arbete och löper större "
            "risk att hamna utanför samhället. Kunskapen om vilka elever som hoppar av och "
            "varför är stor. Kunskapen om vad som faktiskt fungerar har länge varit spridd på "
            "enskilda skolor och projekt. PlugInnovation samlar den på ett ställe.",
        ),
        heading("Från Plug In till i dag"),
        paragraph(
            "Kunskapsbanken byggdes upp av GR Utbildning vid Göteborgsregionen inom Plug In, "
            "det nationella projekt som Sveriges Kommuner och Landsting drev tillsammans med "
            "flera regioner 2012–2018. PlugInnovation stöttade de lokala projekten med "
            "processledning, skrev fallstudier, tog fram metodmaterial och hjälpte projekten "
            "att följa upp sina resultat.",
            "När Gymnasieutredningen 2016 skrev om hur studieavbrott kan förebyggas byggde den "
            "till stor del på PlugInnovations slutsatser. Arbetet har sedan fortsatt i Plug "
            "Innan, FSGR och Yrk In.",
        ),
        heading("Så är innehållet ordnat"),
        bullets(
            "<b>Fyra framgångsfaktorer:</b> koll och uppföljning, flexibilitet, samverkan och "
            "gott bemötande. Allt utgår från den enskilda elevens behov och en helhetssyn.",
            "<b>Två nivåer:</b> insatser kring den enskilda eleven och förändringar i skolans "
            "eller kommunens organisation.",
            "<b>Tre slags insatser:</b> främjande för alla elever, förebyggande för elever i "
            "riskzonen och åtgärdande när frånvaron redan är hög eller studierna avbrutna.",
            intro="Forskning, fallstudier och metoder märks på samma sätt, så att du kan "
            "filtrera fram det som passar din fråga:",
        ),
        fact_box(
            "Plug In i siffror",
            "<ul><li>Mer än 70 kommuner deltog 2012–2018.</li>"
            "<li>Mer än 10 000 unga mötte projektens insatser.</li>"
            "<li>Tre av fyra lokala projektverkstäder i första Plug In blev kvar i ordinarie "
            "verksamhet.</li></ul>",
            source="Sveriges Kommuner och Landsting, Plug In och Plug In 2.0",
        ),
    ],
}

CONTACT = {
    "slug": "kontakt",
    "title": "Kontakt",
    "intro": "Har du frågor om kunskapsbanken eller vill du bidra med en fallstudie? Hör av dig.",
    "body": [
        heading("Redaktionen"),
        paragraph(
            "PlugInnovation drivs av GR Utbildning vid Göteborgsregionen (GR). Skriv till "
            f'<a href="mailto:{FEEDBACK_EMAIL}">{FEEDBACK_EMAIL}</a>, så svarar vi inom fem '
            "arbetsdagar.",
        ),
        heading("Bidra med innehåll"),
        paragraph(
            "Har din skola eller kommun prövat något som gett resultat? Berätta vad ni gjorde, "
            "för vilka elever och hur ni mätte resultatet. Vi hjälper dig att skriva fallstudien "
            "och granskar siffrorna tillsammans med dig innan den publiceras.",
        ),
        heading("Fel på en sida"),
        paragraph(
            "Ser du en uppgift som inte stämmer, eller något på webbplatsen som inte fungerar "
            "för dig? Mejla oss och berätta vilken sida det gäller.",
        ),
    ],
}

ACCESSIBILITY = {
    "slug": "tillganglighet",
    "title": "Tillgänglighetsredogörelse",
    "intro": (
        "Göteborgsregionen (GR) står bakom webbplatsen PlugInnovation. Vi vill att så många som "
        "möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om "
        "tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du "
        "kan rapportera problem."
    ),
    "body": [
        heading("Hur tillgänglig är webbplatsen?"),
        paragraph(
            "Webbplatsen är <b>delvis förenlig</b> med lagen (2018:1937) om tillgänglighet till "
            "digital offentlig service, DOS-lagen. Lagen hänvisar till standarden EN 301 549, "
            "som i sin tur bygger på WCAG 2.1 nivå AA. Bristerna beskrivs under ”Innehåll som "
            "inte är tillgängligt”.",
        ),
        heading("Innehåll som inte är tillgängligt"),
        bullets(
            "Vissa PDF-dokument som går att ladda ner saknar fullständig struktur, till exempel "
            "märkta rubriker, och kan vara svåra att läsa med skärmläsare. Det strider mot "
            "WCAG 2.1 kriterium 1.3.1. Be oss om materialet i ett annat format så ordnar vi det.",
            "Filmer som bäddas in från andra tjänster kan sakna svensk textning eller "
            "syntolkning (WCAG 2.1 kriterium 1.2.2 och 1.2.5).",
            "Äldre fallstudier kan ha bilder där alternativtexten inte beskriver allt som "
            "bilden visar (WCAG 2.1 kriterium 1.1.1).",
            intro="Vi känner till följande brister och arbetar med att åtgärda dem under det "
            "kommande året:",
        ),
        heading("Vad kan du göra om du inte kan använda delar av webbplatsen?"),
        paragraph(
            "Om du behöver innehåll i ett annat format, till exempel ett dokument som är "
            "tillgängligt för skärmläsare, kan du mejla oss på "
            f'<a href="mailto:{FEEDBACK_EMAIL}">{FEEDBACK_EMAIL}</a>. Vi svarar inom fem '
            "arbetsdagar.",
        ),
        heading("Rapportera brister i webbplatsens tillgänglighet"),
        paragraph(
            "Vi strävar hela tiden efter att förbättra webbplatsen. Om du upptäcker problem som "
            "inte står på den här sidan, eller om du tycker att vi inte lever upp till lagens "
            "krav, berätta det för oss på "
            f'<a href="mailto:{FEEDBACK_EMAIL}">{FEEDBACK_EMAIL}</a>, så vet vi att problemet '
            "finns.",
        ),
        heading("Tillsyn"),
        paragraph(
            "Myndigheten för digital förvaltning (DIGG) ansvarar för tillsynen över lagen om "
            "tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi "
            "hanterar dina synpunkter kan du "
            f'<a href="{DIGG_COMPLAINT_URL}">anmäla bristande tillgänglighet till DIGG</a>.',
        ),
        heading("Hur vi testat webbplatsen"),
        paragraph(
            "Vi har själva granskat webbplatsen mot WCAG 2.1 nivå AA. Varje ny sidtyp prövas med "
            "automatiska verktyg (axe) och för hand: vi navigerar med enbart tangentbord, "
            "förstorar texten till 200 procent, kontrollerar kontraster och lyssnar på sidorna "
            "med skärmläsarna NVDA och VoiceOver.",
        ),
        fact_box(
            "Datum",
            "<ul><li>Redogörelsen upprättades den 20 november 2026.</li>"
            "<li>Webbplatsen och redogörelsen granskades senast den 20 november 2026.</li></ul>",
        ),
    ],
}

STANDARD_PAGES = [ABOUT, CONTACT, ACCESSIBILITY]
