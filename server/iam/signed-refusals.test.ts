// Signed requests that must be refused, each signed by the official core's own AKSKSigner and
// then spoiled one way: the refusal is a 401 APIGW.0301 in the gateway's shape, with a reason.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type SignedRequest, signRequest } from "../testing/signed-request.ts";
import { createTestWorld, passwordAuth, type TestWorld } from "../testing/test-world.ts";

let world: TestWorld;
let token: string;
let carolToken: string;

beforeAll(async () => {
  world = await createTestWorld();
  token = await world.token("alice");
  carolToken = await world.token("carol");
});
afterAll(() => world.close());

async function newKey(): Promise<{ ak: string; sk: string }> {
  const response = await world.app.inject({
    method: "POST",
    url: "/v3.0/OS-CREDENTIAL/credentials",
    headers: { "x-auth-token": token },
    payload: { credential: { user_id: world.users.alice } },
  });
  expect(response.statusCode).toBe(201);
  return { ak: response.json().credential.access, sk: response.json().credential.secret };
}

async function dropKey(ak: string): Promise<void> {
  await world.app.inject({
    method: "DELETE",
    url: `/v3.0/OS-CREDENTIAL/credentials/${ak}`,
    headers: { "x-auth-token": token },
  });
}

const sign = signRequest;
const flipLast = (sk: string) => `${sk.slice(0, -1)}${sk.endsWith("x") ? "y" : "x"}`;

const send = (request: SignedRequest) => world.app.inject(request as never);
const list = () => `/v3/${world.projects.main}/keypairs`;

function expectRefused(response: { statusCode: number; json: () => unknown }, why: RegExp) {
  expect(response.statusCode).toBe(401);
  const body = response.json() as { error_code: string; error_msg: string; request_id: string };
  expect(body.error_code).toBe("APIGW.0301");
  expect(body.error_msg).toMatch(why);
  expect(body.request_id).toMatch(/\S/);
}

describe("a signed request", () => {
  it("is answered when nothing was changed", async () => {
    const keys = await newKey();
    try {
      const ok = await send(sign(keys, "GET", list(), { projectId: world.projects.main }));
      expect(ok.statusCode).toBe(200);
    } finally {
      await dropKey(keys.ak);
    }
  });

  it("is refused with a wrong secret", async () => {
    const keys = await newKey();
    try {
      const response = await send(sign({ ak: keys.ak, sk: flipLast(keys.sk) }, "GET", list()));
      expectRefused(response, /signature does not match/);
    } finally {
      await dropKey(keys.ak);
    }
  });

  it("is refused when its date is more than 15 minutes old", async () => {
    const keys = await newKey();
    try {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(Date.now() - 16 * 60 * 1000);
      const stale = sign(keys, "GET", list());
      vi.useRealTimers();
      expectRefused(await send(stale), /15 minutes/);
    } finally {
      vi.useRealTimers();
      await dropKey(keys.ak);
    }
  });

  it("is refused when its body was changed after signing", async () => {
    const keys = await newKey();
    try {
      const signed = sign(keys, "POST", `${list()}/private-key/export`, {
        data: { keypair: { name: "hosted-1" } },
      });
      const tampered = { ...signed, payload: JSON.stringify({ keypair: { name: "hosted-2" } }) };
      const response = await send(tampered);
      expectRefused(response, /signature does not match/);
      expect(response.body).not.toContain("PRIVATE KEY");
    } finally {
      await dropKey(keys.ak);
    }
  });

  it("is refused when X-Project-Id names another project than the path", async () => {
    const keys = await newKey();
    try {
      const response = await send(sign(keys, "GET", list(), { projectId: world.projects.other }));
      expectRefused(response, /X-Project-Id does not match/);
    } finally {
      await dropKey(keys.ak);
    }
  });

  it("is refused once its key is inactive, and answered again when it is active", async () => {
    const keys = await newKey();
    try {
      const status = (value: string) =>
        world.app.inject({
          method: "PUT",
          url: `/v3.0/OS-CREDENTIAL/credentials/${keys.ak}`,
          headers: { "x-auth-token": token },
          payload: { credential: { status: value } },
        });
      expect((await status("inactive")).json().credential.status).toBe("inactive");
      expectRefused(await send(sign(keys, "GET", list())), /not active/);
      await status("active");
      expect((await send(sign(keys, "GET", list()))).statusCode).toBe(200);
    } finally {
      await dropKey(keys.ak);
    }
  });

  it("is refused once its key is deleted", async () => {
    const keys = await newKey();
    await dropKey(keys.ak);
    expectRefused(await send(sign(keys, "GET", list())), /unknown or not active/);
  });

  it("from a read-only user's key may list but not export", async () => {
    const bobToken = await world.token("bob");
    const created = await world.app.inject({
      method: "POST",
      url: "/v3.0/OS-CREDENTIAL/credentials",
      headers: { "x-auth-token": bobToken },
      payload: { credential: { user_id: world.users.bob } },
    });
    const keys = { ak: created.json().credential.access, sk: created.json().credential.secret };
    expect((await send(sign(keys, "GET", list()))).statusCode).toBe(200);
    const exported = await send(
      sign(keys, "POST", `${list()}/private-key/export`, {
        data: { keypair: { name: "hosted-3" } },
      }),
    );
    expect(exported.statusCode).toBe(403);
    expect(exported.json().error_code).toBe("KPS.9003");
    expect(exported.body).not.toContain("PRIVATE KEY");
  });
});

