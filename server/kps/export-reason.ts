// The reason a requester gives for an export (issue 15), read from X-Export-Reason: percent-encoded
// UTF-8 (headers are Latin-1 on the wire), 8 to 500 characters once decoded, no control or
// direction-changing characters (they would make the history say something it does not).
import {
  EXPORT_AUDIT_ERRORS,
  EXPORT_REASON_MAX,
  EXPORT_REASON_MIN,
  type ExportReasonMode,
} from "../../contract/export-audit.ts";
import { ApiFailure } from "../http/errors.ts";

/** A 4-byte character is 12 encoded characters: anything longer cannot be 500 characters. */
const MAX_ENCODED = EXPORT_REASON_MAX * 12;
// C0 and C1 controls, line and paragraph separators, bidi embeddings, overrides and isolates.
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;

type Header = string | string[] | undefined;

/**
 * The audit never holds key material or a token, whatever a requester pastes into the reason:
 * PEM and OpenSSH key markers and the request's own token are refused and redacted.
 */
const KEY_MATERIAL = /-----BEGIN|PRIVATE KEY|openssh-key-v1/gi;
const REDACTED = "[redacted]";

function credentialsIn(reason: string, token: string | undefined): boolean {
  KEY_MATERIAL.lastIndex = 0;
  return (
    KEY_MATERIAL.test(reason) ||
    (token !== undefined && token.length >= 16 && reason.includes(token))
  );
}

/**
 * The reason to act on: null when none was given (or the server hides the field), a refusal
 * when the server requires one or the one given is malformed.
 */
export function checkedReason(
  header: Header,
  mode: ExportReasonMode,
  token?: string,
): string | null {
  if (mode === "hidden") return null;
  if (header === undefined || header === "") {
    if (mode === "required")
      throw new ApiFailure(
        400,
        EXPORT_AUDIT_ERRORS.reasonRequired,
        "An export reason is required: send it in X-Export-Reason (8 to 500 characters).",
      );
    return null;
  }
  if (typeof header !== "string") throw invalid("X-Export-Reason is repeated");
  if (header.length > MAX_ENCODED) throw invalid("the reason is longer than 500 characters");
  let reason: string;
  try {
    reason = decodeURIComponent(header);
  } catch {
    throw invalid("the reason is not percent-encoded UTF-8");
  }
  if (FORBIDDEN.test(reason)) throw invalid("the reason holds control characters");
  if (credentialsIn(reason, token)) throw invalid("the reason holds key material or a token");
  const length = [...reason.trim()].length;
  if (length < EXPORT_REASON_MIN || [...reason].length > EXPORT_REASON_MAX)
    throw invalid("the reason must be 8 to 500 characters");
  return reason;
}

/**
 * What the audit record keeps of whatever was sent, valid or not, so a refusal still shows what
 * was tried: decoded when it decodes, forbidden characters replaced, cut to 500 characters.
 */
export function recordedReason(
  header: Header,
  mode: ExportReasonMode,
  token?: string,
): string | null {
  if (mode === "hidden" || typeof header !== "string" || header === "") return null;
  let text: string;
  try {
    text = decodeURIComponent(header);
  } catch {
    text = header;
  }
  // Redacted before it is cut, so a token split by the cut cannot survive in part.
  if (token !== undefined && token.length >= 16) text = text.replaceAll(token, REDACTED);
  text = text.replace(KEY_MATERIAL, REDACTED);
  return [...text.slice(0, MAX_ENCODED).replace(new RegExp(FORBIDDEN.source, "gu"), "\ufffd")]
    .slice(0, EXPORT_REASON_MAX)
    .join("");
}

function invalid(why: string): ApiFailure {
  return new ApiFailure(400, EXPORT_AUDIT_ERRORS.reasonInvalid, `Invalid export reason: ${why}.`);
}

const MAX_RECORDED_NAMES = 100;

/**
 * The key names a body carries, read leniently and never trusted: only for the record of a
 * refused attempt, cut to the longest valid name and a bounded count.
 */
export function carriedNames(body: unknown): string[] {
  const items = Array.isArray(body) ? body : [body];
  const names: string[] = [];
  for (const item of items.slice(0, MAX_RECORDED_NAMES)) {
    const name = (item as { keypair?: { name?: unknown } } | null)?.keypair?.name;
    if (typeof name === "string") names.push(name.slice(0, 255));
  }
  return names;
}
