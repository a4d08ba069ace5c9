// The conversation, evidence panel and action cards shared by the chat page and the sidebar.
import { api, ApiError, csrfHeaders, el, formatTime, items, showError } from './common.js';

const MODE_LABEL = { SMALL_MODEL: 'Small model', LLM: 'LLM', OFFLINE: 'Offline' };
const OPEN = ['DRAFTED', 'APPROVED_BY_MANAGER'];
const REASONS = [['WRONG_FACTS', 'Wrong facts'], ['WRONG_TONE', 'Wrong tone'], ['WRONG_RECIPIENT', 'Wrong recipient'],
  ['NOT_NEEDED_NOW', 'Not needed now'], ['OTHER', 'Other (say why)']];

/** The router's ChatResponse (POST /api/chat) in the shape the page draws. */
export function normalizeReply(reply) {
  return {
    decisionId: reply.decisionId,
    text: reply.text ?? '',
    mode: reply.badge?.mode ?? 'SMALL_MODEL',
    label: reply.badge?.label,
    agent: reply.agent ?? '',
    citations: reply.citations || [],
    proposals: reply.proposals || [],
    notices: reply.notices || [],
    totalMs: reply.latency?.totalMs,
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

  /**
   * Asks over POST /api/chat/stream and draws each stage as it arrives: route (expected badge), evidence
   * (the side panel fills first), the answer (only ever the guardrail-validated text), drafted actions, done.
   */
  async ask(message, context) {
    this.say(message);
    const stages = el('ol', { class: 'stages', 'aria-label': 'Progress' });
    const slot = el('div', { class: 'slot' }, el('span', { class: 'muted' }, 'Routing…'));
    const pending = el('li', { class: 'msg bot pending', 'aria-busy': 'true' }, slot, stages);
    this.messages.append(pending);
    const stage = (name, text) => stages.append(el('li', { 'data-stage': name }, text));
    let citations = [];
    let answered = null;
    try {
      await streamChat({ message, ...context }, {
        route: (e) => {
          const r = e.route || {};
          stage('route', `Routed: ${r.intent || '?'} (${Number(r.confidence || 0).toFixed(2)}) → ${MODE_LABEL[e.expected?.mode] || e.expected?.label || r.route}`
            + ` · ${Number(e.routingMs || 0).toFixed(0)} ms`);
          slot.replaceChildren(el('span', { class: `badge ${e.expected?.mode || ''}` }, `${MODE_LABEL[e.expected?.mode] || ''}…`),
            el('span', { class: 'muted' }, 'Looking for evidence…'));
        },
        evidence: (e) => {
          citations = e.citations || [];
          stage('evidence', citations.length ? `Evidence: ${citations.length} interaction${citations.length === 1 ? '' : 's'}` : 'Evidence: none cited');
          this.listEvidence(citations);
          slot.lastChild.textContent = 'Checking the answer with the guardrails…';
        },
        answer: (e) => {
          stage('answer', 'Checked by the guardrails');
          answered = e;
          slot.replaceChildren(this.answerBody(e, citations));
        },
        actions: (e) => {
          const drafted = (e.proposals || []).filter((p) => p.actionId).length;
          stage('actions', drafted ? `Drafted ${drafted} action${drafted === 1 ? '' : 's'}` : 'No action drafted');
        },
        done: async (reply) => {
          const full = normalizeReply(reply);
          stage('done', `Done in ${((full.totalMs || 0) / 1000).toFixed(1)} s`);
          const node = this.answer(full);
          node.append(stages);
          pending.replaceWith(node);
          await this.drafts(node, full);
        },
      });
      if (!answered && pending.isConnected) throw new Error('the answer stream ended early');
    } catch (error) {
      pending.replaceWith(el('li', { class: 'msg bot error', role: 'alert' }, `Could not answer: ${error.message}`));
    }
  }

  /** The validated answer text while the rest of the request completes. */
  answerBody(e, citations) {
    return el('div', {},
      el('span', { class: `badge ${e.badge?.mode || ''}` }, MODE_LABEL[e.badge?.mode] || e.badge?.label || ''),
      el('div', { class: 'text' }, e.text || ''),
      citations.length ? el('p', { class: 'muted' }, `${citations.length} cited — see Evidence`) : null);
  }

  /** Lists the cited interactions in the evidence panel; each opens in full. */
  listEvidence(citations) {
    if (!citations.length) {
      this.evidence.replaceChildren(el('p', { class: 'muted' }, 'This answer cites no interaction.'));
      return;
    }
    this.evidence.replaceChildren(el('ol', { class: 'evidence-list' }, citations.map((c, i) => el('li', {},
      el('button', { type: 'button', class: 'secondary', 'data-interaction': c.interactionId, onclick: () => this.openEvidence(c) },
        `[${i + 1}] ${c.subject || c.channel || 'interaction'}`),
      c.snippet ? el('p', { class: 'muted snippet' }, c.snippet) : null))));
  }

  answer(reply) {
    const seconds = reply.totalMs === undefined ? '' : ` · ${(reply.totalMs / 1000).toFixed(1)} s`;
    return el('li', { class: 'msg bot answer', 'data-mode': reply.mode },
      el('div', {},
        el('span', { class: `badge ${reply.mode}`, title: reply.agent ? `answered by ${reply.agent}` : null },
          `${MODE_LABEL[reply.mode] || reply.label || reply.mode}${seconds}`)),
      reply.notices.map((n) => el('p', { class: 'notice' }, n)),
      el('div', { class: 'text' }, reply.text),
      reply.citations.length ? el('div', { class: 'citations', 'aria-label': 'Evidence' },
        reply.citations.map((c, i) => el('button', {
          type: 'button', class: 'secondary citation', 'data-interaction': c.interactionId,
          onclick: () => this.openEvidence(c),
        }, `[${i + 1}] ${c.subject || c.channel || 'interaction'}`))) : null,
      reply.proposals.filter((p) => !p.actionId).map((p) => el('p', { class: 'notice' },
        p.accepted ? `A proposed ${(p.action?.kind || 'action').toLowerCase().replace('_', ' ')} was not queued.`
          : `A proposed ${(p.action?.kind || 'action').toLowerCase().replace('_', ' ')} was blocked by the guardrails.`)));
  }

  /** Loads the drafted actions of a reply (the queue holds their version) and adds their cards. */
  async drafts(node, reply) {
    for (const proposal of reply.proposals.filter((p) => p.actionId)) {
      try {
        node.append(this.card(await api('GET', `/api/actions/${encodeURIComponent(proposal.actionId)}`)));
      } catch (error) {
        node.append(el('p', { class: 'error', role: 'alert' }, `Draft ${proposal.actionId} could not be loaded: ${error.message}`));
      }
    }
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

  /** A drafted action (ActionView) with Approve, Edit (inline editor) and Reject (with a reason). */
  card(action) {
    let version = action.version;
    const status = el('p', { class: 'status', role: 'status' }, OPEN.includes(action.status) ? '' : statusText(action.status));
    const body = el('div', { class: 'body' }, action.type === 'CRM_FIELD_UPDATE'
      ? `${action.fieldName}: ${action.oldValue ?? '—'} → ${action.newValue ?? '—'}` : action.body || '');
    const buttons = el('div', { class: 'buttons' });
    const card = el('article', { class: 'action-card', 'data-action': action.id, 'data-status': action.status, 'aria-label': `${label(action)} draft` },
      el('strong', {}, `${label(action)}${action.subject ? `: ${action.subject}` : ''}`),
      action.recipients?.length ? el('p', { class: 'muted' }, `To ${action.recipients.join(', ')}`) : null,
      action.accountName ? el('p', { class: 'muted' }, action.accountName) : null,
      body,
      action.dueDate ? el('p', { class: 'muted' }, `Due ${action.dueDate}`) : null,
      action.guardrail?.rules?.length ? el('p', { class: 'muted' }, `Guardrails: ${action.guardrail.verdict} (${action.guardrail.rules.join(', ')})`) : null,
      buttons, status);
    const decide = async (verb, payload, done) => {
      buttons.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      try {
        const result = await api('POST', `/api/actions/${encodeURIComponent(action.id)}/${verb}`, { version, ...payload });
        version = result.version;
        status.textContent = statusText(result.status);
        card.dataset.status = result.status;
        card.classList.add('done');
        buttons.replaceChildren();
        done?.();
        this.onChange(result, verb);
      } catch (error) {
        status.textContent = `Could not ${verb}: ${error.message}`;
        buttons.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      }
    };
    const editable = action.type === 'EMAIL' || action.type === 'TASK' || action.type === 'NOTE';
    if (OPEN.includes(action.status)) {
      buttons.append(el('button', { type: 'button', class: 'approve', onclick: () => decide('approve', {}) }, 'Approve'));
      if (editable) buttons.append(el('button', { type: 'button', class: 'secondary edit', onclick: () => openEditor() }, 'Edit'));
      buttons.append(el('button', { type: 'button', class: 'danger reject', onclick: () => openReject() }, 'Reject'));
    } else if (action.status === 'NEEDS_APPROVAL') {
      status.textContent = 'Waiting for your manager\'s approval (guardrails).';
    }

    const openEditor = () => {
      const subject = el('input', { id: `subject-${action.id}`, value: action.subject || '' });
      const text = el('textarea', { id: `body-${action.id}`, rows: 8 });
      text.value = action.body || '';
      const form = el('form', { class: 'editor' },
        el('label', { for: subject.id }, 'Subject'), subject,
        el('label', { for: text.id }, 'Text'), text,
        el('div', { class: 'buttons' },
          el('button', { type: 'submit' }, 'Save and approve'),
          el('button', { type: 'button', class: 'secondary', onclick: () => { form.remove(); body.hidden = false; } }, 'Cancel')));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        decide('approve', { subject: subject.value, body: text.value }, () => { form.remove(); body.textContent = text.value; body.hidden = false; });
      });
      body.hidden = true;
      body.after(form);
      text.focus();
    };
    const openReject = () => {
      const reason = el('select', { id: `reason-${action.id}`, required: true },
        el('option', { value: '' }, 'Choose a reason'), REASONS.map(([v, t]) => el('option', { value: v }, t)));
      const note = el('textarea', { id: `reason-text-${action.id}`, rows: 2, maxlength: 500 });
      const form = el('form', { class: 'reject' },
        el('label', { for: reason.id }, 'Why reject it?'), reason,
        el('label', { for: note.id }, 'Comment (required for Other)'), note,
        el('div', { class: 'buttons' },
          el('button', { type: 'submit', class: 'danger' }, 'Reject'),
          el('button', { type: 'button', class: 'secondary', onclick: () => form.remove() }, 'Cancel')));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        decide('reject', { reason: reason.value, reasonText: note.value || null }, () => form.remove());
      });
      buttons.after(form);
      reason.focus();
    };
    return card;
  }
}

