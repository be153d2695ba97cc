"""What the open data holds: the datasets, their files and every column, described in Swedish.

The one description of the downloads: the CSV header and the JSON keys are the column names
here, in this order; /oppna-data/ and the README in allt.zip show the descriptions. Column names
are the models' field names (as in the API at /api/v2/), so the two can be joined.
"""

from dataclasses import dataclass

from pluginnovation.opendata import records

LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.sv"
ATTRIBUTION = "Källa: PlugInnovation, <sidans adress>"
RIGHTS_NOTE = (
    "Texterna får användas enligt CC BY 4.0 om källan anges. Bilder, dokument och citerade "
    "publikationer kan ha andra rättighetsinnehavare; kontrollera rättigheterna i varje sådant "
    "verk innan du sprider det vidare."
)
LIST_SEPARATOR = "; "

# Kinds of column: how a value is written and what the column description says of it.
TEXT, NUMBER, DATE, MOMENT, URL, LIST, ID = "text", "number", "date", "moment", "url", "list", "id"


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    kind: str = TEXT


@dataclass(frozen=True)
class Dataset:
    slug: str  # the files' name: forskning.csv, forskning.json
    title: str
    description: str
    columns: tuple
    read: object  # records.<reader>(reading) → rows
    formats: tuple = ("csv", "json")

    def file_names(self):
        return [f"{self.slug}.{extension}" for extension in self.formats]


def col(name, description, kind=TEXT):
    return Column(name, description, kind)


def page_columns(date_column=None):
    columns = [
        col("id", "Sidans id i kunskapsbanken. Ändras aldrig, också om sidan byter adress.", ID),
        col("title", "Rubrik."),
        col("url", "Sidans adress på webbplatsen.", URL),
    ]
    if date_column:
        columns.append(date_column)
    return columns


PUBLISHED = [
    col("first_published_at", "När sidan först publicerades (svensk tid, med tidszon).", MOMENT),
    col("last_published_at", "När sidan senast publicerades (svensk tid, med tidszon).", MOMENT),
]

TERM_LIST = "Slugs, åtskilda med semikolon och mellanslag i CSV; namnen finns i taxonomi.csv."
CONTENT_COLUMNS = [
    *page_columns(
        col("published_date", "Datum då innehållet gavs ut, som redaktören angett det.", DATE)
    ),
    col("last_reviewed", "Datum då en redaktör senast kontrollerade innehållet. Kan saknas.", DATE),
    *PUBLISHED,
    col("summary", "I korthet: två till fyra meningar om vad sidan handlar om."),
    col("factors", f"Framgångsfaktorer. {TERM_LIST}", LIST),
    col("projects", f"Projekt. {TERM_LIST}", LIST),
    col("regions", f"Regioner. {TERM_LIST}", LIST),
    col("municipalities", f"Kommuner. {TERM_LIST}", LIST),
    col("target_groups", f"Målgrupper. {TERM_LIST}", LIST),
    col("levels", f"Nivå (individ eller organisation). {TERM_LIST}", LIST),
    col("intervention_types", f"Insatstyp. {TERM_LIST}", LIST),
    col("tags", f"Nyckelord. {TERM_LIST}", LIST),
]
BODY = col("body", "Brödtexten som ren text: stycken åtskilda av en tom rad, punkter med •.")


RESEARCH = Dataset(
    "forskning",
    "Forskning",
    "Sammanfattningar av forskning och utredningar om studieavbrott, med publikationens "
    "uppgifter och de viktigaste resultaten.",
    (
        *CONTENT_COLUMNS,
        col(
            "authors",
            "Författare som redaktören skrev dem, åtskilda med kommatecken eller semikolon; "
            "”Efternamn, I.” är en författare.",
        ),
        col("year", "Utgivningsår.", NUMBER),
        col("publisher", "Utgivare eller tidskrift."),
        col("publication_type", "Typ av publikation (kod), t.ex. utvardering. Kan saknas."),
        col("publication_type_label", "Typ av publikation i ord, t.ex. Utvärdering."),
        col("study_design", "Studiedesign (kod), t.ex. kvalitativ. Kan saknas."),
        col("study_design_label", "Studiedesign i ord."),
        col("link", "Länk till publikationen hos utgivaren.", URL),
        col("doi", "Publikationens DOI, t.ex. 10.1080/00313831.2015.1066436."),
        col("pdf_url", "Publikationen som PDF i kunskapsbanken, om den får spridas.", URL),
        col("key_findings", "De viktigaste resultaten, som ren text."),
        BODY,
    ),
    records.research,
)

