/*
 * Title suggestions for search boxes, from the REST API.
 *
 * Any <input data-autocomplete="/api/v1/films/autocomplete/"> becomes an
 * ARIA 1.2 combobox with a listbox of films: arrow keys move through the
 * suggestions, Enter opens the chosen film, Escape closes the list. Without
 * JavaScript, or when the endpoint is missing or failing, the box is a plain
 * search box that submits to the search page.
 *
 * With data-autocomplete-pick="<form id>", choosing a film puts its id in
 * that form's `film` field and submits it (a list's "Add a film") instead of
 * opening the film's page.
 */
(function () {
    "use strict";

    var MIN_CHARS = 2;
    var DELAY_MS = 200;
    var counter = 0;

    function setup(input) {
        var endpoint = input.getAttribute("data-autocomplete");
        if (!endpoint || !window.fetch) {
            return;
        }
        counter += 1;
        var listId = "ac-list-" + counter;
        var anchor = input.closest(".input-group") || input;
        var wrapper = anchor.parentNode;
        wrapper.classList.add("ac-wrapper");

        var list = document.createElement("ul");
        list.id = listId;
        list.className = "ac-list";
        list.setAttribute("role", "listbox");
        // Named as the field is (its label is in the page's language).
        var label = input.labels && input.labels.length ? input.labels[0].textContent.trim() : "";
        list.setAttribute(
            "aria-label",
            input.getAttribute("aria-label") || label || input.getAttribute("placeholder") || "Films"
        );
        list.hidden = true;
        anchor.insertAdjacentElement("afterend", list);

        var status = document.createElement("div");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        list.insertAdjacentElement("afterend", status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        var items = [];
        var active = -1;
        var timer = null;
        var controller = null;
        var broken = false;

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            var options = list.querySelectorAll("[role=option]");
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0 && options[index]) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function go(index) {
            var film = items[index];
            var pick = document.getElementById(
                input.getAttribute("data-autocomplete-pick") || "");
            if (film && pick && pick.elements.film) {
                pick.elements.film.value = film.id;
                pick.submit();
            } else if (film && film.url) {
                window.location.assign(film.url);
            }
        }

        function render(films) {
            items = films.slice(0, 8);
            list.textContent = "";
            items.forEach(function (film, i) {
                var option = document.createElement("li");
                option.id = listId + "-" + i;
                option.className = "ac-option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.textContent = film.title;
                if (film.year) {
                    var year = document.createElement("span");
                    year.className = "ac-year";
                    year.textContent = " (" + film.year + ")";
                    option.appendChild(year);
                }
                // mousedown, not click: it fires before the input's blur.
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    go(i);
                });
                list.appendChild(option);
            });
            if (items.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
                // The sentence comes translated from the page (base.html).
                status.textContent = (document.body.getAttribute("data-ac-status") ||
                    "Suggestions: %(count)s.").replace("%(count)s", items.length);
            } else {
                close();
                status.textContent = "";
            }
            active = -1;
        }

        function lookup() {
            var text = input.value.trim();
            if (broken || text.length < MIN_CHARS) {
                close();
                return;
            }
            if (controller) {
                controller.abort();
            }
            controller = new AbortController();
            var url = endpoint + (endpoint.indexOf("?") === -1 ? "?" : "&") +
                "q=" + encodeURIComponent(text);
            fetch(url, {
                headers: { Accept: "application/json" },
                credentials: "same-origin",
                signal: controller.signal
            }).then(function (response) {
                if (response.status === 404 || response.status === 405) {
                    broken = true;  // no suggestions endpoint on this site
                    throw new Error("autocomplete unavailable");
                }
                if (!response.ok) {
                    throw new Error("autocomplete failed");
                }
                return response.json();
            }).then(function (data) {
                var films = Array.isArray(data) ? data : (data && data.results) || [];
                if (input.value.trim() === text) {
                    render(films);
                }
            }).catch(function () {
                close();
            });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(lookup, DELAY_MS);
        });

        input.addEventListener("keydown", function (event) {
            var open = !list.hidden && items.length > 0;
            if (event.key === "ArrowDown" && open) {
                event.preventDefault();
                highlight(active + 1 >= items.length ? 0 : active + 1);
            } else if (event.key === "ArrowUp" && open) {
                event.preventDefault();
                highlight(active <= 0 ? items.length - 1 : active - 1);
            } else if (event.key === "Enter" && open && active >= 0) {
                event.preventDefault();
                go(active);
            } else if (event.key === "Escape" && open) {
                event.preventDefault();
                close();
            }
        });

        input.addEventListener("blur", close);
    }

    function init() {
        document.querySelectorAll("input[data-autocomplete]").forEach(setup);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