describe("guessing a secret", () => {
  it("is slowed down like failed sign-ins: 429 with Retry-After, even for the right secret", async () => {
    const created = await world.app.inject({
      method: "POST",
      url: "/v3.0/OS-CREDENTIAL/credentials",
      headers: { "x-auth-token": carolToken },
      payload: { credential: { user_id: world.users.carol } },
    });
    const keys = { ak: created.json().credential.access, sk: created.json().credential.secret };
    for (let i = 0; i < 10; i += 1) {
      const wrong = await send(sign({ ak: keys.ak, sk: `${i}`.padEnd(40, "z") }, "GET", list()));
      expect(wrong.statusCode).toBe(401);
    }
    const throttled = await send(sign(keys, "GET", list()));
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers["retry-after"])).toBeGreaterThan(0);
    // The same throttle as sign-ins: carol's password waits too.
    const signIn = await world.app.inject({
      method: "POST",
      url: "/v3/auth/tokens",
      payload: passwordAuth("carol", "cn-north-4"),
    });
    expect(signIn.statusCode).toBe(429);
  });
});

describe("access keys", () => {
  it("a user has at most two, sees only their own, and another's key answers as missing", async () => {
    const first = await newKey();
    const second = await newKey();
    try {
      const third = await world.app.inject({
        method: "POST",
        url: "/v3.0/OS-CREDENTIAL/credentials",
        headers: { "x-auth-token": token },
        payload: { credential: { user_id: world.users.alice } },
      });
      expect(third.statusCode).toBe(409);
      const listed = await world.app.inject({
        method: "GET",
        url: `/v3.0/OS-CREDENTIAL/credentials?user_id=${world.users.alice}`,
        headers: { "x-auth-token": token },
      });
      const credentials = listed.json().credentials as Record<string, unknown>[];
      expect(credentials.map((c) => c.access).sort()).toEqual([first.ak, second.ak].sort());
      expect(listed.body).not.toContain(first.sk);
      const carol = carolToken;
      for (const method of ["GET", "PUT", "DELETE"] as const) {
        const foreign = await world.app.inject({
          method,
          url: `/v3.0/OS-CREDENTIAL/credentials/${first.ak}`,
          headers: { "x-auth-token": carol },
          ...(method === "PUT" ? { payload: { credential: { status: "inactive" } } } : {}),
        });
        expect(foreign.statusCode, method).toBe(404);
      }
      const forOther = await world.app.inject({
        method: "POST",
        url: "/v3.0/OS-CREDENTIAL/credentials",
        headers: { "x-auth-token": carol },
        payload: { credential: { user_id: world.users.alice } },
      });
      expect(forOther.statusCode).toBe(403);
      expect(
        (
          await world.app.inject({
            method: "GET",
            url: `/v3.0/OS-CREDENTIAL/credentials?user_id=${world.users.alice}`,
            headers: { "x-auth-token": carol },
          })
        ).statusCode,
      ).toBe(403);
    } finally {
      await dropKey(first.ak);
      await dropKey(second.ak);
    }
  });
});
