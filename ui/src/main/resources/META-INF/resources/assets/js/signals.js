// The signal feed (GET /api/signals, pushed over GET /api/signals/stream): transitions of the
// accounts the user may see, newest first; a signal that drafted an action offers its draft card.
import { api, el, formatTime, items } from './common.js';

const KIND = { CHURN_RISK: 'Churn risk', BUYING_INTENT: 'Buying intent', OPEN_REQUEST: 'Open request',
  COMPETITOR_MENTION: 'Competitor mentioned', STALLED_DEAL: 'Stalled deal' };

function item(signal, assistant, showAccount) {
  const li = el('li', { 'data-signal': signal.id, class: signal.activated ? 'signal-on' : 'signal-off' },
    el('strong', {}, `${KIND[signal.kind] || signal.kind}${signal.activated ? '' : ' ended'}`),
    showAccount ? ` · ${signal.accountName || ''}` : '', ' ',
    el('span', { class: 'muted' }, `${formatTime(signal.at)} · score ${Number(signal.score).toFixed(2)}`));
  if (signal.actionId) {
    const open = el('button', { type: 'button', class: 'secondary', onclick: async () => {
      open.disabled = true;
      try {
        open.replaceWith(assistant.card(await api('GET', `/api/actions/${encodeURIComponent(signal.actionId)}`)));
      } catch (e) {
        open.replaceWith(el('span', { class: 'error', role: 'alert' }, `The draft could not be opened: ${e.message}`));
      }
    } }, 'Show draft');
    li.append(' ', open);
  }
  return li;
}

/**
 * Fills target with the feed (one account's when accountId() gives one; nothing without one when
 * requireAccount) and keeps it live: each pushed
 * transition reloads the list, so its drafted action is linked as soon as the server knows it.
 */
export function signalFeed(target, assistant, { accountId = () => null, requireAccount = false, showAccount = true,
  emptyText = 'No new signals.' } = {}) {
  const load = async () => {
    const account = accountId();
    if (requireAccount && !account) return;
    try {
      const page = await api('GET', `/api/signals?size=20${account ? `&account=${encodeURIComponent(account)}` : ''}`);
      const list = items(page);
      target.replaceChildren(...(list.length ? list.map((s) => item(s, assistant, showAccount)) : [el('li', { class: 'muted' }, emptyText)]));
    } catch (e) {
      target.replaceChildren(el('li', { class: 'error' }, `Signals could not be loaded: ${e.message}`));
    }
  };
  if ('EventSource' in window) {
    const source = new EventSource('/api/signals/stream', { withCredentials: true });
    source.onmessage = (e) => {
      try {
        const signal = JSON.parse(e.data);
        const account = accountId();
        if (!account || String(signal.accountId) === String(account)) load();
      } catch (ignored) { /* not JSON: keep-alive */ }
    };
  }
  return load;
}
