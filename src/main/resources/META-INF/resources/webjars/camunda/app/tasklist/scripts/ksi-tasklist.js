// SPDX-License-Identifier: EUPL-1.2
// Koordinierungsstelle Inobhutnahme: Tasklist for the night shift (loaded through config.js customScripts).
//
// 1. Form errors in German that name the field: form-js (the Camunda Forms renderer inside Tasklist) has no
//    translations of its validation texts ("Field is required.", "Field must match pattern ^\d{2}…"); they are
//    rewritten where form-js shows them, under their field.
// 2. An unclaimed task says so above its greyed-out form, with one button that claims it.
// 3. The start form ("Prozess starten") asks before it closes with input (Escape, a click beside it, "Zurück",
//    the ×, a reload): no draft is kept in the browser (ksi-no-form-drafts.js), so closing would lose it all.
// 4. On a tablet (narrow screen) an open task takes the whole width; "Zur Aufgabenliste" leads back.
// 5. What only the server finds (a birth date or an estimated age, a rule of the form checked again) is shown
//    under the field it names, not only in the notification at the top: the server writes
//    "Bitte … prüfen – <Feld>: <Text>; <Feld>: <Text>", each part goes under the field whose label starts so.

const DATE_PATTERN = '^\\d{2}\\.\\d{2}\\.\\d{4}$';

/** The label of a form-js field as the user reads it, without the required mark and a trailing hint in brackets. */
function fieldLabel(field) {
  const label = field && field.querySelector('.fjs-form-field-label');
  if (!label) {
    return 'dieses Feld';
  }
  return label.textContent.replace(/\*\s*$/, '').replace(/\s*\([^)]*\)\s*$/, '').trim() || 'dieses Feld';
}

function quoted(label) {
  return '„' + label + '“';
}

/** "das Geburtsdatum", otherwise the label in quotes. */
function named(label) {
  return /datum$/i.test(label) && !/\s/.test(label) ? 'das ' + label : quoted(label);
}

function isChoice(field) {
  return /fjs-form-field-(radio|select|checklist|taglist)/.test(field ? field.className : '');
}

/** The German text of one form-js validation message, or null if it is none of form-js's English ones. */
export function germanValidation(text, field) {
  const label = fieldLabel(field);
  let m;
  if (/^Field is required\.?$/.test(text)) {
    if (field && /fjs-form-field-checkbox/.test(field.className)) {
      return 'Bitte ' + quoted(label) + ' bestätigen.';
    }
    return isChoice(field) ? 'Bitte bei ' + quoted(label) + ' eine Auswahl treffen.' : 'Bitte ' + quoted(label) + ' ausfüllen.';
  }
  if ((m = /^Field must match pattern (.*)\.$/.exec(text))) {
    if (m[1] === DATE_PATTERN) {
      return 'Bitte ' + named(label) + ' als TT.MM.JJJJ eingeben, z. B. 24.12.2012.';
    }
    return quoted(label) + ' hat nicht die erwartete Form; bitte die Angabe prüfen.';
  }
  if ((m = /^Field must have minimum value of (.*)\.$/.exec(text))) {
    return quoted(label) + ': bitte eine Zahl ab ' + m[1] + ' eingeben.';
  }
  if ((m = /^Field must have maximum value of (.*)\.$/.exec(text))) {
    return quoted(label) + ': bitte höchstens ' + m[1] + ' eingeben.';
  }
  if ((m = /^Field must have minimum length of (.*)\.$/.exec(text))) {
    return quoted(label) + ' muss mindestens ' + m[1] + ' Zeichen lang sein.';
  }
  if ((m = /^Field must have maximum length of (.*)\.$/.exec(text))) {
    return quoted(label) + ' darf höchstens ' + m[1] + ' Zeichen lang sein; bitte kürzen.';
  }
  if (/^Field must be a valid email/.test(text)) {
    return 'Bitte bei ' + quoted(label) + ' eine gültige E-Mail-Adresse eingeben.';
  }
  if (/^Field must be a valid\s+international phone number/.test(text)) {
    return 'Bitte bei ' + quoted(label) + ' eine Telefonnummer mit Ländervorwahl eingeben, z. B. +49 4551 1234.';
  }
  return null;
}

