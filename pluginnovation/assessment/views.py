"""The self-assessment flow: start, one step per success factor, the result with
recommendations, the action plan, the shared read-only view, its PDF and "make a copy".

Two kinds of address: /redigera/<edit token>/… changes an assessment, /delad/<read token>/…
only reads it. Tokens are checked for their form before any lookup; an unknown, tampered or
expired token gets the same 404 page. Every page here is private: no caching, no indexing.
"""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_safe

from methods.models import MethodPage
from pluginnovation.assessment import export
from pluginnovation.assessment.forms import ANSWER_MISSING, PlanItemForm, read_answers
from pluginnovation.assessment.limits import allow_new
from pluginnovation.assessment.models import (
    MAX_PLAN_ITEMS,
    RETENTION_TEXT,
    Answer,
    Assessment,
    PlanItem,
    Scale,
    is_token,
)
from pluginnovation.assessment.recommendations import plan_method_choices, recommend
from pluginnovation.assessment.scoring import answers_of, profile, steps
from pluginnovation.content.numbers import typed_int
from pluginnovation.content.visibility import restricted, visible
from pluginnovation.delivery.private import private_link
from pluginnovation.http_methods import require_http_methods, require_POST
from pluginnovation.taxonomy.models import Level, TargetGroup

SESSION_KEY = "assessment_edit_tokens"
# The session remembers the edit links of this many assessments, newest first.
REMEMBERED = 5
# Longest method id list read from one request.
MAX_METHOD_IDS = MAX_PLAN_ITEMS


def not_found(request, message=None):
    context = {
        "meta_title": "Självskattningen hittades inte",
        "message": message,
        "retention": RETENTION_TEXT,
    }
    return render(request, "assessment/not_found.html", context, status=404)


def missing_step(request, assessment, count):
    """A step number the assessment does not have (a hand-edited or cut-off link): the
    assessment itself is there, so the page leads back into it."""
    context = {
        "meta_title": "Steget finns inte",
        "count": count,
        "first_step_url": edit_url(assessment, "step", number="1"),
        "result_url": edit_url(assessment, "result"),
    }
    return render(request, "assessment/missing_step.html", context, status=404)


def find(token, field):
    if not is_token(token):
        return None
    return Assessment.objects.current().filter(**{field: token}).first()


def remember(request, assessment):
    if request.method == "HEAD":  # a link checker's request starts no session
        return
    tokens = request.session.get(SESSION_KEY, [])
    if not isinstance(tokens, list):
        tokens = []
    wanted = [assessment.edit_token, *(t for t in tokens if t != assessment.edit_token)]
    wanted = wanted[:REMEMBERED]
    if wanted != tokens:  # saving the session costs a query; only when it changes
        request.session[SESSION_KEY] = wanted


def remembered(request):
    tokens = request.session.get(SESSION_KEY, [])
    tokens = (
        [token for token in tokens if is_token(token)][:REMEMBERED]
        if isinstance(tokens, list)
        else []
    )
    if not tokens:
        return []
    found = {a.edit_token: a for a in Assessment.objects.current().filter(edit_token__in=tokens)}
    return [found[token] for token in tokens if token in found]


def edit_url(assessment, name, **kwargs):
    return reverse(f"assessment:{name}", kwargs={"token": assessment.edit_token, **kwargs})


def read_url(assessment, name="shared"):
    return reverse(f"assessment:{name}", kwargs={"token": assessment.read_token})


def too_many(request):
    return render(
        request,
        "assessment/too_many.html",
        {"meta_title": "För många självskattningar på kort tid"},
        status=429,
    )


# Start


@private_link
@require_safe
def start(request):
    step_list = steps()
    context = {
        "meta_title": "Självskattning och handlingsplan",
        "steps": step_list,
        "statement_count": sum(len(step.statements) for step in step_list),
        "remembered": with_next_step(remembered(request), step_list),
        "retention": RETENTION_TEXT,
    }
    return render(request, "assessment/start.html", context)


