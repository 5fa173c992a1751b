// SPDX-License-Identifier: EUPL-1.2
// Cockpit page "Statistik": figures of the network from /api/statistics (read with the Cockpit session and
// its CSRF token), drawn as inline SVG charts. Suppressed small counts show as "<5".
import { bars, lineChart, stackedShares, COLORS } from './charts.js';

const OFFICES = [['', 'eigenes Jugendamt / Verbund'], ['NETWORK', 'Verbund (alle fünf)'], ['SEGEBERG', 'Kreis Segeberg'],
  ['STORMARN', 'Kreis Stormarn'], ['PINNEBERG', 'Kreis Pinneberg'], ['HERZOGTUM_LAUENBURG', 'Kreis Herzogtum Lauenburg'],
  ['NORDERSTEDT', 'Stadt Norderstedt']];
const PERIODS = [['MONTH', 'Monat'], ['QUARTER', 'Quartal'], ['YEAR', 'Jahr']];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => { if (v != null && v !== false) node.setAttribute(k, v); });
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

function csrfToken(api) {
  if (api && api.CSRFToken) return api.CSRFToken;
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

async function get(path, api, accept) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: accept, 'X-XSRF-TOKEN': csrfToken(api) } });
  if (!response.ok) {
    let detail = `HTTP ${response.status}`;
    try { detail = (await response.json()).detail || detail; } catch (e) { /* not a problem document */ }
    throw new Error(detail);
  }
  return response;
}

function table(report, id) {
  return report.tables.find((t) => t.id === id);
}

function column(t, key, rowFilter) {
  const c = t.columns.findIndex((col) => col.key === key);
  return t.rows.filter(rowFilter || ((r) => r.key !== 'GESAMT')).map((r) => r.cells[c].n);
}

