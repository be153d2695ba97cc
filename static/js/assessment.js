// The self-assessment: after a form comes back with errors, move focus to the summary of
// them, so keyboard and screen reader users land on the list of what to fix.
const summary = document.querySelector(".error-summary");
if (summary) {
    summary.focus();
}

// Back on the action plan after "Lägg till", "Ta bort" or "Spara planen": the address names
// the field to go on in (#rad-<id>-forsta_steg, or #annan-metod with no row left), or the
// message that says the plan is saved (#meddelanden; assessment/views.py), and the keyboard
// goes on there instead of at the top of the page.
const goOn = /^#(rad-\d+-forsta_steg|annan-metod|meddelanden)$/.test(window.location.hash)
    ? document.getElementById(window.location.hash.slice(1))
    : null;
if (goOn && !summary) {
    goOn.focus();
}

// On a step, the step bar's links send the step's form with where to go (a field "till",
// assessment/views.py step_bar_target): a team that jumps ahead or back keeps what it
// answered on the step it leaves.
// Without JavaScript they are plain links, and "Spara och gå till …" saves.
const stepForm = document.querySelector("form.assessment-form");
if (stepForm) {
    for (const link of document.querySelectorAll(".assessment-progress a[data-till]")) {
        link.addEventListener("click", (event) => {
            const newTab = event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey;
            if (event.defaultPrevented || newTab || event.altKey) {
                return;
            }
            event.preventDefault();
            const target = document.createElement("input");
            target.type = "hidden";
            target.name = "till";
            target.value = link.dataset.till;
            stepForm.append(target);
            stepForm.submit();
        });
    }
}

// On the action plan, "Ta bort" asks first when the row holds something typed: on a phone the
// button sits right under the fields, and a tap by mistake lost the row. An empty row goes at
// once; without JavaScript the button removes, as before.
for (const button of document.querySelectorAll(".plan-item button[name=ta_bort]")) {
    button.addEventListener("click", (event) => {
        const fields = button.closest(".plan-item").querySelectorAll("input, textarea");
        const typed = [...fields].some((field) => field.value.trim() !== "");
        if (typed && !window.confirm(button.dataset.confirm)) {
            event.preventDefault();
        }
    });
}
