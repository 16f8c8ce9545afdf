import type { FieldIssue } from "@openaims/core";
import { ApiError, CliError, ExitCode, exitCodeForStatus } from "../exit-codes";

export type Query = Record<string, string | number | boolean | undefined | null>;
export interface RequestOptions {
  query?: Query;
  json?: unknown;
  /**
   * a raw body, sent with `contentType` (a Blob, e.g. from `openAsBlob`, streams from disk with its length); a
   * FormData is sent as multipart/form-data (its Blobs streamed too)
   */
  body?: string | Blob | FormData;
  contentType?: string;
  headers?: Record<string, string>;
  /** overrides the client's timeout (an upload measured on the server may take minutes) */
  timeoutMs?: number;
}

const USER_AGENT = "openaims-cli/0.1.0";
const DEFAULT_TIMEOUT_MS = 120_000;

/** A thin HTTP client for the v1 API: JSON in and out, every failure turned into a CliError with its exit code. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string | null,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  async json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const res = await this.send(method, path, options);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CliError(ExitCode.failure, `The server at ${this.baseUrl} did not answer with JSON.`);
    }
  }

  async text(method: string, path: string, options: RequestOptions = {}): Promise<string> {
    return (await this.send(method, path, options)).text();
  }

  /** The successful response itself, for bodies that are not JSON or text (file downloads). */
  response(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    return this.send(method, path, options);
  }

  private async send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const url = new URL(this.baseUrl + path);
    for (const [k, v] of Object.entries(options.query ?? {})) {
      if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, String(v));
    }
    const headers: Record<string, string> = { "user-agent": USER_AGENT, ...options.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let body: string | Blob | FormData | undefined;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    } else if (options.body instanceof FormData) {
      body = options.body; // fetch sets the multipart content type with its boundary
    } else if (options.body !== undefined) {
      headers["content-type"] = options.contentType ?? "text/plain";
      body = options.body;
    }
    let res: Response;
    try {
      const signal = AbortSignal.timeout(options.timeoutMs ?? this.timeoutMs);
      res = await fetch(url, { method, headers, body, signal });
    } catch (e) {
      throw unreachable(this.baseUrl, e);
    }
    if (res.ok) return res;
    throw await responseError(res, this.baseUrl);
  }
}

function unreachable(baseUrl: string, e: unknown): CliError {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError" || err.name === "AbortError") {
    return new CliError(ExitCode.unreachable, `The server at ${baseUrl} did not answer in time.`);
  }
  const why = err.cause?.code ?? err.cause?.message ?? err.message;
  return new CliError(ExitCode.unreachable, `Cannot reach the server at ${baseUrl} (${why}). Is it running?`);
}

async function responseError(res: Response, baseUrl: string): Promise<ApiError> {
  const text = await res.text().catch(() => "");
  let error: { code?: string; message?: string; details?: { issues?: FieldIssue[] } } | undefined;
  try {
    error = (JSON.parse(text) as { error?: typeof error }).error;
  } catch {
    /* not our JSON error body: a proxy page or similar */
  }
  const code = exitCodeForStatus(res.status);
  let message = error?.message ?? `The server at ${baseUrl} answered ${res.status} ${res.statusText}.`;
  if (res.status === 401) message += " Sign in again with 'aims login --url URL --token TOKEN'.";
  const issues = Array.isArray(error?.details?.issues) ? error.details.issues : [];
  return new ApiError(code, message, issues, res.status, error?.code ?? null, error?.details);
}
