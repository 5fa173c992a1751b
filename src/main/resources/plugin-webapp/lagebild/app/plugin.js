// SPDX-License-Identifier: EUPL-1.2
// Lagebild der Koordinierungsstelle on Cockpit's dashboard. Reads /api/lagebild with the Cockpit session
// (the server accepts it together with the webapp's CSRF token) and refreshes itself every minute.
const REFRESH_MS = 60000;
const LEVELS = { KREIS: 'Kreis', VERBUND: 'Verbund', STUFE_2: 'Stufe 2' };
const timers = new WeakMap();

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

function duration(minutes) {
  if (minutes < 60) return `${minutes} Min.`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} Std. ${minutes % 60} Min.`;
  return `${Math.floor(minutes / 1440)} Tage ${Math.floor((minutes % 1440) / 60)} Std.`;
}

function time(instant) {
  return instant ? new Date(instant).toLocaleString('de-DE', { dateStyle: 'short', timeStyle: 'short' }) : '–';
}

function table(headers, rows, empty) {
  if (rows.length === 0) return el('p', { class: 'ksi-empty' }, empty);
  return el('table', { class: 'cam-table' },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

// a case opens in our case view (same tab), not as the raw process instance with the engine's tools
function caseLink(reference) {
  return el('a', { href: `/faelle/${encodeURIComponent(reference)}`, class: 'ksi-case', title: `Fall ${reference} öffnen` },
    reference);
}

function view(data) {
  const places = data.places.map((d) => [
    d.label,
    String(d.free),
    String(d.freeFresh),
    d.categories.map((c) => `${c.label}: ${c.free}${c.staleOffers ? ` (${c.staleOffers} veraltet)` : ''}`).join(' · ') || '–',
  ]);
  const waiting = data.waiting.map((w) => [
    caseLink(w.caseReference),
    w.officeLabel,
    LEVELS[w.escalationLevel] || w.escalationLevel,
    w.ageBand + ' J.',
    duration(w.waitingMinutes),
  ]);
  const duties = data.overdueDuties.map((d) => [
    caseLink(d.caseReference),
    d.task,
    time(d.due),
    duration(d.overdueMinutes),
  ]);
  const stale = data.staleOffers.map((s) => [s.providerName, s.categoryLabel, time(s.reportedAt), duration(s.ageMinutes)]);
  return el('div', { class: 'ksi-lagebild' },
    el('h3', {}, 'Wartende Kinder'),
    table(['Fall', 'Jugendamt', 'Stufe', 'Alter', 'Wartezeit'], waiting, 'Kein Kind wartet auf einen Platz.'),
    el('h3', {}, 'Freie Plätze im Verbund'),
    table(['Kreis', 'Frei', 'davon aktuell gemeldet', 'Kategorien'], places, 'Keine Angebote gemeldet.'),
    el('h3', {}, 'Überfällige Pflichten'),
    table(['Fall', 'Aufgabe', 'Fällig', 'Überfällig seit'], duties, 'Keine Frist überschritten.'),
    el('h3', {}, 'Veraltete Platzmeldungen'),
    table(['Träger', 'Kategorie', 'Gemeldet', 'Alter der Meldung'], stale, 'Alle Meldungen sind aktuell.'),
    el('p', { class: 'ksi-stand' }, `Stand: ${time(data.at)} · aktualisiert sich jede Minute`));
}

// the webapps keep their CSRF token in a cookie readable by scripts; api.CSRFToken holds the same value
function csrfToken(api) {
  if (api && api.CSRFToken) return api.CSRFToken;
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

async function load(node, api) {
  try {
    const response = await fetch('/api/lagebild', {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(api) },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    node.replaceChildren(view(await response.json()));
  } catch (e) {
    node.replaceChildren(el('p', { class: 'ksi-error' }, `Lagebild nicht verfügbar (${e.message}).`));
  }
}

export default {
  id: 'lagebild',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  label: 'Lagebild',
  render(node, { api }) {
    const container = el('section', { class: 'dashboard-plugin ksi' }, el('h2', { class: 'section-heading' }, 'Lagebild'),
      el('div', { class: 'ksi-content' }, 'Lagebild wird geladen …'));
    node.replaceChildren(container);
    const content = container.querySelector('.ksi-content');
    load(content, api);
    timers.set(node, setInterval(() => load(content, api), REFRESH_MS));
  },
  unmount(node) {
    clearInterval(timers.get(node));
    timers.delete(node);
  },
};
