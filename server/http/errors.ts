// One error type for every failure the server answers, in the envelope its caller expects:
// KPS's flat {error_code, error_msg}, the API gateway's (with request_id), or IAM's Keystone shape.
import { KPS_ERRORS, type KpsErrorCode } from "../../contract/kps.ts";

export type ErrorShape = "kps" | "gateway" | "iam";

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly shape: ErrorShape = "kps",
    readonly headers: Record<string, string> = {},
    /** Extra fields of an IAM error object (the MFA refusal's user id). */
    readonly details?: Record<string, string>,
  ) {
    super(message);
  }
}

/** IAM's paths answer in IAM's shape; every other path in KPS's. */
export function isIamPath(url: string): boolean {
  return /^\/(v3\/(auth\/|projects([/?]|$))|v3\.0\/OS-CREDENTIAL\/)/.test(url);
}

export function kpsError(code: KpsErrorCode, message?: string): ApiFailure {
  const known = KPS_ERRORS[code];
  return new ApiFailure(known.status, code, message ?? known.message);
}

export function gatewayUnauthorized(why: string): ApiFailure {
  return new ApiFailure(
    401,
    "APIGW.0301",
    `Incorrect IAM authentication information: ${why}`,
    "gateway",
  );
}

export function iamError(
  status: number,
  message: string,
  headers?: Record<string, string>,
): ApiFailure {
  return new ApiFailure(status, String(status), message, "iam", headers);
}

export function errorBody(failure: ApiFailure, requestId: string): unknown {
  switch (failure.shape) {
    case "iam":
      return {
        error: {
          code: failure.status,
          message: failure.message,
          title: iamTitle(failure.status),
          // Our own refusals (MFA) carry a code a console can act on; Keystone's have none.
          ...(failure.code.startsWith("IAM.") ? { error_code: failure.code } : {}),
          ...failure.details,
        },
      };
    case "gateway":
      return { error_code: failure.code, error_msg: failure.message, request_id: requestId };
    default:
      return { error_code: failure.code, error_msg: failure.message };
  }
}

function iamTitle(status: number): string {
  return (
    {
      400: "Bad Request",
      401: "Unauthorized",
      403: "Forbidden",
      404: "Not Found",
      409: "Conflict",
      429: "Too Many Requests",
    }[status] ?? "Error"
  );
}
