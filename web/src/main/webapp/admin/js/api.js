// The console's one way to the node: the same HTTP API, users and rules as scripts. The browser attaches the
// console's Basic login; the URL is built from the origin alone, so a login typed into the address bar
// (https://user:password@host/admin/) never ends up in a request the browser refuses to send.

/** An API answer other than 2xx, with its problem+json body (type, title, detail) when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : `The node answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }

  /** The problem type's last part, such as "record-not-found". */
  get type() {
    const type = this.problem && this.problem.type;
    return type ? type.substring(type.lastIndexOf(':') + 1) : null;
  }
}

export async function api(method, path, options = {}) {
  const headers = {Accept: 'application/json, application/problem+json'};
  const init = {method, headers, credentials: 'same-origin', cache: 'no-store'};
  if (options.body !== undefined) {
    init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['Content-Type'] = options.type || 'application/json';
  }
  const response = await fetch(new URL('/api/v1' + path, window.location.origin), init);
  const text = await response.text();
  let body = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch (notJson) {
      body = {detail: text.substring(0, 200)};
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

/** Who is signed in, and whether they may change things (admin) or only look (support). */
export async function me() {
  const response = await fetch(new URL('/admin/me', window.location.origin),
      {credentials: 'same-origin', cache: 'no-store'});
  if (!response.ok) {
    throw new ApiError(response.status, null);
  }
  return response.json();
}

/** A path segment: store names, keys and ids are percent-encoded. */
export const seg = encodeURIComponent;

/** A query string from the non-empty entries. */
export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
