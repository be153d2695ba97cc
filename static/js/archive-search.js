// Search in the static archive, without a server: filters the prebuilt index that
// sok/index-data.js puts in window.PLUGINNOVATION_ARCHIVE_INDEX (a script, not fetch(), since
// Chromium refuses fetch() of file:// addresses). Without JavaScript the page still offers
// the listings.
(() => {
    const form = document.querySelector("[data-archive-search]");
    const index = window.PLUGINNOVATION_ARCHIVE_INDEX;
    if (!form || !Array.isArray(index)) {
        return;
    }
    const input = form.querySelector("input[type=search]");
    const status = document.getElementById(form.dataset.status);
    const list = document.getElementById(form.dataset.results);
    const section = document.querySelector("[data-results-section]");
    const language = document.documentElement.lang === "en" ? "en" : "sv";
    // Links in the index are from the archive's root; this page sits in sok/ or en/sok/.
    const root = language === "en" ? "../../" : "../";
    const MAX_SHOWN = 100;

    // Case-insensitive, å, ä and ö kept as letters of their own (Swedish sorts and reads
    // them so); NFC so that "å" typed as a + ring matches the stored "å".
    const normal = (text) => (text || "").normalize("NFC").toLocaleLowerCase("sv");
    const terms = (query) => normal(query).split(/[\s,.;:!?"'()”“]+/).filter(Boolean);

    const entries = index
        .filter((entry) => entry.in.split(" ").includes(language))
        .map((entry) => ({
            entry,
            title: normal(entry.t),
            text: normal([entry.t, entry.s, entry.k, ...(entry.w || [])].join(" ")),
        }));

    function matches(query) {
        const wanted = terms(query);
        if (!wanted.length) {
            return null;
        }
        return entries
            .filter((item) => wanted.every((term) => item.text.includes(term)))
            .map((item) => ({
                item,
                score: wanted.filter((term) => item.title.includes(term)).length,
            }))
            .sort(
                (a, b) =>
                    b.score - a.score || a.item.entry.t.localeCompare(b.item.entry.t, "sv")
            )
            .map(({ item }) => item.entry);
    }

    function say(template, count, query) {
        return template.replace("{n}", count).replace("{q}", query.trim());
    }

    function resultItem(entry) {
        const item = document.createElement("li");
        const kind = document.createElement("span");
        kind.className = "archive-results__kind";
        kind.textContent = entry.k;
        const link = document.createElement("a");
        link.href = root + entry.u;
        link.textContent = entry.t;
        if (entry.l !== language) {
            link.lang = entry.l;
        }
        item.append(kind, link);
        if (entry.s) {
            const summary = document.createElement("p");
            summary.className = "archive-results__summary";
            summary.textContent = entry.s;
            item.append(summary);
        }
        return item;
    }

    function show(query) {
        const found = matches(query);
        list.replaceChildren();
        if (found === null) {
            section.hidden = true;
            status.textContent = form.dataset.textEmpty;
            return;
        }
        found.slice(0, MAX_SHOWN).forEach((entry) => list.append(resultItem(entry)));
        section.hidden = found.length === 0;
        const template =
            found.length === 0
                ? form.dataset.textNone
                : found.length === 1
                  ? form.dataset.textOne
                  : form.dataset.textSome;
        status.textContent = say(template, found.length, query);
    }

    let timer = null;
    input.addEventListener("input", () => {
        window.clearTimeout(timer);
        timer = window.setTimeout(() => show(input.value), 250);
    });
    form.addEventListener("submit", (event) => {
        event.preventDefault();
        window.clearTimeout(timer);
        show(input.value);
        try {
            const url = new URL(window.location.href);
            url.searchParams.set("q", input.value);
            window.history.replaceState(null, "", url);
        } catch {
            // Some browsers refuse to change a file:// address; the search still ran.
        }
    });

    // Arriving from a search form elsewhere in the archive: sok/index.html?q=...
    const query = new URLSearchParams(window.location.search).get("q");
    if (query) {
        input.value = query;
        show(query);
    }
})();
