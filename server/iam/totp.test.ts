// Issue 15: IAM's totp method. A user with a virtual MFA device must send password and a
// six-digit RFC 6238 code in one request (methods ["password","totp"], totp.user {id, passcode});
// the previous step's code is accepted, a code is good once, and wrong codes count against the
// sign-in throttle like wrong passwords. The device's secret is sealed at rest.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, PASSWORD, type TestWorld } from "../testing/test-world.ts";

let world: TestWorld;
let secret: string;

beforeAll(async () => {
  world = await createTestWorld();
  secret = world.store.mfaDevices.create(world.users.carol);
});
afterAll(() => world.close());

const code = (offsetSteps = 0) =>
  TOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    timestamp: Date.now() + offsetSteps * 30_000,
  });

function body(passcode?: string, options: { password?: string; userId?: string } = {}) {
  const password = {
    user: { name: "carol", password: options.password ?? PASSWORD, domain: { name: "acme" } },
  };
  return {
    auth: {
      identity:
        passcode === undefined
          ? { methods: ["password"], password }
          : {
              methods: ["password", "totp"],
              password,
              totp: { user: { id: options.userId ?? world.users.carol, passcode } },
            },
      scope: { project: { name: "cn-north-4" } },
    },
  };
}

const signIn = (payload: unknown, remoteAddress = "127.0.0.1") =>
  world.app.inject({
    method: "POST",
    url: "/v3/auth/tokens",
    payload: payload as never,
    remoteAddress,
  });

/** Waits, if needed, until the current step has at least `seconds` left, so codes stay valid. */
async function awayFromStepEdge(seconds = 5) {
  const left = 30 - ((Date.now() / 1000) % 30);
  if (left < seconds) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 100));
}

describe("the totp method", () => {
  it("refuses a password alone for a user with a device: 401 IAM.7101, naming the user id to send", async () => {
    const response = await signIn(body());
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({
      code: 401,
      title: "Unauthorized",
      error_code: "IAM.7101",
      user_id: world.users.carol,
    });
    expect(response.headers["x-subject-token"]).toBeUndefined();
  });

  it("never says MFA is needed before the password is right", async () => {
    const response = await signIn(body(undefined, { password: "Wrong#Password9" }));
    expect(response.statusCode).toBe(401);
    expect(response.json().error.error_code).toBeUndefined();
    expect(response.body).not.toContain(world.users.carol);
  });

  it("accepts the right code once, with both methods in the token, and refuses it replayed", async () => {
    await awayFromStepEdge();
    const passcode = code();
    const first = await signIn(body(passcode));
    expect(first.statusCode).toBe(201);
    expect(first.json().token.methods).toEqual(["password", "totp"]);
    const token = first.headers["x-subject-token"] as string;
    const list = await world.app.inject({
      method: "GET",
      url: `/v3/${world.projects.main}/keypairs`,
      headers: { "x-auth-token": token },
    });
    expect(list.statusCode).toBe(200);
    const replayed = await signIn(body(passcode));
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().error.error_code).toBe("IAM.7103");
  });

  it("accepts the previous window's code, and not one from three steps back", async () => {
    // The last accepted step bars older ones: start from a fresh device.
    secret = world.store.mfaDevices.create(world.users.carol);
    await awayFromStepEdge();
    const old = await signIn(body(code(-3)));
    expect(old.statusCode).toBe(401);
    expect(old.json().error.error_code).toBe("IAM.7102");
    const previous = await signIn(body(code(-1)));
    expect(previous.statusCode).toBe(201);
    // After the previous step's code, the current one is still new.
    const current = await signIn(body(code()));
    expect(current.statusCode).toBe(201);
  });

  it("refuses a wrong code, a malformed one, another user's id, and a code for a user with no device", async () => {
    await awayFromStepEdge();
    const right = code();
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    for (const payload of [
      body(wrong),
      body("12345"),
      body("abcdef"),
      body(code(), { userId: world.users.alice }),
    ]) {
      const response = await signIn(payload);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.error_code).toBe("IAM.7102");
    }
    const aliceWithCode = {
      auth: {
        identity: {
          methods: ["password", "totp"],
          password: { user: { name: "alice", password: PASSWORD, domain: { name: "acme" } } },
          totp: { user: { id: world.users.alice, passcode: "123456" } },
        },
        scope: { project: { name: "cn-north-4" } },
      },
    };
    const noDevice = await signIn(aliceWithCode, "10.9.0.2");
    expect(noDevice.statusCode).toBe(401);
    expect(noDevice.json().error.error_code).toBe("IAM.7102");
  });

  it("counts wrong codes against the sign-in throttle", async () => {
    // From where carol has signed in before, only the account-and-source bucket applies (ten
    // free failures): the codes refused above already count, so a few more reach the limit.
    let refused = 0;
    let throttled: Awaited<ReturnType<typeof signIn>> | undefined;
    for (let attempt = 0; attempt < 15 && !throttled; attempt += 1) {
      const response = await signIn(body("000000"));
      if (response.statusCode === 429) throttled = response;
      else refused += 1;
    }
    expect(refused).toBeLessThan(10);
    expect(throttled?.statusCode).toBe(429);
    expect(Number(throttled?.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("keeps the device's secret sealed: the store's files never hold it", () => {
    const raw = Secret.fromBase32(secret);
    const needles = [
      secret,
      Buffer.from(raw.bytes).toString("hex"),
      Buffer.from(raw.bytes).toString("base64"),
    ];
    for (const file of readdirSync(world.dataDir).filter((name) => name.startsWith("kps.sqlite"))) {
      const bytes = readFileSync(join(world.dataDir, file));
      for (const needle of [...needles, Buffer.from(raw.bytes)])
        expect(bytes.includes(needle), file).toBe(false);
    }
  });
});
