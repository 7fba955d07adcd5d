// Issue 15's contract, shared by the console and the embedded server: the export reason, the
// step-up refusal, the MFA refusals and the CTS-shaped export history (docs/export-audit.md).
// No validators here: the sign-in page reads these codes, and zod is not part of the first load.
// The traces' schemas are in ./traces.ts.
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
