import { FROZEN_STATES, type KeypairSummary } from "../../../contract/kps.ts";

/** One phrase for a value the service did not send, wherever it would be shown. */
export const NOT_REPORTED = "Not reported";

export function frozenState(keypair: KeypairSummary): number {
  const state = keypair.frozen_state;
  return state === undefined || Number.isNaN(state) ? 0 : state;
}

export function statusWords(keypair: KeypairSummary): string {
  const state = frozenState(keypair);
  return FROZEN_STATES[state] ?? `Frozen (state ${state})`;
}

export function scopeWords(keypair: KeypairSummary): string {
  if (keypair.scope === "user") return "Private key pair";
  if (keypair.scope === "domain") return "Account key pair";
  return keypair.scope ?? "Unknown";
}