function shortLabel(key) {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${month[2]}/${month[1].substring(2)}`;
  const quarter = /^(\d{4})-Q(\d)$/.exec(key);
  return quarter ? `Q${quarter[2]}/${quarter[1].substring(2)}` : key;
}

function htmlTable(t) {
  return el('table', { class: 'cam-table ksi-stat-table' },
    el('thead', {}, el('tr', {}, el('th', {}, t.rowHeader), t.columns.map((c) => el('th', {}, c.label)))),
    el('tbody', {}, t.rows.map((r) => el('tr', { class: r.key === 'GESAMT' ? 'ksi-total' : null }, el('th', {}, r.label),
      r.cells.map((c) => el('td', { title: c.flag ? 'weniger als die Mindestzahl an Fällen: ausgeblendet' : null },
        c.n == null ? (c.flag || '–') : c.n.toLocaleString('de-DE', { maximumFractionDigits: 1 })))))));
}

function section(title, ...content) {
  return el('section', { class: 'ksi-stat-section' }, el('h3', {}, title), ...content);
}

function view(report) {
  const periods = table(report, 'faelleNachRechtsgrundlage').rows.filter((r) => r.key !== 'GESAMT');
  const labels = periods.map((r) => shortLabel(r.key));
  const unit = { MONTH: 'Monat', QUARTER: 'Quartal', YEAR: 'Jahr' }[report.period];
  const grounds = table(report, 'faelleNachRechtsgrundlage');
  const levels = table(report, 'unterbringungNachStufe');
  const time = table(report, 'zeitBisUnterbringung');
  const reasons = table(report, 'absagenNachGrund');
  const reasonColumns = reasons.columns.filter((c) => c.key !== 'GESAMT');
  const reasonTotals = reasonColumns.map((c) => column(reasons, c.key, (r) => r.key === 'GESAMT')[0]);
  const parts = [];
  if (report.synthetic.cases > 0) {
    parts.push(el('p', { class: 'ksi-synthetic' }, `Achtung: enthält synthetische Demo-Daten – ${report.synthetic.cases}`
      + ' erfundene Fälle sind mitgezählt. Sie dienen nur der Vorführung.'));
  }
  parts.push(el('p', { class: 'ksi-stand' }, `${report.scopeLabel} · ${report.from} bis ${report.to} · je ${unit} · `
    + `Werte mit weniger als ${report.minimumCount} Fällen sind ausgeblendet („<${report.minimumCount}“).`));
  parts.push(section(`Fälle je ${unit}`, lineChart({ title: `Fälle je ${unit}`, labels, unit: 'Fälle', series: [
    { name: 'alle Fälle', values: column(grounds, 'GESAMT') },
    ...grounds.columns.filter((c) => c.key !== 'GESAMT').map((c, i) => ({ name: c.label, values: column(grounds, c.key),
      color: COLORS[i + 1] }))] })));
  parts.push(section('Unterbringung nach Eskalationsstufe (Anteile)', stackedShares({ title: 'Anteile je Stufe', labels,
    totals: column(levels, 'GESAMT'), series: levels.columns.filter((c) => c.key !== 'GESAMT').map((c, i) => ({ name: c.label, values: column(levels, c.key),
      color: [COLORS[2], COLORS[1], COLORS[3], COLORS[5]][i] })) })));
  parts.push(section('Zeit bis zur Unterbringung (Stunden)', lineChart({ title: 'Zeit bis zur Unterbringung', labels,
    unit: 'Stunden', series: [{ name: 'Median', values: column(time, 'MEDIAN') },
      { name: '90 % der Kinder innerhalb', values: column(time, 'P90'), color: COLORS[3] }] })));
  parts.push(section('Absagen nach Grund (ganzer Zeitraum)', bars({ title: 'Absagen nach Grund',
    labels: reasonColumns.map((c) => c.label), values: reasonTotals, color: COLORS[3] })));
  parts.push(section('Kreisübergreifende Unterbringungen', el('p', { class: 'ksi-hint' },
    'Zeilen: Jugendamt, das das Kind in Obhut nahm · Spalten: Kreis der aufnehmenden Einrichtung'),
  htmlTable(table(report, 'kreisuebergreifend'))));
  parts.push(el('details', { class: 'ksi-stat-section' }, el('summary', {}, 'Alle Kennzahlen als Tabellen'),
    report.tables.map((t) => el('div', {}, el('h4', {}, `${t.title} (${t.unit})`), htmlTable(t)))));
  return el('div', {}, parts);
}

function query(form) {
  const params = new URLSearchParams();
  ['period', 'from', 'to', 'office'].forEach((name) => { if (form[name].value) params.set(name, form[name].value); });
  params.set('synthetic', form.synthetic.checked ? 'true' : 'false');
  return params.toString();
}

async function load(form, content, api) {
  content.replaceChildren(el('p', {}, 'Statistik wird geladen …'));
  try {
    const response = await get(`/api/statistics?${query(form)}`, api, 'application/json');
    content.replaceChildren(view(await response.json()));
  } catch (e) {
    content.replaceChildren(el('p', { class: 'ksi-error' }, `Statistik nicht verfügbar (${e.message}).`));
  }
}

async function download(form, api, status) {
  try {
    const response = await get(`/api/statistics.csv?${query(form)}`, api, 'text/csv');
    const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '');
    const link = el('a', { href: URL.createObjectURL(await response.blob()), download: name ? name[1] : 'statistik.csv' });
    document.body.append(link);
    link.click();
    link.remove();
    status.textContent = '';
  } catch (e) {
    status.textContent = `CSV nicht verfügbar (${e.message}).`;
  }
}

function controls() {
  return el('form', { class: 'ksi-stat-form form-inline' },
    el('label', {}, 'Zeitraum je ', el('select', { name: 'period', class: 'form-control' },
      PERIODS.map(([v, l]) => el('option', { value: v }, l)))),
    el('label', {}, ' von ', el('input', { name: 'from', type: 'month', class: 'form-control' })),
    el('label', {}, ' bis ', el('input', { name: 'to', type: 'month', class: 'form-control' })),
    el('label', {}, ' Jugendamt ', el('select', { name: 'office', class: 'form-control' },
      OFFICES.map(([v, l]) => el('option', { value: v }, l)))),
    el('label', {}, ' ', el('input', { name: 'synthetic', type: 'checkbox', checked: 'checked' }),
      ' synthetische Demo-Daten einbeziehen'),
    el('button', { type: 'submit', class: 'btn btn-primary' }, 'Anzeigen'),
    el('button', { type: 'button', class: 'btn btn-default', name: 'csv' }, 'CSV herunterladen'),
    el('span', { class: 'ksi-status', name: 'status' }));
}

export default [
  {
    id: 'statistik.route',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: { path: '/statistik' },
    render(node, { api }) {
      const form = controls();
      const content = el('div', { class: 'ksi-stat-content' });
      node.replaceChildren(el('div', { class: 'ksi ksi-statistik' }, el('h2', { class: 'section-heading' }, 'Statistik'),
        form, content));
      form.addEventListener('submit', (event) => { event.preventDefault(); load(form, content, api); });
      form.csv.addEventListener('click', () => download(form, api, form.querySelector('[name=status]')));
      load(form, content, api);
    },
  },
  {
    id: 'statistik.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { path: '/statistik' },
    render(node) {
      node.replaceChildren(el('a', { href: '#/statistik' }, 'Statistik'));
    },
  },
];
