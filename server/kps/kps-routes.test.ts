import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ed25519Pair } from "../testing/ssh-pairs.ts";
import { createTestWorld, type TestWorld } from "../testing/test-world.ts";

let world: TestWorld;
let alice: string;
let base: string;

beforeAll(async () => {
  world = await createTestWorld();
  alice = await world.token("alice");
  base = `/v3/${world.projects.main}/keypairs`;
});
afterAll(() => world.close());

const call = (
  method: "GET" | "POST" | "PUT" | "DELETE",
  url: string,
  payload?: unknown,
  token: string | null = alice,
) =>
  world.app.inject({
    method,
    url,
    payload: payload as never,
    headers: token ? { "x-auth-token": token } : {},
  });

describe("ListKeypairs", () => {
  it("pages by marker in name order: frozen_state a string, next_marker only while more follow", async () => {
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const response = await call("GET", `${base}?limit=5${marker ? `&marker=${marker}` : ""}`);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      for (const { keypair } of body.keypairs) {
        expect(Object.keys(keypair).sort()).toEqual(
          [
            "fingerprint",
            "frozen_state",
            "is_key_protection",
            "name",
            "public_key",
            "scope",
            "type",
          ].sort(),
        );
        expect(typeof keypair.frozen_state).toBe("string");
        seen.push(keypair.name);
      }
      expect(body.page_info.current_count).toBe(body.keypairs.length);
      marker = body.page_info.next_marker;
      pages += 1;
    } while (marker);
    // 12 hosted + plain + frozen + ed-hosted + alice-own; carol's private key pair is not visible.
    expect(seen).toHaveLength(16);
    expect(seen).toEqual([...seen].sort());
    expect(seen).not.toContain("carol-own");
    expect(pages).toBe(4);
  });

  it("defaults to 50 and refuses limits outside 1..1000 and bad markers", async () => {
    expect((await call("GET", base)).json().keypairs).toHaveLength(16);
    for (const query of ["limit=0", "limit=1001", "limit=abc", "limit=1.5", "marker=../x"]) {
      const response = await call("GET", `${base}?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error_code).toBe("KPS.0002");
    }
  });
});

describe("ListKeypairDetail", () => {
  it("answers the detail with JSON types as the cloud does", async () => {
    const response = await call("GET", `${base}/frozen`);
    expect(response.statusCode).toBe(200);
    const { keypair } = response.json();
    expect(keypair).toMatchObject({
      name: "frozen",
      frozen_state: 4,
      is_key_protection: true,
      deleted: false,
      delete_time: null,
    });
    expect(typeof keypair.id).toBe("number");
    expect(typeof keypair.create_time).toBe("number");
    expect(keypair.user_id).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(keypair)).not.toContain("PRIVATE KEY");
  });

  it("reports unknown and foreign key pairs the same way", async () => {
    for (const name of ["nope", "carol-own"]) {
      const response = await call("GET", `${base}/${name}`);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error_code: "KPS.4016",
        error_msg: "The key pair is not exist",
      });
    }
  });
});

describe("CreateKeypair", () => {
  it("generates a pair and returns its private key once, not hosted", async () => {
    const response = await call("POST", base, { keypair: { name: "gen-plain" } });
    expect(response.statusCode).toBe(200);
    const { keypair } = response.json();
    expect(keypair.private_key).toMatch(/^-{5}BEGIN RSA PRIVATE KEY-{5}\n/);
    expect(keypair.public_key).toMatch(/^ssh-rsa \S+ Generated-by-Nova$/);
    expect((await call("GET", `${base}/gen-plain`)).json().keypair.is_key_protection).toBe(false);
    const exported = await call("POST", `${base}/private-key/export`, {
      keypair: { name: "gen-plain" },
    });
    expect(exported.json().error_code).toBe("KPS.6005");
  });

  it("generates and hosts, and later exports return the same key", async () => {
    const response = await call("POST", base, {
      keypair: {
        name: "gen-hosted",
        algorithm: "ECDSA_NISTP384",
        scope: "domain",
        key_protection: { encryption: { type: "default" } },
      },
    });
    const created = response.json().keypair;
    expect(created.private_key).toMatch(/^-{5}BEGIN OPENSSH PRIVATE KEY-{5}\n/);
    const exported = await call("POST", `${base}/private-key/export`, {
      keypair: { name: "gen-hosted" },
    });
    expect(exported.json()).toEqual({
      keypair: { name: "gen-hosted", private_key: created.private_key },
    });
    expect((await call("GET", `${base}/gen-hosted`)).json().keypair.algorithm).toBe(
      "ECDSA_NISTP384",
    );
  });

  it("imports a public key, and imports and hosts a matching private key", async () => {
    const pair = ed25519Pair();
    const imported = await call("POST", base, {
      keypair: { name: "imp-public", public_key: pair.publicKey },
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json().keypair.private_key).toBeUndefined();
    const hosted = await call("POST", base, {
      keypair: {
        name: "imp-hosted",
        public_key: pair.publicKey,
        key_protection: { private_key: pair.privateKey, encryption: { type: "default" } },
      },
    });
    expect(hosted.statusCode).toBe(200);
    const exported = await call("POST", `${base}/private-key/export`, {
      keypair: { name: "imp-hosted" },
    });
    expect(exported.json().keypair.private_key).toBe(pair.privateKey);
  });

  it("refuses bad bodies with KPS.0002 and a mismatched private key with KPS.6011", async () => {
    const pair = ed25519Pair();
    const cases: [unknown, string][] = [
      [{ keypair: { name: "bad name" } }, "KPS.0002"],
      [{ keypair: { name: "x".repeat(256) } }, "KPS.0002"],
      [{ keypair: { name: 42 } }, "KPS.0002"],
      [{ keypair: {} }, "KPS.0002"],
      [{ keypair: { name: "hosted-1" } }, "KPS.0002"],
      [
        {
          keypair: {
            name: "pk-no-private",
            public_key: pair.publicKey,
            key_protection: { encryption: { type: "default" } },
          },
        },
        "KPS.0002",
      ],
      [{ keypair: { name: "bad-public", public_key: "ssh-rsa AAAA" } }, "KPS.0002"],
      [{ keypair: { name: "x1", description: "not on create" } }, "KPS.0002"],
      [
        {
          keypair: {
            name: "mismatch",
            public_key: pair.publicKey,
            key_protection: {
              private_key: ed25519Pair().privateKey,
              encryption: { type: "default" },
            },
          },
        },
        "KPS.6011",
      ],
    ];
    for (const [body, code] of cases) {
      const response = await call("POST", base, body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.json().error_code).toBe(code);
    }
    expect((await call("GET", `${base}/mismatch`)).statusCode).toBe(400);
  });
});

describe("names of 255 characters", () => {
  it("round-trips through create, detail, export and delete", async () => {
    const name = `n${"-".repeat(253)}z`;
    expect(name).toHaveLength(255);
    expect(
      (
        await call("POST", base, {
          keypair: { name, key_protection: { encryption: { type: "default" } } },
        })
      ).statusCode,
    ).toBe(200);
    expect((await call("GET", `${base}/${name}`)).json().keypair.name).toBe(name);
    expect(
      (await call("POST", `${base}/private-key/export`, { keypair: { name } })).statusCode,
    ).toBe(200);
    expect((await call("DELETE", `${base}/${name}`)).statusCode).toBe(204);
  });
});

describe("UpdateKeypairDescription, ImportPrivateKey, ClearPrivateKey, DeleteKeypair", () => {
  it("updates the description with 200 and an empty body", async () => {
    const response = await call("PUT", `${base}/hosted-5`, { keypair: { description: "rotated" } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe("");
    expect((await call("GET", `${base}/hosted-5`)).json().keypair.description).toBe("rotated");
  });

  it("hosts a private key for an existing public key, refusing one that does not match", async () => {
    const pair = ed25519Pair();
    await call("POST", base, { keypair: { name: "late-host", public_key: pair.publicKey } });
    const wrong = await call("POST", `${base}/private-key/import`, {
      keypair: {
        name: "late-host",
        key_protection: { private_key: ed25519Pair().privateKey, encryption: { type: "default" } },
      },
    });
    expect(wrong.json().error_code).toBe("KPS.6011");
    const right = await call("POST", `${base}/private-key/import`, {
      keypair: {
        name: "late-host",
        key_protection: { private_key: pair.privateKey, encryption: { type: "default" } },
      },
    });
    expect(right.json()).toMatchObject({
      keypair: { name: "late-host", user_id: world.users.alice },
    });
    expect((await call("GET", `${base}/late-host`)).json().keypair.is_key_protection).toBe(true);
  });

  it("clears a hosted key (200), then answers 404 for clearing nothing", async () => {
    expect((await call("DELETE", `${base}/hosted-6/private-key`)).statusCode).toBe(200);
    const again = await call("DELETE", `${base}/hosted-6/private-key`);
    expect(again.statusCode).toBe(404);
    expect(
      (await call("POST", `${base}/private-key/export`, { keypair: { name: "hosted-6" } })).json()
        .error_code,
    ).toBe("KPS.6005");
  });

  it("deletes with 204 and the name is gone", async () => {
    await call("POST", base, { keypair: { name: "to-delete" } });
    const response = await call("DELETE", `${base}/to-delete`);
    expect(response.statusCode).toBe(204);
    expect((await call("GET", `${base}/to-delete`)).json().error_code).toBe("KPS.4016");
  });

  it("deletes when the request says JSON and sends no body, as the SDK cores do", async () => {
    await call("POST", base, { keypair: { name: "sdk-delete" } });
    await call("POST", base, {
      keypair: { name: "sdk-clear", key_protection: { encryption: { type: "default" } } },
    });
    const headers = { "x-auth-token": alice, "content-type": "application/json" };
    const cleared = await world.app.inject({
      method: "DELETE",
      url: `${base}/sdk-clear/private-key`,
      headers,
    });
    expect(cleared.statusCode).toBe(200);
    const deleted = await world.app.inject({
      method: "DELETE",
      url: `${base}/sdk-delete`,
      headers,
    });
    expect(deleted.statusCode).toBe(204);
    const malformed = await world.app.inject({
      method: "DELETE",
      url: `${base}/sdk-clear`,
      headers,
      payload: "{",
    });
    expect(malformed.json().error_code).toBe("KPS.0002");
  });

  it("batch-imports public keys, reporting each failure", async () => {
    const pair = ed25519Pair();
    const response = await call("POST", `${base}/batch-import`, [
      { keypair: { name: "bi-1", public_key: pair.publicKey } },
      { keypair: { name: "hosted-1", public_key: ed25519Pair().publicKey } },
    ]);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.succeeded_keypairs).toEqual([
      {
        keypair: expect.objectContaining({ name: "bi-1", public_key: pair.publicKey }),
      },
    ]);
    expect(body.succeeded_keypairs[0].keypair).not.toHaveProperty("private_key");
    expect(body.failed_keypairs[0].keypair_name).toBe("hosted-1");
    expect(body).not.toHaveProperty("failured_keypairs");
  });

  it("still takes the bare items it took before the SDK models' shape", async () => {
    const response = await call("POST", `${base}/batch-import`, [
      { name: "bi-bare", public_key: ed25519Pair().publicKey },
    ]);
    expect(response.json().succeeded_keypairs[0].keypair.name).toBe("bi-bare");
  });
});

describe("permissions and scope", () => {
  it("lets a read-only user list and get but nothing else", async () => {
    const bob = await world.token("bob");
    expect((await call("GET", base, undefined, bob)).statusCode).toBe(200);
    expect((await call("GET", `${base}/hosted-1`, undefined, bob)).statusCode).toBe(200);
    const writes: ["POST" | "PUT" | "DELETE", string, unknown][] = [
      ["POST", base, { keypair: { name: "bob-new" } }],
      ["PUT", `${base}/hosted-1`, { keypair: { description: "x" } }],
      ["DELETE", `${base}/hosted-1`, undefined],
      ["DELETE", `${base}/hosted-1/private-key`, undefined],
      ["POST", `${base}/private-key/export`, { keypair: { name: "hosted-1" } }],
      ["POST", `${base}/private-key/batch-export`, [{ keypair: { name: "hosted-1" } }]],
    ];
    for (const [method, url, body] of writes) {
      const response = await call(method, url, body, bob);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().error_code).toBe("KPS.9003");
    }
  });

  it("keeps a user-scope key pair private to its owner", async () => {
    const carol = await world.token("carol");
    expect((await call("GET", `${base}/carol-own`, undefined, carol)).statusCode).toBe(200);
    expect((await call("GET", `${base}/carol-own`)).statusCode).toBe(400);
    expect((await call("DELETE", `${base}/carol-own`)).statusCode).toBe(400);
    expect(
      (await call("POST", `${base}/private-key/export`, { keypair: { name: "carol-own" } }))
        .statusCode,
    ).toBe(400);
  });

  it("gives a token of project A nothing of project B", async () => {
    const otherBase = `/v3/${world.projects.other}/keypairs`;
    for (const [method, url] of [
      ["GET", otherBase],
      ["GET", `${otherBase}/other-hosted`],
      ["DELETE", `${otherBase}/other-hosted`],
    ] as const) {
      const response = await call(method, url);
      expect(response.statusCode).toBe(403);
      expect(response.json().error_code).toBe("KPS.9003");
    }
  });
});
