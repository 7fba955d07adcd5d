import type { KeypairSummary } from "../../../contract/kps.ts";
import type { ExportBlocker } from "./selection.ts";
import type { valueWords } from "./words/en.ts";

type ValueWords = ReturnType<typeof valueWords.get>;

export function frozenState(keypair: KeypairSummary): number {
  const state = keypair.frozen_state;
  return state === undefined || Number.isNaN(state) ? 0 : state;
}

/** The contract sends only the state's number; its words are the console's. */
export function stateWords(state: number, t: ValueWords): string {
  const known = t[`state${state}` as keyof ValueWords];
  return typeof known === "string" ? known : t.stateOther({ state });
}

export function statusWords(keypair: KeypairSummary, t: ValueWords): string {
  return stateWords(frozenState(keypair), t);
}

export function scopeWords(keypair: KeypairSummary, t: ValueWords): string {
  if (keypair.scope === "user") return t.scopeUser;
  if (keypair.scope === "domain") return t.scopeDomain;
  return keypair.scope ?? t.scopeUnknown;
}

/** Why a key pair's private key cannot be exported, in the words of `t`'s language. */
export function blockerWords(blocker: ExportBlocker, t: ValueWords, language: string): string {
  if (blocker.frozen === null) return t.cannotExportNotHosted;
  // The state's own words already say "Frozen …": no second "frozen" around them, and
  // mid-sentence they lose their capital where the language has one.
  const status = stateWords(blocker.frozen, t).toLocaleLowerCase(language);
  return blocker.notHosted ? t.cannotExportBoth({ status }) : t.cannotExportFrozen({ status });
}
