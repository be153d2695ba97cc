// The self-assessment: after a form comes back with errors, move focus to the summary of
// them, so keyboard and screen reader users land on the list of what to fix.
const summary = document.querySelector(".error-summary");
if (summary) {
    summary.focus();
}

// Back on the action plan after "Lägg till": the address names the new row's first field
// (#rad-<id>-forsta_steg, assessment/views.py), and the keyboard goes on there instead of at
// the top of the page.
const added = /^#rad-\d+-forsta_steg$/.test(window.location.hash)
    ? document.getElementById(window.location.hash.slice(1))
    : null;
if (added && !summary) {
    added.focus();
}
