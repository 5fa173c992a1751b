// SPDX-License-Identifier: EUPL-1.2
// Platzmeldung page for provider staff: reads /api/platzmeldung and reports with PUT /api/offers/{id}/availability,
// both with the Tasklist login of this browser and the CSRF token the page carries. Tablet first: large buttons.
(function () {
  'use strict';
  const root = document.getElementById('platzmeldung');
  if (!root) return;
  const csrf = root.getAttribute('data-csrf');
  const headers = { Accept: 'application/json', 'Accept-Language': 'de', 'X-XSRF-TOKEN': csrf };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== null && v !== undefined) node.setAttribute(k, v); });
    children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
    return node;
  }

  function time(instant) {
    return instant ? new Date(instant).toLocaleString('de-DE', { dateStyle: 'short', timeStyle: 'short' }) + ' Uhr' : '–';
  }

  function who(reportedBy) {
    if (!reportedBy) return '–';
    return reportedBy.startsWith('api:') ? `Schnittstelle Ihres Systems (${reportedBy})` : reportedBy;
  }

  function places(n) {
    return n === 1 ? '1 Platz' : `${n} Plätze`;
  }

  function stepper(id, label, value, max) {
    const input = el('input', { id, type: 'number', inputmode: 'numeric', min: '0', max: String(max), step: '1',
      value: String(value), class: 'pm-number' });
    const step = (delta) => {
      const current = Number.parseInt(input.value, 10);
      const next = Math.max(0, Math.min(max, (Number.isNaN(current) ? 0 : current) + delta));
      input.value = String(next);
    };
    const minus = el('button', { type: 'button', class: 'pm-step', 'aria-label': `${label}: einen weniger` }, '−');
    const plus = el('button', { type: 'button', class: 'pm-step', 'aria-label': `${label}: einen mehr` }, '+');
    minus.addEventListener('click', () => step(-1));
    plus.addEventListener('click', () => step(1));
    return { input, node: el('div', { class: 'pm-field' }, el('label', { for: id }, label),
      el('div', { class: 'pm-stepper' }, minus, input, plus)) };
  }

  function offerCard(offer, staffedReported, message) {
    const stale = offer.stale ? el('span', { class: 'pm-badge pm-stale' }, 'veraltet') : el('span', { class: 'pm-badge pm-fresh' }, 'aktuell');
    const staffedText = offer.staffed === undefined || offer.staffed === null
      ? 'nicht gemeldet (zählt wie genehmigt)' : places(offer.staffed);
    const facts = el('dl', { class: 'pm-facts' },
      el('dt', {}, 'Genehmigte Plätze'), el('dd', { class: 'pm-licensed' }, String(offer.licensed)),
      el('dt', {}, 'Frei im Haus'), el('dd', { class: 'pm-free' }, String(offer.freeInHouse)
        + (offer.openRequests > 0 ? ` (davon ${places(offer.openRequests)} für offene Anfragen reserviert)` : '')),
      staffedReported ? [el('dt', {}, 'Heute Nacht besetzbar'), el('dd', { class: 'pm-staffed' }, staffedText)] : [],
      el('dt', {}, 'Zuletzt gemeldet'), el('dd', { class: 'pm-reported' }, `${time(offer.reportedAt)} von ${who(offer.reportedBy)}`));
    const free = stepper(`frei-${offer.id}`, 'Freie Plätze jetzt', offer.freeInHouse, offer.licensed);
    const staffedValue = offer.staffed === undefined || offer.staffed === null ? offer.licensed : offer.staffed;
    const staffed = staffedReported ? stepper(`besetzbar-${offer.id}`, 'Heute Nacht besetzbar', staffedValue, offer.licensed) : null;
    const result = el('p', { class: 'pm-result', role: 'status', 'aria-live': 'polite', tabindex: '-1' }, message || '');
    const confirm = el('button', { type: 'button', class: 'pm-confirm' }, 'Unverändert bestätigen');
    const save = el('button', { type: 'button', class: 'pm-save' }, 'Änderung speichern');
    confirm.addEventListener('click', () => report(offer, { free: offer.freeInHouse, staffed: offer.staffed }, staffedReported, result, [confirm, save]));
    save.addEventListener('click', () => {
      const figures = { free: read(free.input, offer.licensed), staffed: staffed ? read(staffed.input, offer.licensed) : undefined };
      if (figures.free === null || figures.staffed === null) {
        result.className = 'pm-result pm-error';
        result.textContent = `Bitte ganze Zahlen von 0 bis ${offer.licensed} eingeben (genehmigte Plätze).`;
        return;
      }
      report(offer, figures, staffedReported, result, [confirm, save]);
    });
    return el('article', { class: 'pm-offer', 'data-offer': String(offer.id) },
      el('h3', {}, offer.categoryLabel, ' ', stale),
      el('p', { class: 'pm-terms' }, `${offer.minAge}–${offer.maxAge} Jahre · bis ${offer.maxSiblings} Geschwister`),
      facts,
      el('div', { class: 'pm-fields' }, free.node, staffed ? staffed.node : []),
      el('div', { class: 'pm-actions' }, confirm, save),
      result);
  }

  function read(input, max) {
    const text = input.value.trim();
    if (!/^[0-9]{1,3}$/.test(text)) return null;
    const n = Number.parseInt(text, 10);
    return n <= max ? n : null;
  }

  async function report(offer, figures, staffedReported, result, buttons) {
    const body = { free: figures.free };
    if (staffedReported) body.staffed = figures.staffed === undefined ? null : figures.staffed;
    buttons.forEach((b) => { b.disabled = true; });
    result.className = 'pm-result';
    result.textContent = 'Wird gespeichert …';
    try {
      const response = await fetch(`/api/offers/${offer.id}/availability`, {
        method: 'PUT', credentials: 'same-origin',
        headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      if (!response.ok) {
        let detail = '';
        try { detail = (await response.json()).detail || ''; } catch (e) { detail = ''; }
        throw new Error(detail || `Speichern fehlgeschlagen (HTTP ${response.status}).`);
      }
      const saved = await response.json();
      const staffedPart = staffedReported
        ? `, heute Nacht besetzbar: ${saved.staffed === undefined || saved.staffed === null ? 'nicht gemeldet' : saved.staffed}` : '';
      const at = new Date(saved.reportedAt).toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' });
      await load({ offerId: offer.id, text: `Gespeichert um ${at} Uhr: ${places(body.free)} frei${staffedPart}.`
        + ' Die Meldung ist jetzt aktuell.' });
    } catch (e) {
      buttons.forEach((b) => { b.disabled = false; });
      result.className = 'pm-result pm-error';
      result.textContent = `${e.message} Ihre Eingabe ist noch da; bitte erneut versuchen.`;
    }
  }

  function view(data, saved) {
    if (data.providers.length === 0) {
      return el('p', {}, 'Ihr Benutzer ist keinem Träger zugeordnet. Platzmeldungen machen die Mitarbeitenden eines Trägers;'
        + ' bitte wenden Sie sich an die Koordinierungsstelle, wenn das nicht stimmt.');
    }
    return el('div', {}, data.providers.map((p) => el('section', { class: 'pm-provider' },
      el('h2', {}, p.name, el('span', { class: 'pm-district' }, ` · ${p.districtLabel}`)),
      p.offers.length === 0 ? el('p', {}, 'Keine Angebote eingetragen.')
        : p.offers.map((o) => offerCard(o, data.staffedReported, saved && saved.offerId === o.id ? saved.text : '')))));
  }

  async function load(saved) {
    try {
      const response = await fetch('/api/platzmeldung', { credentials: 'same-origin', headers });
      if (response.status === 401) throw new Error('Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich in der Aufgabenliste neu an.');
      if (!response.ok) throw new Error(`Die Angebote konnten nicht geladen werden (HTTP ${response.status}).`);
      root.replaceChildren(view(await response.json(), saved));
      if (saved) {
        const card = root.querySelector(`[data-offer="${saved.offerId}"] .pm-result`);
        if (card) card.focus();
      }
    } catch (e) {
      root.replaceChildren(el('p', { class: 'pm-result pm-error', role: 'alert' }, e.message));
    }
  }

  load(null);
}());
