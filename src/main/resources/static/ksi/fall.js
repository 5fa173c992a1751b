// SPDX-License-Identifier: EUPL-1.2
// Case view: reloads the case's state every 15 seconds while the page is open, keeping the scroll position and
// never while the caseworker is filling in the arrival form; sends that form to /api with the session's CSRF token.
(function () {
  'use strict';
  var main = document.getElementById('inhalt');
  var url = main && main.getAttribute('data-stand');
  if (!url) {
    return;
  }
  var editing = false;
  function say(id, text, css) {
    var element = document.getElementById(id);
    if (element) {
      element.textContent = text;
      if (css) {
        element.className = css;
      }
    }
  }
  function refresh() {
    if (editing) {
      return;
    }
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (reply) {
        if (!reply.ok) {
          throw new Error(String(reply.status));
        }
        return reply.text();
      })
      .then(function (html) { main.innerHTML = html; })
      .catch(function () {
        say('stand', 'Aktualisierung fehlgeschlagen – bitte laden Sie die Seite neu (F5) oder melden Sie sich erneut an.',
          'alert');
      });
  }
  main.addEventListener('input', function () { editing = true; });
  main.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.id !== 'ankunft-planen') {
      return;
    }
    event.preventDefault();
    var when = new Date(form.elements.expectedAt.value);
    if (isNaN(when.getTime())) {
      say('ankunft-meldung', 'Bitte Datum und Uhrzeit der Ankunft angeben.', 'alert');
      return;
    }
    fetch(form.getAttribute('data-url'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json',
        'X-XSRF-TOKEN': form.getAttribute('data-csrf') },
      body: JSON.stringify({ expectedAt: when.toISOString(), escort: form.elements.escort.value })
    }).then(function (reply) {
      if (reply.ok) {
        editing = false;
        refresh();
        return null;
      }
      return reply.json().then(function (problem) {
        say('ankunft-meldung', problem.detail || 'Nicht gespeichert – bitte Angaben prüfen.', 'alert');
      });
    }).catch(function () {
      say('ankunft-meldung', 'Nicht gespeichert – keine Verbindung. Bitte erneut senden.', 'alert');
    });
  });
  window.setInterval(refresh, 15000);
}());