function translateErrors(root) {
  root.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error > span').forEach((item) => {
    const text = item.textContent.trim();
    if (!text.startsWith('Field ')) {
      return;
    }
    const german = germanValidation(text, item.closest('.fjs-form-field'));
    if (german !== null) {
      // change the text node form-js rendered, not the element, so that its next render still finds its node
      const node = Array.from(item.childNodes).find((n) => n.nodeType === Node.TEXT_NODE && n.data.trim() !== '');
      if (node) {
        node.data = german;
      } else {
        item.textContent = german;
      }
    }
  });
}

/** Tasklist's general "could not complete" says what to do when the form itself shows what is missing. */
const GENERAL_FAILURE = /^(Ein Fehler ist beim Abschließen der Aufgabe aufgetreten\.|Der Prozess konnte nicht gestartet werden\.)\s*:?$/;

function explainFailedSubmit(root) {
  if (!root.querySelector('.fjs-form-field-error li, .fjs-form-field-error > span')) {
    return;
  }
  root.querySelectorAll('.notifications .alert-danger').forEach((alert) => {
    const walker = document.createTreeWalker(alert, NodeFilter.SHOW_TEXT);
    let replaced = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (GENERAL_FAILURE.test(node.data.trim())) {
        node.data = 'Das Formular ist noch nicht vollständig: Bitte die rot markierten Angaben unter den Feldern prüfen.';
        replaced = true;
      } else if (replaced && /^\s*:\s*$/.test(node.data)) {
        // Tasklist writes "<general failure> : <details>"; the colon has nothing left to introduce
        node.data = ' ';
      }
    }
  });
}

// ---- 5. server errors at their field ------------------------------------------------------------------------

const SERVER_ERROR = 'ksi-server-error';
/** Parts the user has answered by changing their field: not shown again until a new notification comes. */
const answered = new Set();
const seenAlerts = new WeakSet();

function serverErrorParts(alert) {
  const text = alert.textContent.replace(/\s+/g, ' ').trim();
  const dash = text.indexOf(' – ');
  if (dash < 0) {
    return [];
  }
  return text.substring(dash + 3).split('; ').map((part) => {
    const colon = part.indexOf(': ');
    return colon > 0 ? { label: part.substring(0, colon).trim(), message: part.substring(colon + 2).trim() } : null;
  }).filter((part) => part && part.message);
}

function fieldLabelled(root, label) {
  return Array.from(root.querySelectorAll('.fjs-form-field')).find((field) => {
    const own = field.querySelector('.fjs-form-field-label');
    return own && own.textContent.replace(/\*\s*$/, '').trim().startsWith(label);
  });
}

function placeServerErrors(root) {
  const wanted = new Set();
  // the start form's notification sits in the dialog around the form, a task's above the form
  root.querySelectorAll('.modal-content, [cam-tasklist-form]').forEach((scope) => {
    const alerts = Array.from(scope.querySelectorAll('.notifications .alert-danger'));
    if (alerts.some((alert) => !seenAlerts.has(alert))) {
      alerts.forEach((alert) => seenAlerts.add(alert));
      answered.clear();
    }
    alerts.flatMap(serverErrorParts).forEach((part) => {
      const key = part.label + '\u0000' + part.message;
      const field = fieldLabelled(scope, part.label);
      if (!field || answered.has(key)) {
        return;
      }
      wanted.add(field);
      if (field.querySelector('.' + SERVER_ERROR)) {
        return;
      }
      const error = document.createElement('div');
      error.className = 'fjs-form-field-error ' + SERVER_ERROR;
      error.setAttribute('role', 'alert');
      const span = document.createElement('span');
      span.textContent = part.message;
      error.appendChild(span);
      field.appendChild(error);
      field.classList.add('fjs-has-errors');
      const done = () => {
        answered.add(key);
        error.remove();
        field.classList.remove('fjs-has-errors');
      };
      field.addEventListener('input', done, { once: true });
      field.addEventListener('change', done, { once: true });
    });
  });
  // a notification that is gone (closed, or a new try) takes its field errors with it
  root.querySelectorAll('.' + SERVER_ERROR).forEach((error) => {
    const field = error.closest('.fjs-form-field');
    if (!wanted.has(field)) {
      error.remove();
      if (field) {
        field.classList.remove('fjs-has-errors');
      }
    }
  });
}

// ---- 2. unclaimed tasks ----------------------------------------------------------------------------------

const CLAIM_HINT = 'ksi-claim-hint';

