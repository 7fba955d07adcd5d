import { tokenResponseSchema } from "../../contract/iam.ts";
import { apiJson } from "./api-client.ts";
import { ApiError } from "./api-error.ts";
import type { Session } from "./session.ts";

/**
 * POST /v3/auth/tokens and the session its answer describes. `authAt` is when a password was
 * last checked: now for a password sign-in, the previous session's for a re-scope (the server
 * keeps it too, so switching project is no way around the export's fresh sign-in).
 */
export async function requestToken(
  body: unknown,
  account: string,
  options: { signal?: AbortSignal; authAt?: number } = {},
): Promise<Session> {
  const { data, headers } = await apiJson("/v3/auth/tokens", tokenResponseSchema, {
    method: "POST",
    body,
    token: null,
    signal: options.signal,
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
    // The browser's clock, not issued_at: the window is then measured on one clock.
    authAt: options.authAt ?? Date.now(),
    account: data.token.user.domain?.name ?? account,
    project: { id: data.token.project.id, name: data.token.project.name },
    user: { id: data.token.user.id, name: data.token.user.name },
    roles: (data.token.roles ?? []).map((role) => role.name),
  };
}

/** IAM's password method, with its totp method beside it when a six-digit code is given. */
export function passwordIdentity(input: {
  account: string;
  user: string;
  password: string;
  totp?: { userId: string; passcode: string };
}) {
  const password = {
    user: { name: input.user, password: input.password, domain: { name: input.account } },
  };
  if (!input.totp) return { methods: ["password"], password };
  return {
    methods: ["password", "totp"],
    password,
    totp: { user: { id: input.totp.userId, passcode: input.totp.passcode } },
  };
}
