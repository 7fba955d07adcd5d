// Fuzzing every route in-process: malformed bodies, headers and params must never produce a
// 5xx, a crash, internals in a body, or an answer outside the error envelopes.

import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { createTestWorld, type TestWorld } from "../testing/test-world.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const LEAKS = /\bat [\w.<>]+ \(|SQLITE|sqlite3|\/work\/|node_modules|\.ts:\d+|Error:/;

// The same requests go to the embedded server and, through the proxy, to a second embedded
// server standing in for the cloud: the proxy must keep every answer inside an envelope too.
type Target = { app: FastifyInstance; world: TestWorld; tokens: string[] };
const targets: Record<"embedded" | "proxy", Target> = {} as never;
let cloud: TestWorld;

async function tokensOf(world: TestWorld): Promise<string[]> {
  return [
    await world.token("alice"),
    await world.token("bob"),
    await world.token("alice", "other"),
  ];
}

beforeAll(async () => {
  const world = await createTestWorld();
  targets.embedded = { app: world.app, world, tokens: await tokensOf(world) };
  cloud = await createTestWorld();
  // Signed in before it listens: once listening, inject()'s Host no longer names its port.
  const cloudTokens = await tokensOf(cloud);
  const endpoint = await cloud.app.listen({ host: "127.0.0.1", port: 0 });
  const proxy = await buildApp({
    backend: { kpsEndpoint: endpoint, iamEndpoint: endpoint, ctsEndpoint: endpoint },
    allowedHostNames: ["localhost"],
    distDir: "/nonexistent",
  });
  targets.proxy = { app: proxy, world: cloud, tokens: cloudTokens };
});
afterAll(async () => {
  await targets.proxy?.app.close();
  await cloud?.close();
  await targets.embedded?.world.close();
});

const ROUTES = [
  ["GET", "/v3/{p}/keypairs"],
  ["GET", "/v3/{p}/keypairs/{n}"],
  ["POST", "/v3/{p}/keypairs"],
  ["PUT", "/v3/{p}/keypairs/{n}"],
  ["DELETE", "/v3/{p}/keypairs/{n}"],
  ["POST", "/v3/{p}/keypairs/private-key/import"],
  ["POST", "/v3/{p}/keypairs/private-key/export"],
  ["POST", "/v3/{p}/keypairs/private-key/batch-export"],
  ["POST", "/v3/{p}/keypairs/batch-import"],
  ["DELETE", "/v3/{p}/keypairs/{n}/private-key"],
  ["GET", "/v3/{p}/traces"],
  ["POST", "/v3/auth/tokens"],
  ["GET", "/v3/auth/tokens"],
  ["GET", "/v3/auth/projects"],
  ["DELETE", "/v3/auth/tokens"],
  ["GET", "/v3/projects"],
  ["GET", "/v3/auth/domains"],
  ["POST", "/v3.0/OS-CREDENTIAL/credentials"],
  ["GET", "/v3.0/OS-CREDENTIAL/credentials"],
  ["GET", "/v3.0/OS-CREDENTIAL/credentials/{n}"],
  ["PUT", "/v3.0/OS-CREDENTIAL/credentials/{n}"],
  ["DELETE", "/v3.0/OS-CREDENTIAL/credentials/{n}"],
] as const;

// Signed-request headers, well-formed and not: the verifier must refuse every one in the
// gateway's envelope, never throw.
const signatures = fc.option(
  fc.record({
    authorization: fc.oneof(
      fc
        .tuple(
          fc.oneof(fc.stringMatching(/^[A-Z0-9]{20}$/), fc.string({ maxLength: 30 })),
          fc.oneof(
            fc.constantFrom("content-type;host;x-project-id;x-sdk-date", "x-sdk-date", "host"),
            fc.string({ maxLength: 40 }),
          ),
          fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.string({ maxLength: 70 })),
        )
        .map(([a, h, s]) => `SDK-HMAC-SHA256 Access=${a}, SignedHeaders=${h}, Signature=${s}`),
      fc.string({ maxLength: 120 }).map((rest) => `SDK-HMAC-SHA256 ${rest}`),
    ),
    date: fc.oneof(
      fc.constant(new Date().toISOString().replace(/[-:]|\.\d{3}/g, "")),
      fc.string({ maxLength: 20 }),
    ),
    contentSha: fc.option(
      fc.oneof(fc.constant("UNSIGNED-PAYLOAD"), fc.stringMatching(/^[0-9a-f]{64}$/), fc.string()),
    ),
    projectId: fc.option(fc.string({ maxLength: 40 })),
  }),
);

