// SPDX-License-Identifier: EUPL-1.2
// Case view: reloads the case's state every 15 seconds while the page is open, keeping the scroll position.
(function () {
  'use strict';
  var main = document.getElementById('inhalt');
  var url = main && main.getAttribute('data-stand');
  if (!url) {
    return;
  }
  function failed() {
    var stand = document.getElementById('stand');
    if (stand) {
      stand.textContent = 'Aktualisierung fehlgeschlagen – bitte laden Sie die Seite neu (F5) oder melden Sie sich erneut an.';
      stand.className = 'alert';
    }
  }
  function refresh() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (reply) {
        if (!reply.ok) {
          throw new Error(String(reply.status));
        }
        return reply.text();
      })
      .then(function (html) { main.innerHTML = html; })
      .catch(failed);
  }
  window.setInterval(refresh, 15000);
}());
