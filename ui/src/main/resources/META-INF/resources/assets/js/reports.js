// Manager reports over GET /api/reports/{report} (actions layer: {name, columns, items}, scoped to
// the manager's team on the server) and GET /api/reports/routing (router). Every filter (team, rep,
// agent, from, to) is applied by the server, CSV export included; the page draws and links and
// computes no figures of its own.
import { api, ApiError, el, formatTime, showError } from './common.js';
import { bars, line } from './charts.js';

const form = document.getElementById('filters');
const error = document.getElementById('reports-error');
const agentFilter = document.getElementById('f-agent');
const repFilter = document.getElementById('f-rep');
const teamFilter = document.getElementById('f-team');
const byTitle = document.getElementById('by-title');
const pct = (v) => (v === null || v === undefined ? '—' : `${Math.round(v * 100)} %`);
const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);

/** The filters as query parameters, exactly as the reports API takes them. */
function filters() {
  const query = new URLSearchParams();
  ['team', 'rep', 'agent', 'from', 'to'].forEach((k) => { if (form.elements[k].value) query.set(k, form.elements[k].value); });
  return query;
}

/** The routing report counts whole days, 'to' included: the day before the page's exclusive 'to'. */
function routingFilters() {
  const query = filters();
  if (query.get('to')) {
    const last = new Date(`${query.get('to')}T00:00:00Z`);
    last.setUTCDate(last.getUTCDate() - 1);
    query.set('to', last.toISOString().slice(0, 10));
  }
  return query;
}

/** A report's rows, as objects keyed by its columns. */
async function report(name, extra = {}) {
  const query = filters();
  Object.entries(extra).forEach(([k, v]) => query.set(k, v));
  return (await api('GET', `/api/reports/${name}?${query}`)).items;
}

async function load() {
  const by = form.elements.by.value;
  try {
    const [weeks, grouped, reasons, hits, outcomes, latency] = await Promise.all([
      report('decisions', { by: 'week' }), report('decisions', { by }), report('rejection-reasons'),
      report('guardrail-hits'), report('outcomes'), report('latency')]);
    line(document.getElementById('chart-acceptance'), weeks.map((w) => ({ label: w.week, value: w.acceptanceRate ?? 0 })), { what: 'decided actions', format: pct });
    bars(document.getElementById('chart-rejections'), reasons.map((r) => ({ label: r.reason, value: r.count })), { what: 'rejections' });
    bars(document.getElementById('chart-guardrails'), hits.map((h) => ({ label: h.rule, value: h.hits })), { what: 'guardrail hits' });
    bars(document.getElementById('chart-outcomes'), outcomes.flatMap((o) => [
      { label: `${o.decision} · replied`, value: o.repliedRate ?? 0, alt: o.decision !== 'accepted' },
      { label: `${o.decision} · won`, value: o.wonRate ?? 0, alt: o.decision !== 'accepted' }]), { what: 'decided actions', format: pct });
    const l = latency[0] || {};
    bars(document.getElementById('chart-latency'), l.drafts ? ['p50Ms', 'p95Ms', 'p99Ms', 'maxMs'].map((k) => ({ label: k.replace('Ms', ''), value: l[k] })) : [],
      { what: 'event-driven drafts', format: ms });
    groupedTable(by, grouped);
    showError(error, null);
  } catch (e) {
    showError(error, e);
  }
  routing();
  decisions();
}

async function routing() {
  const target = document.getElementById('chart-routes');
  try {
    const r = await api('GET', `/api/reports/routing?${routingFilters()}`);
    bars(target, (r.perIntent || []).map((i) => ({ label: i.intent, value: i.share.shareWithoutLlm })), { what: 'routed requests', format: pct });
    target.prepend(el('p', {}, `${pct(r.total.shareWithoutLlm)} of ${r.total.requests} requests answered without an LLM; `
      + `estimated LLM cost saved ${r.estimatedCostSaved ?? 0} (${r.tokensMeasured ? 'measured' : 'estimated'} ${r.tokensPerLlmAnswer} tokens per LLM answer); `
      + `actual LLM cost ${money(r.llm?.cost)} for ${r.llm?.calls ?? 0} calls.`));
    llmSpend(r.llmPerWeekAndRole || []);
  } catch (e) {
    target.replaceChildren(el('p', { class: 'error' }, `Routing figures could not be loaded: ${e.message}`));
    llmSpend(null, e);
  }
}

