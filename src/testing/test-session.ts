import type { Session } from "../lib/session.ts";

export const TEST_PROJECT_ID = "p".repeat(32);

/** A signed-in session for component tests: alice in cn-north-4, with the roles a test gives. */
export function testSession(roles: string[] = []): Session {
  return {
    token: "kps1.test-token-not-real",
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    account: "demo",
    project: { id: TEST_PROJECT_ID, name: "cn-north-4" },
    user: { id: "u1", name: "alice" },
    roles,
  };
}
