// Finding 4: sign-in throttling per account and per source, as OWASP's authentication cheat
// sheet describes. Time is faked (Date only) so waits are checked exactly, not slept.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestWorld, passwordAuth, type TestWorld } from "../testing/test-world.ts";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld({ trustedProxies: ["127.0.0.1"] });
});
afterAll(() => world.close());
afterEach(() => {
  vi.useRealTimers();
});

const signIn = (user: string, source: string, password?: string) =>
  world.app.inject({
    method: "POST",
    url: "/v3/auth/tokens",
    payload: passwordAuth(user, "cn-north-4", password),
    headers: { "x-forwarded-for": source },
  });

describe("sign-in throttling", () => {
  it("locks no user out through another client's failures on a shared address", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const office = "10.1.0.1";
    for (const user of ["alice", "bob"]) expect((await signIn(user, office)).statusCode).toBe(201);
    // Another client behind the same NAT: six wrong passwords for alice, 50 made-up users.
    for (let i = 0; i < 6; i += 1) await signIn("alice", office, `wrong-${i}`);
    for (let i = 0; i < 50; i += 1) await signIn(`ghost-${i}`, office);
    const lockedOut: string[] = [];
    for (const user of ["alice", "bob"])
      if ((await signIn(user, office)).statusCode !== 201) lockedOut.push(user);
    expect(lockedOut).toEqual([]);
    // carol never signed in there: the poisoned source slows her, for an honest, bounded wait.
    const slowed = await signIn("carol", office);
    if (slowed.statusCode !== 201) {
      expect(slowed.statusCode).toBe(429);
      const wait = Number(slowed.headers["retry-after"]);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(60);
      vi.setSystemTime(Date.now() + wait * 1000);
      expect((await signIn("carol", office)).statusCode).toBe(201);
    }
    // alice on a network she never used waits at most a bounded, honest Retry-After.
    const elsewhere = await signIn("alice", "10.2.0.2");
    expect(elsewhere.statusCode).toBe(429);
    const wait = Number(elsewhere.headers["retry-after"]);
    expect(wait).toBeLessThanOrEqual(300);
    vi.setSystemTime(Date.now() + (wait - 1) * 1000);
    expect((await signIn("alice", "10.2.0.2")).statusCode).toBe(429);
    vi.setSystemTime(Date.now() + 1000);
    expect((await signIn("alice", "10.2.0.2")).statusCode).toBe(201);
  });

  it("gives no fresh guesses to a new source address: guesses per account are bounded across sources", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    let checked = 0;
    for (let source = 0; source < 20; source += 1) {
      for (let i = 0; i < 5; i += 1) {
        // The socket's own address, no header: this holds with or without a trusted proxy.
        const response = await world.app.inject({
          method: "POST",
          url: "/v3/auth/tokens",
          payload: passwordAuth("carol", "cn-north-4", `guess-${source}-${i}`),
          remoteAddress: `203.0.113.${source}`,
        });
        if (response.statusCode === 401) checked += 1;
        else expect(response.statusCode).toBe(429);
      }
    }
    expect(checked).toBeLessThanOrEqual(5);
  });

  it("throttles an unknown user exactly like a known one, so the throttle tells nobody who exists", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const statuses = async (user: string, source: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 8; i += 1) {
        const response = await signIn(user, source, `nope-${i}`);
        seen.push(`${response.statusCode}:${response.headers["retry-after"] ?? "-"}`);
      }
      return seen;
    };
    expect(await statuses("mallory", "198.51.100.1")).toEqual(
      await statuses("bob", "198.51.100.2"),
    );
    // mallory's failures counted on her own bucket, not on bob's: bob's usual address lets him in.
  });

  it("believes X-Forwarded-For only from a trusted proxy", async () => {
    const untrusted = await createTestWorld();
    const addressSeen = async (target: TestWorld, remoteAddress: string) => {
      await target.app.inject({
        method: "POST",
        url: `/v3/${target.projects.main}/keypairs/private-key/export`,
        payload: { keypair: { name: "hosted-1" } },
        headers: { "x-forwarded-for": "192.0.2.5" },
        remoteAddress,
      });
      const row = target.store.db
        .prepare("SELECT client_address FROM audit ORDER BY id DESC LIMIT 1")
        .get() as { client_address: string };
      return row.client_address;
    };
    try {
      expect(await addressSeen(untrusted, "10.9.9.9")).toBe("10.9.9.9");
      expect(await addressSeen(world, "127.0.0.1")).toBe("192.0.2.5");
      // A trusted setting names the proxy: a client elsewhere cannot claim an address.
      expect(await addressSeen(world, "10.9.9.9")).toBe("10.9.9.9");
    } finally {
      await untrusted.close();
    }
  });
});
