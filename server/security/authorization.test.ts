// Every route against every kind of caller that must be refused, plus random batch exports:
// no foreign key bytes ever leave.

import fc from "fast-check";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registeredRoutes } from "../http/route-list.ts";
import { hashToken } from "../iam/tokens.ts";
import { type AccessKeyPair, createAccessKey, signRequest } from "../testing/signed-request.ts";
import { createTestWorld, type TestWorld } from "../testing/test-world.ts";

let world: TestWorld;
let tokens: Record<"alice" | "bob" | "carol" | "aliceOther" | "expired" | "revoked", string>;
let keys: { alice: AccessKeyPair; bob: AccessKeyPair; carol: AccessKeyPair };

beforeAll(async () => {
  world = await createTestWorld();
  const expired = await world.token("alice");
  world.store.db.prepare("UPDATE tokens SET expires_at = 0 WHERE hash = ?").run(hashToken(expired));
  const revoked = await world.token("alice");
  await world.app.inject({
    method: "DELETE",
    url: "/v3/auth/tokens",
    headers: { "x-auth-token": revoked, "x-subject-token": revoked },
  });
  tokens = {
    alice: await world.token("alice"),
    bob: await world.token("bob"),
    carol: await world.token("carol"),
    aliceOther: await world.token("alice", "other"),
    expired,
    revoked,
  };
  keys = {
    alice: await createAccessKey(world.app, tokens.alice, world.users.alice),
    bob: await createAccessKey(world.app, tokens.bob, world.users.bob),
    // Wrong secrets are counted against carol's sign-in throttle, not alice's.
    carol: await createAccessKey(world.app, tokens.carol, world.users.carol),
  };
});
afterAll(() => world.close());

type Route = {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  body?: unknown;
  write: boolean;
  /** Needs a role beside the KPS policy (cts:trace:list): a read-only user gets 403 too. */
  extraRole?: boolean;
};
const routes = (name: string): Route[] => [
  { method: "GET", path: "/keypairs", write: false },
  { method: "GET", path: `/keypairs/${name}`, write: false },
  { method: "POST", path: "/keypairs", body: { keypair: { name: `new-${name}` } }, write: true },
  {
    method: "PUT",
    path: `/keypairs/${name}`,
    body: { keypair: { description: "x" } },
    write: true,
  },
  { method: "DELETE", path: `/keypairs/${name}`, write: true },
  {
    method: "POST",
    path: "/keypairs/private-key/import",
    body: {
      keypair: { name, key_protection: { private_key: "x", encryption: { type: "default" } } },
    },
    write: true,
  },
  {
    method: "POST",
    path: "/keypairs/private-key/export",
    body: { keypair: { name } },
    write: true,
  },
  {
    method: "POST",
    path: "/keypairs/private-key/batch-export",
    body: [{ keypair: { name } }],
    write: true,
  },
  {
    method: "POST",
    path: "/keypairs/batch-import",
    body: [{ name: `bi-${name}`, public_key: "ssh-ed25519 AAAA" }],
    write: true,
  },
  { method: "DELETE", path: `/keypairs/${name}/private-key`, write: true },
  // The export history (issue 15): bob has no cts:trace:list.
  { method: "GET", path: "/traces", write: false, extraRole: true },
];

const send = (route: Route, token: string | undefined, project = world.projects.main) =>
  world.app.inject({
    method: route.method,
    url: `/v3/${project}${route.path}`,
    headers: token ? { "x-auth-token": token } : {},
    payload: route.body as never,
  });

/** The embedded IAM's routes that take a token (or a signature), with a body where one is due. */
const iamRoutes = (access: string) =>
  [
    { method: "GET", url: "/v3/auth/projects" },
    { method: "DELETE", url: "/v3/auth/tokens" },
    { method: "GET", url: "/v3/auth/tokens" },
    { method: "GET", url: "/v3/projects" },
    { method: "GET", url: "/v3/auth/domains" },
    {
      method: "POST",
      url: "/v3.0/OS-CREDENTIAL/credentials",
      body: { credential: { user_id: "x" } },
    },
    { method: "GET", url: "/v3.0/OS-CREDENTIAL/credentials" },
    { method: "GET", url: `/v3.0/OS-CREDENTIAL/credentials/${access}` },
    {
      method: "PUT",
      url: `/v3.0/OS-CREDENTIAL/credentials/${access}`,
      body: { credential: { status: "inactive" } },
    },
    { method: "DELETE", url: `/v3.0/OS-CREDENTIAL/credentials/${access}` },
  ] as const;
/** Routes anybody may call: they take no credentials at all. */
// Open by design: health, sign-in, and what the sign-in page may know before anyone signs in
// (whether the demo runs; console-setup.test.ts holds that it says nothing else).
const PUBLIC_ROUTES = ["GET /healthz", "POST /v3/auth/tokens", "GET /console/setup"];

const signed = (route: Route, key: AccessKeyPair, projectId = world.projects.main) =>
  world.app.inject(
    signRequest(key, route.method, `/v3/${world.projects.main}${route.path}`, {
      data: route.body,
      projectId,
    }) as never,
  );

