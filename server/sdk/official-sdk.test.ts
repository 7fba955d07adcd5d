// The embedded KPS as Huawei's own Node SDK core sees it (kps-api.md section 8): a real server
// on a real port, alice's access key made through the IAM routes, every call signed by the core.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kpsClient, type SdkKeys } from "../testing/sdk-client.ts";
import { createTestWorld, type TestWorld } from "../testing/test-world.ts";

let world: TestWorld;
let endpoint: string;
let alice: SdkKeys;
let bob: SdkKeys;

async function accessKey(world: TestWorld, user: "alice" | "bob"): Promise<SdkKeys> {
  const token = await world.token(user);
  const response = await world.app.inject({
    method: "POST",
    url: "/v3.0/OS-CREDENTIAL/credentials",
    headers: { "x-auth-token": token },
    payload: { credential: { user_id: world.users[user], description: "sdk test" } },
  });
  expect(response.statusCode).toBe(201);
  const { access, secret } = response.json().credential;
  return { ak: access, sk: secret };
}

beforeAll(async () => {
  world = await createTestWorld();
  alice = await accessKey(world, "alice");
  bob = await accessKey(world, "bob");
  const address = await world.app.listen({ host: "127.0.0.1", port: 0 });
  endpoint = address.replace("localhost", "127.0.0.1");
});
afterAll(() => world.close());

function publicKeyOf(pem: string): string {
  const dir = mkdtempSync(join(tmpdir(), "kps-sdk-"));
  try {
    const file = join(dir, "key");
    writeFileSync(file, pem, { mode: 0o600 });
    return execFileSync("ssh-keygen", ["-y", "-f", file], { encoding: "utf8" }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const keyBody = (line: string) => line.split(" ").slice(0, 2).join(" ");

describe.each([
  ["AK/SK with the project id", () => ({ projectId: world.projects.main })],
  ["region-only credentials", () => ({ region: "cn-north-4" })],
] as const)("the official SDK core with %s", (label, target) => {
  const byId = label.startsWith("AK");
  const name = `sdk-${byId ? "pid" : "region"}`;
  // Each variant clears a key of its own, so neither depends on the other's order.
  const hosted = byId ? "hosted-4" : "hosted-5";
  const client = () => kpsClient(endpoint, alice, target());

  it("lists, creates, describes, batch-exports, clears and deletes", async () => {
    const listed = await client().list();
    expect(listed.httpStatusCode).toBe(200);
    expect(listed.keypairs.map((k: { keypair: { name: string } }) => k.keypair.name)).toContain(
      "hosted-1",
    );

    const created = await client().create(name);
    expect(created.keypair.name).toBe(name);
    expect(created.keypair.private_key).toContain("PRIVATE KEY");
    const shown = await client().show(name);
    expect(shown.keypair.public_key).toBe(created.keypair.public_key);

    const zipped = await client().batchExport([hosted, "ed-hosted"]);
    const zip = await JSZip.loadAsync(Buffer.from(zipped.body));
    for (const key of [hosted, "ed-hosted"]) {
      const pem = await zip.file(`${key}.pem`)?.async("string");
      expect(pem, key).toBeDefined();
      const detail = await client().show(key);
      expect(keyBody(publicKeyOf(pem ?? ""))).toBe(keyBody(detail.keypair.public_key));
    }

    await client().clear(hosted);
    expect((await client().show(hosted)).keypair.is_key_protection).toBe(false);
    await client().remove(name);
    await expect(client().show(name)).rejects.toMatchObject({
      httpStatusCode: 400,
      errorCode: "KPS.4016",
    });
  });

  it("gets a KPS error as the core's typed error, with its code and request id", async () => {
    const error = await client()
      .show("no-such-key")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ httpStatusCode: 400, errorCode: "KPS.4016" });
    expect((error as { requestId?: string }).requestId).toMatch(/\S/);
    expect((error as Error).constructor.name).toBe("ClientRequestException");
  });
});

describe("signed requests refused", () => {
  it("a read-only user's key cannot export", async () => {
    const error = await kpsClient(endpoint, bob, { projectId: world.projects.main })
      .batchExport(["hosted-2"])
      .catch((e: unknown) => e);
    // The zip is asked for as bytes, so the core leaves the refusal's JSON undecoded.
    expect(error).toMatchObject({ httpStatusCode: 403 });
    const single = await kpsClient(endpoint, bob, { projectId: world.projects.main })
      .exportOne("hosted-2")
      .catch((e: unknown) => e);
    expect(single).toMatchObject({ httpStatusCode: 403, errorCode: "KPS.9003" });
    const listed = await kpsClient(endpoint, bob, { projectId: world.projects.main }).list();
    expect(listed.httpStatusCode).toBe(200);
  });

  it("a wrong secret is a 401 APIGW.0301 that says why", async () => {
    const error = await kpsClient(
      endpoint,
      { ak: alice.ak, sk: "x".repeat(40) },
      { projectId: world.projects.main },
    )
      .list()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ httpStatusCode: 401, errorCode: "APIGW.0301" });
    expect((error as { errorMsg: string }).errorMsg).toMatch(/signature does not match/);
  });
});
