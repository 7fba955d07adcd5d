import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ed25519Pair } from "../testing/ssh-pairs.ts";
import { createTestWorld, type TestWorld } from "../testing/test-world.ts";

let world: TestWorld;
let token: string;
beforeAll(async () => {
  world = await createTestWorld();
  token = await world.token("alice");
});
afterAll(() => world.close());

describe("ImportPrivateKey as the SDK models have it", () => {
  it("answers name, user_id and key_protection without the key, as application/json;charset=UTF-8", async () => {
    const pair = ed25519Pair();
    const base = `/v3/${world.projects.main}/keypairs`;
    const imported = await world.app.inject({
      method: "POST",
      url: base,
      headers: { "x-auth-token": token },
      payload: { keypair: { name: "shape-1", public_key: pair.publicKey } },
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.headers["content-type"]).toBe("application/json;charset=UTF-8");
    const hosted = await world.app.inject({
      method: "POST",
      url: `${base}/private-key/import`,
      headers: { "x-auth-token": token },
      payload: {
        keypair: {
          name: "shape-1",
          key_protection: { private_key: pair.privateKey, encryption: { type: "default" } },
        },
      },
    });
    expect(hosted.statusCode).toBe(200);
    expect(hosted.headers["content-type"]).toBe("application/json;charset=UTF-8");
    expect(hosted.json()).toEqual({
      keypair: {
        name: "shape-1",
        user_id: world.users.alice,
        key_protection: { encryption: { type: "default" } },
      },
    });
    expect(hosted.body).not.toContain("PRIVATE KEY");
  });
});
