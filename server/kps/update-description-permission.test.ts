// UpdateKeypairDescription needs kps:SSHKeyPair:update (kps-api.md §8): the read-only policy is
// refused, full access is allowed, and the one action that decides it is update, not any write.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { KPS_ACTIONS, type KpsAction, POLICIES } from "../../contract/iam.ts";
import { createTestWorld, type TestWorld } from "../testing/test-world.ts";

// A mutable copy of the policies, so one test can move a single action in or out.
vi.mock("../../contract/iam.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../contract/iam.ts")>();
  return { ...original, POLICIES: { ...original.POLICIES } };
});

const READ_ONLY = "DEW KeypairReadOnlyAccess";
const policies = POLICIES as Record<string, readonly KpsAction[]>;
const readOnlyActions = policies[READ_ONLY];

let world: TestWorld;
let tokens: { alice: string; bob: string };

beforeAll(async () => {
  world = await createTestWorld();
  tokens = { alice: await world.token("alice"), bob: await world.token("bob") };
});
afterAll(() => world.close());
afterEach(() => {
  policies[READ_ONLY] = readOnlyActions as readonly KpsAction[];
});

const put = (token: string, description: string) =>
  world.app.inject({
    method: "PUT",
    url: `/v3/${world.projects.main}/keypairs/hosted-7`,
    headers: { "x-auth-token": token },
    payload: { keypair: { description } },
  });

const description = async () =>
  (
    await world.app.inject({
      method: "GET",
      url: `/v3/${world.projects.main}/keypairs/hosted-7`,
      headers: { "x-auth-token": tokens.alice },
    })
  ).json().keypair.description;

describe("UpdateKeypairDescription permission", () => {
  it("refuses the read-only user with 403 KPS.9003 and changes nothing", async () => {
    const before = await description();
    const response = await put(tokens.bob, "bob was here");
    expect(response.statusCode).toBe(403);
    expect(response.json().error_code).toBe("KPS.9003");
    expect(await description()).toBe(before);
  });

  it("lets the full-access user change it", async () => {
    expect((await put(tokens.alice, "rotated by alice")).statusCode).toBe(200);
    expect(await description()).toBe("rotated by alice");
  });

  it("is decided by kps:SSHKeyPair:update alone", async () => {
    policies[READ_ONLY] = KPS_ACTIONS.filter((action) => action !== "kps:SSHKeyPair:update");
    expect((await put(tokens.bob, "every other write")).statusCode).toBe(403);
    policies[READ_ONLY] = ["kps:SSHKeyPair:list", "kps:SSHKeyPair:get", "kps:SSHKeyPair:update"];
    expect((await put(tokens.bob, "update only")).statusCode).toBe(200);
    expect(await description()).toBe("update only");
  });
});
