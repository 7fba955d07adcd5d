import { type KpsAction, POLICIES, type PolicyName } from "../../contract/iam.ts";
import type { Session } from "./session.ts";

/**
 * What the session's roles allow, read from the token's role names. Only for the interface (a
 * disabled action with its reason): the server decides, and refuses whatever this lets through.
 */
export function sessionMay(session: Session, action: KpsAction): boolean {
  return session.roles.some((role) => {
    const actions: readonly KpsAction[] | undefined = POLICIES[role as PolicyName];
    return actions?.includes(action) ?? false;
  });
}

export function notPermittedReason(action: KpsAction): string {
  return `Your IAM user's policies do not allow ${action} in this project.`;
}
