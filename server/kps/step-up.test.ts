// Issue 15: an export needs a recent password check. A token signed in long ago is refused with
// 403 KPS.7003 (not 401, which the console reads as "session over") and the refusal is audited
// with its reason; a fresh sign-in passes; exchanging the token for another project does not
// refresh it; a signed (AK/SK) request is a fresh proof of its secret and is let through.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../iam/tokens.ts";
import { createAccessKey, signRequest } from "../testing/signed-request.ts";
import { createTestWorld, type TestWorld } from "../testing/test-world.ts";

let world: TestWorld;
const REASON = encodeURIComponent("Ticket SUP-5: step-up check");

beforeAll(async () => {
  world = await createTestWorld({ exportReason: "required", freshAuthSeconds: 300 });
});
afterAll(() => world.close());

/** A token whose password check happened `ageSeconds` ago. */
async function tokenAged(ageSeconds: number, project: "main" | "other" = "main") {
  const token = await world.token("alice", project);
  world.store.db
    .prepare("UPDATE tokens SET auth_at = ? WHERE hash = ?")
    .run(Date.now() - ageSeconds * 1000, hashToken(token));
  return token;
}

const exportWith = (token: string, project = world.projects.main) =>
  world.app.inject({
    method: "POST",
    url: `/v3/${project}/keypairs/private-key/batch-export`,
    headers: { "x-auth-token": token, "x-export-reason": REASON },
    payload: [{ keypair: { name: "hosted-2" } }],
  });

const auditOf = (requestId: unknown) =>
  world.store.db
    .prepare("SELECT outcome, error_code, reason, status FROM audit WHERE request_id = ?")
    .all(requestId);

describe("step-up before export", () => {
  it("refuses a token whose password check is older than the window with 403 KPS.7003, audited", async () => {
    const response = await exportWith(await tokenAged(301));
    expect(response.statusCode).toBe(403);
    expect(response.json().error_code).toBe("KPS.7003");
    expect(response.headers["content-type"]).toContain("application/json");
    expect(auditOf(response.headers["x-request-id"])).toEqual([
      {
        outcome: "failure",
        error_code: "KPS.7003",
        reason: "Ticket SUP-5: step-up check",
        status: 403,
      },
    ]);
  });

  it("lets the same stale session export after a fresh sign-in, and a token just inside the window", async () => {
    expect((await exportWith(await tokenAged(3_600))).statusCode).toBe(403);
    expect((await exportWith(await world.token("alice"))).statusCode).toBe(200);
    expect((await exportWith(await tokenAged(290))).statusCode).toBe(200);
  });

  it("keeps the original's password time when a token is exchanged for another project", async () => {
    const stale = await tokenAged(3_600);
    const exchanged = await world.app.inject({
      method: "POST",
      url: "/v3/auth/tokens",
      payload: {
        auth: {
          identity: { methods: ["token"], token: { id: stale } },
          scope: { project: { name: "ap-southeast-1" } },
        },
      },
    });
    expect(exchanged.statusCode).toBe(201);
    const token = exchanged.headers["x-subject-token"] as string;
    const response = world.app.inject({
      method: "POST",
      url: `/v3/${world.projects.other}/keypairs/private-key/export`,
      headers: { "x-auth-token": token, "x-export-reason": REASON },
      payload: { keypair: { name: "other-hosted" } },
    });
    expect((await response).statusCode).toBe(403);
    expect((await response).json().error_code).toBe("KPS.7003");
  });

  it("leaves reading alone: a stale token still lists", async () => {
    const response = await world.app.inject({
      method: "GET",
      url: `/v3/${world.projects.main}/keypairs`,
      headers: { "x-auth-token": await tokenAged(3_600) },
    });
    expect(response.statusCode).toBe(200);
  });

  it("tells a read-only user they may not export, not to sign in again", async () => {
    const token = await world.token("bob");
    world.store.db.prepare("UPDATE tokens SET auth_at = 0 WHERE hash = ?").run(hashToken(token));
    const response = await exportWith(token);
    expect(response.statusCode).toBe(403);
    expect(response.json().error_code).toBe("KPS.9003");
  });

  it("exempts a request signed with an access key: each signature proves the secret afresh", async () => {
    const key = await createAccessKey(world.app, await world.token("alice"), world.users.alice);
    const signed = signRequest(
      key,
      "POST",
      `/v3/${world.projects.main}/keypairs/private-key/export`,
      { data: { keypair: { name: "hosted-3" } }, projectId: world.projects.main },
    ) as { headers: Record<string, string> };
    signed.headers["x-export-reason"] = REASON;
    const response = await world.app.inject(signed as never);
    expect(response.statusCode).toBe(200);
    expect(auditOf(response.headers["x-request-id"])).toEqual([
      { outcome: "success", error_code: null, reason: "Ticket SUP-5: step-up check", status: 200 },
    ]);
  });
});
