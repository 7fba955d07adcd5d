/**
 * The one error every API call throws. Its message is the service's error_msg when it sent one
 * (never anything from a success body, which may hold key material), otherwise the code: the
 * words a user reads come from `explainError`, in the chosen language.
 */
export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;
  /** KPS code ("KPS.6005"), gateway code ("APIGW.0301"), "IAM.<code>", or one of ours. */
  readonly code: string;
  readonly requestId: string | null;
  /** Seconds from Retry-After, when the server sent one. */
  readonly retryAfter: number | null;
  /**
   * The service's own error_msg, kept apart from our words; null when the failure is the
   * client's (TIMEOUT, NETWORK, BAD_RESPONSE) or the answer explained nothing.
   */
  readonly serviceMessage: string | null;
  /** IAM.7101 names the user whose code the totp method must carry. */
  readonly userId: string | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    requestId?: string | null;
    retryAfter?: number | null;
    serviceMessage?: string | null;
    userId?: string | null;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.retryAfter = init.retryAfter ?? null;
    this.serviceMessage = init.serviceMessage ?? null;
    this.userId = init.userId ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** KPS says "no such key pair" three ways: its two codes (kps-api.md §5) and a plain 404. */
export function isKeypairGone(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.code === "KPS.4016" || error.code === "KPS.6004" || error.status === 404)
  );
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
