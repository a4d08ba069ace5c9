import { api, el, formatTime, items, showError } from './common.js';
import { Assistant, subscribe } from './assistant.js';

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

function signalItem(s) {
  return el('li', {}, el('strong', {}, s.kind || s.signal || 'Signal'), ' ',
    s.accountName || (s.accountId ? `account ${s.accountId}` : ''), ' ',
    el('span', { class: 'muted' }, formatTime(s.at || s.occurredAt || s.createdAt)));
}

async function loadSignals() {
  try {
    const list = items(await api('GET', '/api/signals?state=NEW'));
    if (list.length) signals.replaceChildren(...list.map(signalItem));
  } catch (e) {
    signals.replaceChildren(el('li', { class: 'muted' }, `Signals are not available: ${e.message}`));
  }
}
loadSignals();
subscribe((event) => {
  if (event.signal || event.type === 'signal') {
    signals.querySelector('.muted')?.remove();
    signals.prepend(signalItem(event.signal || event));
  }
});
