"""The demo statements of the self-assessment (home/demo/data/assessment/statements.yaml).

load_statements() creates the statements that are missing, found by their text; a statement
that exists is left exactly as an editor may have changed it. Safe to run twice.
"""

from pathlib import Path

from django.db import transaction

import yaml

from pluginnovation.assessment.models import Statement
from pluginnovation.taxonomy.models import Level, SuccessFactor, TargetGroup

STATEMENTS_FILE = (
    Path(__file__).resolve().parent.parent / "home/demo/data/assessment/statements.yaml"
)


def read_statements(path=STATEMENTS_FILE):
    with open(path, encoding="utf-8") as file:
        return yaml.safe_load(file) or []


def load_statements(created, path=STATEMENTS_FILE):
    """Create the demo statements that are missing; counts them in created["statements"]."""
    groups = read_statements(path)
    factors = {factor.slug: factor for factor in SuccessFactor.objects.all()}
    levels = {level.slug: level for level in Level.objects.all()}
    target_groups = {group.slug: group for group in TargetGroup.objects.all()}
    existing = set(Statement.objects.values_list("text", flat=True))
    with transaction.atomic():
        for group in groups:
            factor = factors.get(group["factor"])
            if factor is None:
                continue
            for data in group["statements"]:
                text = " ".join(data["text"].split())
                if text in existing:
                    continue
                statement = Statement.objects.create(text=text, factor=factor)
                statement.levels.set(
                    [levels[slug] for slug in data.get("levels") or [] if slug in levels]
                )
                statement.target_groups.set(
                    [
                        target_groups[slug]
                        for slug in data.get("target_groups") or []
                        if slug in target_groups
                    ]
                )
                existing.add(text)
                created["statements"] += 1
    return created