const money = (v) => (v === null || v === undefined ? '—' : Number(v).toFixed(4));

/** LLM cost per week (chart) and per week and agent role (table), from the routing report. */
function llmSpend(rows, failure) {
  const chart = document.getElementById('chart-llm-cost');
  const tbody = document.querySelector('#llm-table tbody');
  if (failure) {
    chart.replaceChildren(el('p', { class: 'error' }, `LLM cost could not be loaded: ${failure.message}`));
    tbody.replaceChildren(el('tr', {}, el('td', { colspan: 7, class: 'error' }, failure.message)));
    return;
  }
  const weeks = new Map();
  rows.forEach((r) => weeks.set(r.week, (weeks.get(r.week) || 0) + Number(r.spend.cost)));
  bars(chart, [...weeks].map(([week, cost]) => ({ label: week, value: cost })), { what: 'LLM calls', format: money });
  tbody.replaceChildren(...(rows.length ? rows.map((r) => el('tr', {}, el('th', { scope: 'row' }, r.week), el('td', {}, r.role),
    el('td', {}, r.spend.calls), el('td', {}, r.spend.failedCalls), el('td', {}, r.spend.tokensIn), el('td', {}, r.spend.tokensOut),
    el('td', {}, money(r.spend.cost))))
    : [el('tr', {}, el('td', { colspan: 7, class: 'muted' }, 'No LLM calls for these filters.'))]));
}

function groupedTable(by, rows) {
  const table = document.getElementById('by-table');
  byTitle.textContent = `Decisions by ${form.elements.by.selectedOptions[0].textContent.toLowerCase()}`;
  const columns = [by, 'decided', 'accepted', 'edited', 'rejected', 'acceptanceRate'];
  table.tHead.replaceChildren(el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c))));
  const tbody = table.tBodies[0];
  tbody.replaceChildren(...(rows.length ? rows.map((r) => el('tr', {}, columns.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, r[c])
    : el('td', {}, c.endsWith('Rate') ? pct(r[c]) : r[c])))))
    : [el('tr', {}, el('td', { colspan: columns.length, class: 'muted' }, 'No decided actions in this period.'))]));
  if (by === 'agent') {
    const known = new Set([...agentFilter.options].map((o) => o.value));
    rows.map((r) => r.agent).filter((a) => a && !known.has(a)).forEach((a) => agentFilter.append(el('option', { value: a }, a)));
  }
}

/** The newest decided actions for the filters (GET /api/reports/decided), each linking to its drill-down. */
async function decisions() {
  const tbody = document.querySelector('#decisions tbody');
  try {
    const list = await report('decided');
    tbody.replaceChildren(...(list.length ? list.map((a) => el('tr', { 'data-action': a.actionId },
      el('td', {}, formatTime(a.decidedAt)), el('td', {}, a.rep),
      el('td', {}, el('a', { href: `/reports/actions/${encodeURIComponent(a.actionId)}` }, `${a.type} ${a.actionId}${a.subject ? ` · ${a.subject}` : ''}`)),
      el('td', {}, a.agent || ''), el('td', {}, a.status)))
      : [el('tr', {}, el('td', { colspan: 5, class: 'muted' }, 'No decisions for these filters.'))]));
  } catch (e) {
    tbody.replaceChildren(el('tr', {}, el('td', { colspan: 5, class: 'error' }, `Decisions could not be loaded: ${e.message}`)));
  }
}

/** CSV of the grouped decision report, fetched with Accept: text/csv and saved as a file. */
document.getElementById('csv').addEventListener('click', async () => {
  const query = filters();
  query.set('by', form.elements.by.value);
  try {
    const response = await fetch(`/api/reports/decisions?${query}`, { headers: { Accept: 'text/csv' }, credentials: 'same-origin' });
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: `decisions-by-${query.get('by')}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } catch (e) {
    showError(error, e);
  }
});

form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
[repFilter, agentFilter, teamFilter].forEach((s) => s.addEventListener('change', load));
load();
