/*
 * The Letterboxd import's progress page: moves the bar while the job runs.
 *
 * Polls the import's API address (data-status-url, the session cookie signs
 * the request) every POLL_MS, sets the bar's width class (w-pct-0 … 100, no
 * inline style) and the "N of M rows" text, and reloads the page once the
 * import is done or failed, which then shows the report. Without JavaScript
 * the page refreshes itself (a <noscript> meta refresh) and has a reload link.
 */
(function () {
    "use strict";

    var POLL_MS = 1500;
    var box = document.getElementById("import-status");
    if (!box || !window.fetch) {
        return;
    }
    var url = box.getAttribute("data-status-url");
    var progress = box.querySelector("[data-progress]");
    var bar = box.querySelector("[data-progress-bar]");
    var text = box.querySelector("[data-progress-text]");
    var template = text ? text.getAttribute("data-template") : null;

    function show(data) {
        var percent = data.total ? Math.min(100, Math.round(100 * data.processed / data.total)) : 0;
        var step = Math.floor(percent / 5) * 5;
        bar.className = bar.className.replace(/\bw-pct-\d+\b/, "w-pct-" + step);
        progress.setAttribute("aria-valuenow", String(data.processed));
        progress.setAttribute("aria-valuemax", String(data.total));
        if (text && template) {
            // Grouped as the page's language writes numbers (1,234 / 1 234).
            var lang = document.documentElement.lang || undefined;
            text.textContent = template
                .replace("{processed}", data.processed.toLocaleString(lang))
                .replace("{total}", data.total.toLocaleString(lang));
        }
    }

    function poll() {
        fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.json();
            })
            .then(function (data) {
                show(data);
                if (data.status === "done" || data.status === "failed") {
                    window.location.reload();
                    return;
                }
                window.setTimeout(poll, POLL_MS);
            })
            .catch(function () {
                // A network hiccup: try again a little later.
                window.setTimeout(poll, POLL_MS * 2);
            });
    }

    window.setTimeout(poll, POLL_MS);
})();
