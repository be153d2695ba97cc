// Progressive enhancement for listings: every page works fully without this file.

// On small screens the filter panel starts folded so the results come first; without
// JavaScript it stays open. The form is never submitted on change: a page reload on every
// click would move the visitor without warning (WCAG 3.2.2).
(() => {
    const panel = document.querySelector(".facet-panel");
    if (panel && window.matchMedia("(max-width: 63.99em)").matches) {
        panel.open = false;
    }
})();

// Back to a listing from the one a filter led to, the browser shows this page as it was left:
// with the boxes ticked that were sent, though the page lists without them. The filters are
// put back as this page's own address has them, so "Filtrera" sends what the visitor sees.
window.addEventListener("pageshow", () => {
    for (const form of document.querySelectorAll("form.facet-form")) {
        form.reset();
    }
});
