// Drill-down to one action: its facts, its history, and a word diff of the draft against the
// final text (jsdiff from the org.webjars.npm:diff WebJar). Diff parts are added as text nodes.
import { diffWords } from '/webjars/diff/5.1.0/lib/index.es6.js';
import { api, el, formatTime, showError } from './common.js';

const root = document.getElementById('action');
const facts = document.getElementById('action-facts');
const diff = document.getElementById('diff');
const error = document.getElementById('action-error');

const asText = (s) => [s.subject ? `Subject: ${s.subject}` : '', s.body || s.newValue || ''].filter(Boolean).join('\n\n');

async function load() {
  const id = encodeURIComponent(root.dataset.actionId);
  try {
    const [action, history] = await Promise.all([api('GET', `/api/actions/${id}`), api('GET', `/api/actions/${id}/history`)]);
    const decision = history.find((e) => ['APPROVED', 'EDITED_AND_APPROVED', 'REJECTED'].includes(e.to));
    const rows = [['Type', action.type], ['Status', action.status], ['Account', action.accountName], ['Rep', action.owner?.fullName],
      ['Agent', action.agent], ['Route', action.route], ['Drafted', formatTime(action.createdAt)], ['Decided', formatTime(action.decidedAt)],
      ['Reason', action.status === 'REJECTED' ? decision?.note : null], ['Guardrails', action.guardrail?.rules?.join(', ')]];
    facts.replaceChildren(...rows.filter(([, v]) => v).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
    const draft = decision?.before ? asText(decision.before) : asText(action);
    const final = asText(action);
    if (action.status === 'REJECTED' || action.status === 'EXPIRED') {
      diff.replaceChildren(el('p', { class: 'muted' }, 'Nothing was sent; the draft was:'), el('div', {}, draft));
    } else if (draft === final) {
      diff.replaceChildren(el('p', { class: 'muted' }, 'Approved as drafted:'), el('div', {}, final));
    } else {
      diff.replaceChildren(...diffWords(draft, final).map((part) => (part.added ? el('ins', {}, part.value)
        : part.removed ? el('del', {}, part.value) : document.createTextNode(part.value))));
    }
    root.append(el('h2', {}, 'History'), el('ol', {}, history.map((e) => el('li', {},
      `${formatTime(e.at)} · ${e.from || 'new'} → ${e.to}${e.note ? ` · ${e.note}` : ''}`))));
  } catch (e) {
    diff.replaceChildren();
    showError(error, e);
  }
}
load();