def with_next_step(assessments, step_list):
    """Each assessment with `continue_url`: its first step with a statement left unanswered,
    or its result once every step is answered. One query for all their answers."""
    answered = {}
    rows = Answer.objects.filter(assessment__in=assessments)
    for assessment_id, statement_id in rows.values_list("assessment_id", "statement_id"):
        answered.setdefault(assessment_id, set()).add(statement_id)
    for assessment in assessments:
        done = answered.get(assessment.pk, set())
        left = next(
            (
                number
                for number, step in enumerate(step_list, start=1)
                if any(statement.pk not in done for statement in step.statements)
            ),
            None,
        )
        assessment.continue_url = (
            edit_url(assessment, "step", number=str(left))
            if left
            else edit_url(assessment, "result")
        )
    return told_apart(assessments)


def told_apart(assessments):
    """Each assessment with `label`, the text of its link: when it was begun, to the minute.
    Two begun in one minute (a double click, two tabs) would be two links with the same text
    to different places (WCAG 2.4.4): the later ones are numbered."""
    seen = {}
    for assessment in sorted(assessments, key=lambda a: (a.created_at, a.pk)):
        label = f"Självskattning påbörjad {to_the_minute(assessment.created_at)}"
        seen[label] = seen.get(label, 0) + 1
        assessment.label = label if seen[label] == 1 else f"{label} (nr {seen[label]})"
        assessment.changed = to_the_minute(assessment.updated_at)
    return assessments


def to_the_minute(moment):
    """ "7 december 2026 kl. 14.05", in the site's time zone."""
    return date_format(timezone.localtime(moment), r"j F Y \k\l. H.i")


@private_link
@require_POST
def create(request):
    if not allow_new(request):
        return too_many(request)
    assessment = Assessment.objects.create()
    remember(request, assessment)
    return HttpResponseRedirect(edit_url(assessment, "step", number="1"))


# The steps


def save_answers(assessment, values):
    if not values:
        return
    Answer.objects.bulk_create(
        [
            Answer(assessment=assessment, statement_id=pk, value=value)
            for pk, value in values.items()
        ],
        update_conflicts=True,
        unique_fields=["assessment", "statement"],
        update_fields=["value"],
    )
    assessment.touch()


def step_bar_target(assessment, value, step_count):
    """The address of a step bar's link ("2", "resultat", "plan"); None for anything else."""
    if value in ("resultat", "plan"):
        return edit_url(assessment, "result" if value == "resultat" else "plan")
    number = typed_int(value)
    if number is not None and 1 <= number <= step_count:
        return edit_url(assessment, "step", number=str(number))
    return None


@private_link
@require_http_methods(["GET", "HEAD", "POST"])
def step(request, token, number):
    assessment = find(token, "edit_token")
    if assessment is None:
        return not_found(request)
    step_list = steps()
    position = typed_int(number)
    if position is None or not 1 <= position <= len(step_list):
        return missing_step(request, assessment, len(step_list))
    current = step_list[position - 1]
    answers = answers_of(assessment)
    errors = {}
    if request.method == "POST":
        values, errors = read_answers(request.POST, current.statements)
        save_answers(assessment, values)
        answers.update(values)
        # A statement answered before keeps its answer when the form leaves it out.
        errors = {
            pk: error
            for pk, error in errors.items()
            if not (error == ANSWER_MISSING and pk in answers)
        }
        # The step bar's links send the form (static/js/assessment.js): what was answered is
        # kept and the team goes where it clicked, with answers missing or not.
        chosen = step_bar_target(assessment, request.POST.get("till"), len(step_list))
        if chosen:
            return HttpResponseRedirect(chosen)
        if request.POST.get("riktning") == "tillbaka" and position > 1:
            return HttpResponseRedirect(edit_url(assessment, "step", number=str(position - 1)))
        if not errors:
            if position < len(step_list):
                target = edit_url(assessment, "step", number=str(position + 1))
            else:
                target = edit_url(assessment, "result")
            return HttpResponseRedirect(target)
    remember(request, assessment)
    done = {
        s.number for s in step_list if all(statement.pk in answers for statement in s.statements)
    }
    questions = [
        {
            "statement": statement,
            "field": f"svar-{statement.pk}",
            "answer": answers.get(statement.pk),
            "error": errors.get(statement.pk),
        }
        for statement in current.statements
    ]
    context = {
        "meta_title": f"Steg {position} av {len(step_list)}: {current.factor.name}",
        "assessment": assessment,
        "step": current,
        "steps": step_list,
        "done": done,
        "questions": questions,
        "errors": [q for q in questions if q["error"]],
        "scale": Scale.choices[1:] + Scale.choices[:1],
        "is_last": position == len(step_list),
    }
    status = 400 if errors else 200
    return render(request, "assessment/step.html", context, status=status)


