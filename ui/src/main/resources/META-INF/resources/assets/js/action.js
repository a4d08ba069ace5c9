// Drill-down to one action: facts and a word diff of the draft against what was finally sent
// (jsdiff from the org.webjars.npm:diff WebJar). Diff parts are added as text nodes.
import { diffWords } from '/webjars/diff/5.1.0/lib/index.es6.js';
import { api, el, formatTime, showError } from './common.js';
import { normalizeAction } from './assistant.js';

const root = document.getElementById('action');
const facts = document.getElementById('action-facts');
const diff = document.getElementById('diff');
const error = document.getElementById('action-error');

const asText = (d) => (d ? [d.subject ? `Subject: ${d.subject}` : '', d.body || d.text || ''].filter(Boolean).join('\n\n') : '');

async function load() {
  try {
    const action = await api('GET', `/api/actions/${encodeURIComponent(root.dataset.actionId)}`);
    const flat = normalizeAction(action);
    const rows = [['Kind', flat.kind], ['Status', flat.status], ['Rep', action.repName || action.rep?.fullName],
      ['Created', formatTime(action.createdAt)], ['Decided', formatTime(action.decidedAt)], ['Reason', action.reason || action.rejectionReason]];
    facts.replaceChildren(...rows.filter(([, v]) => v).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
    const draft = asText(action.draft || action.payload);
    const final = asText(action.final || action.executed || action.edited);
    if (!final) {
      diff.replaceChildren(el('p', { class: 'muted' }, 'Nothing was sent for this action; the draft was:'), el('div', {}, draft));
      return;
    }
    diff.replaceChildren(...diffWords(draft, final).map((part) => (part.added ? el('ins', {}, part.value)
      : part.removed ? el('del', {}, part.value) : document.createTextNode(part.value))));
  } catch (e) {
    diff.replaceChildren();
    showError(error, e);
  }
}
load();
