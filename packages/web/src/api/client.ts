import type { FieldIssue } from "@openaims/core";

/** Codes the server sends (see the contract) plus the two the client produces itself. */
export type ApiErrorCode =
  | "not_found"
  | "forbidden"
  | "invalid_input"
  | "invalid_state"
  | "conflict"
  | "unauthenticated"
  | "rate_limited"
  | "payload_too_large"
  | "network_error"
  | "unexpected_response";

/** A failed API call: the server's `{ error: { code, message, details } }`, typed. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: unknown;
  constructor(status: number, code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Validation issues naming fields, from `details.issues: [{ path, message }]`. */
  get issues(): FieldIssue[] {
    const raw = (this.details as { issues?: unknown } | null | undefined)?.issues;
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((i: unknown) => {
      if (!i || typeof i !== "object") return [];
      const { path, message } = i as { path?: unknown; message?: unknown };
      const p = Array.isArray(path) ? path.map(String).join(".") : typeof path === "string" ? path : "";
      return typeof message === "string" ? [{ path: p, message }] : [];
    });
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

const CSRF_COOKIE = "openaims_csrf";
let csrfFromResponse: string | null = null;

/** Login and `/me` return the token too; remembered in case the cookie is not readable. */
export function rememberCsrfToken(token: string | null | undefined): void {
  csrfFromResponse = token ?? null;
}

function readCookie(name: string): string | null {
  if (typeof document === "undefined") return null;
  for (const part of document.cookie.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

function csrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? csrfFromResponse;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === "") continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (a proxy page, an empty body): fall through to the generic message
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (err && typeof err.code === "string" && typeof err.message === "string") {
    return new ApiError(res.status, err.code as ApiErrorCode, err.message, err.details);
  }
  return new ApiError(
    res.status,
    "unexpected_response",
    `The server answered ${res.status} ${res.statusText}.`,
  );
}

/** The one place the web app talks to the server. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  // a Blob (a File from an <input type="file">) is sent as raw bytes: evidence uploads stream it as is
  const raw = typeof Blob !== "undefined" && options.body instanceof Blob;
  if (options.body !== undefined)
    headers["Content-Type"] = raw ? "application/octet-stream" : "application/json";
  if (MUTATING.has(method)) {
    const token = csrfToken();
    if (token) headers["X-CSRF-Token"] = token;
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: "include",
      body:
        options.body === undefined ? undefined : raw ? (options.body as Blob) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(
      0,
      "network_error",
      "Could not reach the server. Check your connection and try again.",
    );
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(res.status, "unexpected_response", "The server sent a response that is not JSON.");
  }
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>("GET", path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, { body }),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, { body }),
  delete: (path: string) => request<void>("DELETE", path),
};

/** `/api/v1/orgs/{orgId}` plus the rest, with each segment escaped. */
export const orgPath = (orgId: string, ...rest: string[]) =>
  ["/api/v1/orgs", orgId, ...rest].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join("/");

/** `POST …/{records}/{id}/archive` and `…/restore` with the `version` read; both answer with the record's view. */
export const archiveEndpoints = <V>(records: string) => ({
  archive: (orgId: string, id: string, version: number) =>
    api.post<V>(orgPath(orgId, records, id, "archive"), { version }),
  restore: (orgId: string, id: string, version: number) =>
    api.post<V>(orgPath(orgId, records, id, "restore"), { version }),
});
