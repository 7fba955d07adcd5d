// The stand-in must keep answering in the shapes the proxy-mode journeys rely on; these pin
// them so a change to the stand-in cannot quietly make the journeys prove less.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createStandInCloud,
  PLAIN_COUNT,
  plainName,
  SHAPE_KEYS,
  STAND_IN,
  type StandInCloud,
} from "./stand-in-cloud.ts";

let cloud: StandInCloud;
let base: string;

beforeAll(async () => {
  cloud = await createStandInCloud({ slowMs: 300 });
  base = `http://127.0.0.1:${await cloud.listen(0)}`;
});
afterAll(() => cloud.close());

async function signIn(password: string = STAND_IN.password): Promise<Response> {
  return fetch(`${base}/v3/auth/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json;charset=UTF-8" },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ["password"],
          password: {
            user: { name: STAND_IN.user, password, domain: { name: STAND_IN.account } },
          },
        },
        scope: { project: { name: STAND_IN.project } },
      },
    }),
  });
}

async function token(): Promise<string> {
  const response = await signIn();
  expect(response.status).toBe(201);
  return response.headers.get("X-Subject-Token") as string;
}

function kps(path: string, auth: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${base}/v3/${STAND_IN.projectId}${path}`, {
    ...init,
    headers: { "X-Auth-Token": auth, "Content-Type": "application/json;charset=UTF-8" },
  });
}

function exportOf(names: string[], auth: string): Promise<Response> {
  return kps("/keypairs/private-key/batch-export", auth, {
    method: "POST",
    body: JSON.stringify(names.map((name) => ({ keypair: { name } }))),
  });
}

