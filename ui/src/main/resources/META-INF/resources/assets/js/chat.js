import { showError } from './common.js';
import { Assistant } from './assistant.js';
import { signalFeed } from './signals.js';

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

// The rep's signal feed: transitions of their accounts, live; a signal's drafted action opens as a card.
signalFeed(signals, assistant)();
