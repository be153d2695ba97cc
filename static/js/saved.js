// Back in Min samling after "Flytta upp" or "Flytta ner" (#flytta-upp-<id>, saved/views.py):
// the keyboard focus returns to that button on the moved page, described by the message that
// says where the page went, instead of starting again at the top of the page. The message is
// at the top, out of view on a phone: it is shown again beside the buttons (hidden from screen
// readers, who hear it once, as the button's description).
(() => {
    const match = /^#(flytta-(?:upp|ner)-\d+)$/.exec(window.location.hash);
    const button = match && document.getElementById(match[1]);
    if (!button) {
        return;
    }
    const box = document.getElementById("saved-messages");
    if (box) {
        button.setAttribute("aria-describedby", "saved-messages");
        const copy = document.createElement("p");
        copy.className = "saved-item__moved";
        copy.setAttribute("aria-hidden", "true");
        copy.textContent = box.textContent.trim();
        button.closest(".saved-item__controls").after(copy);
    }
    button.focus();
})();

// Back in Min samling after "Ta bort", a new name or emptying it (#saved-messages, saved/views.py):
// the keyboard focus moves to the message that says what was done, so it is read out and the
// visitor goes on from there rather than from the top of the page.
(() => {
    const box = window.location.hash === "#saved-messages" && document.getElementById("saved-messages");
    if (box) {
        box.focus();
    }
})();

// "Spara" without leaving the page: the form is sent with fetch and the button says "Sparad".
// Without JavaScript the same form posts normally and the visitor comes back to #spara-<id>.
// Back on a page later, the buttons of pages already in Min samling say "Sparad" too.

(() => {
    const forms = document.querySelectorAll("[data-save-form]");
    if (!forms.length || !window.fetch) {
        return;
    }
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    document.body.append(status);

    // The answer says its language (Min samling speaks Swedish on the English pages too);
    // without one, the page's own.
    const setLanguage = (element, lang) => {
        if (lang) {
            element.lang = lang;
        } else {
            element.removeAttribute("lang");
        }
    };
    const announce = (text, lang) => {
        status.textContent = "";
        window.setTimeout(() => {
            setLanguage(status, lang);
            status.textContent = text;
        }, 50);
    };

    const label = (form) => form.querySelector(".save-button__label");
    forms.forEach((form) => {
        form.dataset.saveLabel = label(form).textContent;
    });
    const show = (form, saved) => {
        label(form).textContent = saved
            ? form.dataset.savedLabel || "Sparad"
            : form.dataset.saveLabel;
        form.classList.toggle("save-form--saved", saved);
    };

    // Why a page was not saved, beside its button: the status line reads it out, but the
    // button stays "Spara" and would otherwise seem to do nothing. The button is described by
    // it, for whoever comes back to the button later. Gone once the page is saved.
    const explain = (form, text, lang) => {
        const button = form.querySelector("button");
        let note = form.querySelector(".save-form__error");
        if (!text) {
            if (note) {
                note.remove();
                button.removeAttribute("aria-describedby");
            }
            return;
        }
        if (!note) {
            note = document.createElement("span");
            note.className = "save-form__error";
            note.id = `${form.id}-fel`;
            form.append(note);
        }
        setLanguage(note, lang);
        note.textContent = text;
        button.setAttribute("aria-describedby", note.id);
    };

    // Pages are the same for every visitor (and cached), so which are saved is asked for here:
    // only in a browser that has saved pages (the server's "samling" cookie says so), so no
    // one else makes a second request per page.
    const markSavedPages = async () => {
        if (!/(?:^|;\s*)samling=1(?:;|$)/.test(document.cookie)) {
            forms.forEach((form) => show(form, false));
            return;
        }
        try {
            const response = await fetch(forms[0].dataset.savedIds, {
                headers: { Accept: "application/json" },
                credentials: "same-origin",
            });
            if (!response.ok) {
                return;
            }
            const saved = new Set(((await response.json()).sidor || []).map(String));
            forms.forEach((form) => show(form, saved.has(form.elements.sida.value)));
        } catch (error) {
            // The buttons stay as they are; saving again is harmless.
        }
    };
    markSavedPages();
    // Back to this page from Min samling (the browser's back/forward cache keeps the page as
    // it was): a page removed there says "Spara" again, and why an earlier save failed is
    // no longer news.
    window.addEventListener("pageshow", (event) => {
        if (event.persisted) {
            status.textContent = "";
            forms.forEach((form) => explain(form, ""));
            markSavedPages();
        }
    });

    forms.forEach((form) => {
        form.addEventListener("submit", async (event) => {
            event.preventDefault();
            const button = form.querySelector("button");
            // Busy, but not disabled: a disabled button loses the keyboard focus to the page.
            if (button.getAttribute("aria-disabled") === "true") {
                return;
            }
            button.setAttribute("aria-disabled", "true");
            try {
                const response = await fetch(form.action, {
                    method: "POST",
                    body: new FormData(form),
                    headers: { Accept: "application/json" },
                    credentials: "same-origin",
                });
                const answer = await response.json();
                if (!answer.saved && !answer.message) {
                    // Nothing to say why: the plain form post gets the server's own page.
                    form.submit();
                    return;
                }
                if (answer.saved) {
                    show(form, true);
                }
                explain(form, answer.saved ? "" : answer.message, answer.lang);
                announce(answer.message, answer.lang);
            } catch (error) {
                // Fall back to the plain form post.
                form.submit();
                return;
            }
            button.removeAttribute("aria-disabled");
        });
    });
})();

// Min samling's share link, copied with one press (on a phone the field shows only its start).
// Where the browser lets no page write to the clipboard, the link is selected to copy by hand.
(() => {
    const button = document.querySelector(".saved-share__copy");
    const field = document.getElementById("share-link");
    const status = document.querySelector(".saved-share__copied");
    if (!button || !field || !status) {
        return;
    }
    button.hidden = false;
    button.addEventListener("click", async () => {
        try {
            await navigator.clipboard.writeText(field.value);
            status.textContent = "Länken är kopierad.";
        } catch {
            field.focus();
            field.select();
            status.textContent = "Länken är markerad: kopiera den med Ctrl+C eller Kopiera.";
        }
    });
})();
