// The self-assessment: after a form comes back with errors, move focus to the summary of
// them, so keyboard and screen reader users land on the list of what to fix.
const summary = document.querySelector(".error-summary");
if (summary) {
    summary.focus();
}