const label = (action) => ({ EMAIL: 'E-mail', CRM_FIELD_UPDATE: 'Field update', TASK: 'Task', NOTE: 'Note' }[action.type] || action.type);

export function statusText(status) {
  return {
    APPROVED: 'Approved — it will be sent', EDITED_AND_APPROVED: 'Edited and approved — it will be sent',
    REJECTED: 'Rejected', EXPIRED: 'Expired', EXECUTING: 'Sending…', EXECUTED: 'Done', FAILED: 'Failed — will be retried',
    NEEDS_APPROVAL: 'Waiting for your manager', APPROVED_BY_MANAGER: 'Approved by your manager',
  }[status] || status;
}

/**
 * POST /api/chat/stream, reading its server-sent events from the response body (EventSource cannot POST).
 * Each named event goes to its handler; a problem event or a refused request throws an ApiError.
 */
export async function streamChat(body, handlers) {
  let response;
  try {
    response = await fetch('/api/chat/stream', {
      method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
      headers: { Accept: 'text/event-stream', 'Content-Type': 'application/json', ...csrfHeaders() },
    });
  } catch (e) {
    throw new ApiError(0, { detail: 'Closeloop cannot be reached. Check your connection and try again.' });
  }
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      let name = 'message';
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (!data.length) continue;
      const payload = JSON.parse(data.join('\n'));
      if (name === 'problem') throw new ApiError(payload.status, payload);
      await handlers[name]?.(payload);
    }
    if (done) return;
  }
}

/** The caller's open actions (the queue), optionally for one account. */
export async function openActions(accountId) {
  const page = await api('GET', '/api/actions?status=DRAFTED,APPROVED_BY_MANAGER,NEEDS_APPROVAL&size=200');
  return items(page).filter((a) => !accountId || String(a.accountId) === String(accountId));
}

/** Fills a node with action cards, or an empty state. */
export function fillCards(target, assistant, actions, emptyText) {
  target.replaceChildren(...(actions.length ? actions.map((a) => assistant.card(a)) : [el('p', { class: 'muted' }, emptyText)]));
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
