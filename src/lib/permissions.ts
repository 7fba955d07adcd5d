import { type KpsAction, POLICIES, type PolicyName } from "../../contract/iam.ts";
import type { Session } from "./session.ts";
import { errorWords } from "./words/en.ts";

/**
 * What the session's roles allow, read from the token's role names. Only for the interface (a
 * disabled action with its reason): the server decides, and refuses whatever this lets through.
 */
export function sessionMay(session: Session, action: KpsAction): boolean {
  // Only roles this console can read rule an action out. Any other (the real cloud's te_admin,
  // a custom policy, none listed at all) may grant it, so the action stays on and the server
  // decides: a console that disables what the user may do is worse than one that asks.
  if (session.roles.length === 0) return true;
  return session.roles.some((role) => {
    const actions: readonly KpsAction[] | undefined = POLICIES[role as PolicyName];
    return actions === undefined || actions.includes(action);
  });
}

export function notPermittedReason(action: KpsAction): string {
  return errorWords.get().notPermitted({ action });
}
