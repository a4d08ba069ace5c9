// Shared by every page. Text from the server, the model or an interaction is only ever put into
// the page with textContent (never innerHTML), so a "<script>" in an e-mail body stays text.

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;

/** Builds an element; string children become text nodes, attributes are set one by one. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A problem (RFC 9457) or network failure as one sentence a person can act on. */
export class ApiError extends Error {
  constructor(status, problem) {
    const fields = (problem?.errors || []).map((e) => `${e.field}: ${e.reason}`).join('; ');
    super([problem?.detail || problem?.title || `The server answered ${status}`, fields].filter(Boolean).join(' — '));
    this.status = status;
    this.problem = problem;
  }
}

/** The CSRF header every state-changing script request carries. */
export function csrfHeaders() {
  return { [meta('csrf-header') || 'X-CSRF-Token']: meta('csrf-token') };
}

/** fetch with the session cookie and the CSRF header; JSON in, JSON (or null) out. */
export async function api(method, url, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') Object.assign(headers, csrfHeaders());
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { detail: 'Closeloop cannot be reached. Check your connection and try again.' });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export function showError(node, error) {
  node.textContent = error ? error.message : '';
  node.hidden = !error;
}

export const items = (data) => (Array.isArray(data) ? data : data?.items || []);

export function formatTime(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

/** Whether a browser origin is on a list of CSP source expressions ('self', https://*.host, http://host:*). */
export function originAllowed(origin, sources, selfOrigin = window.location.origin) {
  return sources.some((source) => {
    if (source === "'self'") return origin === selfOrigin;
    const escaped = source.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    const pattern = escaped.replace('://*\\.', '://[a-z0-9-]+(\\.[a-z0-9-]+)*\\.').replace(/:\*$/, ':\\d{1,5}');
    return new RegExp(`^${pattern}$`).test(origin);
  });
}
