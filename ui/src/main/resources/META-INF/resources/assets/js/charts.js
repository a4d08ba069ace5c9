// Small SVG charts built with DOM calls (no inline markup, so the strict CSP holds). Every chart
// carries a <title> per mark and a visually plain data table for screen readers.
import { el } from './common.js';

const NS = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs = {}, ...children) => {
  const node = document.createElementNS(NS, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, String(v)));
  children.forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
};

function empty(target, what) {
  target.replaceChildren(el('p', { class: 'muted' }, `No ${what} in this period.`));
}

/** Horizontal bars: rows of {label, value}; format turns a value into text. */
export function bars(target, rows, { what = 'data', format = String } = {}) {
  if (!rows.length) { empty(target, what); return; }
  const max = Math.max(...rows.map((r) => r.value), 1);
  const rowHeight = 22;
  const chart = svg('svg', { viewBox: `0 0 320 ${rows.length * rowHeight + 4}`, role: 'img', 'aria-label': what });
  rows.forEach((r, i) => {
    const y = i * rowHeight + 2;
    const width = Math.max(1, (r.value / max) * 170);
    chart.append(
      svg('text', { x: 0, y: y + 14 }, String(r.label).slice(0, 22)),
      svg('rect', { class: `bar-rect${r.alt ? ' alt' : ''}`, x: 120, y, width, height: rowHeight - 6 }, svg('title', {}, `${r.label}: ${format(r.value)}`)),
      svg('text', { x: 124 + width, y: y + 14 }, format(r.value)));
  });
  target.replaceChildren(chart, table(rows, format));
}

/** A line over time: points of {label, value} (value 0..1 as a share). */
export function line(target, points, { what = 'data', format = String } = {}) {
  if (!points.length) { empty(target, what); return; }
  const w = 300; const h = 120;
  const x = (i) => 10 + (points.length === 1 ? w / 2 : (i * w) / (points.length - 1));
  const y = (v) => h - v * (h - 10);
  const chart = svg('svg', { viewBox: `0 0 ${w + 20} ${h + 20}`, role: 'img', 'aria-label': what },
    svg('polyline', { class: 'line', points: points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ') }),
    ...points.map((p, i) => svg('circle', { cx: x(i), cy: y(p.value), r: 3, class: 'bar-rect' }, svg('title', {}, `${p.label}: ${format(p.value)}`))),
    svg('text', { x: 10, y: h + 16 }, points[0].label),
    svg('text', { x: w - 50, y: h + 16 }, points[points.length - 1].label));
  target.replaceChildren(chart, table(points, format));
}

function table(rows, format) {
  return el('details', {}, el('summary', {}, 'Data'),
    el('table', {}, el('tbody', {}, rows.map((r) => el('tr', {}, el('th', { scope: 'row' }, r.label), el('td', {}, format(r.value)))))));
}
