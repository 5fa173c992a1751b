// SPDX-License-Identifier: EUPL-1.2
// Case view: reloads the case's state every 15 seconds while the page is open, keeping the scroll position and
// never while the caseworker is filling in a form; sends the arrival form and the form "Platz telefonisch gefunden"
// to /api with the session's CSRF token, shows the API's German problem next to the form and, after a phone
// placement, what happened and what comes next (kept above the state through every reload).

(function () {
  'use strict';
  var main = document.getElementById('inhalt');
  var url = main && main.getAttribute('data-stand');
  if (!url) {
    return;
  }
  var editing = false;
  var recorded = null;
  var LABELS = { note: 'Träger / Einrichtung und wer zugesagt hat', offerId: 'Platz im Register',
    phoneNote: 'Träger / Einrichtung und wer zugesagt hat', phoneOffer: 'Platz im Register' };
  function say(id, text, css) {
    var element = document.getElementById(id);
    if (element) {
      element.textContent = text;
      if (css !== undefined) {
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
      .then(function (html) {
        main.innerHTML = html;
        confirm();
      })
      .catch(function () {
        say('stand', 'Aktualisierung fehlgeschlagen – bitte laden Sie die Seite neu (F5) oder melden Sie sich erneut an.',
          'alert');
      });
  }
  // the confirmation of a recorded phone placement, above "Wie es weitergeht" of every reload
  function confirm() {
    var next = document.getElementById('naechster-schritt');
    if (!recorded || !next || document.getElementById('telefonisch-erfasst')) {
      return;
    }
    var done = document.createElement('p');
    done.id = 'telefonisch-erfasst';
    done.className = 'ok';
    done.setAttribute('role', 'status');
    done.textContent = recorded;
    next.parentNode.insertBefore(done, next);
  }
  function foundByPhone(form) {
    var open = Number(form.getAttribute('data-open'));
    var note = form.elements.note;
    var offer = form.elements.offerId.value;
    note.removeAttribute('aria-invalid');
    if (!note.value.trim()) {
      note.setAttribute('aria-invalid', 'true');
      say('telefonisch-meldung', 'Bitte angeben, welcher Träger / welche Einrichtung und wer zugesagt hat.', 'alert');
      return;
    }
    say('telefonisch-meldung', 'Wird erfasst …', '');
    var body = { note: note.value };
    if (offer) {
      body.offerId = Number(offer);
    }
    fetch(form.getAttribute('data-url'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'Accept-Language': 'de',
        'X-XSRF-TOKEN': form.getAttribute('data-csrf') },
      body: JSON.stringify(body)
    }).then(function (reply) {
      if (reply.ok) {
        recorded = 'Platz erfasst: „' + note.value.trim() + '“. Der Fall ist untergebracht. ' +
          (open === 1 ? 'Die offene Anfrage wurde zurückgezogen und der Träger benachrichtigt; sein Platz ist wieder frei. '
            : open > 1 ? 'Die ' + open + ' offenen Anfragen wurden zurückgezogen und die Träger benachrichtigt; ihre ' +
              'Plätze sind wieder frei. ' : '') +
          'Was jetzt zu tun ist, steht darunter bei „Wie es weitergeht“.';
        editing = false;
        refresh();
        return null;
      }
      return reply.json().then(function (problem) {
        var fields = (problem.errors || []).map(function (e) {
          var input = form.elements[e.field];
          if (input) {
            input.setAttribute('aria-invalid', 'true');
          }
          return (LABELS[e.field] || e.field) + ': ' + e.message;
        });
        say('telefonisch-meldung', 'Nicht erfasst: ' + (fields.length ? fields.join('; ')
          : problem.detail || 'bitte Angaben prüfen.'), 'alert');
      }, function () {
        say('telefonisch-meldung', reply.status === 401 || reply.status === 403
          ? 'Nicht erfasst: Ihre Anmeldung ist abgelaufen. Bitte laden Sie die Seite neu (F5) und melden Sie sich an.'
          : 'Nicht erfasst (Fehler ' + reply.status + '). Bitte erneut senden.', 'alert');
      });
    }).catch(function () {
      say('telefonisch-meldung', 'Nicht erfasst – keine Verbindung. Bitte erneut senden.', 'alert');
    });
  }
  main.addEventListener('input', function (event) {
    editing = true;
    if (event.target.form && event.target.form.id === 'platz-telefonisch' &&
        event.target.getAttribute('aria-invalid')) {
      event.target.removeAttribute('aria-invalid');
      say('telefonisch-meldung', '', '');
    }
  });
  main.addEventListener('change', function () { editing = true; });
  main.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.id === 'platz-telefonisch') {
      event.preventDefault();
      foundByPhone(form);
      return;
    }
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
