import { apiFetch } from "./api-client.ts";
import { revokeAllObjectUrls } from "./download.ts";
import { clearSession, getSession, type SignOutReason } from "./session.ts";

/**
 * The one teardown: sign-out, inactivity, expiry and a 401 all end here. Everything the browser
 * holds goes first (token, and with it the query cache, which listens; object URLs), then the
 * token is revoked on the server, so a failed revoke never keeps anyone signed in here.
 */
export async function endSession(reason: SignOutReason): Promise<void> {
  const token = getSession()?.token;
  clearSession(reason);
  revokeAllObjectUrls();
  if (token) await revokeToken(token).catch(() => undefined);
}

export async function revokeToken(token: string): Promise<void> {
  await apiFetch("/v3/auth/tokens", {
    method: "DELETE",
    token,
    headers: { "X-Subject-Token": token },
    timeoutMs: 5000,
  });
}
