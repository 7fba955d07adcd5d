import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "../testing/raw-http.ts";
import { createTestWorld, type TestWorld } from "../testing/test-world.ts";

let world: TestWorld;
let token: string;
let exportUrl: string;
beforeAll(async () => {
  world = await createTestWorld();
  token = await world.token("alice");
  exportUrl = `/v3/${world.projects.main}/keypairs/private-key/batch-export`;
});
afterAll(() => world.close());

describe("serving hygiene", () => {
  it("rejects a Host that is not its own (DNS rebinding)", async () => {
    const response = await world.app.inject({
      method: "GET",
      url: "/healthz",
      headers: { host: "attacker.example" },
    });
    expect(response.statusCode).toBe(421);
  });

  it("checks the port of the Host too once it listens", async () => {
    const listening = await createTestWorld();
    try {
      await listening.app.listen({ host: "127.0.0.1", port: 0 });
      const address = listening.app.server.address();
      const port = address && typeof address === "object" ? address.port : 0;
      const statusFor = (host: string) =>
        new Promise<number | undefined>((resolve, reject) => {
          request({ host: "127.0.0.1", port, path: "/healthz", headers: { host } }, (response) => {
            response.resume();
            resolve(response.statusCode);
          })
            .on("error", reject)
            .end();
        });
      expect(await statusFor(`127.0.0.1:${port}`)).toBe(200);
      expect(await statusFor(`localhost:${port}`)).toBe(200);
      expect(await statusFor(`127.0.0.1:${port === 65535 ? port - 1 : port + 1}`)).toBe(421);
      expect(await statusFor("127.0.0.1")).toBe(421);
    } finally {
      await listening.close();
    }
  });

  it("sends security headers and no-store on API answers, and no CORS headers", async () => {
    const response = await world.app.inject({
      method: "GET",
      url: `/v3/${world.projects.main}/keypairs`,
      headers: { "x-auth-token": token, origin: "https://evil.example" },
    });
    expect(response.headers["cache-control"]).toBe("no-store");
    // API answers are data: rendered as a page, they would run and load nothing.
    expect(response.headers["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["access-control-allow-origin"]).toBeUndefined();
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
  });

  it("accepts only JSON bodies (415), up to 64 KiB (413), without prototype poisoning", async () => {
    const headers = { "x-auth-token": token };
    const textBody = await world.app.inject({
      method: "POST",
      url: exportUrl,
      headers: { ...headers, "content-type": "text/plain" },
      payload: "[]",
    });
    expect(textBody.statusCode).toBe(415);
    const form = await world.app.inject({
      method: "POST",
      url: exportUrl,
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      payload: "a=b",
    });
    expect(form.statusCode).toBe(415);
    const huge = await world.app.inject({
      method: "POST",
      url: exportUrl,
      headers: { ...headers, "content-type": "application/json" },
      payload: JSON.stringify([{ keypair: { name: "x".repeat(70_000) } }]),
    });
    expect(huge.statusCode).toBe(413);
    for (const payload of [
      '{"__proto__":{"polluted":1}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
      "[{",
      "null",
    ]) {
      const response = await world.app.inject({
        method: "POST",
        url: exportUrl,
        headers: { ...headers, "content-type": "application/json" },
        payload,
      });
      expect(response.statusCode, payload).toBe(400);
      expect(response.json().error_code).toBe("KPS.0002");
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("answers unknown paths in the gateway envelope and never leaks internals", async () => {
    const response = await world.app.inject({ method: "GET", url: "/v3/nothing/here/at/all" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error_code).toBe("APIGW.0101");
    const broken = await world.app.inject({
      method: "GET",
      url: `/v3/${world.projects.main}/keypairs?limit=${"9".repeat(400)}`,
      headers: { "x-auth-token": token },
    });
    expect(broken.body).not.toMatch(/at \w+ \(|SQLITE|\/work\/|node_modules/);
  });
  it("refuses an absolute-form export with 400 and no-store, never a zip (embedded mode)", async () => {
    // Listening turns on the port check, so this world is its own.
    const listening = await createTestWorld();
    const token = await listening.token("alice");
    await listening.app.listen({ host: "127.0.0.1", port: 0 });
    const address = listening.app.server.address();
    const port = address && typeof address === "object" ? address.port : 0;
    const body = '[{"keypair":{"name":"hosted-1"}}]';
    const path = `/v3/${listening.projects.main}/keypairs/private-key/batch-export`;
    const answer = await rawRequest(
      port,
      `POST http://127.0.0.1:${port}${path} HTTP/1.1`,
      [
        `X-Auth-Token: ${token}`,
        "Content-Type: application/json",
        `Content-Length: ${body.length}`,
      ],
      body,
    );
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.body).not.toContain("PK");
    await listening.close();
  });
});
