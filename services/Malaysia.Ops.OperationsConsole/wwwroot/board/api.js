// Requests to the console's HTTP API, and the errors they end in.

export class ApiError extends Error {
  constructor(status, title, detail, errors) {
    super(title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }
}

function readToken() {
  return document.getElementById('token')?.value.trim() ?? '';
}

/**
 * One request to the console. Every request carries the access token (the rehearsal's role
 * endpoints read who is asking even on GET); an answer that is not a success
 * becomes an ApiError holding the problem details (title, detail, field errors).
 */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const accessToken = readToken();
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'The console service cannot be reached');
  }

  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!response.ok) {
    const problem = data && typeof data === 'object' ? data : {};
    throw new ApiError(
      response.status,
      typeof problem.title === 'string' && problem.title ? problem.title : `${response.status} ${response.statusText}`.trim(),
      typeof problem.detail === 'string' ? problem.detail : undefined,
      problem.errors && typeof problem.errors === 'object' ? problem.errors : undefined);
  }
  return data;
}

export function describeError(error) {
  if (!(error instanceof ApiError)) return String(error?.message ?? error);
  if (error.status === 401) return 'Refused: a valid access token is needed (enter it under Access token)';
  return error.detail && error.detail !== error.title ? `${error.title}: ${error.detail}` : error.title;
}

export const segment = (value) => encodeURIComponent(String(value));
