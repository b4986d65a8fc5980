/*
 * One-click stars, Watched and Watchlist (reviews/includes/quick_controls.html).
 *
 * Without JavaScript they are forms that post and come back. Here each choice
 * goes to the API instead (/api/v1/reviews/rate/ and /status/, the session and
 * its CSRF token) and the controls, the film page's numbers and your summary
 * (fetched afresh) and a polite live region are updated in place. Clicking the chosen star again clears the
 * rating; arrow keys move through the stars as in any radio group. Requests
 * go one at a time per film, the latest choice last; the server's answer is
 * what the controls then show.
 */
(function () {
    "use strict";

    function setup(root) {
        var rateForm = root.querySelector("form.quick-rate");
        var live = root.querySelector("[data-quick-status]");
        var shown = root.querySelector("[data-quick-value]");
        var film = Number(root.getAttribute("data-film"));
        var token = rateForm.querySelector("input[name=csrfmiddlewaretoken]").value;
        var checked = rateForm.querySelector("input[name=rating]:checked");
        var current = checked ? checked.value : "";
        var busy = false;
        var queue = [];

        root.classList.add("quick-js");

        function text(name) {
            return root.getAttribute("data-text-" + name) || "";
        }

        function say(message) {
            live.textContent = "";
            // A fresh text node, so the same message twice is announced twice.
            window.setTimeout(function () { live.textContent = message; }, 50);
        }

        function showRating(value) {
            current = value === null || value === undefined ? "" : String(value);
            var radio = rateForm.querySelector('input[name=rating][value="' + current + '"]');
            if (radio) {
                radio.checked = true;
            }
            // In stars, written as the page's language writes numbers (1,5).
            shown.textContent = current
                ? (Number(current) / 2).toLocaleString(document.documentElement.lang || undefined)
                : "";
        }

        function showStatus(status) {
            root.querySelectorAll("[data-toggle-status]").forEach(function (button) {
                var on = button.getAttribute("data-toggle-status") === status;
                button.setAttribute("aria-pressed", on ? "true" : "false");
                button.value = on ? "0" : "1";
            });
        }

        // The page's other parts that show the change (the film page's
        // numbers, histogram and your summary: [data-refresh]) come afresh
        // from the server once the last request is answered: the member's
        // own page, rebuilt for the change, so nothing is formatted twice.
        // If that fails the page stays as it was; a reload shows the change.
        function refreshParts() {
            var parts = document.querySelectorAll("[data-refresh]");
            if (!parts.length) {
                return;
            }
            fetch(window.location.href, {
                credentials: "same-origin",
                headers: {"Accept": "text/html"}
            }).then(function (response) {
                return response.ok ? response.text() : Promise.reject(response);
            }).then(function (html) {
                var fresh = new DOMParser().parseFromString(html, "text/html");
                parts.forEach(function (part) {
                    var name = part.getAttribute("data-refresh");
                    var next = fresh.querySelector('[data-refresh="' + name + '"]');
                    if (next) {
                        part.replaceWith(document.importNode(next, true));
                    }
                });
            }).catch(function () {});
        }

        // The film page's full rating form below must say what was just
        // saved, or submitting it would put the old rating back.
        function syncForm(review) {
            document.querySelectorAll("form.userfilm-form").forEach(function (form) {
                var rating = form.querySelector("[name=rating]");
                if (rating) {
                    // The form counts in stars (3.5), the API in tenths (7).
                    rating.value = review && review.rating ? String(review.rating / 2) : "";
                }
                var status = form.querySelector("[name=status]");
                if (status && review && review.status) {
                    status.value = review.status;
                }
            });
        }

        function errorText(data) {
            if (data && data.errors) {
                for (var field in data.errors) {
                    if (data.errors[field].length) {
                        return data.errors[field][0];
                    }
                }
            }
            return (data && data.detail) || text("error");
        }

        function next() {
            if (busy || !queue.length) {
                return;
            }
            var job = queue.shift();
            busy = true;
            fetch(job.url, {
                method: "POST",
                credentials: "same-origin",
                headers: {
                    "Content-Type": "application/json",
                    "Accept": "application/json",
                    "X-CSRFToken": token
                },
                body: JSON.stringify(job.body)
            }).then(function (response) {
                return response.json().catch(function () { return null; }).then(function (data) {
                    if (!response.ok || !data) {
                        throw data;
                    }
                    var review = data.review;
                    showRating(review ? review.rating : null);
                    showStatus(review ? review.status : "");
                    syncForm(review);
                    say(job.done);
                    if (!queue.length) {
                        refreshParts();
                    }
                });
            }).catch(function (data) {
                job.undo();
                say(errorText(data));
            }).then(function () {
                busy = false;
                next();
            });
        }

        function send(url, body, done, undo) {
            queue.push({url: url, body: body, done: done, undo: undo});
            next();
        }

        // Arrow keys move one half star a press: the stars follow at once,
        // but only where they come to rest is saved (one request, not seven).
        var resting = null;
        var before = "";

        function rate(value) {
            if (resting === null) {
                before = current;
            }
            showRating(value);
            window.clearTimeout(resting);
            resting = window.setTimeout(function () {
                var undoTo = before;
                resting = null;
                send(
                    root.getAttribute("data-api-rate"),
                    {film: film, rating: current ? Number(current) : null},
                    current ? text("rated") : text("cleared"),
                    function () { showRating(undoTo); }
                );
            }, 400);
        }

        rateForm.addEventListener("click", function (event) {
            var radio = event.target;
            // Clicking the chosen star again (no change event follows) clears it.
            if (radio.name === "rating" && radio.value && radio.value === current) {
                rate("");
            }
        });
        rateForm.addEventListener("change", function (event) {
            if (event.target.name === "rating" && event.target.value !== current) {
                rate(event.target.value);
            }
        });
        rateForm.addEventListener("submit", function (event) {
            event.preventDefault();
        });

        root.querySelectorAll("form.quick-toggle").forEach(function (form) {
            form.addEventListener("submit", function (event) {
                event.preventDefault();
                var button = form.querySelector("[data-toggle-status]");
                var status = button.getAttribute("data-toggle-status");
                var on = button.value === "1";
                send(
                    root.getAttribute("data-api-status"),
                    {film: film, status: status, on: on},
                    text(status + "-" + (on ? "on" : "off")),
                    function () {}
                );
            });
        });
    }

    if (window.fetch) {
        document.querySelectorAll("[data-quick]").forEach(setup);
    }
})();
