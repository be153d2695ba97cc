// Progressive enhancements only: every page works without this file.

// "Skriv ut" buttons are hidden in the HTML and shown here, since printing needs JavaScript.
document.querySelectorAll("[data-print-button]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});

// The hint before a table says it is wider than the screen: shown while that is true, at any
// width. Without this script, CSS shows it on narrow screens only.
(() => {
    const boxes = document.querySelectorAll(".table-scroll");
    const mark = () => {
        boxes.forEach((box) => {
            const hint = box.previousElementSibling;
            if (hint && hint.classList.contains("table-scroll-hint")) {
                const wider = box.scrollWidth > box.clientWidth + 1;
                hint.classList.toggle("table-scroll-hint--shown", wider);
                hint.classList.toggle("table-scroll-hint--fits", !wider);
            }
        });
    };
    if (boxes.length) {
        mark();
        window.addEventListener("resize", mark);
    }
})();
