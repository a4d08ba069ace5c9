// The conversation, evidence panel and action cards shared by the chat page and the sidebar.
import { api, el, formatTime, items, showError } from './common.js';

const MODE_LABEL = { SMALL_MODEL: 'Small model', LLM: 'LLM', OFFLINE: 'Offline template' };

/** The router's reply in one shape: text, mode, agent, citations, queued actions, notice, elapsed ms. */
export function normalizeReply(reply, elapsedMs) {
  const answer = reply?.answer || reply || {};
  return {
    text: answer.text ?? '',
    mode: answer.mode ?? reply?.mode ?? 'SMALL_MODEL',
    agent: answer.agent ?? reply?.agent ?? '',
    citations: answer.citations || reply?.citations || [],
    actions: reply?.queued || reply?.actions || answer.actions || [],
    notice: answer.notice ?? reply?.notice,
    elapsedMs: reply?.elapsedMs ?? reply?.latencyMs ?? elapsedMs,
  };
}

/** An action as the action loop returns it, flattened: id, kind, status, to, subject, body, rationale. */
export function normalizeAction(action) {
  const draft = action.payload || action.draft || action.proposal || {};
  return {
    id: action.id,
    kind: action.kind || action.type || draft.kind || 'ACTION',
    status: action.status || 'PENDING',
    to: draft.to ?? action.to,
    subject: draft.subject ?? action.subject ?? draft.title ?? action.title,
    body: draft.body ?? action.body ?? draft.text ?? draft.description ?? '',
    rationale: draft.rationale ?? action.rationale,
    accountId: action.accountId ?? draft.accountId,
  };
}

export class Assistant {
  constructor({ messages, evidence, onChange }) {
    this.messages = messages;
    this.evidence = evidence;
    this.onChange = onChange || (() => {});
  }

  say(text) {
    document.getElementById('messages-empty')?.remove();
    this.messages.append(el('li', { class: 'msg me' }, text));
  }

  async ask(message, context) {
    this.say(message);
    const pending = el('li', { class: 'msg bot', 'aria-busy': 'true' }, 'Thinking…');
    this.messages.append(pending);
    const started = performance.now();
    try {
      const reply = normalizeReply(await api('POST', '/api/chat', { message, ...context }), Math.round(performance.now() - started));
      pending.replaceWith(this.answer(reply));
    } catch (error) {
      pending.replaceWith(el('li', { class: 'msg bot error', role: 'alert' }, `Could not answer: ${error.message}`));
    }
  }

  answer(reply) {
    const seconds = reply.elapsedMs === undefined ? '' : ` · ${(reply.elapsedMs / 1000).toFixed(1)} s`;
    return el('li', { class: 'msg bot answer', 'data-mode': reply.mode },
      el('div', {},
        el('span', { class: `badge ${reply.mode}`, title: reply.agent ? `answered by ${reply.agent}` : null },
          `${MODE_LABEL[reply.mode] || reply.mode}${seconds}`)),
      reply.notice ? el('p', { class: 'notice' }, reply.notice) : null,
      el('div', { class: 'text' }, reply.text),
      reply.citations.length ? el('div', { class: 'citations', 'aria-label': 'Evidence' },
        reply.citations.map((c, i) => el('button', {
          type: 'button', class: 'secondary citation', 'data-interaction': c.interactionId,
          onclick: () => this.openEvidence(c),
        }, `[${i + 1}] ${c.subject || c.channel || 'interaction'}`))) : null,
      reply.actions.map((a) => this.card(normalizeAction(a))));
  }

  async openEvidence(citation) {
    this.evidence.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
    try {
      const i = await api('GET', `/api/interactions/${encodeURIComponent(citation.interactionId)}`);
      this.evidence.replaceChildren(
        el('h3', {}, i.subject || `${i.channel || 'Interaction'} ${i.id}`),
        el('p', { class: 'muted' }, [i.channel, i.direction, i.fromName || i.fromEmail, formatTime(i.occurredAt)].filter(Boolean).join(' · ')),
        el('div', { class: 'evidence-body' }, i.body || ''));
    } catch (error) {
      this.evidence.replaceChildren(el('p', { class: 'muted' }, citation.snippet || ''),
        el('p', { class: 'error', role: 'alert' }, `The full interaction could not be opened: ${error.message}`));
    }
    this.evidence.focus();
  }

