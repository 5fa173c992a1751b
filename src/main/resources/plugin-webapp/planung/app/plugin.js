// SPDX-License-Identifier: EUPL-1.2
// Kapazitätsplanung: a page of its own in Cockpit's navigation. Reads /api/planning and posts what-ifs to
// /api/planning/what-if with the Cockpit session and the webapp's CSRF token; draws its chart as plain SVG.
const OFFICES = {
  SEGEBERG: 'Kreis Segeberg',
  STORMARN: 'Kreis Stormarn',
  PINNEBERG: 'Kreis Pinneberg',
  HERZOGTUM_LAUENBURG: 'Kreis Herzogtum Lauenburg',
  NORDERSTEDT: 'Stadt Norderstedt',
};
const SVG = 'http://www.w3.org/2000/svg';
const SOURCE = { RECORDED: 'erfasst', ASSUMED: 'Annahme' };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, String(v)));
  if (text != null) node.textContent = text;
  return node;
}

const num = (v, digits = 0) => Number(v).toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (v, digits = 1) => `${num(v * 100, digits)} %`;
const euro = (v) => `${num(v)} €`;
const hours = (v) => (v < 1 ? `${num(v * 60)} Min.` : `${num(v, 1)} Std.`);

function csrfToken(api) {
  if (api && api.CSRFToken) return api.CSRFToken;
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

async function call(api, path, body) {
  const response = await fetch(path, {
    method: body ? 'POST' : 'GET',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken(api) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.detail || `HTTP ${response.status}`);
  return json;
}

function table(headers, rows) {
  return el('table', { class: 'cam-table' },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

function categoryTable(report) {
  const rows = report.categories.map((c) => [
    c.label,
    `${num(c.arrivalsPerDay * 365)} (${SOURCE[c.arrivalsSource]})`,
    `${num(c.meanStayDays)} (${SOURCE[c.staySource]})`,
    num(c.placesNow),
    num(c.requiredPooled),
    num(c.requiredAlone),
    num(c.poolingGainPlaces),
    euro(c.poolingGainEuroPerDay),
    pct(c.erlangUnplacedNowPooled),
    `${pct(c.simulation.unplacedShare)} ± ${pct(c.simulation.unplacedShareCi95)}`,
    hours(c.simulation.meanHoursToPlacement),
    pct(c.simulation.utilisation, 0),
  ]);
  rows.push(['Summe', '', '', '', '', '', num(report.poolingGainPlaces), euro(report.poolingGainEuroPerDay), '', '', '', '']);
  return table(['Kategorie', 'Fälle/Jahr', 'Verweildauer (Tage)', 'Plätze heute', 'Bedarf im Verbund',
    'Bedarf je Amt allein', 'Poolinggewinn (Plätze)', 'Poolinggewinn (€/Tag)', 'Ohne Platz heute (Erlang)',
    'Ohne Platz heute (Simulation)', 'Ø Zeit bis Platz', 'Auslastung'], rows);
}

// places on paper only (missing staff) and places expected free (planned ends), apart from the places today
function staffingTable(report) {
  return table(['Kategorie', 'Platz-Nächte ohne Personal', 'Ø Plätze je Nacht ohne Personal',
    'Ohne Platz mit fehlendem Personal (Erlang)', 'Voraussichtlich frei in 24 Std.', 'Voraussichtlich frei in 7 Tagen'],
  report.categories.map((c) => [c.label, num(c.staffing.lostPlaceNights), num(c.staffing.lostPlacesPerNight, 2),
    pct(c.staffing.erlangUnplacedNowStaffed), num(c.staffing.expectedFree24h), num(c.staffing.expectedFree7d)]));
}

// grouped bars per category: places today, needed in the network, needed if every office stays alone
function chart(report) {
  const series = [['placesNow', 'Plätze heute', 'ksi-bar-now'], ['requiredPooled', 'Bedarf im Verbund', 'ksi-bar-pooled'],
    ['requiredAlone', 'Bedarf je Amt allein', 'ksi-bar-alone']];
  const cats = report.categories;
  const max = Math.max(1, ...cats.flatMap((c) => series.map(([k]) => c[k])));
  const rowH = 3 * 14 + 12;
  const labelW = 260;
  const width = 820;
  const barW = width - labelW - 60;
  const height = cats.length * rowH + 40;
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': 'Plätze heute, Bedarf im Verbund und Bedarf je Amt allein je Kategorie' });
  cats.forEach((c, i) => {
    const y = i * rowH;
    root.append(svg('text', { x: 0, y: y + 26, class: 'ksi-chart-label' }, c.label));
    series.forEach(([key, , cls], j) => {
      const w = Math.max(1, (c[key] / max) * barW);
      root.append(svg('rect', { x: labelW, y: y + j * 14, width: w, height: 12, class: cls }));
      root.append(svg('text', { x: labelW + w + 4, y: y + j * 14 + 10, class: 'ksi-chart-value' }, num(c[key])));
    });
  });
  series.forEach(([, label, cls], j) => {
    const x = labelW + j * 180;
    root.append(svg('rect', { x, y: height - 20, width: 12, height: 12, class: cls }));
    root.append(svg('text', { x: x + 16, y: height - 10, class: 'ksi-chart-value' }, label));
  });
  return root;
}

function select(name, options) {
  return el('select', { name, class: 'form-control' }, options.map(([v, l]) => el('option', { value: v }, l)));
}

function whatIfResult(w) {
  const s = (o) => `${pct(o.unplacedShare)} ± ${pct(o.unplacedShareCi95)}`;
  return el('div', {},
    el('p', {}, `${w.categoryLabel}: ${num(w.additionalPlaces)} Plätze mehr in ${w.districtLabel}`
      + ` (Ankünfte: ${SOURCE[w.arrivalsSource]}).`),
    table(['Kennzahl', 'vorher', 'nachher'], [
      ['Plätze im Verbund', num(w.placesBefore), num(w.placesAfter)],
      [`Plätze in ${w.districtLabel}`, num(w.placesInDistrictBefore), num(w.placesInDistrictAfter)],
      ['Ohne Platz (Simulation)', s(w.before), s(w.after)],
      ['Ø Zeit bis Platz', hours(w.before.meanHoursToPlacement), hours(w.after.meanHoursToPlacement)],
      ['90 % haben einen Platz nach', hours(w.before.p90HoursToPlacement), hours(w.after.p90HoursToPlacement)],
      ['Auslastung', pct(w.before.utilisation, 0), pct(w.after.utilisation, 0)],
      ['Ohne Platz (Erlang, Verbund)', pct(w.erlang.pooledBefore), pct(w.erlang.pooledAfter)],
      ['Ohne Platz im eigenen Kreis (Erlang)', pct(w.erlang.districtAloneBefore), pct(w.erlang.districtAloneAfter)],
    ]));
}

function whatIfForm(report, api, period) {
  const result = el('div', { class: 'ksi-whatif-result' });
  const form = el('form', { class: 'form-inline ksi-form' },
    el('label', {}, 'Kategorie ', select('category', report.categories.map((c) => [c.category, c.label]))),
    el('label', {}, ' Kreis ', select('district', Object.entries(OFFICES))),
    el('label', {}, ' zusätzliche Plätze ', el('input', { name: 'additionalPlaces', type: 'number', min: '1', max: '500',
      value: '5', class: 'form-control' })),
    el('button', { type: 'submit', class: 'btn btn-primary' }, 'Durchrechnen'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    result.replaceChildren(el('p', {}, 'Wird berechnet …'));
    try {
      const w = await call(api, '/api/planning/what-if', { category: data.get('category'), district: data.get('district'),
        additionalPlaces: Number(data.get('additionalPlaces')), from: period.from, to: period.to });
      result.replaceChildren(whatIfResult(w));
    } catch (e) {
      result.replaceChildren(el('p', { class: 'ksi-error' }, `Nicht berechnet: ${e.message}`));
    }
  });
  return el('div', {}, form, result);
}

function view(report, api) {
  const notes = report.categories.flatMap((c) => c.notes.map((n) => `${c.label}: ${n}`));
  return el('div', { class: 'ksi-planung' },
    report.syntheticCases > 0
      ? el('p', { class: 'ksi-synthetic' }, `Achtung: ${num(report.syntheticCases)} der Fälle im Zeitraum sind synthetisch (Demo-Daten).`)
      : '',
    el('p', {}, `Zeitraum ${report.from} bis ${report.to} · höchstens ${pct(report.targetShare, 0)} der Kinder ohne Platz`
      + ` · Verbundsuche nach ${num(report.parameters.networkDelayHours, 1)} Std. · ohne Platz nach`
      + ` ${num(report.parameters.maxWaitHours, 1)} Std. = Notmaßnahme`),
    categoryTable(report),
    el('h3', {}, 'Fehlendes Personal und absehbar frei werdende Plätze'),
    staffingTable(report),
    el('h3', {}, 'Plätze heute und Bedarf: im Verbund und je Amt allein'),
    chart(report),
    el('h3', {}, 'Was wäre, wenn …'),
    whatIfForm(report, api, { from: report.from, to: report.to }),
    notes.length ? el('h3', {}, 'Annahmen') : '',
    notes.length ? el('ul', { class: 'ksi-notes' }, notes.map((n) => el('li', {}, n))) : '');
}

async function load(node, api, query) {
  node.replaceChildren(el('p', {}, 'Kapazitätsplanung wird berechnet …'));
  try {
    node.replaceChildren(view(await call(api, `/api/planning${query}`), api));
  } catch (e) {
    node.replaceChildren(el('p', { class: 'ksi-error' }, `Kapazitätsplanung nicht verfügbar (${e.message}).`));
  }
}

function periodForm(content, api) {
  const form = el('form', { class: 'form-inline ksi-form' },
    el('label', {}, 'von ', el('input', { name: 'from', type: 'date', class: 'form-control' })),
    el('label', {}, ' bis ', el('input', { name: 'to', type: 'date', class: 'form-control' })),
    el('label', {}, ' höchstens ohne Platz (%) ', el('input', { name: 'target', type: 'number', min: '0.1', max: '50',
      step: '0.1', value: '5', class: 'form-control' })),
    el('button', { type: 'submit', class: 'btn btn-default' }, 'Berechnen'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const params = new URLSearchParams({ targetShare: String(Number(data.get('target')) / 100) });
    if (data.get('from')) params.set('from', data.get('from'));
    if (data.get('to')) params.set('to', data.get('to'));
    load(content, api, `?${params}`);
  });
  return form;
}

export default [
  {
    id: 'planung.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: {
      pagePath: '#/kapazitaetsplanung',
      label: 'Kapazitätsplanung',
      checkActive: (path) => path.indexOf('#/kapazitaetsplanung') > -1,
    },
  },
  {
    id: 'planung.route',
    pluginPoint: 'cockpit.route',
    priority: 5,
    properties: { path: '/kapazitaetsplanung', label: '/kapazitaetsplanung' },
    render(node, { api }) {
      const content = el('div', { class: 'ksi-content' });
      node.replaceChildren(el('section', { class: 'ksi ksi-planung-page' },
        el('h2', { class: 'section-heading' }, 'Kapazitätsplanung'), periodForm(content, api), content));
      load(content, api, '');
    },
  },
];
