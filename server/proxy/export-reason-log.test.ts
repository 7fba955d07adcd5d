// Issue 15, proxy mode: the console server checks the export reason itself, never forwards it
// (the cloud's API has no such header), writes exactly one structured log line per export that
// joins the cloud's CTS record by the cloud's request id, and serves the history from CTS_ENDPOINT.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { createTestWorld, PASSWORD, type TestWorld } from "../testing/test-world.ts";
import type { ExportLogLine } from "./export-reason-log.ts";

let cloud: TestWorld;
let proxy: FastifyInstance;
const lines: ExportLogLine[] = [];
let token: string;
let project: string;

beforeAll(async () => {
  // The embedded server stands in for KPS, IAM and CTS alike; it takes reasons as optional, so a
  // reason that leaked through would be recorded there.
  cloud = await createTestWorld();
  const endpoint = await cloud.app.listen({ host: "127.0.0.1", port: 0 });
  proxy = await buildApp({
    backend: {
      kpsEndpoint: endpoint,
      iamEndpoint: endpoint,
      ctsEndpoint: endpoint,
      exportLog: (line) => lines.push(line),
    },
    exportPolicy: { reasonMode: "required", freshAuthSeconds: 300 },
    allowedHostNames: ["localhost"],
    distDir: "/nonexistent",
  });
  const signIn = await proxy.inject({
    method: "POST",
    url: "/v3/auth/tokens",
    payload: {
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: "alice", password: PASSWORD, domain: { name: "acme" } } },
        },
        scope: { project: { name: "cn-north-4" } },
      },
    },
  });
  token = signIn.headers["x-subject-token"] as string;
  project = signIn.json().token.project.id;
});
afterAll(async () => {
  await proxy.close();
  await cloud.close();
});

/**
 * The lines of the request whose answer carried this X-Request-Id (the cloud's when forwarded,
 * this server's when refused here). A line is written once IAM has said who the token is.
 */
async function lineFor(requestId: string): Promise<ExportLogLine[]> {
  const mine = (line: ExportLogLine) =>
    line.cloud_request_id === requestId || line.request_id === requestId;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (lines.some(mine)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return lines.filter(mine);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return [];
}

describe("proxy mode: the export reason", () => {
  it("is checked, stripped, and written as one log line that joins the cloud's record", async () => {
    const reason = "Ticket SUP-88: proxied export (ü)";
    const response = await proxy.inject({
      method: "POST",
      url: `/v3/${project}/keypairs/private-key/batch-export`,
      headers: {
        "x-auth-token": token,
        "content-type": "application/json",
        "x-export-reason": encodeURIComponent(reason),
      },
      payload: JSON.stringify([
        { keypair: { name: "hosted-1" } },
        { keypair: { name: "ed-hosted" } },
      ]),
    });
    expect(response.statusCode).toBe(200);
    const requestId = response.headers["x-request-id"] as string;
    const logged = await lineFor(requestId);
    expect(logged).toHaveLength(1);
    const line = logged[0] as ExportLogLine;
    expect(line).toEqual({
      event: "kps-export",
      reason,
      user: { id: cloud.users.alice, name: "alice", domain: "acme" },
      keypairs: ["hosted-1", "ed-hosted"],
      request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      cloud_request_id: requestId,
      status: 200,
      error_code: null,
    });
    // The cloud saw no reason: its own record of the same request holds none.
    const cloudRecord = cloud.store.db
      .prepare("SELECT reason, outcome FROM audit WHERE request_id = ?")
      .get(line.cloud_request_id);
    expect(cloudRecord).toEqual({ reason: null, outcome: "success" });
    expect(JSON.stringify(line)).not.toContain(token);
  });

  it("refuses a missing or hostile reason before anything is forwarded, and logs the attempt", async () => {
    const before = cloud.store.db.prepare("SELECT count(*) AS n FROM audit").get() as { n: number };
    for (const [sent, code] of [
      [undefined, "KPS.7001"],
      [encodeURIComponent("Ticket 1\r\nX-Injected: yes"), "KPS.7002"],
      ["x".repeat(10_240), "KPS.7002"],
    ] as const) {
      const response = await proxy.inject({
        method: "POST",
        url: `/v3/${project}/keypairs/private-key/export`,
        headers: {
          "x-auth-token": token,
          "content-type": "application/json",
          ...(sent ? { "x-export-reason": sent } : {}),
        },
        payload: JSON.stringify({ keypair: { name: "hosted-2" } }),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error_code).toBe(code);
      const [line] = await lineFor(response.headers["x-request-id"] as string);
      expect(line).toMatchObject({
        status: 400,
        error_code: code,
        keypairs: ["hosted-2"],
        cloud_request_id: null,
      });
      expect([...(line?.reason ?? "")].length).toBeLessThanOrEqual(500);
      expect(line?.reason ?? "").not.toMatch(/[\r\n]/);
    }
    const after = cloud.store.db.prepare("SELECT count(*) AS n FROM audit").get() as { n: number };
    expect(after.n).toBe(before.n);
  });

  it("reads the history from CTS_ENDPOINT with the same rules as the other proxied paths", async () => {
    const response = await proxy.inject({
      method: "GET",
      url: `/v3/${project}/traces?limit=5&trace_rating=normal`,
      headers: { "x-auth-token": token },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.traces[0]).toMatchObject({
      trace_name: "batchExportPrivateKey",
      user: { name: "alice" },
    });
    expect(body.meta_data).toMatchObject({ count: body.traces.length });
    const refused = await proxy.inject({ method: "GET", url: `/v3/${project}/traces` });
    expect(refused.statusCode).toBe(401);
  });

  it("serves no history without CTS_ENDPOINT", async () => {
    const bare = await buildApp({
      backend: { kpsEndpoint: "http://127.0.0.1:9", iamEndpoint: "http://127.0.0.1:9" },
      allowedHostNames: ["localhost"],
      distDir: "/nonexistent",
    });
    const response = await bare.inject({ method: "GET", url: `/v3/${project}/traces` });
    expect(response.statusCode).toBe(404);
    expect(response.json().error_code).toBe("APIGW.0101");
    await bare.close();
  });
});
