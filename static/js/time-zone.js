/*
 * Fills <input data-browser-time-zone> (the signup form's hidden time zone)
 * with the browser's IANA zone name, e.g. "Europe/Paris". The server checks
 * the name and keeps the site's zone for anything it does not know; without
 * JavaScript the field stays empty and the site's zone is used.
 */
(function () {
    "use strict";
    var zone = "";
    try {
        zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
        return;
    }
    document.querySelectorAll("input[data-browser-time-zone]").forEach(function (input) {
        if (!input.value) {
            input.value = zone;
        }
    });
})();
