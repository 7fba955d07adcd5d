import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { createTestWorld, PASSWORD, type TestWorld } from "../testing/test-world.ts";

let cloud: TestWorld;
let proxy: FastifyInstance;
let cloudHost: string;

beforeAll(async () => {
  cloud = await createTestWorld();
  const endpoint = await cloud.app.listen({ host: "127.0.0.1", port: 0 });
  cloudHost = new URL(endpoint).host;
  proxy = await buildApp({
    backend: { kpsEndpoint: endpoint, iamEndpoint: endpoint },
    allowedHostNames: ["localhost"],
    distDir: "/nonexistent",
  });
});
afterAll(async () => {
  await proxy.close();
  await cloud.close();
});

describe("proxy mode", () => {
  it("says so in GET /console/setup, so the history page can say where the reasons are", async () => {
    const setup = await proxy.inject({ method: "GET", url: "/console/setup" });
    expect(setup.json().mode).toBe("proxy");
  });

  it("forwards IAM and KPS calls unchanged, token and request id included", async () => {
    const signIn = await proxy.inject({
      method: "POST",
      url: "/v3/auth/tokens",
      headers: { "content-type": "application/json;charset=UTF-8" },
      payload: JSON.stringify({
        auth: {
          identity: {
            methods: ["password"],
            password: { user: { name: "alice", password: PASSWORD, domain: { name: "acme" } } },
          },
          scope: { project: { name: "cn-north-4" } },
        },
      }),
    });
    expect(signIn.statusCode).toBe(201);
    const token = signIn.headers["x-subject-token"] as string;
    expect(token).toBeTruthy();
    const project = signIn.json().token.project.id;

    const list = await proxy.inject({
      method: "GET",
      url: `/v3/${project}/keypairs?limit=3`,
      headers: { "x-auth-token": token },
    });
    const direct = await cloud.app.inject({
      method: "GET",
      url: `/v3/${project}/keypairs?limit=3`,
      headers: { "x-auth-token": token, host: cloudHost },
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).toBe(direct.body);
    expect(list.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);

    const exportBody = JSON.stringify([
      { keypair: { name: "hosted-1" } },
      { keypair: { name: "ed-hosted" } },
    ]);
    const viaProxy = await proxy.inject({
      method: "POST",
      url: `/v3/${project}/keypairs/private-key/batch-export`,
      headers: {
        "x-auth-token": token,
        "content-type": "application/json;charset=UTF-8",
        "x-export-reason": "Ticket%20SUP-1%3A%20rotate",
      },
      payload: exportBody,
    });
    expect(viaProxy.statusCode).toBe(200);
    expect(viaProxy.headers["content-type"]).toBe("application/zip");
    expect(viaProxy.headers["content-disposition"]).toBe('attachment; filename="keypairs.zip"');
    expect(viaProxy.headers["cache-control"]).toBe("no-store");
    const zip = await JSZip.loadAsync(viaProxy.rawPayload);
    const single = await proxy.inject({
      method: "POST",
      url: `/v3/${project}/keypairs/private-key/export`,
      headers: {
        "x-auth-token": token,
        "content-type": "application/json",
        "x-export-reason": "Ticket%20SUP-1%3A%20rotate",
      },
      payload: JSON.stringify({ keypair: { name: "ed-hosted" } }),
    });
    expect(await zip.file("ed-hosted.pem")?.async("string")).toBe(
      single.json().keypair.private_key,
    );
    expect(Object.keys(zip.files).sort()).toEqual(["ed-hosted.pem", "hosted-1.pem"]);

    const refused = await proxy.inject({
      method: "POST",
      url: `/v3/${project}/keypairs/private-key/batch-export`,
      headers: {
        "x-auth-token": token,
        "content-type": "application/json",
        "x-export-reason": "Ticket%20SUP-1%3A%20rotate",
      },
      payload: JSON.stringify([{ keypair: { name: "plain" } }]),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({
      error_code: "KPS.6005",
      error_msg: "No private key managed: plain",
    });

    const signOut = await proxy.inject({
      method: "DELETE",
      url: "/v3/auth/tokens",
      headers: { "x-auth-token": token, "x-subject-token": token },
    });
    expect(signOut.statusCode).toBe(204);
  });

  it("answers with the gateway envelope when the cloud cannot be reached", async () => {
    const offline = await buildApp({
      backend: { kpsEndpoint: "http://127.0.0.1:9", iamEndpoint: "http://127.0.0.1:9" },
      allowedHostNames: ["localhost"],
      distDir: "/nonexistent",
    });
    const response = await offline.inject({ method: "GET", url: `/v3/${"a".repeat(32)}/keypairs` });
    expect(response.statusCode).toBe(502);
    expect(response.json().error_code).toBe("KPS.0003");
    await offline.close();
  });
});
