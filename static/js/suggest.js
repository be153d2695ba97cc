// Suggestions as you type in the site search: the WAI-ARIA 1.2 combobox with a listbox popup.
// A progressive enhancement: without this file the field is a plain search field and the form
// submits to /sok/ as usual. Focus stays in the field; aria-activedescendant points at the
// option the arrow keys have reached, so screen readers read it. Styles only through classes
// and the hidden attribute (the site's CSP allows no inline style).

(() => {
    const DELAY_MS = 150;
    const MIN_LENGTH = 2;
    const ACTIVE = "search-suggestions__option--active";

    function setUp(input) {
        const list = document.getElementById(input.dataset.suggestList);
        const status = document.getElementById(input.dataset.suggestStatus);
        if (!list || !status || !window.fetch) {
            return;
        }
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", list.id);

        let items = [];
        let active = -1;
        let timer = null;
        let latest = 0;
        let controller = null;

        function setActive(index) {
            const options = list.children;
            if (options[active]) {
                options[active].classList.remove(ACTIVE);
                options[active].setAttribute("aria-selected", "false");
            }
            active = index;
            if (options[active]) {
                options[active].classList.add(ACTIVE);
                options[active].setAttribute("aria-selected", "true");
                options[active].scrollIntoView({ block: "nearest" });
                input.setAttribute("aria-activedescendant", options[active].id);
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function close() {
            setActive(-1);
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
        }

        function open() {
            if (items.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
        }

        function go(index) {
            window.location.assign(items[index].url);
        }

        function option(item, index) {
            const li = document.createElement("li");
            li.id = `${list.id}-${index}`;
            li.className = "search-suggestions__option";
            li.setAttribute("role", "option");
            li.setAttribute("aria-selected", "false");
            const label = document.createElement("span");
            label.className = "search-suggestions__label";
            label.textContent = item.label;
            if (item.lang) {
                label.lang = item.lang;
            }
            // The comma makes screen readers pause between the title and its kind; it is not
            // shown, since the kind stands on a line or at a side of its own.
            const pause = document.createElement("span");
            pause.className = "visually-hidden";
            pause.textContent = ", ";
            const kind = document.createElement("span");
            kind.className = "search-suggestions__kind";
            kind.textContent = item.kind;
            li.append(label, pause, kind);
            // Keep focus in the field while the pointer presses an option.
            li.addEventListener("mousedown", (event) => event.preventDefault());
            li.addEventListener("click", () => go(index));
            return li;
        }

        function show(found) {
            setActive(-1);
            items = found;
            list.replaceChildren(...found.map(option));
            // The words come from the page (data-suggest-some/-none), in its language.
            const one = input.dataset.suggestOne || "1 förslag";
            const some = input.dataset.suggestSome || "{n} förslag";
            const none = input.dataset.suggestNone || "Inga förslag";
            const counted = found.length === 1 ? one : some.replace("{n}", found.length);
            status.textContent = found.length ? counted : none;
            if (found.length) {
                open();
            } else {
                close();
            }
        }

        function clear() {
            latest += 1; // answers still on their way are not shown
            items = [];
            close();
            list.replaceChildren();
            status.textContent = "";
        }

        async function fetchSuggestions(query) {
            latest += 1;
            const request = latest;
            if (controller) {
                controller.abort();
            }
            controller = new AbortController();
            try {
                const url = `${input.dataset.suggestUrl}?q=${encodeURIComponent(query)}`;
                const response = await fetch(url, {
                    headers: { Accept: "application/json" },
                    signal: controller.signal,
                });
                if (!response.ok) {
                    return;
                }
                const found = await response.json();
                if (request === latest && document.activeElement === input) {
                    show(found);
                }
            } catch {
                // Aborted by a newer keystroke, or offline: the form still submits as usual.
            }
        }

        input.addEventListener("input", () => {
            window.clearTimeout(timer);
            const query = input.value.trim();
            if (query.length < MIN_LENGTH) {
                clear();
                return;
            }
            timer = window.setTimeout(() => fetchSuggestions(query), DELAY_MS);
        });

        input.addEventListener("keydown", (event) => {
            if (event.altKey || event.ctrlKey || event.metaKey) {
                return;
            }
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                if (!items.length) {
                    return;
                }
                event.preventDefault();
                open();
                const last = items.length - 1;
                if (event.key === "ArrowDown") {
                    setActive(active >= last ? 0 : active + 1);
                } else {
                    setActive(active <= 0 ? last : active - 1);
                }
            } else if (event.key === "Enter") {
                if (!list.hidden && active >= 0) {
                    event.preventDefault();
                    go(active);
                }
            } else if (event.key === "Escape") {
                if (!list.hidden) {
                    event.preventDefault();
                    close();
                }
            }
        });

        input.addEventListener("blur", close);
    }

    document.querySelectorAll("input[data-suggest-url]").forEach(setUp);
})();
