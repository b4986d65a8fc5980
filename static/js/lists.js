/*
 * Reorder a list's films by dragging them (the list's owner only).
 *
 * The container <ol|ul data-reorder="<form id>"> holds items with
 * draggable="true", data-position (1 = first) and data-action (the entry's
 * address). Dropping an item on another one moves it to that one's
 * position: the hidden form is pointed at the entry and submitted, so the
 * server does the move and the page reloads in the new order (the same
 * POST-redirect-GET as the "Move up/down" buttons, which work without
 * JavaScript and from the keyboard).
 */
(function () {
    "use strict";

    function setup(container) {
        var form = document.getElementById(container.getAttribute("data-reorder"));
        if (!form) {
            return;
        }
        var dragged = null;

        container.addEventListener("dragstart", function (event) {
            dragged = event.target.closest("[data-action]");
            if (dragged) {
                dragged.classList.add("list-entry-dragging");
                event.dataTransfer.effectAllowed = "move";
                event.dataTransfer.setData("text/plain", dragged.id);
            }
        });
        container.addEventListener("dragend", function () {
            if (dragged) {
                dragged.classList.remove("list-entry-dragging");
            }
            dragged = null;
        });
        container.addEventListener("dragover", function (event) {
            if (dragged && event.target.closest("[data-action]")) {
                event.preventDefault();  // allows the drop
                event.dataTransfer.dropEffect = "move";
            }
        });
        container.addEventListener("drop", function (event) {
            var target = event.target.closest("[data-action]");
            if (!dragged || !target || target === dragged) {
                return;
            }
            event.preventDefault();
            form.action = dragged.getAttribute("data-action");
            form.elements.position.value = target.getAttribute("data-position");
            form.submit();
        });
    }

    function init() {
        document.querySelectorAll("[data-reorder]").forEach(setup);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