CASE_STUDIES = Dataset(
    "fallstudier",
    "Fallstudier",
    "Hur skolor och kommuner har arbetat för att fler ska fullfölja gymnasiet: vad som gjordes, "
    "var och när, och vad andra kan lära sig. De mätta resultaten finns i resultat.csv.",
    (
        *CONTENT_COLUMNS,
        col("organisation", "Skola eller verksamhet där arbetet gjordes."),
        col("municipality", "Kommunen (slug), se taxonomi.csv."),
        col("municipality_code", "Kommunens kommunkod (SCB), fyra siffror."),
        col("school_form", "Skolform (kod), t.ex. gymnasieskola-introduktion. Kan saknas."),
        col("school_form_label", "Skolform i ord."),
        col("period", "När arbetet pågick, som redaktören skrivit det, t.ex. 2016–2018."),
        col("what_was_done", "Vad som gjordes, som ren text."),
        col("lessons_learned", "Lärdomar, som ren text."),
        BODY,
    ),
    records.case_studies,
)

METHODS = Dataset(
    "metoder",
    "Metoder",
    "Arbetssätt steg för steg, med kunskapsgrund, evidensstyrka och vad de kräver av skolan.",
    (
        *CONTENT_COLUMNS,
        col(
            "knowledge_basis",
            "Kunskapsgrund (kod): vetenskaplig-grund, beprovad-erfarenhet eller bada. Kan saknas.",
        ),
        col("knowledge_basis_label", "Kunskapsgrund i ord."),
        col(
            "evidence_level",
            "Evidensstyrka från 1 (svagast) till 4 (starkast). Kan saknas.",
            NUMBER,
        ),
        col("evidence_level_label", "Evidensstyrkans namn. Stegen förklaras på sidan Om evidens."),
        col(
            "staff_hours_per_week",
            "Personaltid i timmar per vecka, alla inräknade. Kan saknas.",
            NUMBER,
        ),
        col("one_off_cost", "Engångskostnad i kronor. Kan saknas.", NUMBER),
        col("weeks_to_start", "Veckor från beslut till att arbetet är igång. Kan saknas.", NUMBER),
        col("purpose", "Syfte."),
        col("audience", "För vem: vem som använder metoden och för vilka elever."),
        col("steps", "Så gör ni: stegen numrerade, med beskrivning."),
        col("time_and_resources", "Tid och resurser."),
        col(
            "material_urls",
            "Material att ladda ner (adresser). Åtskilda med semikolon i CSV.",
            LIST,
        ),
        col(
            "related_page_ids",
            "Id för relaterad forskning och relaterade fallstudier. Åtskilda med semikolon i CSV.",
            LIST,
        ),
        BODY,
    ),
    records.methods,
)

RESULTS = Dataset(
    "resultat",
    "Resultat",
    "Fallstudiernas mätta resultat före och efter insatsen, en rad per resultat (tidy data), "
    "och deras siffror om själva insatsen (kolumnen kind).",
    (
        col("result_id", "Resultatets id.", ID),
        col("case_study_id", "Fallstudiens id (kolumnen id i fallstudier.csv).", ID),
        col("case_study_title", "Fallstudiens rubrik."),
        col("case_study_url", "Fallstudiens adress.", URL),
        col("municipality", "Kommunen (slug)."),
        col("municipality_code", "Kommunkod (SCB)."),
        col("regions", "Regionen (slug).", LIST),
        col(
            "indicator",
            "Indikator (kod): narvaro, avbrott, behorighet, betyg, nadda-kaa, "
            "atergang eller annat.",
        ),
        col("indicator_label", "Indikatorn i ord."),
        col("description", "Vad som mättes."),
        col("value_before", "Värde före insatsen. Kan saknas.", NUMBER),
        col("value_after", "Värde efter insatsen.", NUMBER),
        col("unit", "Enhet för före- och eftervärdet, t.ex. % eller elever."),
        col("change", "Efter minus före. Saknas när förevärdet saknas.", NUMBER),
        col("change_unit", "Förändringens enhet: procentenheter när enheten är procent."),
        col(
            "better",
            "Önskad riktning om redaktören angett den: hogre eller lagre. Annars "
            "följer den av indikatorn.",
        ),
        col(
            "direction",
            "Förbättring, försämring eller oförändrat mot önskad riktning (kod): "
            "forbattring, forsamring, oforandrat eller okand; ingen för en beskrivning.",
        ),
        col("direction_label", "Riktningen i ord."),
        col("students", "Hur många elever eller unga resultatet gäller. Kan saknas.", NUMBER),
        col("period", "Mätperiod, t.ex. ht 2013–vt 2015."),
        col("source", "Källa till siffran, t.ex. en lägesrapport."),
        # Last, so that files read by column position keep their earlier columns.
        col(
            "kind",
            "Slag av siffra (kod): resultat (vad som hände för eleverna) eller beskrivning "
            "(en siffra om själva insatsen, t.ex. antal skolor; räknas inte som resultat).",
        ),
    ),
    records.results,
)

