"""Regions with their municipalities, the five projects and the target groups.

Success factors, levels and intervention types are not here: the data migration creates them
(pluginnovation/taxonomy/vocabulary.py) and the loader only looks them up.
Municipality codes are SCB's official four-digit kommunkoder.
"""

REGIONS = [
    {
        "slug": "gr",
        "name": "Göteborgsregionen (GR)",
        "municipalities": [
            ("ale", "Ale", "1440"),
            ("alingsas", "Alingsås", "1489"),
            ("goteborg", "Göteborg", "1480"),
            ("harryda", "Härryda", "1401"),
            ("kungsbacka", "Kungsbacka", "1384"),
            ("kungalv", "Kungälv", "1482"),
            ("lerum", "Lerum", "1441"),
            ("lilla-edet", "Lilla Edet", "1462"),
            ("molndal", "Mölndal", "1481"),
            ("partille", "Partille", "1402"),
            ("stenungsund", "Stenungsund", "1415"),
            ("tjorn", "Tjörn", "1419"),
            ("ockero", "Öckerö", "1407"),
        ],
    },
    {
        "slug": "jamtland-harjedalen",
        "name": "Region Jämtland Härjedalen",
        "municipalities": [("krokom", "Krokom", "2309"), ("ostersund", "Östersund", "2380")],
    },
    {
        "slug": "kalmar-lan",
        "name": "Kalmar län",
        "municipalities": [("kalmar", "Kalmar", "0880"), ("oskarshamn", "Oskarshamn", "0882")],
    },
    {
        "slug": "kronoberg",
        "name": "Kronoberg (Södra Småland)",
        "municipalities": [("ljungby", "Ljungby", "0781"), ("vaxjo", "Växjö", "0780")],
    },
    {
        "slug": "vasterbotten",
        "name": "Västerbotten",
        "municipalities": [("skelleftea", "Skellefteå", "2482"), ("umea", "Umeå", "2480")],
    },
    {
        "slug": "ostergotland",
        "name": "Östergötland (Östsam)",
        "municipalities": [
            ("linkoping", "Linköping", "0580"),
            ("norrkoping", "Norrköping", "0581"),
        ],
    },
    {
        "slug": "gavleborg",
        "name": "Gävleborg",
        "municipalities": [
            ("bollnas", "Bollnäs", "2183"),
            ("gavle", "Gävle", "2180"),
            ("hudiksvall", "Hudiksvall", "2184"),
            ("sandviken", "Sandviken", "2181"),
            ("soderhamn", "Söderhamn", "2182"),
        ],
    },
    {
        "slug": "skane",
        "name": "Skåne (Kommunförbundet Skåne)",
        "municipalities": [("helsingborg", "Helsingborg", "1283"), ("malmo", "Malmö", "1280")],
    },
]

TARGET_GROUPS = [
    {"slug": "grundskolan-ak-5-9", "name": "Grundskolan åk 5–9"},
    {"slug": "nationella-program", "name": "Gymnasiets nationella program"},
    {"slug": "introduktionsprogram", "name": "Introduktionsprogram"},
    {"slug": "unga-utanfor-skolan", "name": "Unga utanför skolan (KAA)"},
    {"slug": "nyanlanda", "name": "Nyanlända elever"},
]

PROJECTS = [
    {
        "slug": "plug-in",
        "name": "Plug In",
        "start_year": 2012,
        "end_year": 2015,
        "owner": "Sveriges Kommuner och Landsting (SKL)",
        "funding": "Europeiska socialfonden, cirka 97 miljoner kronor av totalt omkring "
        "200 miljoner kronor",
        "description": (
            "Sveriges största samverkansprojekt mot studieavbrott, februari 2012 till juni 2015. "
            "SKL drev det tillsammans med GR, Region Jämtland, Regionförbundet i Kalmar län, "
            "Regionförbundet Södra Småland, Region Västerbotten och Region Östsam. I 47 kommuner "
            "prövades omkring 80 lokala projektverkstäder som nådde mer än 7 700 unga, och tre av "
            "fyra verkstäder blev kvar i ordinarie verksamhet. Målet var att på fyra år halvera "
            "andelen som inte fullföljer gymnasiet."
        ),
        "regions": [
            "gr",
            "jamtland-harjedalen",
            "kalmar-lan",
            "kronoberg",
            "vasterbotten",
            "ostergotland",
        ],
    },
    {
        "slug": "plug-in-2-0",
        "name": "Plug In 2.0",
        "start_year": 2015,
        "end_year": 2018,
        "owner": "Sveriges Kommuner och Landsting (SKL)",
        "funding": "Delvis Europeiska socialfonden",
        "description": (
            "Fortsättningen på Plug In, från hösten 2015 till våren 2018. Ett fyrtiotal kommuner "
            "i åtta regioner arbetade vidare med framgångsfaktorerna och mötte omkring 3 000 unga. "
            "Slutrapporten heter ”Studieavbrott – en fråga med konsekvenser långt utanför "
            "klassrummet” (2018)."
        ),
        "regions": [
            "gr",
            "jamtland-harjedalen",
            "kalmar-lan",
            "kronoberg",
            "vasterbotten",
            "ostergotland",
            "gavleborg",
            "skane",
        ],
    },
    {
        "slug": "plug-innan",
        "name": "Plug Innan",
        "start_year": 2017,
        "end_year": 2021,
        "owner": "GR Utbildning, Göteborgsregionen",
        "funding": "Västra Götalandsregionen, 15 miljoner kronor",
        "description": (
            "Tidiga insatser i grundskolans årskurs 5–9 för elever som riskerar att inte bli "
            "behöriga till gymnasiet. GR drev projektet 2017 till mars 2021 tillsammans med "
            "kommunalförbunden i Skaraborg, Fyrbodal och Boråsregionen: 22 delprojekt på ett "
            "fyrtiotal skolor i 15 kommuner, med 1 180 elever i riskzonen."
        ),
        "regions": ["gr"],
    },
    {
        "slug": "fsgr",
        "name": "FSGR",
        "start_year": 2017,
        "end_year": 2020,
        "owner": "Göteborgsregionen (GR)",
        "funding": "Europeiska socialfonden, 12,6 miljoner kronor",
        "description": (
            "Individanpassade insatser mot studieavbrott på gymnasieskolor, med särskilt fokus "
            "på fristående skolor: sju fristående och en kommunal skola deltog mellan mars 2017 "
            "och mars 2020. 164 elever på introduktionsprogram fick möta arbetsgivare, och "
            "arbetet samlades i metodmaterialet ”Meningsfulla möten med arbetslivet”."
        ),
        "regions": ["gr"],
    },
    {
        "slug": "yrk-in",
        "name": "Yrk In",
        "start_year": 2018,
        "end_year": 2020,
        "owner": "Sveriges Kommuner och Landsting (SKL)",
        "funding": "",
        "description": (
            "Ett SKL-ägt projekt i fyra regioner med tolv delprojekt som byggde broar från "
            "introduktionsprogrammen till gymnasiets yrkesprogram, med särskild tanke på "
            "nyanlända elever. I GR deltog bland annat Alströmergymnasiet, Elof Lindälvs "
            "gymnasium, Aranäsgymnasiet och Lerums gymnasium."
        ),
        "regions": ["gr"],
    },
]