  /** A drafted action with Approve, Edit (inline editor) and Reject (with a reason). */
  card(action) {
    const status = el('p', { class: 'status', role: 'status' }, action.status === 'PENDING' ? '' : action.status);
    const body = el('div', { class: 'body' }, action.body);
    const buttons = el('div', { class: 'buttons' });
    const card = el('article', { class: 'action-card', 'data-action': action.id, 'aria-label': `${action.kind} draft` },
      el('strong', {}, `${action.kind.replace('_', ' ').toLowerCase()}${action.subject ? `: ${action.subject}` : ''}`),
      action.to ? el('p', { class: 'muted' }, `To ${action.to}`) : null,
      body,
      action.rationale ? el('p', { class: 'muted' }, `Why: ${action.rationale}`) : null,
      buttons, status);
    const decide = async (verb, payload, label) => {
      buttons.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      try {
        const result = await api('POST', `/api/actions/${encodeURIComponent(action.id)}/${verb}`, payload);
        status.textContent = `${label}${result?.status ? ` (${result.status})` : ''}`;
        card.classList.add('done');
        buttons.replaceChildren();
        this.onChange(action, verb);
      } catch (error) {
        status.textContent = `Could not ${verb}: ${error.message}`;
        buttons.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      }
    };
    const approve = el('button', { type: 'button', onclick: () => decide('approve', undefined, 'Approved') }, 'Approve');
    const edit = el('button', { type: 'button', class: 'secondary', onclick: () => openEditor() }, 'Edit');
    const reject = el('button', { type: 'button', class: 'danger', onclick: () => openReject() }, 'Reject');
    if (action.status === 'PENDING') buttons.append(approve, edit, reject);

    const openEditor = () => {
      const subjectId = `subject-${action.id}`;
      const bodyId = `body-${action.id}`;
      const subject = el('input', { id: subjectId, value: action.subject || '' });
      const text = el('textarea', { id: bodyId, rows: 8 });
      text.value = action.body;
      const form = el('form', { class: 'editor' },
        el('label', { for: subjectId }, 'Subject'), subject,
        el('label', { for: bodyId }, 'Text'), text,
        el('div', { class: 'buttons' },
          el('button', { type: 'submit' }, 'Save and approve'),
          el('button', { type: 'button', class: 'secondary', onclick: () => { form.remove(); body.hidden = false; } }, 'Cancel')));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        decide('edit', { subject: subject.value, body: text.value }, 'Edited and approved').then(() => form.remove());
      });
      body.hidden = true;
      body.after(form);
      text.focus();
    };
    const openReject = () => {
      const reasonId = `reason-${action.id}`;
      const reason = el('textarea', { id: reasonId, rows: 2, required: true, maxlength: 500 });
      const form = el('form', { class: 'reject' },
        el('label', { for: reasonId }, 'Why reject it?'), reason,
        el('div', { class: 'buttons' },
          el('button', { type: 'submit', class: 'danger' }, 'Reject'),
          el('button', { type: 'button', class: 'secondary', onclick: () => form.remove() }, 'Cancel')));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        decide('reject', { reason: reason.value }, 'Rejected').then(() => form.remove());
      });
      buttons.after(form);
      reason.focus();
    };
    return card;
  }
}

/** Fills a list with pending drafts for one account (or all of the rep's), with an empty state. */
export async function loadDrafts(target, assistant, accountId, errorNode) {
  try {
    const query = new URLSearchParams({ status: 'PENDING' });
    if (accountId) query.set('accountId', accountId);
    const drafts = items(await api('GET', `/api/actions?${query}`)).map(normalizeAction);
    target.replaceChildren(...(drafts.length ? drafts.map((d) => assistant.card(d))
      : [el('p', { class: 'muted' }, 'No drafts waiting for you.')]));
    showError(errorNode, null);
  } catch (error) {
    showError(errorNode, error);
  }
}

/** Live updates of the rep's actions and signals over server-sent events; reconnects by itself. */
export function subscribe(onEvent) {
  if (!('EventSource' in window)) return null;
  const source = new EventSource('/api/actions/stream', { withCredentials: true });
  source.onmessage = (e) => {
    try { onEvent(JSON.parse(e.data)); } catch (ignored) { /* not JSON: keep-alive */ }
  };
  return source;
}
