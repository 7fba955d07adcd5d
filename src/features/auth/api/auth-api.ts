import { projectsResponseSchema } from "../../../../contract/iam.ts";
import { apiJson } from "../../../lib/api-client.ts";
import type { Session } from "../../../lib/session.ts";
import { passwordIdentity, requestToken } from "../../../lib/token-session.ts";

export type SignInInput = {
  account: string;
  user: string;
  password: string;
  project: string;
  /** The six-digit code, once IAM has said the user has a virtual MFA device (IAM.7101). */
  totp?: { userId: string; passcode: string };
};

export function signIn(input: SignInInput, signal?: AbortSignal): Promise<Session> {
  const body = {
    auth: { identity: passwordIdentity(input), scope: { project: { name: input.project } } },
  };
  return requestToken(body, input.account, { signal });
}

/** Exchanges the current token for one scoped to another project (IAM's token method). */
export function rescope(session: Session, projectId: string): Promise<Session> {
  const body = {
    auth: {
      identity: { methods: ["token"], token: { id: session.token } },
      scope: { project: { id: projectId } },
    },
  };
  return requestToken(body, session.account, { authAt: session.authAt });
}

export async function listProjects(token: string, signal?: AbortSignal) {
  const { data } = await apiJson("/v3/auth/projects", projectsResponseSchema, { token, signal });
  return data.projects.filter((project) => project.enabled !== false);
}

/** Revokes the token on the server at once (IAM wants it in both headers). */