# Result, plan, shared view


def result_context(request, assessment):
    step_list = steps()
    result = profile(step_list, answers_of(assessment))
    return {
        "assessment": assessment,
        "steps": step_list,
        "profile": result,
        "recommendations": recommend(result, assessment.level, assessment.target_group),
        "read_link": request.build_absolute_uri(read_url(assessment)),
        "edit_link": request.build_absolute_uri(edit_url(assessment, "result")),
        "pdf_url": read_url(assessment, "pdf"),
        "retention": RETENTION_TEXT,
    }


def with_addresses(request, items):
    """Each item's method's address in use, as the PDF gives it: the site's configured host
    name may not be the one the visitor reached."""
    for item in items:
        item.address = request.build_absolute_uri(item.method.get_url(request))
    return items


def hidden_notice(hidden):
    """What the plan's pages and PDF say of its `hidden` rows (plan_items), or ""."""
    if not hidden:
        return ""
    if hidden == 1:
        return "1 metod i planen är inte längre publicerad och visas inte."
    return f"{hidden} metoder i planen är inte längre publicerade och visas inte."


def plan_items(assessment):
    """The plan's rows whose method a visitor may see, and how many rows are hidden because
    their method was unpublished or restricted since: one query."""
    items = list(
        PlanItem.objects.filter(assessment=assessment)
        .select_related("method")
        .defer("method__body", "method__steps", "method__material")
        .annotate(restricted=restricted("method__path"))
    )
    shown = [item for item in items if item.method.live and not item.restricted]
    return shown, len(items) - len(shown)


def term_choice(raw, terms):
    """A level or target group chosen by slug: (term or None, valid)."""
    if raw is None or raw == "":
        return None, True
    for term in terms:
        if term.slug == raw:
            return term, True
    return None, False


@private_link
@require_http_methods(["GET", "HEAD", "POST"])
def result(request, token):
    assessment = find(token, "edit_token")
    if assessment is None:
        return not_found(request)
    levels = list(Level.objects.all())
    target_groups = list(TargetGroup.objects.all())
    if request.method == "POST":
        level, level_ok = term_choice(request.POST.get("niva"), levels)
        group, group_ok = term_choice(request.POST.get("malgrupp"), target_groups)
        if level_ok and group_ok:
            assessment.level, assessment.target_group = level, group
            assessment.updated_at = timezone.now()
            assessment.save(update_fields=["level", "target_group", "updated_at"])
            messages.success(request, "Rekommendationerna är anpassade efter ert val.")
        else:
            messages.error(request, "Välj nivå och målgrupp i listorna.")
        return HttpResponseRedirect(edit_url(assessment, "result") + "#rekommendationer")
    remember(request, assessment)
    context = result_context(request, assessment)
    in_plan = set(
        PlanItem.objects.filter(assessment=assessment).values_list("method_id", flat=True)
    )
    context.update(
        {
            "meta_title": "Resultat av självskattningen",
            "levels": levels,
            "target_groups": target_groups,
            "in_plan": in_plan,
            "plan_url": edit_url(assessment, "plan"),
        }
    )
    return render(request, "assessment/result.html", context)


