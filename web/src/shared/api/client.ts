// The one way the UI talks to the server: JSON over fetch, the session cookie sent by the
// browser, the CSRF token added to every write, and failures turned into ApiError values that
// keep the server's code and per-question details.

export interface ProblemDetail {
  location: string;
  subject: string;
  reason: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ProblemDetail[] = [],
    // The whole error object of the answer, for codes that carry more (e.g. "suspension").
    readonly info: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken = "";

// Sent on window when a request finds the caller no longer signed in.
export const kSignedOutEvent = "quorum:signed-out";

// Remembered from the login answer or /me; sent as X-CSRF-Token on writes.
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export async function apiRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch (error) {
    throw new ApiError(0, "network", `cannot reach the server (${String(error)})`);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(response.status, "bad_response", `the server answered ${response.status} without JSON`);
  }
  if (response.status === 401 && path !== "/api/v1/auth/login" && path !== "/api/v1/me") {
    // The session ended (expired, or logged out in another tab): the shell shows the login.
    dispatchEvent(new Event(kSignedOutEvent));
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: ProblemDetail[] } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "http_" + response.status,
      error?.message ?? `the server answered ${response.status}`,
      error?.details ?? [],
      (error ?? {}) as Record<string, unknown>,
    );
  }
  return json as T;
}
