import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, passwordAuth, type TestWorld } from "../testing/test-world.ts";
import { hashToken } from "./tokens.ts";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const signIn = (body: unknown, remoteAddress = "127.0.0.1") =>
  world.app.inject({
    method: "POST",
    url: "/v3/auth/tokens",
    payload: body as never,
    remoteAddress,
  });

describe("IAM tokens", () => {
  it("issues a project-scoped token in X-Subject-Token with a 24-hour expiry, storing only its hash", async () => {
    const response = await signIn(passwordAuth("alice", "cn-north-4"));
    expect(response.statusCode).toBe(201);
    const token = response.headers["x-subject-token"] as string;
    expect(token.length).toBeGreaterThanOrEqual(40);
    const body = response.json().token;
    expect(body.project).toMatchObject({
      id: world.projects.main,
      name: "cn-north-4",
      domain: { name: "acme" },
    });
    expect(body.user).toMatchObject({ id: world.users.alice, name: "alice" });
    expect(body.roles).toEqual([
      { id: "DEW_KeypairFullAccess", name: "DEW KeypairFullAccess" },
      { id: "CTS_ReadOnlyAccess", name: "CTS ReadOnlyAccess" },
    ]);
    expect(Date.parse(body.expires_at) - Date.parse(body.issued_at)).toBe(24 * 60 * 60 * 1000);
    const stored = JSON.stringify(world.store.db.prepare("SELECT * FROM tokens").all());
    expect(stored).not.toContain(token);
    expect(stored).toContain(hashToken(token));
  });

  it("scopes by project id as well as name, and refuses a project the user may not access", async () => {
    const byId = passwordAuth("alice", "x");
    byId.auth.scope.project = { id: world.projects.other } as never;
    expect((await signIn(byId)).statusCode).toBe(201);
    const denied = await signIn(passwordAuth("bob", "ap-southeast-1"));
    expect(denied.statusCode).toBe(401);
    expect(denied.json().error.title).toBe("Unauthorized");
  });

  it("answers a wrong password and an unknown user alike, in IAM's error shape", async () => {
    const wrong = await signIn(passwordAuth("carol", "cn-north-4", "wrong-password"), "10.0.0.9");
    const unknown = await signIn(passwordAuth("mallory", "cn-north-4"), "10.0.0.9");
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: 401, message: "The username or password is wrong.", title: "Unauthorized" },
      });
    }
    expect((await signIn({ auth: { identity: { methods: ["password"] } } })).statusCode).toBe(400);
  });

  it("slows repeated wrong passwords for the account, without locking the user out at their usual client", async () => {
    const usual = "10.0.0.7";
    expect((await signIn(passwordAuth("carol", "cn-north-4"), usual)).statusCode).toBe(201);
    const attacker = "10.0.0.66";
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      statuses.push(
        (await signIn(passwordAuth("carol", "cn-north-4", `guess-${i}`), attacker)).statusCode,
      );
    }
    // Five free failures per account (one was spent above from 10.0.0.9), then a wait.
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const throttled = await signIn(passwordAuth("carol", "cn-north-4"), attacker);
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers["retry-after"])).toBeGreaterThan(0);
    expect((await signIn(passwordAuth("carol", "cn-north-4"), usual)).statusCode).toBe(201);
  });

  it("re-scopes with the token method, keeping the original expiry", async () => {
    const first = await signIn(passwordAuth("alice", "cn-north-4"));
    const exchanged = await signIn({
      auth: {
        identity: { methods: ["token"], token: { id: first.headers["x-subject-token"] } },
        scope: { project: { name: "ap-southeast-1" } },
      },
    });
    expect(exchanged.statusCode).toBe(201);
    expect(exchanged.json().token.project.id).toBe(world.projects.other);
    expect(exchanged.json().token.expires_at).toBe(first.json().token.expires_at);
  });

  it("lists the user's projects and revokes a token at once on sign-out", async () => {
    const token = await world.token("alice");
    const projects = await world.app.inject({
      method: "GET",
      url: "/v3/auth/projects",
      headers: { "x-auth-token": token },
    });
    expect(projects.json().projects.map((p: { name: string }) => p.name)).toEqual([
      "ap-southeast-1",
      "cn-north-4",
    ]);
    const revoke = await world.app.inject({
      method: "DELETE",
      url: "/v3/auth/tokens",
      headers: { "x-auth-token": token, "x-subject-token": token },
    });
    expect(revoke.statusCode).toBe(204);
    const after = await world.app.inject({
      method: "GET",
      url: `/v3/${world.projects.main}/keypairs`,
      headers: { "x-auth-token": token },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().error_code).toBe("APIGW.0301");
  });

  it("refuses an expired token", async () => {
    const token = await world.token("alice");
    world.store.db
      .prepare("UPDATE tokens SET expires_at = ? WHERE hash = ?")
      .run(Date.now() - 1, hashToken(token));
    const response = await world.app.inject({
      method: "GET",
      url: `/v3/${world.projects.main}/keypairs`,
      headers: { "x-auth-token": token },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().request_id).toBe(response.headers["x-request-id"]);
  });
});

describe("IAM token validation (GET /v3/auth/tokens)", () => {
  it("tells a token's owner what the token is, and nobody else", async () => {
    const alice = await world.token("alice");
    const own = await world.app.inject({
      method: "GET",
      url: "/v3/auth/tokens",
      headers: { "x-auth-token": alice, "x-subject-token": alice },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().token).toMatchObject({
      user: { id: world.users.alice, name: "alice", domain: { name: "acme" } },
      project: { id: world.projects.main },
      methods: ["password"],
    });
    const bob = await world.token("bob");
    const other = await world.app.inject({
      method: "GET",
      url: "/v3/auth/tokens",
      headers: { "x-auth-token": bob, "x-subject-token": alice },
    });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain("alice");
  });
});
