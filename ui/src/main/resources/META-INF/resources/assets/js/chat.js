import { el, formatTime, showError } from './common.js';
import { Assistant, openActions, subscribe } from './assistant.js';

const account = document.getElementById('account');
const form = document.getElementById('ask');
const message = document.getElementById('message');
const error = document.getElementById('ask-error');
const signals = document.getElementById('signals');
const assistant = new Assistant({ messages: document.getElementById('messages'), evidence: document.getElementById('evidence') });

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const text = message.value.trim();
  if (!text) { showError(error, new Error('Write a message first.')); message.focus(); return; }
  showError(error, null);
  message.value = '';
  const context = account.value ? { accountId: Number(account.value) } : {};
  await assistant.ask(text, context);
  message.focus();
});
message.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
});

// A signal that crossed its threshold drafts an action (origin SIGNAL); the feed lists those drafts.
function signalItem(action) {
  const item = el('li', { 'data-action': action.id }, el('strong', {}, action.originRef || 'Signal'), ' · ',
    action.accountName || '', ' ', el('span', { class: 'muted' }, formatTime(action.queuedAt || action.createdAt)));
  const open = el('button', { type: 'button', class: 'secondary', onclick: () => { open.replaceWith(assistant.card(action)); } }, 'Show draft');
  item.append(' ', open);
  return item;
}

async function loadSignals() {
  try {
    const list = (await openActions()).filter((a) => a.origin === 'SIGNAL');
    signals.replaceChildren(...(list.length ? list.map(signalItem) : [el('li', { class: 'muted' }, 'No new signals.')]));
  } catch (e) {
    signals.replaceChildren(el('li', { class: 'error' }, `Signals could not be loaded: ${e.message}`));
  }
}
loadSignals();
subscribe((action) => {
  if (action.origin === 'SIGNAL' && action.status === 'DRAFTED' && !signals.querySelector(`[data-action="${action.id}"]`)) {
    signals.querySelector('.muted')?.remove();
    signals.prepend(signalItem(action));
  }
});
