// What the proxy must never do, tried as an attacker and a misbehaving cloud would: relay a
// request line to a host of the client's choosing, serve the cloud's HTML as the console's own
// origin, hang past the server's own timeout, or buffer an endless answer.
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { readConfig } from "../config.ts";
import { rawRequest } from "../testing/raw-http.ts";
import { type RecordingUpstream, startRecordingUpstream } from "../testing/recording-upstream.ts";
import { DEFAULT_UPSTREAM_LIMITS } from "./cloud-proxy.ts";

const PROJECT = "0123456789abcdef0123456789abcdef";
const KEYPAIRS = `/v3/${PROJECT}/keypairs`;
const EXPORT = `${KEYPAIRS}/private-key/batch-export`;
const TOKEN = "user-token-that-must-not-travel";

let cloud: RecordingUpstream;
let elsewhere: RecordingUpstream;
// One copy listens, for request lines only a raw socket sends; the other answers inject().
let listening: FastifyInstance;
let proxy: FastifyInstance;
let port: number;

async function proxyTo(
  upstream: string,
  limits = { ...DEFAULT_UPSTREAM_LIMITS, timeoutMs: 500, maxResponseBytes: 64 * 1024 },
) {
  return buildApp({
    backend: { kpsEndpoint: upstream, iamEndpoint: upstream, limits },
    allowedHostNames: ["127.0.0.1", "localhost"],
    distDir: "/nonexistent",
  });
}

beforeAll(async () => {
  cloud = await startRecordingUpstream();
  elsewhere = await startRecordingUpstream();
  proxy = await proxyTo(`${cloud.url}/prefix`);
  listening = await proxyTo(`${cloud.url}/prefix`);
  await listening.listen({ host: "127.0.0.1", port: 0 });
  const address = listening.server.address();
  port = address && typeof address === "object" ? address.port : 0;
});
afterAll(async () => {
  await listening.close();
  await proxy.close();
  await cloud.close();
  await elsewhere.close();
});
afterEach(() => {
  cloud.seen.length = 0;
  elsewhere.seen.length = 0;
  cloud.answer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});

describe("proxy mode: the request line never chooses where a token goes", () => {
  it.each([
    ["absolute form", () => `GET ${elsewhere.url}${KEYPAIRS} HTTP/1.1`],
    ["absolute form, export", () => `POST ${elsewhere.url}${EXPORT} HTTP/1.1`],
    ["protocol-relative", () => `GET //127.0.0.1:${elsewhere.port}${KEYPAIRS} HTTP/1.1`],
    ["dot segments", () => `GET /v3/${PROJECT}/../../latest/meta-data/ HTTP/1.1`],
    ["encoded dot segments", () => `GET /v3/${PROJECT}/%2e%2e/%2E%2E/latest HTTP/1.1`],
    ["asterisk", () => "OPTIONS * HTTP/1.1"],
  ])("refuses a %s target with 400 and forwards nothing", async (_kind, line) => {
    const answer = await rawRequest(port, line(), [`X-Auth-Token: ${TOKEN}`]);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error_code: "KPS.0002" });
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
    expect(cloud.seen).toEqual([]);
    expect(elsewhere.seen).toEqual([]);
  });

  it("forwards an origin-form path under the endpoint's own prefix, with the token", async () => {
    const answer = await rawRequest(port, `GET ${KEYPAIRS}?limit=5 HTTP/1.1`, [
      `X-Auth-Token: ${TOKEN}`,
    ]);
    expect(answer.status).toBe(200);
    expect(cloud.seen.map((seen) => seen.url)).toEqual([`/prefix${KEYPAIRS}?limit=5`]);
    expect(cloud.seen[0]?.headers["x-auth-token"]).toBe(TOKEN);
    expect(cloud.seen[0]?.headers.host).toBe(`127.0.0.1:${cloud.port}`);
  });

  it("forwards nothing outside the console's own API paths", async () => {
    for (const path of [`/v3/${PROJECT}/servers`, "/v3/OS-CREDENTIAL/x", "/v3/auth/OS-X"]) {
      const answer = await proxy.inject({
        method: "GET",
        url: path,
        headers: { "x-auth-token": TOKEN },
      });
      expect(answer.statusCode, path).toBe(404);
    }
    expect(cloud.seen).toEqual([]);
  });
});

