// SPDX-License-Identifier: EUPL-1.2
// "Platzmeldungen und Anfragen" on Cockpit's dashboard for coordinators: providers that have not reported and the
// requests per provider per night, from /api/reporting/overview (webapp session + CSRF token). Loaded once per visit
// of the dashboard and on "Aktualisieren", never on a timer, so it keeps no idle session alive.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

function time(instant) {
  return instant ? new Date(instant).toLocaleString('de-DE', { dateStyle: 'short', timeStyle: 'short' }) : '–';
}

function age(minutes) {
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} Std.`;
  return `${Math.floor(minutes / 1440)} Tage`;
}

function table(headers, rows, empty, numeric) {
  if (rows.length === 0) return el('p', { class: 'ksi-empty' }, empty);
  return el('table', { class: 'cam-table' },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c, i) => el('td', i >= numeric ? { class: 'ksi-number' } : {}, c))))));
}

function view(data) {
  const notReported = data.notReported.map((p) => [p.providerName, p.districtLabel, String(p.staleOffers),
    time(p.oldestReportAt), age(p.ageMinutes)]);
  const nights = data.requestsPerNight.map((n) => [n.nightLabel, n.providerName, n.districtLabel, String(n.requests),
    String(n.accepted), String(n.declined), String(n.expired), String(n.withdrawn), String(n.open)]);
  return el('div', {},
    el('h3', {}, 'Träger ohne aktuelle Platzmeldung'),
    table(['Träger', 'Kreis', 'veraltete Angebote', 'älteste Meldung', 'Alter'], notReported,
      'Alle Träger haben aktuell gemeldet.', 2),
    el('h3', {}, 'Anfragen je Träger und Nacht (letzte 7 Nächte, Nacht = 12 bis 12 Uhr)'),
    table(['Nacht', 'Träger', 'Kreis', 'Anfragen', 'angenommen', 'abgelehnt', 'unbeantwortet abgelaufen', 'zurückgezogen',
      'offen'], nights, 'Keine Anfragen in den letzten 7 Nächten.', 3),
    el('p', { class: 'ksi-stand' }, `Stand: ${time(data.at)}`));
}

function csrfToken(api) {
  if (api && api.CSRFToken) return api.CSRFToken;
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

async function load(section, content, api) {
  try {
    const response = await fetch('/api/reporting/overview', {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': 'de', 'X-XSRF-TOKEN': csrfToken(api) },
    });
    if (response.status === 403) {
      section.remove();
      return;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    content.replaceChildren(view(await response.json()));
  } catch (e) {
    content.replaceChildren(el('p', { class: 'ksi-error' }, `Übersicht nicht verfügbar (${e.message}).`));
  }
}

export default {
  id: 'meldungen',
  pluginPoint: 'cockpit.dashboard',
  priority: 15,
  label: 'Platzmeldungen und Anfragen',
  render(node, { api }) {
    const refresh = el('button', { type: 'button', class: 'btn btn-default btn-sm' }, 'Aktualisieren');
    const content = el('div', { class: 'ksi-content' }, 'Wird geladen …');
    const section = el('section', { class: 'dashboard-plugin ksi ksi-meldungen' },
      el('h2', { class: 'section-heading' }, 'Platzmeldungen und Anfragen'), content, refresh);
    node.replaceChildren(section);
    refresh.addEventListener('click', () => load(section, content, api));
    load(section, content, api);
  },
};
