// Issue 15's contract, shared by the console and the embedded server: the export reason, the
// step-up refusal, the MFA refusals and the CTS-shaped export history (docs/export-audit.md).
import { z } from "zod/mini";

/** The reason travels in a header, so the export bodies stay exactly the cloud's. */
export const EXPORT_REASON_HEADER = "X-Export-Reason";
export const EXPORT_REASON_MIN = 8;
export const EXPORT_REASON_MAX = 500;
export const EXPORT_REASON_MODES = ["required", "optional", "hidden"] as const;
export type ExportReasonMode = (typeof EXPORT_REASON_MODES)[number];
export const DEFAULT_FRESH_AUTH_SECONDS = 300;

/** Set per server (KPS_EXPORT_REASON, KPS_EXPORT_FRESH_AUTH_S) and told in GET /console/setup. */
export type ExportPolicy = { reasonMode: ExportReasonMode; freshAuthSeconds: number };

export const DEFAULT_EXPORT_POLICY: ExportPolicy = {
  reasonMode: "required",
  freshAuthSeconds: DEFAULT_FRESH_AUTH_SECONDS,
};

/** Codes of the console server's own refusals (not in KPS's published table). */
export const EXPORT_AUDIT_ERRORS = {
  /** 400: the server requires a reason and the request carried none. */
  reasonRequired: "KPS.7001",
  /** 400: not percent-encoded UTF-8, shorter than 8 or longer than 500 characters, or control characters. */
  reasonInvalid: "KPS.7002",
  /** 403: the token's password authentication is older than the server's window: sign in again. */
  freshAuthRequired: "KPS.7003",
  /** 401 (IAM): right password, but the user has a virtual MFA device: send the totp method too. */
  mfaRequired: "IAM.7101",
  /** 401 (IAM): the six-digit code is wrong (or for another user). */
  mfaCodeWrong: "IAM.7102",
  /** 401 (IAM): the code was already used once. */
  mfaCodeReplayed: "IAM.7103",
} as const;

/** CTS ListTraces: default and maximum page size (Huawei's: 10 and 200). */
export const DEFAULT_TRACE_LIMIT = 10;
export const MAX_TRACE_LIMIT = 200;

/**
 * One trace of ListTraces as the console reads it: the fields the history shows, each optional
 * but the id, because in proxy mode the real CTS answers and may leave any of them out.
 */
export const traceSchema = z.object({
  trace_id: z.string(),
  trace_name: z.optional(z.string()),
  trace_rating: z.optional(z.string()),
  request: z.optional(z.string()),
  response: z.optional(z.string()),
  code: z.optional(z.string()),
  message: z.optional(z.string()),
  time: z.optional(z.number()),
  user: z.optional(
    z.object({
      id: z.optional(z.string()),
      name: z.optional(z.string()),
      domain: z.optional(z.object({ name: z.optional(z.string()) })),
    }),
  ),
  resource_name: z.optional(z.string()),
  source_ip: z.optional(z.string()),
  request_id: z.optional(z.string()),
  location_info: z.optional(z.string()),
  attempts: z.optional(z.number()),
});

export type Trace = z.infer<typeof traceSchema>;

export const listTracesResponseSchema = z.object({
  traces: z.array(traceSchema),
  meta_data: z.optional(
    z.object({ count: z.optional(z.number()), marker: z.optional(z.nullable(z.string())) }),
  ),
});

export type ListTracesResponse = z.infer<typeof listTracesResponseSchema>;
