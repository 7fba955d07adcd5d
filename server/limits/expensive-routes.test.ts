// Finding 5: scrypt and key generation wait in a bounded queue; a full queue answers 503 with
// Retry-After in the route's own shape; create is rate limited per user; tokens are capped.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, passwordAuth, type TestWorld } from "../testing/test-world.ts";
import { keygenLimit, scryptLimit } from "./expensive-work.ts";
import type { WorkLimiter } from "./work-limiter.ts";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld({ createRateLimit: 5 });
});
afterAll(() => world.close());

/** Occupies every slot and queue place of a limiter until the returned release is called. */
function fill(limiter: WorkLimiter): () => Promise<void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tasks: Promise<unknown>[] = [];
  for (let i = 0; i < limiter.concurrency + limiter.maxQueued; i += 1)
    tasks.push(limiter.run(() => held));
  return async () => {
    release();
    await Promise.all(tasks);
  };
}

let releases: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(releases.map((release) => release()));
  releases = [];
});

const create = (token: string, name: string, algorithm = "SSH_ED25519") =>
  world.app.inject({
    method: "POST",
    url: `/v3/${world.projects.main}/keypairs`,
    headers: { "x-auth-token": token },
    payload: { keypair: { name, algorithm } },
  });

describe("bounded expensive work", () => {
  it("answers sign-in with 503 in IAM's shape and an honest Retry-After when the scrypt queue is full", async () => {
    releases.push(fill(scryptLimit));
    const response = await world.app.inject({
      method: "POST",
      url: "/v3/auth/tokens",
      payload: passwordAuth("alice", "cn-north-4"),
    });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe(503);
    expect(Number(response.headers["retry-after"])).toBeGreaterThanOrEqual(1);
  });

  it("answers create with 503 in KPS's shape when the key-generation queue is full", async () => {
    const token = await world.token("carol");
    releases.push(fill(keygenLimit));
    const response = await create(token, "queued-out");
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      error_code: "KPS.0003",
      error_msg: expect.stringContaining("busy"),
    });
    expect(Number(response.headers["retry-after"])).toBeGreaterThanOrEqual(1);
  });

  it("rate limits create per user, like export", async () => {
    const token = await world.token("alice");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await create(token, `rate-${i}`)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    // Another user's quota is their own.
    expect((await create(await world.token("carol"), "carol-rate")).statusCode).toBe(200);
  });

  it("keeps at most 20 live tokens per user, revoking the oldest on the next sign-in", async () => {
    const first = await world.token("bob");
    for (let i = 0; i < 20; i += 1) await world.token("bob");
    const live = world.store.db
      .prepare("SELECT count(*) AS n FROM tokens WHERE user_id = ?")
      .get(world.users.bob) as { n: number };
    expect(live.n).toBe(20);
    const listed = await world.app.inject({
      method: "GET",
      url: `/v3/${world.projects.main}/keypairs`,
      headers: { "x-auth-token": first },
    });
    expect(listed.statusCode).toBe(401);
  });
});