NEWS = Dataset(
    "nyheter",
    "Nyheter",
    "Nyheter från kunskapsbanken och projekten.",
    (
        *page_columns(col("date", "Nyhetens datum.", DATE)),
        *PUBLISHED,
        col("summary", "I korthet."),
        col("factors", f"Framgångsfaktorer. {TERM_LIST}", LIST),
        col("projects", f"Projekt. {TERM_LIST}", LIST),
        BODY,
    ),
    records.news,
)

EVENTS = Dataset(
    "evenemang",
    "Evenemang",
    "Konferenser och andra evenemang, kommande och tidigare.",
    (
        *page_columns(),
        col("start", "När evenemanget börjar (svensk tid, med tidszon).", MOMENT),
        col("end", "När det slutar. Saknas om sluttiden inte är bestämd.", MOMENT),
        col("place", "Plats."),
        col("organiser", "Arrangör. Kan saknas."),
        col("summary", "I korthet."),
        col("programme", "Programmet, en punkt per rad: tid, punkt och medverkande."),
        col("registration_url", "Länk till anmälan. Kan saknas.", URL),
        col("report", "Efter evenemanget: sammanfattning som ren text."),
        col(
            "presentations",
            "Presentationer och inspelningar som ”Titel (talare): adress”. "
            "Åtskilda med semikolon i CSV.",
            LIST,
        ),
        *PUBLISHED,
    ),
    records.events,
)

PROJECTS = Dataset(
    "projekt",
    "Projekt",
    "Projekten bakom kunskapsbanken: period, ägare, finansiering, mål och rapporter.",
    (
        *page_columns(),
        col("project", "Projektets slug, samma som i kolumnen projects i de andra filerna."),
        col("start_year", "Startår.", NUMBER),
        col("end_year", "Slutår. Saknas om projektet pågår.", NUMBER),
        col("owner", "Projektägare."),
        col("funding", "Finansiärer. Kan saknas."),
        col("description", "Kort beskrivning."),
        col("regions", f"Regioner som deltog. {TERM_LIST}", LIST),
        col("partners", "Samarbetspartner."),
        col("funding_amounts", "Belopp med källa, ett per rad: ”finansiär: belopp (källa: …)”."),
        col("goals", "Mål, som ren text."),
        col("what_was_done", "Vad som gjordes, som ren text."),
        col(
            "report_urls", "Rapporter att ladda ner (adresser). Åtskilda med semikolon i CSV.", LIST
        ),
        *PUBLISHED,
    ),
    records.projects,
)

TAXONOMY = Dataset(
    "taxonomi",
    "Taxonomi",
    "Kategorierna innehållet är ordnat efter, en rad per term: framgångsfaktorer, projekt, "
    "regioner, kommuner, målgrupper, nivåer, insatstyper och nyckelord.",
    (
        col(
            "vocabulary",
            "Vilken kategori termen hör till: factors, projects, regions, "
            "municipalities, target_groups, levels, intervention_types eller tags (samma namn "
            "som kolumnerna i de andra filerna).",
        ),
        col("slug", "Termens slug, som i de andra filerna och i webbplatsens filter."),
        col("name", "Termens namn."),
        col("sort_order", "Sorteringsordning inom kategorin (lägre först). Kan saknas.", NUMBER),
        col(
            "name_en",
            "Termens namn på engelska (framgångsfaktorer, målgrupper, nivåer och insatstyper). "
            "Kan saknas.",
        ),
        col("description", "Framgångsfaktorns definition eller projektets beskrivning."),
        col("regions", "Kommunens region eller projektets regioner (slug).", LIST),
        col("municipality_code", "Kommunkod (SCB)."),
        col("county", "Kommunens län."),
        col("kommungrupp", "Kommungrupp enligt SKR:s indelning 2017, t.ex. A2. Kan saknas."),
        col("start_year", "Projektets startår.", NUMBER),
        col("end_year", "Projektets slutår.", NUMBER),
        col("owner", "Projektägare."),
        col("funding", "Projektets finansiärer."),
    ),
    records.taxonomy,
)

DOCUMENTS = Dataset(
    "dokument",
    "Dokument",
    "Uppgifter om de dokument som vem som helst kan ladda ner från kunskapsbanken (rapporter, "
    "mallar, faktablad). Själva filerna hämtas från adressen i url.",
    (
        col("id", "Dokumentets id.", ID),
        col("title", "Dokumentets titel."),
        col("url", "Adressen där dokumentet kan laddas ner.", URL),
        col("file_extension", "Filformat, t.ex. pdf."),
        col("file_size", "Storlek i byte. Kan saknas.", NUMBER),
        col("created_at", "När dokumentet laddades upp (svensk tid, med tidszon).", MOMENT),
    ),
    records.documents,
)

# In the order the page lists them.
DATASETS = (RESEARCH, CASE_STUDIES, METHODS, RESULTS, NEWS, EVENTS, PROJECTS, TAXONOMY, DOCUMENTS)
ARCHIVE_NAME = "allt.zip"
