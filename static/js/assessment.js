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

// On the action plan, a date field with a date half typed (only month and day) or one that
// does not exist (30 February) sends nothing, and the row would be saved without its date,
// a date saved before lost too. The form is held back and the field says what is wrong; the
// server's own checks cover everything the browser does send.
const planForm = document.querySelector("form.plan-form");
if (planForm) {
    planForm.addEventListener("submit", (event) => {
        const removed = event.submitter && event.submitter.name === "ta_bort"
            ? event.submitter.closest(".plan-item")
            : null;
        const bad = [];
        for (const field of planForm.querySelectorAll("input[type=date]")) {
            const errorId = `${field.id}-ofullstandigt`;
            document.getElementById(errorId)?.remove();
            const described = (field.getAttribute("aria-describedby") || "")
                .split(" ").filter((id) => id && id !== errorId);
            if (field.validity.badInput && !(removed && removed.contains(field))) {
                const error = document.createElement("p");
                error.className = "field-error";
                error.id = errorId;
                error.textContent = "Datumet är inte komplett eller finns inte. "
                    + "Skriv år, månad och dag, till exempel 2027-03-15, eller töm fältet.";
                field.before(error);
                described.push(errorId);
                field.setAttribute("aria-invalid", "true");
                field.closest(".plan-field")?.classList.add("plan-field--error");
                bad.push(field);
            } else if (!described.includes(`${field.id}-fel`)) {
                // Mended since the last try, and no error of the server's on it.
                field.removeAttribute("aria-invalid");
                field.closest(".plan-field")?.classList.remove("plan-field--error");
            }
            if (described.length) {
                field.setAttribute("aria-describedby", described.join(" "));
            } else {
                field.removeAttribute("aria-describedby");
            }
        }
        if (bad.length) {
            event.preventDefault();
            bad[0].focus();
        }
    });
}
