// Progressive enhancements only: every page works without this file.

// "Skriv ut" buttons are hidden in the HTML and shown here, since printing needs JavaScript.
document.querySelectorAll("[data-print-button]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});

// A table wider than its box says so on a wide screen too (on a narrow one the hint is always
// shown): the hint just before the box is shown while the table does not fit.
(() => {
    const boxes = document.querySelectorAll(".table-scroll");
    const mark = () => {
        boxes.forEach((box) => {
            const hint = box.previousElementSibling;
            if (hint && hint.classList.contains("table-scroll-hint")) {
                hint.classList.toggle("table-scroll-hint--shown", box.scrollWidth > box.clientWidth + 1);
            }
        });
    };
    if (boxes.length) {
        mark();
        window.addEventListener("resize", mark);
    }
})();