describe("authorization matrix", () => {
  it("covers every route the server registers", () => {
    const covered = new Set([
      ...PUBLIC_ROUTES,
      ...routes("hosted-1").map(
        (r) => `${r.method} /v3/:project_id${r.path.replace("hosted-1", ":keypair_name")}`,
      ),
      ...iamRoutes(":access").map((r) => `${r.method} ${r.url}`),
    ]);
    const missing = registeredRoutes(world.app)
      .map((route) => route.replace(/^HEAD /, "GET "))
      .filter((route) => !covered.has(route) && !route.startsWith("GET /*"));
    expect(missing).toEqual([]);
  });

  it("refuses no token, an expired and a revoked token on every IAM route with 401", async () => {
    for (const route of iamRoutes(keys.alice.ak)) {
      for (const token of [undefined, tokens.expired, tokens.revoked]) {
        const response = await world.app.inject({
          method: route.method,
          url: route.url,
          headers: token ? { "x-auth-token": token } : {},
          payload: "body" in route ? route.body : undefined,
        });
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      }
    }
  });

  it("refuses a signature by a wrong secret on every route with 401 APIGW.0301", async () => {
    for (const [index, route] of routes("hosted-1").entries()) {
      // Ten wrong secrets for one key from one place is where the sign-in throttle starts
      // answering 429; the routes past the tenth are tried with bob's key.
      const ak = index < 10 ? keys.carol.ak : keys.bob.ak;
      const response = await signed(route, { ak, sk: "y".repeat(40) });
      expect(response.statusCode, `${route.method} ${route.path}`).toBe(401);
      expect(response.json().error_code).toBe("APIGW.0301");
    }
  });

  it("refuses a signature naming another project in X-Project-Id on every route", async () => {
    for (const route of routes("hosted-1")) {
      const response = await signed(route, keys.alice, world.projects.other);
      expect(response.statusCode, `${route.method} ${route.path}`).toBe(401);
      expect(response.json().error_code).toBe("APIGW.0301");
    }
  });

  it("lets a read-only user's signed key only read", async () => {
    for (const route of routes("hosted-1")) {
      const response = await signed(route, keys.bob);
      if (route.write || route.extraRole) {
        expect(response.statusCode, `${route.method} ${route.path}`).toBe(403);
        expect(response.json().error_code).toBe("KPS.9003");
      } else {
        expect(response.statusCode, `${route.method} ${route.path}`).toBe(200);
      }
    }
  });

  it("refuses no token, an expired token and a revoked token on every route with 401 APIGW.0301", async () => {
    for (const route of routes("hosted-1")) {
      for (const token of [
        undefined,
        tokens.expired,
        tokens.revoked,
        "kps1.forged-token-value-000000",
      ]) {
        const response = await send(route, token);
        expect(response.statusCode, `${route.method} ${route.path}`).toBe(401);
        expect(response.json().error_code).toBe("APIGW.0301");
      }
    }
  });

  it("gives another project's token nothing (403 KPS.9003) on every route", async () => {
    for (const route of routes("hosted-1")) {
      const response = await send(route, tokens.aliceOther);
      expect(response.statusCode, `${route.method} ${route.path}`).toBe(403);
      expect(response.json().error_code).toBe("KPS.9003");
    }
  });

  it("lets a read-only user only read", async () => {
    for (const route of routes("hosted-1")) {
      const response = await send(route, tokens.bob);
      if (route.write || route.extraRole) {
        expect(response.statusCode, `${route.method} ${route.path}`).toBe(403);
        expect(response.json().error_code).toBe("KPS.9003");
      } else {
        expect(response.statusCode).toBe(200);
      }
    }
  });

  it("treats another user's private key pair as not there on every route that names it", async () => {
    for (const route of routes("carol-own").filter(
      (r) =>
        r.path.includes("carol-own") || Array.isArray(r.body) || r.path.includes("private-key/"),
    )) {
      if (route.path.includes("batch-import")) continue;
      const response = await send(route, tokens.alice);
      expect(response.statusCode, `${route.method} ${route.path}`).toBe(400);
      expect(response.json().error_code).toBe("KPS.4016");
    }
    const list = await send(routes("x")[0] as Route, tokens.alice);
    expect(list.body).not.toContain("carol-own");
  });

  it("never returns a foreign key in 500 random batch exports", async () => {
    const actors = ["alice", "bob", "carol", "aliceOther"] as const;
    const pool = [
      "hosted-1",
      "hosted-2",
      "hosted-3",
      "ed-hosted",
      "alice-own",
      "carol-own",
      "other-hosted",
      "plain",
      "frozen",
      "nope",
    ];
    const visibleTo: Record<(typeof actors)[number], Set<string>> = {
      alice: new Set(["hosted-1", "hosted-2", "hosted-3", "ed-hosted", "alice-own"]),
      bob: new Set(),
      carol: new Set(["hosted-1", "hosted-2", "hosted-3", "ed-hosted", "carol-own"]),
      aliceOther: new Set(["other-hosted"]),
    };
    let foreignBytes = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...actors),
        fc.constantFrom("main", "other"),
        fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 10 }),
        async (actor, project, names) => {
          const response = await world.app.inject({
            method: "POST",
            url: `/v3/${world.projects[project as "main" | "other"]}/keypairs/private-key/batch-export`,
            headers: { "x-auth-token": tokens[actor] },
            payload: names.map((name) => ({ keypair: { name } })),
          });
          const projectMatches = (actor === "aliceOther") === (project === "other");
          const allowed = projectMatches && names.every((name) => visibleTo[actor].has(name));
          if (response.statusCode === 200) {
            const zip = await JSZip.loadAsync(response.rawPayload);
            for (const file of Object.keys(zip.files)) {
              if (!visibleTo[actor].has(file.replace(/\.pem$/, ""))) foreignBytes += 1;
            }
          }
          expect(response.statusCode === 200).toBe(allowed);
        },
      ),
      { numRuns: 500, seed: 7 },
    );
    expect(foreignBytes).toBe(0);
  });
});
