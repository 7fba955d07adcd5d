import {
  EXPORT_REASON_MAX,
  EXPORT_REASON_MIN,
  type ExportReasonMode,
} from "../../../contract/export-audit.ts";

export type ReasonProblem =
  | "missing"
  | "tooShort"
  | "tooLong"
  | "forbiddenCharacter"
  | "keyMaterial";

// The server's rules (server/kps/export-reason.ts), so Export stays off for what it would
// refuse: C0 and C1 controls, line and paragraph separators, bidi embeddings, overrides, isolates
// and marks, which would make the history show something other than what was typed.
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;
const KEY_MATERIAL = /-----BEGIN|PRIVATE KEY|openssh-key-v1/i;

/** What is sent: the reason trimmed, as the server counts it. */
export function normalizedReason(text: string): string {
  return text.trim();
}

/** Characters as the server counts them: code points, so 中 and 😀 are one each. */
export function reasonLength(text: string): number {
  return [...normalizedReason(text)].length;
}

/** Why this reason cannot be sent under this mode, or null when it can (or none is asked). */
export function reasonProblem(text: string, mode: ExportReasonMode): ReasonProblem | null {
  if (mode === "hidden") return null;
  const reason = normalizedReason(text);
  if (reason === "") return mode === "required" ? "missing" : null;
  if (FORBIDDEN.test(reason)) return "forbiddenCharacter";
  if (KEY_MATERIAL.test(reason)) return "keyMaterial";
  const length = reasonLength(reason);
  if (length < EXPORT_REASON_MIN) return "tooShort";
  if (length > EXPORT_REASON_MAX) return "tooLong";
  return null;
}

/** The header's value, or null when nothing is to be sent (hidden, or optional and empty). */
export function reasonHeader(text: string, mode: ExportReasonMode): string | null {
  if (mode === "hidden") return null;
  const reason = normalizedReason(text);
  // HTTP headers are Latin-1 on the wire: the server takes percent-encoded UTF-8.
  return reason === "" ? null : encodeURIComponent(reason);
}
