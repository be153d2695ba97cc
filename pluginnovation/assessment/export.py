"""The assessment and its plan as a PDF (pluginnovation.printing.pdf)."""

from django.utils import timezone
from django.utils.formats import date_format

from pluginnovation.printing import pdf

TITLE = "Självskattning och handlingsplan"


def plan_pdf(request, assessment, result, items, hidden=""):
    """hidden: what the pages say of the plan's methods no longer public (views.hidden_notice),
    or "": they are left out and it is said here too."""
    today = date_format(timezone.localdate(), "j F Y")
    story = [
        pdf.title(TITLE),
        pdf.paragraph(
            f"Utskriven {today}. Skolans egen skattning av arbetet med de fyra "
            "framgångsfaktorerna mot studieavbrott, och de metoder teamet har valt att pröva.",
            "meta",
        ),
        # At the top, not after the plan, where its two lines could be a page of their own.
        pdf.paragraph(
            "Läs och ändra planen via länken ni fick när ni gjorde självskattningen. "
            f"Den tas bort {date_format(assessment.removal_date, 'j F Y')} om ingen ändrar den "
            "innan dess.",
            "meta",
        ),
        pdf.heading("Profil per framgångsfaktor", level=1),
        pdf.paragraph(
            "Medelvärde på skalan 1 (stämmer inte alls) till 4 (stämmer helt). "
            "Svar som ”Vet inte” räknas inte in."
        ),
        pdf.table(
            ["Framgångsfaktor", "Medelvärde", "Besvarade", "Vet inte", "Bedömning"],
            [
                [
                    score.factor.name,
                    f"{score.average_text} av 4" if score.average is not None else "–",
                    f"{score.answered} av {score.statements}",
                    str(score.dont_know),
                    score.verdict,
                ]
                for score in result.scores
            ],
        ),
        pdf.spacer(),
    ]
    if result.strengths:
        story += [
            pdf.heading("Styrkor", level=2),
            pdf.bullets([score.factor.name for score in result.strengths]),
        ]
    if result.areas:
        story += [
            pdf.heading("Utvecklingsområden", level=2),
            pdf.bullets([score.factor.name for score in result.areas]),
        ]
    if result.scored and result.unknown:
        # Answered "Vet inte" throughout: the team does not know how it works there.
        story += [
            pdf.heading("Att ta reda på", level=2),
            pdf.bullets([score.factor.name for score in result.unknown]),
        ]
    story.append(pdf.heading("Handlingsplan", level=1))
    if hidden:
        story.append(pdf.paragraph(hidden))
    if not items and not hidden:
        story.append(pdf.paragraph("Teamet har ännu inte valt några metoder."))
    for number, item in enumerate(items, 1):
        method = item.method
        story += [
            pdf.keep_together(
                [
                    pdf.heading(f"{number}. {method.title}", level=2),
                    pdf.definitions(
                        [
                            ("Första steg", item.first_step or "–"),
                            ("Ansvarig", item.responsible or "–"),
                            (
                                "Klart senast",
                                date_format(item.due_date, "j F Y") if item.due_date else "–",
                            ),
                            ("Uppföljning", item.follow_up or "–"),
                        ]
                    ),
                    pdf.link("Om metoden", request.build_absolute_uri(method.get_url(request))),
                ]
            )
        ]
    return pdf.response(pdf.render(story, title=TITLE), "handlingsplan.pdf")
