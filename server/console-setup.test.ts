import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, type TestWorld } from "./testing/test-world.ts";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

describe("GET /console/setup", () => {
  it("names no demo account when none was seeded", async () => {
    const response = await world.app.inject({ method: "GET", url: "/console/setup" });
    expect(response.statusCode).toBe(200);
    // The export settings are the test world's (optional reasons); main passes the configured.
    expect(response.json()).toEqual({
      demo: null,
      exportReason: "optional",
      exportFreshAuthSeconds: 300,
      // The history page says where proxy mode keeps the reasons; here KPS is embedded.
      mode: "embedded",
    });
    expect(response.body).not.toContain("Test#Password1");
  });
});
