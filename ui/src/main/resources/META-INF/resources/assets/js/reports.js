// Manager reports. Figures come from GET /api/reports (actions layer), which scopes them to the
// manager's team on the server; this page only filters, draws and links.
import { api, el, formatTime, showError } from './common.js';
import { bars, line } from './charts.js';

const form = document.getElementById('filters');
const error = document.getElementById('reports-error');
const csv = document.getElementById('csv');
const agent = document.getElementById('f-agent');
const pct = (v) => `${Math.round(v * 100)} %`;
const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);

function filters() {
  const query = new URLSearchParams();
  new FormData(form).forEach((value, key) => { if (value) query.set(key, value); });
  return query;
}

async function load() {
  const query = filters();
  csv.href = `/api/reports/actions.csv?${query}`;
  try {
    const r = await api('GET', `/api/reports?${query}`);
    showError(error, null);
    draw(r || {});
  } catch (e) {
    showError(error, e);
  }
}

function draw(r) {
  line(document.getElementById('chart-acceptance'), (r.acceptance || []).map((p) => ({ label: p.day || p.date, value: p.rate ?? (p.total ? p.accepted / p.total : 0) })), { what: 'decided actions', format: pct });
  bars(document.getElementById('chart-rejections'), (r.rejectionReasons || []).map((x) => ({ label: x.reason, value: x.count })), { what: 'rejections' });
  bars(document.getElementById('chart-guardrails'), (r.guardrailHits || []).map((x) => ({ label: x.rule, value: x.count })), { what: 'guardrail hits' });
  bars(document.getElementById('chart-routes'), (r.routes || []).flatMap((x) => [
    { label: `${x.route} share`, value: x.share ?? 0 },
  ]), { what: 'routed requests', format: pct });
  const cost = (r.routes || []).reduce((sum, x) => sum + (x.costUsd || 0), 0);
  document.getElementById('chart-routes').append(el('p', { class: 'muted' }, `LLM cost: $${cost.toFixed(2)}`));
  bars(document.getElementById('chart-outcomes'), (r.outcomes || []).map((x) => ({ label: `${x.decision}: ${x.outcome}`, value: x.count, alt: x.decision === 'REJECTED' })), { what: 'outcomes' });
  const latency = r.latency || {};
  bars(document.getElementById('chart-latency'), ['p50', 'p95', 'max'].filter((k) => latency[k] !== undefined).map((k) => ({ label: k, value: latency[k] })), { what: 'drafts from events', format: ms });
  const agents = new Set([...agent.options].map((o) => o.value));
  (r.agents || []).filter((a) => !agents.has(a)).forEach((a) => agent.append(el('option', { value: a }, a)));

  const perRep = document.querySelector('#per-rep tbody');
  perRep.replaceChildren(...((r.perRep || []).length ? r.perRep.map((p) => el('tr', {},
    el('th', { scope: 'row' }, p.repName || p.rep), el('td', {}, p.drafted), el('td', {}, p.accepted), el('td', {}, p.edited),
    el('td', {}, p.rejected), el('td', {}, p.drafted ? pct((p.accepted + p.edited) / p.drafted) : '—')))
    : [el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'No actions for these filters.'))]));

  const decisions = document.querySelector('#decisions tbody');
  decisions.replaceChildren(...((r.decisions || []).length ? r.decisions.map((d) => el('tr', { 'data-action': d.actionId },
    el('td', {}, formatTime(d.at)), el('td', {}, d.repName || ''),
    el('td', {}, el('a', { href: `/reports/actions/${encodeURIComponent(d.actionId)}` }, `${d.kind || 'Action'} ${d.actionId}`)),
    el('td', {}, d.decision), el('td', {}, d.reason || '')))
    : [el('tr', {}, el('td', { colspan: 5, class: 'muted' }, 'No decisions for these filters.'))]));
}

form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
load();
