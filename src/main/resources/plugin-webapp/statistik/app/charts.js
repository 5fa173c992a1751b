// SPDX-License-Identifier: EUPL-1.2
// Small inline-SVG charts for the Statistik page: line, stacked share bars and horizontal bars. Values of
// null are suppressed cells ("<5"): lines leave a gap there, bars say so in their label.
const NS = 'http://www.w3.org/2000/svg';
export const COLORS = ['#1f5f99', '#e07b00', '#3a9a3a', '#b8362b', '#7a4fa0', '#7f7f7f', '#c4a000', '#2aa0a4'];

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(NS, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, String(v)));
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

function number(value, digits) {
  return value == null ? '<5' : value.toLocaleString('de-DE', { maximumFractionDigits: digits == null ? 1 : digits });
}

/** A "nice" upper end for an axis: 1, 2 or 5 times a power of ten, at least the largest value. */
function niceMax(max) {
  if (!(max > 0)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(max)));
  return [1, 2, 5, 10].map((f) => f * power).find((v) => v >= max);
}

function legend(series, x, y) {
  let offset = x;
  return series.map((s, i) => {
    const g = svg('g', { transform: `translate(${offset},${y})` },
      svg('rect', { width: 12, height: 12, fill: s.color || COLORS[i % COLORS.length] }),
      svg('text', { x: 18, y: 11, class: 'ksi-chart-legend' }, s.name));
    offset += 30 + 6 * s.name.length;
    return g;
  });
}

function frame(width, height, title) {
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'ksi-chart' });
  root.append(svg('title', {}, title));
  return root;
}

/** Lines over the periods: series [{name, values}], one value per label. */
export function lineChart({ title, labels, series, unit }) {
  const width = 720; const height = 280; const left = 56; const right = 16; const top = 34; const bottom = 56;
  const root = frame(width, height, title);
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values.filter((v) => v != null))));
  const plotW = width - left - right; const plotH = height - top - bottom;
  const x = (i) => left + (labels.length < 2 ? plotW / 2 : (i * plotW) / (labels.length - 1));
  const y = (v) => top + plotH - (v / max) * plotH;
  for (let t = 0; t <= 4; t++) {
    const value = (max * t) / 4;
    root.append(svg('line', { x1: left, x2: width - right, y1: y(value), y2: y(value), class: 'ksi-grid' }),
      svg('text', { x: left - 6, y: y(value) + 4, 'text-anchor': 'end', class: 'ksi-axis' }, number(value)));
  }
  root.append(svg('text', { x: 4, y: 14, class: 'ksi-axis' }, unit || ''));
  labels.forEach((label, i) => root.append(svg('text', { x: x(i), y: height - bottom + 16, 'text-anchor': 'middle',
    class: 'ksi-axis' }, label)));
  series.forEach((s, n) => {
    const color = s.color || COLORS[n % COLORS.length];
    let path = '';
    s.values.forEach((v, i) => {
      if (v == null) return;
      path += `${path && s.values[i - 1] != null ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
      root.append(svg('circle', { cx: x(i), cy: y(v), r: 3, fill: color },
        svg('title', {}, `${s.name}, ${labels[i]}: ${number(v)}`)));
    });
    root.append(svg('path', { d: path, fill: 'none', stroke: color, 'stroke-width': 2 }));
  });
  legend(series, left, height - 18).forEach((g) => root.append(g));
  return root;
}

/**
 * Stacked bars of shares (each bar 100 % of its total): series [{name, values}], totals one per label.
 * Suppressed parts are drawn together as one hatched-grey "ausgeblendet" segment (their sum is total minus
 * the shown parts, which gives no single one away); a bar whose total is suppressed says "<5".
 */
export function stackedShares({ title, labels, series, totals }) {
  const width = 720; const height = 280; const left = 44; const right = 16; const top = 20; const bottom = 56;
  const root = frame(width, height, title);
  const plotW = width - left - right; const plotH = height - top - bottom;
  const step = plotW / Math.max(1, labels.length); const barW = Math.min(40, step * 0.7);
  [0, 50, 100].forEach((p) => {
    const yy = top + plotH - (p / 100) * plotH;
    root.append(svg('line', { x1: left, x2: width - right, y1: yy, y2: yy, class: 'ksi-grid' }),
      svg('text', { x: left - 6, y: yy + 4, 'text-anchor': 'end', class: 'ksi-axis' }, `${p} %`));
  });
  labels.forEach((label, i) => {
    const cx = left + step * i + step / 2;
    root.append(svg('text', { x: cx, y: height - bottom + 16, 'text-anchor': 'middle', class: 'ksi-axis' }, label));
    const total = totals[i];
    if (total == null || total === 0) {
      root.append(svg('text', { x: cx, y: top + plotH - 4, 'text-anchor': 'middle', class: 'ksi-axis' },
        total == null ? '<5' : '–'));
      return;
    }
    const parts = series.map((s, n) => ({ name: s.name, value: s.values[i], color: s.color || COLORS[n] }));
    const hidden = total - parts.reduce((a, p) => a + (p.value || 0), 0);
    if (parts.some((p) => p.value == null)) parts.push({ name: 'ausgeblendet (<5)', value: hidden, color: '#c8c8c8' });
    let y0 = top + plotH;
    parts.filter((p) => p.value).forEach((p) => {
      const h = (p.value / total) * plotH;
      y0 -= h;
      root.append(svg('rect', { x: cx - barW / 2, y: y0, width: barW, height: h, fill: p.color },
        svg('title', {}, `${p.name}, ${label}: ${Math.round((p.value / total) * 100)} % (${p.value})`)));
    });
  });
  legend([...series, { name: 'ausgeblendet (<5)', color: '#c8c8c8' }], left, height - 18).forEach((g) => root.append(g));
  return root;
}

/** Horizontal bars, one per label, longest first as given. */
export function bars({ title, labels, values, color }) {
  const rowH = 26; const left = 290; const right = 60; const width = 720;
  const height = 10 + rowH * labels.length;
  const root = frame(width, height, title);
  const max = niceMax(Math.max(0, ...values.filter((v) => v != null)));
  labels.forEach((label, i) => {
    const y = 6 + i * rowH;
    const v = values[i];
    const w = v == null ? 0 : ((width - left - right) * v) / max;
    root.append(svg('text', { x: left - 8, y: y + 15, 'text-anchor': 'end', class: 'ksi-axis' }, label),
      svg('rect', { x: left, y, width: Math.max(w, 0), height: rowH - 8, fill: color || COLORS[0] }),
      svg('text', { x: left + w + 6, y: y + 15, class: 'ksi-axis' }, number(v, 0)));
  });
  return root;
}
