"""The shared PDF builder: real PDFs with Swedish text, escaped input, bookmarks and contents."""

import io
import re

from pypdf import PdfReader

from pluginnovation.printing import pdf


def read(data):
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_a_pdf_keeps_swedish_text_and_shows_link_addresses():
    story = [
        pdf.title("Handlingsplan för Åsa skola"),
        pdf.paragraph("Vi följer upp frånvaron – varje vecka, ”alltid”."),
        pdf.link("Daglig frånvarouppföljning", "https://example.se/metoder/daglig/"),
        pdf.definitions([("Ansvarig", "Mentor"), ("Datum", "2027-01-15")]),
        pdf.table(["Metod", "Första steg"], [["Kontakttrappan", "Boka möte"]]),
    ]
    data = pdf.render(story, title="Handlingsplan")
    assert data.startswith(b"%PDF")
    reader, content = read(data)
    assert "Åsa skola" in content
    assert "frånvaron – varje vecka, ”alltid”" in content
    assert "https://example.se/metoder/daglig/" in content
    assert "Kontakttrappan" in content and "Boka möte" in content
    assert reader.metadata.title == "Handlingsplan"


def test_markup_in_plain_text_is_printed_not_interpreted():
    hostile = '<script>alert(1)</script> <b>fet</b> & <font size="99">x</font>'
    _, content = read(pdf.render([pdf.paragraph(hostile), pdf.heading(hostile)], title="x"))
    assert "<script>alert(1)</script>" in content
    assert '<font size="99">' in content


def test_rich_text_keeps_structure_and_makes_links_absolute():
    html = (
        "<h2>Så gör ni</h2><p>Läs <b>först</b> <a href='/metoder/kontakttrappan/'>trappan</a>."
        "</p><ul><li>Ett</li><li>Två <i>kursivt</i></li></ul><p><img src='x.png'>Slut</p>"
    )
    flowables = pdf.rich_text(html, base_url="https://pluginnovation.se")
    _, content = read(pdf.render(flowables, title="x"))
    assert "Så gör ni" in content
    assert "https://pluginnovation.se/metoder/kontakttrappan/" in content
    assert "Ett" in content and "Två kursivt" in content
    assert "Slut" in content


def test_contents_page_lists_level_one_headings_with_page_numbers_and_bookmarks():
    story = [pdf.title("Min samling"), pdf.page_break()]
    for name in ["Kontakttrappan", "Blockläsning", "Mentorssamtal"]:
        story += [pdf.heading(name), pdf.paragraph("Text " * 400), pdf.page_break()]
    reader, _ = read(pdf.render(story, title="Min samling", contents=True))
    # The cover page: the title, then the contents with each heading's page number.
    contents_page = reader.pages[0].extract_text()
    assert "Innehåll" in contents_page
    numbers = re.findall(r"\.\s+(\d+)\s*$", contents_page, flags=re.MULTILINE)
    assert numbers == ["2", "3", "4"]
    names = ["Kontakttrappan", "Blockläsning", "Mentorssamtal"]
    for name, page_number in zip(names, numbers, strict=True):
        assert name in contents_page
        assert reader.pages[int(page_number) - 1].extract_text().count(name) == 1
    assert [item.title for item in reader.outline] == [
        "Kontakttrappan",
        "Blockläsning",
        "Mentorssamtal",
    ]


def test_the_download_response_is_private():
    response = pdf.response(pdf.render([pdf.paragraph("x")], title="x"), "plan.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="plan.pdf"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_heading_is_never_left_alone_at_the_foot_of_a_page():
    """A heading that would fit as the last line of a page goes over with its text."""
    for filler in range(30, 52):
        story = [pdf.paragraph(f"Rad {n} av utfyllnaden.") for n in range(filler)]
        story += [pdf.heading("Tid och resurser", level=2), pdf.paragraph("Texten under rubriken.")]
        reader, _content = read(pdf.render(story, title="Prov"))
        pages = [page.extract_text() for page in reader.pages]
        where = [n for n, page in enumerate(pages) if "Tid och resurser" in page]
        text = [n for n, page in enumerate(pages) if "Texten under rubriken" in page]
        assert where == text, filler


def test_a_results_table_keeps_its_words_whole():
    """A change in percentage points is the widest word of a case study's results table in the
    printed pack: its column fits it, as it fits the judgement and the source."""
    from pluginnovation.printing.pages import RESULT_COLUMNS, Section, section_flowables

    rows = [
        [
            "Andel elever med hög frånvaro (Närvaro, %; 2015–2017)",
            "18,4",
            "11,3",
            "−7,1 procentenheter",
            "Förbättring",
            "Skolans närvarosystem",
        ]
    ]
    story = section_flowables(Section("Resultat", table=(RESULT_COLUMNS, rows)), "")
    _, content = read(pdf.render(story, title="x"))
    words = content.split()
    for whole in ("procentenheter", "Förbättring", "närvarosystem", "Förändring", "Bedömning"):
        assert whole in words