def method_ids(data):
    ids = []
    for raw in data.getlist("metod")[:MAX_METHOD_IDS]:
        value = typed_int(raw)
        if value is not None and value not in ids:
            ids.append(value)
    return ids


def add_methods(request, assessment, ids):
    """Add the chosen methods a visitor may see to the plan, up to MAX_PLAN_ITEMS rows."""
    if not ids:
        messages.error(request, "Välj minst en metod att lägga till.")
        return []
    existing = list(
        PlanItem.objects.filter(assessment=assessment).values_list("method_id", "sort_order")
    )
    have = {method_id for method_id, _ in existing}
    new_ids = [pk for pk in ids if pk not in have]
    found = set(visible(MethodPage.objects.filter(pk__in=new_ids)).values_list("pk", flat=True))
    new_ids = [pk for pk in new_ids if pk in found]
    room = MAX_PLAN_ITEMS - len(existing)
    over = len(new_ids) > room
    if over:
        messages.error(
            request,
            f"En handlingsplan rymmer högst {MAX_PLAN_ITEMS} metoder. "
            "Ta bort en metod innan ni lägger till fler.",
        )
        new_ids = new_ids[: max(room, 0)]
    order = max((sort for _, sort in existing), default=-1) + 1
    try:
        with transaction.atomic():
            items = PlanItem.objects.bulk_create(
                [
                    PlanItem(assessment=assessment, method_id=pk, sort_order=order + i)
                    for i, pk in enumerate(new_ids)
                ]
            )
    except IntegrityError:  # the same method added from two tabs at once
        items = []
    if items:
        assessment.touch()
        count = len(items)
        messages.success(
            request,
            f"{count} {'metod' if count == 1 else 'metoder'} lades till i handlingsplanen. "
            "Skriv nu ett första steg, vem som ansvarar, ett datum och hur ni följer upp.",
        )
    elif not over and have.intersection(ids):
        messages.info(request, "De valda metoderna finns redan i handlingsplanen.")
    elif not over:
        messages.error(request, "Vi hittar inte den metoden i kunskapsbanken.")
    return items


def after_removal(items, removed):
    """Where the keyboard goes on after a row is removed (assessment.js): the first field of
    the row that followed it, or of the one before; with no row left, "Lägg till en metod"."""
    rest = [item for item in items if item.pk != removed]
    position = next((n for n, item in enumerate(items) if item.pk == removed), len(rest))
    if not rest:
        return "#annan-metod"
    return f"#{PlanItemForm(item=rest[min(position, len(rest) - 1)]).first_field_id}"


