// Calls to Tally's public API through the gateway, with the signed-in user's token. Errors arrive as
// application/problem+json (RFC 9457); ApiError keeps the status and the problem's detail, which for a 403 names the
// roles the operation needs.
import { session, expire } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : `The server answered ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** What to tell the user. */
  describe() {
    if (this.status === 403) {
      return `Your role may not see this. ${this.message}.`;
    }
    if (this.status === 401) {
      return 'Your session has ended: sign in again.';
    }
    if (this.status === 429) {
      return 'Too many requests for now: try again in a minute.';
    }
    return this.message;
  }
}

function url(path, params) {
  const u = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') {
      u.searchParams.set(k, v);
    }
  }
  return u;
}

/** One call: JSON {@code body}, or a file as {@code raw} with its {@code type}; a problem answer throws ApiError. */
async function call(method, path, { params, body, raw, type, headers } = {}) {
  const s = session();
  const h = { Accept: 'application/json', ...(headers || {}) };
  if (s) {
    h.Authorization = `Bearer ${s.token}`;
  }
  if (raw !== undefined) {
    h['Content-Type'] = type;
  } else if (body !== undefined) {
    h['Content-Type'] = 'application/json';
  }
  const response = await fetch(url(path, params), {
    method,
    headers: h,
    body: raw !== undefined ? raw : body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    expire();
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (e) {
      // not a problem document
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

/** GET a JSON document. */
export async function get(path, params) {
  return (await call('GET', path, { params })).json();
}

/** Fetches a CSV with the token and saves it as {@code filename}. */
export async function download(path, params, filename) {
  const response = await call('GET', path, { params, headers: { Accept: 'text/csv' } });
  const blob = await response.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** POST, PUT or DELETE with a JSON body; the answer's JSON (or null) and its ETag. */
export async function send(method, path, body, headers) {
  const response = await call(method, path, { body, headers });
  const text = await response.text();
  return { body: text ? JSON.parse(text) : null, etag: response.headers.get('ETag') };
}

/** POSTs a file (streamed by the browser, never read into the page) and returns the answer's JSON. */
export async function upload(path, params, file, type) {
  return (await call('POST', path, { params, raw: file, type })).json();
}