function showClaimHint() {
  const claim = document.querySelector('.task-details button.claim, [cam-tasklist-task-meta] button.claim, button.claim');
  const form = document.querySelector('[cam-tasklist-form]');
  const hint = document.querySelector('.' + CLAIM_HINT);
  if (!claim || !form) {
    if (hint) {
      hint.remove();
    }
    return;
  }
  if (hint && hint.nextElementSibling === form) {
    return;
  }
  if (hint) {
    hint.remove();
  }
  const box = document.createElement('div');
  box.className = CLAIM_HINT;
  box.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = 'Diese Aufgabe hat noch niemand übernommen. Übernehmen Sie sie, dann können Sie das Formular ausfüllen.';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'btn btn-primary ksi-claim-button';
  button.textContent = 'Aufgabe übernehmen';
  button.addEventListener('click', () => {
    const current = document.querySelector('button.claim');
    if (current) {
      current.click();
    }
  });
  box.appendChild(text);
  box.appendChild(button);
  form.parentNode.insertBefore(box, form);
}

// a click into the greyed-out form of an unclaimed task points at the button
document.addEventListener('click', (event) => {
  const hint = document.querySelector('.' + CLAIM_HINT);
  if (hint && event.target.closest && event.target.closest('[cam-tasklist-form]')) {
    hint.classList.remove('ksi-attention');
    void hint.offsetWidth;
    hint.classList.add('ksi-attention');
    hint.querySelector('button').focus();
  }
}, true);

// ---- 3. no lost input in the start form --------------------------------------------------------------------

const LEAVE_QUESTION = 'Die Aufnahme ist noch nicht gestartet. Wenn Sie den Dialog schließen, gehen Ihre Eingaben verloren. Trotzdem schließen?';

function startFormWithInput() {
  const form = document.querySelector('.modal-content .fjs-form');
  if (!form) {
    return false;
  }
  const typed = Array.from(form.querySelectorAll('input:not([type=radio]):not([type=checkbox]), textarea'))
    .some((input) => !input.readOnly && !input.disabled && input.value.trim() !== '');
  const ticked = Array.from(form.querySelectorAll('input[type=checkbox]')).some((box) => box.checked);
  return typed || ticked;
}

function keepOpen(event) {
  if (startFormWithInput() && !window.confirm(LEAVE_QUESTION)) {
    event.preventDefault();
    event.stopImmediatePropagation();
    event.stopPropagation();
  }
}

window.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' || event.key === 'Esc') {
    keepOpen(event);
  }
}, true);

['mousedown', 'click'].forEach((type) => window.addEventListener(type, (event) => {
  const target = event.target;
  if (!(target instanceof Element) || !document.querySelector('.modal-content .fjs-form')) {
    return;
  }
  // the backdrop (the modal window outside its dialog), or a button that closes or leaves the form
  const besideDialog = target.classList.contains('modal') && !target.closest('.modal-dialog');
  const button = target.closest('.modal-content button, .modal-content a');
  const leaves = button && (button.classList.contains('close') || /^(Zurück|Schließen|Abbrechen|Back|Close|Cancel)$/
    .test(button.textContent.trim()));
  if (besideDialog || leaves) {
    if (type === 'mousedown') {
      // ask once, on click; keep the backdrop from closing on mousedown/mouseup pairs
      return;
    }
    keepOpen(event);
  }
}, true));

window.addEventListener('beforeunload', (event) => {
  if (startFormWithInput()) {
    event.preventDefault();
    event.returnValue = LEAVE_QUESTION;
  }
});

// ---- 4. tablet: an open task takes the whole width ------------------------------------------------------------

function markOpenTask() {
  const open = /[?&]task=/.test(window.location.hash) || /[?&]task=/.test(window.location.search);
  document.body.classList.toggle('ksi-task-open', open);
  const top = document.querySelector('.task-details .three-cols-layout-cell.top');
  if (open && top && !top.querySelector('.ksi-back-to-list')) {
    const back = document.createElement('a');
    back.className = 'ksi-back-to-list';
    back.href = '#/';
    back.textContent = '‹ Zur Aufgabenliste';
    back.addEventListener('click', (event) => {
      event.preventDefault();
      window.location.hash = window.location.hash.replace(/([?&])task=[^&]*&?/, '$1').replace(/[?&]$/, '');
    });
    top.insertBefore(back, top.firstChild);
  }
}

// ---- wiring -----------------------------------------------------------------------------------------------------

let scheduled = false;
function update() {
  scheduled = false;
  translateErrors(document);
  placeServerErrors(document);
  explainFailedSubmit(document);
  showClaimHint();
  markOpenTask();
}

new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    window.requestAnimationFrame(update);
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

window.addEventListener('hashchange', update);
update();
