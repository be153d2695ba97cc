"""Result figures as editors type them: "84,5" or "84.5", never a silently wrong number."""

# The form and model fields live with the site's other numbers (content/numbers.py); migration
# 0004 names the model field here, where it was first written.
from pluginnovation.content.numbers import FigureField  # noqa: F401

PERCENT_UNITS = {"%", "procent", "procentenheter"}


def check_plausible(value, unit, field):
    """Errors for a value no measurement gives: a share outside 0–100 %, a negative count."""
    if value is None:
        return {}
    if unit.strip().lower() in PERCENT_UNITS and not 0 <= value <= 100:
        return {
            field: "En andel i procent ligger mellan 0 och 100. Kontrollera värdet och enheten."
        }
    if value < 0:
        return {
            field: "Värdet kan inte vara negativt. Ange antal eller andel som ett positivt tal."
        }
    return {}
