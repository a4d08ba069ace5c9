// Manager reports over GET /api/reports/{report} (actions layer: {name, columns, items}, scoped to
// the manager's team on the server) and GET /api/reports/routing (router). The page draws,
// filters and links; it computes no figures of its own.
import { api, el, formatTime, items, showError } from './common.js';
import { bars, line } from './charts.js';

const form = document.getElementById('filters');
const error = document.getElementById('reports-error');
const agentFilter = document.getElementById('f-agent');
const repFilter = document.getElementById('f-rep');
const byTitle = document.getElementById('by-title');
const pct = (v) => (v === null || v === undefined ? '—' : `${Math.round(v * 100)} %`);
const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);

function range() {
  const query = new URLSearchParams();
  ['from', 'to'].forEach((k) => { if (form.elements[k].value) query.set(k, form.elements[k].value); });
  return query;
}

/** A report's rows, as objects keyed by its columns. */
async function report(name, extra = {}) {
  const query = range();
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
    const r = await api('GET', `/api/reports/routing?${range()}`);
    bars(target, (r.perIntent || []).map((i) => ({ label: i.intent, value: i.share.shareWithoutLlm })), { what: 'routed requests', format: pct });
    target.prepend(el('p', {}, `${pct(r.total.shareWithoutLlm)} of ${r.total.requests} requests answered without an LLM; `
      + `estimated LLM cost saved ${r.estimatedCostSaved ?? 0} (${r.tokensMeasured ? 'measured' : 'estimated'} ${r.tokensPerLlmAnswer} tokens per LLM answer).`));
  } catch (e) {
    target.replaceChildren(el('p', { class: 'error' }, `Routing figures could not be loaded: ${e.message}`));
  }
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

/** Decided actions of the team (GET /api/actions is scoped like the reports), filtered by rep and agent. */
async function decisions() {
  const tbody = document.querySelector('#decisions tbody');
  try {
    const page = await api('GET', '/api/actions?status=APPROVED,EDITED_AND_APPROVED,REJECTED,EXPIRED,EXECUTING,EXECUTED,FAILED&size=200');
    const repId = repFilter.value;
    const agent = agentFilter.value;
    const list = items(page).filter((a) => (!repId || String(a.owner?.id) === repId) && (!agent || a.agent === agent))
      .sort((a, b) => String(b.decidedAt).localeCompare(String(a.decidedAt)));
    tbody.replaceChildren(...(list.length ? list.map((a) => el('tr', { 'data-action': a.id },
      el('td', {}, formatTime(a.decidedAt)), el('td', {}, a.owner?.fullName || 'team queue'),
      el('td', {}, el('a', { href: `/reports/actions/${encodeURIComponent(a.id)}` }, `${a.type} ${a.id}${a.subject ? ` · ${a.subject}` : ''}`)),
      el('td', {}, a.agent || ''), el('td', {}, a.status)))
      : [el('tr', {}, el('td', { colspan: 5, class: 'muted' }, 'No decisions for these filters.'))]));
  } catch (e) {
    tbody.replaceChildren(el('tr', {}, el('td', { colspan: 5, class: 'error' }, `Decisions could not be loaded: ${e.message}`)));
  }
}

/** CSV of the grouped decision report, fetched with Accept: text/csv and saved as a file. */
document.getElementById('csv').addEventListener('click', async () => {
  const query = range();
  query.set('by', form.elements.by.value);
  try {
    const response = await fetch(`/api/reports/decisions?${query}`, { headers: { Accept: 'text/csv' }, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`The server answered ${response.status}`);
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
[repFilter, agentFilter].forEach((s) => s.addEventListener('change', decisions));
load();