const names = fc.oneof(
  fc.constantFrom(
    "hosted-1",
    "plain",
    "frozen",
    "carol-own",
    "other-hosted",
    "nope",
    "x".repeat(256),
  ),
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
);
const keypairObject = fc.record(
  {
    name: names,
    type: fc.oneof(fc.constantFrom("ssh", "x509"), fc.anything()),
    scope: fc.oneof(fc.constantFrom("domain", "user"), fc.anything()),
    public_key: fc.oneof(fc.string(), fc.constant("ssh-ed25519 AAAA")),
    key_protection: fc.oneof(
      fc.record({ encryption: fc.record({ type: fc.constantFrom("default", "kms", "x") }) }),
      fc.anything(),
    ),
    description: fc.string({ maxLength: 300 }),
    __proto__: fc.anything(),
  },
  { requiredKeys: [] },
);
const bodies = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.array(fc.record({ keypair: keypairObject }), { maxLength: 12 }),
  fc.record({ keypair: keypairObject }),
  fc.record({ auth: fc.anything() }),
);
const contentTypes = fc.constantFrom(
  "application/json",
  "application/json;charset=UTF-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "",
);

const CASES = (["embedded", "proxy"] as const).flatMap((mode) =>
  ROUTES.map(([method, template]) => [mode, method, template] as const),
);

describe("fuzzing", () => {
  it.each(CASES)(
    `%s: %s %s: ${RUNS} malformed requests, no 5xx, no leaks, always an envelope`,
    async (mode, method, template) => {
      const { app, world, tokens } = targets[mode];
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            project: fc.oneof(
              fc.constant(world.projects.main),
              fc.constant(world.projects.other),
              fc.string({ maxLength: 40 }),
            ),
            name: names,
            token: fc.oneof(
              fc.constantFrom(...tokens),
              fc.string({ maxLength: 80 }),
              fc.constant(undefined),
            ),
            contentType: contentTypes,
            body: bodies,
            rawBody: fc.option(fc.string({ maxLength: 200 })),
            query: fc.oneof(
              fc.string({ maxLength: 60 }),
              // The history's parameters, well-formed and not.
              fc
                .tuple(
                  fc.constantFrom(
                    "limit",
                    "next",
                    "from",
                    "to",
                    "user",
                    "trace_rating",
                    "trace_id",
                  ),
                  fc.oneof(fc.string({ maxLength: 30 }), fc.nat().map(String)),
                )
                .map(([key, value]) => `${key}=${encodeURIComponent(value)}`),
            ),
            // The export reason: printable (a header cannot carry more), often broken encoding.
            reason: fc.option(
              fc.oneof(
                fc.stringMatching(/^[ -~]{0,80}$/),
                fc.string({ maxLength: 600 }).map(encodeURIComponent),
              ),
            ),
            signature: signatures,
          }),
          async (c) => {
            const url =
              template
                .replace("{p}", encodeURIComponent(c.project))
                .replace("{n}", encodeURIComponent(c.name)) + (c.query ? `?${c.query}` : "");
            const headers: Record<string, string> = {};
            if (c.token !== undefined) headers["x-auth-token"] = c.token;
            if (c.reason !== null) headers["x-export-reason"] = c.reason;
            if (c.contentType && method !== "GET") headers["content-type"] = c.contentType;
            if ((method === "DELETE" || template === "/v3/auth/tokens") && c.token)
              headers["x-subject-token"] = c.token;
            if (c.signature) {
              headers.authorization = c.signature.authorization;
              headers["x-sdk-date"] = c.signature.date;
              if (c.signature.contentSha !== null)
                headers["x-sdk-content-sha256"] = c.signature.contentSha;
              if (c.signature.projectId !== null) headers["x-project-id"] = c.signature.projectId;
            }
            const payload =
              method === "GET" ? undefined : (c.rawBody ?? JSON.stringify(c.body) ?? "");
            const response = await app.inject({ method, url, headers, payload });
            expect(response.statusCode).toBeLessThan(500);
            if (response.statusCode >= 400) {
              const body = response.json();
              expect(
                typeof body.error_code === "string" || typeof body.error?.message === "string",
              ).toBe(true);
            }
            expect(response.body).not.toMatch(LEAKS);
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
    },
  );
});
