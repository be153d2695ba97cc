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
