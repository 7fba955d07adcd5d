import { iamErrorBodySchema, kpsErrorBodySchema } from "../../contract/kps.ts";
import { ApiError } from "./api-error.ts";
import { getSession } from "./session.ts";

export const DEFAULT_TIMEOUT_MS = 30_000;

export type ApiRequest = {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  /** Defaults to the session's token; null sends none (sign-in). */
  token?: string | null;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
};

/**
 * Sends one request to our own origin and returns the response when it is 2xx; anything else
 * becomes an ApiError. A caller's abort stays an AbortError so it can be told apart from a
 * timeout, which is an ApiError the user can read.
 */
export async function apiFetch(path: string, request: ApiRequest = {}): Promise<Response> {
  const { method = "GET", body, signal, timeoutMs = DEFAULT_TIMEOUT_MS } = request;
  const token = request.token === undefined ? getSession()?.token : request.token;
  const headers: Record<string, string> = { Accept: "application/json", ...request.headers };
  if (token) headers["X-Auth-Token"] = token;
  if (body !== undefined) headers["Content-Type"] = "application/json;charset=UTF-8";

  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: combined,
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error;
    if (timeout.aborted) {
      throw new ApiError({ status: 0, code: "TIMEOUT", message: "TIMEOUT" });
    }
    throw new ApiError({ status: 0, code: "NETWORK", message: "NETWORK" });
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

/**
 * What checks a body: a contract schema, or a hand-written reader that answers the same way
 * (contract/list-keypairs-reader.ts) where a schema's walk is too slow for the rows it reads.
 */
export type BodyReader<T> = {
  safeParse(input: unknown): { success: true; data: T } | { success: false };
};

/** GET/POST/... and parse the JSON body with the contract's schema. */
export async function apiJson<T>(
  path: string,
  schema: BodyReader<T>,
  request: ApiRequest = {},
): Promise<{ data: T; headers: Headers }> {
  const response = await apiFetch(path, request);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw badResponse(response);
  }
  const parsed = schema.safeParse(json);
  // The body is never quoted in the error: a success body may carry key material.
  if (!parsed.success) throw badResponse(response);
  return { data: parsed.data, headers: response.headers };
}

function badResponse(response: Response): ApiError {
  return new ApiError({
    status: response.status,
    code: "BAD_RESPONSE",
    message: "BAD_RESPONSE",
    requestId: response.headers.get("X-Request-Id"),
  });
}

/** Maps KPS's flat envelope, the gateway's envelope and IAM's nested one to one ApiError. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const headerRequestId = response.headers.get("X-Request-Id");
  const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
  let json: unknown = null;
  try {
    json = JSON.parse(await response.text());
  } catch {
    // Not JSON (an HTML gateway page, an empty body): fall through to the status.
  }
  const kps = kpsErrorBodySchema.safeParse(json);
  if (kps.success) {
    return new ApiError({
      status: response.status,
      code: kps.data.error_code,
      message: kps.data.error_msg || kps.data.error_code,
      serviceMessage: kps.data.error_msg || null,
      requestId: kps.data.request_id || headerRequestId,
      retryAfter,
    });
  }
  const iam = iamErrorBodySchema.safeParse(json);
  if (iam.success) {
    const { code, message, title, error_code, user_id } = iam.data.error;
    return new ApiError({
      status: response.status,
      code: error_code ?? `IAM.${code ?? response.status}`,
      userId: user_id ?? null,
      message: message || title || `IAM.${code ?? response.status}`,
      serviceMessage: message || title || null,
      requestId: headerRequestId,
      retryAfter,
    });
  }
  return new ApiError({
    status: response.status,
    code: `HTTP.${response.status}`,
    message: `HTTP.${response.status}`,
    requestId: headerRequestId,
    retryAfter,
  });
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