@private_link
@require_http_methods(["GET", "HEAD", "POST"])
def plan(request, token):
    assessment = find(token, "edit_token")
    if assessment is None:
        return not_found(request)
    items, hidden = plan_items(assessment)
    forms = [PlanItemForm(item=item) for item in items]
    status = 200
    if request.method == "POST":
        # A row being removed is not checked: what it holds is about to go.
        remove = typed_int(request.POST.get("ta_bort"))
        sent = [
            PlanItemForm(request.POST, item=item)
            for item in items
            if item.pk != remove and PlanItemForm(item=item).is_sent(request.POST)
        ]
        if all(form.is_valid() for form in sent):
            past = [form for form in sent if form.sets_a_past_date()]
            changed = [form.apply() for form in sent]
            with transaction.atomic():
                if changed:
                    PlanItem.objects.bulk_update(
                        changed, ["first_step", "responsible", "due_date", "follow_up"]
                    )
                if remove is not None:
                    PlanItem.objects.filter(assessment=assessment, pk=remove).delete()
                assessment.touch()
            anchor = ""
            if "lagg_till" in request.POST:
                added = add_methods(request, assessment, method_ids(request.POST))
                # The new row's first field: the keyboard goes on there (assessment.js).
                anchor = f"#{PlanItemForm(item=added[0]).first_field_id}" if added else ""
            elif remove is not None:
                messages.success(request, "Metoden är borttagen ur handlingsplanen.")
                anchor = after_removal(items, remove)
            else:
                messages.success(request, "Handlingsplanen är sparad.")
                for form in past:
                    item = form.item
                    day = date_format(item.due_date, "j F Y")
                    messages.warning(
                        request,
                        f"Klart senast för ”{item.method.title}” är {day}, som redan har "
                        "varit. Stämmer datumet?",
                    )
                anchor = "#meddelanden"  # read out, and the keyboard goes on from there
            return HttpResponseRedirect(edit_url(assessment, "plan") + anchor)
        by_pk = {form.item.pk: form for form in sent}
        forms = [by_pk.get(form.item.pk, form) for form in forms]
        status = 400
    remember(request, assessment)
    in_plan = {item.method_id for item in items}
    context = {
        "meta_title": "Handlingsplan",
        "assessment": assessment,
        "forms": forms,
        "items": with_addresses(request, items),
        "error_forms": [form for form in forms if form.is_bound and form.errors],
        "hidden": hidden_notice(hidden),
        "choices": [(pk, title) for pk, title in plan_method_choices() if pk not in in_plan],
        "full": len(items) >= MAX_PLAN_ITEMS,
        "max_items": MAX_PLAN_ITEMS,
        "result_url": edit_url(assessment, "result"),
        "read_link": request.build_absolute_uri(read_url(assessment)),
        "edit_link": request.build_absolute_uri(edit_url(assessment, "result")),
        "pdf_url": read_url(assessment, "pdf"),
        "steps": steps(),
        "retention": RETENTION_TEXT,
    }
    return render(request, "assessment/plan.html", context, status=status)


@private_link
@require_safe
def shared(request, token):
    assessment = find(token, "read_token")
    if assessment is None:
        return not_found(request)
    context = result_context(request, assessment)
    items, hidden = plan_items(assessment)
    with_addresses(request, items)
    context.update(
        {
            "meta_title": "Självskattning och handlingsplan",
            "items": items,
            "hidden": hidden_notice(hidden),
            "copy_url": read_url(assessment, "copy"),
        }
    )
    return render(request, "assessment/shared.html", context)


@private_link
@require_safe
def pdf(request, token):
    assessment = find(token, "read_token")
    if assessment is None:
        return not_found(request)
    step_list = steps()
    result = profile(step_list, answers_of(assessment))
    items, hidden = plan_items(assessment)
    return export.plan_pdf(request, assessment, result, items, hidden_notice(hidden))


@private_link
@require_POST
def copy(request, token):
    original = find(token, "read_token")
    if original is None:
        return not_found(request)
    if not allow_new(request):
        return too_many(request)
    with transaction.atomic():
        assessment = Assessment.objects.create(
            level_id=original.level_id, target_group_id=original.target_group_id
        )
        Answer.objects.bulk_create(
            [
                Answer(assessment=assessment, statement_id=statement_id, value=value)
                for statement_id, value in original.answers.values_list("statement_id", "value")
            ]
        )
        PlanItem.objects.bulk_create(
            [
                PlanItem(
                    assessment=assessment,
                    method_id=item.method_id,
                    first_step=item.first_step,
                    responsible=item.responsible,
                    due_date=item.due_date,
                    follow_up=item.follow_up,
                    sort_order=item.sort_order,
                )
                for item in original.plan_items.all()
            ]
        )
    remember(request, assessment)
    messages.success(
        request,
        "Det här är er egen kopia. Ändringar ni gör här påverkar inte originalet. "
        "Spara länken nedan för att kunna komma tillbaka.",
    )
    return HttpResponseRedirect(edit_url(assessment, "result"))
