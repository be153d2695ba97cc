// Progressive enhancements only: every page works without this file.

// "Skriv ut" buttons are hidden in the HTML and shown here, since printing needs JavaScript.
document.querySelectorAll("[data-print-button]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});