describe("stand-in cloud", () => {
  it("IAM: 201 with X-Subject-Token and a Keystone body; wrong password in Keystone's shape", async () => {
    const good = await signIn();
    expect(good.status).toBe(201);
    expect(good.headers.get("X-Subject-Token")).toMatch(/^MII/);
    const body = await good.json();
    expect(body.token.project).toMatchObject({ id: STAND_IN.projectId, name: STAND_IN.project });
    expect(body.token.user.domain.name).toBe(STAND_IN.account);
    expect(Date.parse(body.token.expires_at)).toBeGreaterThan(Date.now());

    const bad = await signIn("wrong");
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({
      error: { code: 401, message: "The username or password is wrong.", title: "Unauthorized" },
    });
  });

  it("IAM: validates a token for the proxy's export log, and not without one", async () => {
    const auth = await token();
    const validated = await fetch(`${base}/v3/auth/tokens`, {
      headers: { "X-Auth-Token": auth, "X-Subject-Token": auth },
    });
    expect(validated.status).toBe(200);
    expect((await validated.json()).token.user).toMatchObject({ name: STAND_IN.user });
    const unknown = await fetch(`${base}/v3/auth/tokens`, {
      headers: { "X-Auth-Token": "MIIforged", "X-Subject-Token": auth },
    });
    expect(unknown.status).toBe(404);
  });

  it("lists in capped pages: frozen_state a number, unknown fields, no page_info on the last page", async () => {
    const auth = await token();
    const names: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    for (;;) {
      const query = new URLSearchParams({ limit: "1000", ...(marker ? { marker } : {}) });
      const response = await kps(`/keypairs?${query}`, auth);
      expect(response.status).toBe(200);
      const body = await response.json();
      pages += 1;
      expect(body.keypairs.length).toBeLessThanOrEqual(STAND_IN.pageCap);
      for (const { keypair } of body.keypairs) {
        expect(typeof keypair.frozen_state).toBe("number");
        expect(keypair.key_protection_version).toBe(2);
        names.push(keypair.name);
      }
      marker = body.page_info?.next_marker;
      if (!marker) {
        expect(body).not.toHaveProperty("page_info");
        break;
      }
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(names).toHaveLength(cloud.keypairs.size);
    expect(names).toEqual([...names].sort());

    const small = await (await kps("/keypairs?limit=5", auth)).json();
    expect(small.keypairs).toHaveLength(5);
    expect(small.page_info.next_marker).toBe(small.keypairs[4].keypair.name);
  });

  it("detail has frozen_state as a string; a missing one is 400 KPS.6004", async () => {
    const auth = await token();
    const detail = await (await kps(`/keypairs/${plainName(3)}`, auth)).json();
    expect(detail.keypair.frozen_state).toBe("0");
    const missing = await kps("/keypairs/nope", auth);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error_code).toBe("KPS.6004");
  });

  it("exports a real zip labelled application/octet-stream and records its digest", async () => {
    const auth = await token();
    const names = [plainName(1), plainName(PLAIN_COUNT)];
    const response = await exportOf(names, auth);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/octet-stream");
    const bytes = Buffer.from(await response.arrayBuffer());
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).sort()).toEqual(names.map((name) => `${name}.pem`));
    const recorded = cloud.exports.at(-1);
    expect(recorded?.bytes).toBe(bytes.length);
  });

  it("answers each shape key with its misbehaviour", async () => {
    const auth = await token();
    const shape = async (name: string) => {
      const response = await exportOf([plainName(2), name], auth);
      return { response, text: Buffer.from(await response.arrayBuffer()) };
    };
    const throttled = await shape(SHAPE_KEYS.throttled);
    expect(throttled.response.status).toBe(429);
    expect(throttled.response.headers.get("Retry-After")).toBe(String(STAND_IN.retryAfterSeconds));

    const truncated = await shape(SHAPE_KEYS.truncated);
    expect(truncated.response.status).toBe(200);
    await expect(JSZip.loadAsync(truncated.text)).rejects.toThrow();

    const cn = await shape(SHAPE_KEYS.notHostedChinese);
    expect(cn.response.status).toBe(400);
    expect(JSON.parse(cn.text.toString())).toEqual({
      error_code: "KPS.6005",
      error_msg: "未托管私钥",
    });
    expect(cloud.keypairs.get(SHAPE_KEYS.notHostedChinese)?.hosted).toBe(false);

    const gone = await shape(SHAPE_KEYS.gone404);
    expect(gone.response.status).toBe(404);
    expect(cloud.keypairs.has(SHAPE_KEYS.gone404)).toBe(false);

    const gone6004 = await shape(SHAPE_KEYS.gone6004);
    expect(gone6004.response.status).toBe(400);
    expect(JSON.parse(gone6004.text.toString()).error_code).toBe("KPS.6004");

    const html = await shape(SHAPE_KEYS.html);
    expect(html.response.headers.get("Content-Type")).toMatch(/^text\/html/);

    const garbled = await shape(SHAPE_KEYS.garbled);
    expect(garbled.response.status).toBe(500);
    expect(() => JSON.parse(garbled.text.toString())).toThrow();

    const started = Date.now();
    const slow = await shape(SHAPE_KEYS.slow);
    expect(slow.response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);

    const signedOut = await shape(SHAPE_KEYS.signedOut);
    expect(signedOut.response.status).toBe(401);
    const body = JSON.parse(signedOut.text.toString());
    expect(body).toMatchObject({ error_code: "APIGW.0301" });
    expect(body.request_id).toMatch(/^[0-9a-f]{32}$/);
    // The token is revoked with it: the next call is refused the same way.
    const after = await kps("/keypairs?limit=10", auth);
    expect(after.status).toBe(401);
    expect((await after.json()).error_code).toBe("APIGW.0301");
  });

  it("sign-out revokes the token: the gateway then answers 401 APIGW.0301", async () => {
    const auth = await token();
    const revoked = await fetch(`${base}/v3/auth/tokens`, {
      method: "DELETE",
      headers: { "X-Auth-Token": auth, "X-Subject-Token": auth },
    });
    expect(revoked.status).toBe(204);
    const refused = await kps("/keypairs?limit=10", auth);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("X-Request-Id")).toMatch(/^[0-9a-f]{32}$/);
  });
});