describe("proxy mode: only what the console reads comes back", () => {
  it("refuses an HTML answer and keeps a sandboxing CSP on every proxied answer", async () => {
    cloud.answer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html" }).end("<script>alert(1)</script>");
    });
    const answer = await proxy.inject({ method: "GET", url: `${KEYPAIRS}/web-01` });
    expect(answer.statusCode).toBe(502);
    expect(answer.json()).toMatchObject({ error_code: "KPS.0003" });
    expect(answer.body).not.toContain("<script>");
    expect(answer.headers["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["cache-control"]).toBe("no-store");
    // The refused body is abandoned; its deadline firing later must not crash the server.
    await new Promise((resolve) => setTimeout(resolve, 800));
    cloud.answer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    expect((await proxy.inject({ method: "GET", url: KEYPAIRS })).statusCode).toBe(200);
  });

  it("refuses a zip label on routes that answer JSON, and HTML on the export route", async () => {
    cloud.answer((_request, response) => {
      response.writeHead(200, { "content-type": "application/zip" }).end("PK");
    });
    expect((await proxy.inject({ method: "GET", url: KEYPAIRS })).statusCode).toBe(502);
    cloud.answer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<p>");
    });
    const exported = await proxy.inject({
      method: "POST",
      url: EXPORT,
      headers: { "content-type": "application/json", "x-export-reason": "Ticket%20SUP-1" },
      payload: "[]",
    });
    expect(exported.statusCode).toBe(502);
  });

  it("passes the export's zip labelled octet-stream byte for byte, under the fixed name", async () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0), 0xff, 0x00]);
    cloud.answer((_request, response) => {
      response
        .writeHead(200, {
          "content-type": "application/octet-stream",
          "content-disposition": 'attachment; filename="../../evil.sh"',
          "set-cookie": "session=upstream",
        })
        .end(bytes);
    });
    const answer = await proxy.inject({
      method: "POST",
      url: EXPORT,
      headers: {
        "content-type": "application/json;charset=UTF-8",
        "x-export-reason": "Ticket%20SUP-1",
      },
      payload: '[{"keypair":{"name":"web-01"}}]',
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.rawPayload.equals(bytes)).toBe(true);
    expect(answer.headers["content-type"]).toBe("application/octet-stream");
    expect(answer.headers["content-disposition"]).toBe('attachment; filename="keypairs.zip"');
    expect(answer.headers["set-cookie"]).toBeUndefined();
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(cloud.seen[0]?.headers["content-type"]).toBe("application/json;charset=UTF-8");
  });

  it("passes Location, WWW-Authenticate and Retry-After, and empty answers with no label", async () => {
    cloud.answer((_request, response) => {
      response
        .writeHead(429, {
          "content-type": "application/json",
          "retry-after": "7",
          "www-authenticate": 'Bearer realm="iam"',
          location: "/v3/auth/tokens",
        })
        .end('{"error_code":"APIGW.0308","error_msg":"限流"}');
    });
    const limited = await proxy.inject({ method: "GET", url: KEYPAIRS });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["retry-after"]).toBe("7");
    expect(limited.headers["www-authenticate"]).toBe('Bearer realm="iam"');
    expect(limited.headers.location).toBe("/v3/auth/tokens");
    expect(limited.json().error_msg).toBe("限流");
    cloud.answer((_request, response) => {
      response.writeHead(204, { "content-type": "text/html" }).end();
    });
    const deleted = await proxy.inject({ method: "DELETE", url: `${KEYPAIRS}/web-01` });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe("");
  });
});

