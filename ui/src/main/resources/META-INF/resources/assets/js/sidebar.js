// The CRM sidebar. Protocol (ui/README.md): the host posts {type:'closeloop:record', accountId}
// (or externalId); the sidebar answers {type:'closeloop:ready'} on load and
// {type:'closeloop:record-shown', accountId} after a switch. Only listed origins are heard.
import { api, el, formatTime, items, originAllowed, showError } from './common.js';
import { Assistant, fillCards, openActions, statusText, subscribe } from './assistant.js';
import { signalFeed } from './signals.js';

const root = document.getElementById('sidebar');
const allowed = root.dataset.hostOrigins.split('\n').map((s) => s.trim()).filter(Boolean);
const label = document.getElementById('record-label');
const error = document.getElementById('sidebar-error');
const signals = document.getElementById('sb-signal-list');
const next = document.getElementById('sb-next-list');
const drafts = document.getElementById('sb-draft-list');
const assistant = new Assistant({
  messages: document.getElementById('messages'),
  evidence: document.getElementById('evidence'),
  onChange: (action) => {
    document.getElementById('sidebar-status').textContent = `${action.type} ${action.id}${action.subject ? ` "${action.subject}"` : ''}: ${statusText(action.status)}`;
    refresh();
  },
});
let current = null;
let hostOrigin = null;
const loadSignals = signalFeed(signals, assistant, { accountId: () => current?.id, requireAccount: true, showAccount: false,
  emptyText: 'No signals for this account yet.' });

function tell(message) {
  if (hostOrigin && window.parent !== window) window.parent.postMessage(message, hostOrigin);
}

async function show(record) {
  try {
    let account;
    if (record.accountId) {
      account = await api('GET', `/api/accounts/${encodeURIComponent(record.accountId)}`);
    } else if (record.externalId) {
      account = items(await api('GET', `/api/accounts?q=${encodeURIComponent(record.externalId)}`))
        .find((a) => a.externalId === record.externalId);
      if (!account) throw new Error(`No account with external id ${record.externalId} is visible to you.`);
    } else {
      throw new Error('The CRM did not say which account is open.');
    }
    current = account;
    label.textContent = account.name;
    root.dataset.current = account.id;
    showError(error, null);
    await refresh();
    tell({ type: 'closeloop:record-shown', accountId: account.id });
  } catch (e) {
    current = null;
    label.textContent = 'No record selected';
    showError(error, e);
  }
}

async function refresh() {
  if (!current) return;
  try {
    const open = await openActions(current.id);
    loadSignals();
    fillCards(next, assistant, open.filter((a) => a.type !== 'EMAIL'), 'Nothing suggested yet.');
    fillCards(drafts, assistant, open.filter((a) => a.type === 'EMAIL'), 'No drafts waiting for you.');
    showError(error, null);
  } catch (e) {
    showError(error, e);
  }
}

window.addEventListener('message', (event) => {
  if (!originAllowed(event.origin, allowed)) return;
  const data = event.data;
  if (!data || typeof data !== 'object' || data.type !== 'closeloop:record') return;
  hostOrigin = event.origin;
  show({ accountId: data.accountId, externalId: data.externalId });
});

document.getElementById('sb-ask').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = document.getElementById('sb-message');
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  assistant.ask(text, current ? { accountId: current.id } : {});
});

subscribe((action) => {
  if (current && action.accountId === current.id) refresh();
});

if (root.dataset.account) show({ accountId: root.dataset.account });
// Tell every allowed host that the sidebar is ready; a listed origin learns it, others get nothing.
if (window.parent !== window) {
  allowed.filter((s) => !s.includes('*')).forEach((s) => {
    window.parent.postMessage({ type: 'closeloop:ready' }, s === "'self'" ? window.location.origin : s);
  });
  const referrer = document.referrer ? new URL(document.referrer).origin : null;
  if (referrer && originAllowed(referrer, allowed) && allowed.every((s) => s !== referrer)) {
    window.parent.postMessage({ type: 'closeloop:ready' }, referrer);
  }
}
