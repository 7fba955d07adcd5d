import {
  passwordAuthRequest,
  projectsResponseSchema,
  tokenResponseSchema,
} from "../../../../contract/iam.ts";
import { apiJson } from "../../../lib/api-client.ts";
import { ApiError } from "../../../lib/api-error.ts";
import type { Session } from "../../../lib/session.ts";

export type SignInInput = { account: string; user: string; password: string; project: string };

async function tokenRequest(
  body: unknown,
  account: string,
  signal?: AbortSignal,
): Promise<Session> {
  const { data, headers } = await apiJson("/v3/auth/tokens", tokenResponseSchema, {
    method: "POST",
    body,
    token: null,
    signal,
  });
  const token = headers.get("X-Subject-Token");
  if (!token) {
    throw new ApiError({
      status: 201,
      code: "BAD_RESPONSE",
      // The answer had no X-Subject-Token: the sign-in cannot be used.
      message: "BAD_RESPONSE",
      requestId: headers.get("X-Request-Id"),
    });
  }
  return {
    token,
    expiresAt: data.token.expires_at,
    account: data.token.user.domain?.name ?? account,
    project: { id: data.token.project.id, name: data.token.project.name },
    user: { id: data.token.user.id, name: data.token.user.name },
    roles: (data.token.roles ?? []).map((role) => role.name),
  };
}

export function signIn(input: SignInInput, signal?: AbortSignal): Promise<Session> {
  const body = passwordAuthRequest(input.account, input.user, input.password, input.project);
  return tokenRequest(body, input.account, signal);
}

/** Exchanges the current token for one scoped to another project (IAM's token method). */
export function rescope(session: Session, projectId: string): Promise<Session> {
  const body = {
    auth: {
      identity: { methods: ["token"], token: { id: session.token } },
      scope: { project: { id: projectId } },
    },
  };
  return tokenRequest(body, session.account);
}

export async function listProjects(token: string, signal?: AbortSignal) {
  const { data } = await apiJson("/v3/auth/projects", projectsResponseSchema, { token, signal });
  return data.projects.filter((project) => project.enabled !== false);
}

/** Revokes the token on the server at once (IAM wants it in both headers). */