describe("proxy mode: real timeouts and caps", () => {
  it("answers a slow cloud with 504 in the path's shape, before the server's own timeout", async () => {
    cloud.answer((_request, response) => {
      setTimeout(
        () => response.writeHead(200, { "content-type": "application/json" }).end("{}"),
        1500,
      );
    });
    const kps = await proxy.inject({ method: "GET", url: KEYPAIRS });
    expect(kps.statusCode).toBe(504);
    expect(kps.json()).toEqual({ error_code: "KPS.0003", error_msg: expect.any(String) });
    expect(kps.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
    const iam = await proxy.inject({
      method: "POST",
      url: "/v3/auth/tokens",
      headers: { "content-type": "application/json" },
      payload: "{}",
    });
    expect(iam.statusCode).toBe(504);
    expect(iam.json()).toEqual({
      error: { code: 504, message: expect.any(String), title: expect.any(String) },
    });
  });

  it("cuts a cloud that stops sending halfway through the body", async () => {
    cloud.answer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      response.write('{"keypairs":[');
    });
    expect((await proxy.inject({ method: "GET", url: KEYPAIRS })).statusCode).toBe(504);
  });

  it("stops reading an endless answer at the cap, declared or streamed", async () => {
    cloud.answer((_request, response) => {
      response.writeHead(200, {
        "content-type": "application/json",
        "content-length": String(2 ** 30),
      });
      response.end();
    });
    expect((await proxy.inject({ method: "GET", url: KEYPAIRS })).statusCode).toBe(502);

    let written = 0;
    const closed = new Promise<void>((resolve) => {
      cloud.answer((_request, response) => {
        response.writeHead(200, { "content-type": "application/json" });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (written < 2 ** 30 && !response.destroyed) {
            written += chunk.length;
            if (!response.write(chunk)) return void response.once("drain", pump);
          }
        };
        response.on("close", () => resolve());
        pump();
      });
    });
    const streamed = await proxy.inject({ method: "GET", url: KEYPAIRS });
    expect(streamed.statusCode).toBe(502);
    expect(streamed.json()).toMatchObject({ error_code: "KPS.0003" });
    await closed;
    // The cap is 64 KiB here; what the cloud got out before it was cut off is socket buffers.
    expect(written).toBeLessThan(16 * 1024 * 1024);
  });

  it("answers an unreachable IAM in IAM's shape and an unreachable KPS in KPS's", async () => {
    const offline = await proxyTo("http://127.0.0.1:9");
    const iam = await offline.inject({ method: "GET", url: "/v3/auth/projects" });
    expect(iam.statusCode).toBe(502);
    expect(iam.json().error.code).toBe(502);
    const kps = await offline.inject({ method: "GET", url: KEYPAIRS });
    expect(kps.statusCode).toBe(502);
    expect(kps.json().error_code).toBe("KPS.0003");
    await offline.close();
  });

  it("keeps the default upstream deadline well inside the server's own request timeout", () => {
    const config = readConfig({
      KPS_ENDPOINT: "https://kms.example",
      IAM_ENDPOINT: "https://iam.example",
    });
    expect(config.upstreamLimits.timeoutMs).toBeLessThanOrEqual(20_000);
    expect(() =>
      readConfig({
        KPS_ENDPOINT: "https://kms.example",
        IAM_ENDPOINT: "https://iam.example",
        KPS_PROXY_TIMEOUT_MS: "30000",
      }),
    ).toThrow(/KPS_PROXY_TIMEOUT_MS/);
  });

  it("refuses endpoints that would send tokens in the clear or carry a query", () => {
    const iam = "https://iam.example";
    for (const kps of [
      "http://kms.example",
      "https://user:pw@kms.example",
      "https://kms.example/?x=1",
      "ftp://x",
    ]) {
      expect(() => readConfig({ KPS_ENDPOINT: kps, IAM_ENDPOINT: iam }), kps).toThrow(
        /KPS_ENDPOINT/,
      );
    }
    expect(
      readConfig({ KPS_ENDPOINT: "http://127.0.0.1:8392/p", IAM_ENDPOINT: iam }).kpsEndpoint,
    ).toBe("http://127.0.0.1:8392/p");
  });
});
