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
    expect(response.json()).toEqual({ demo: null });
    expect(response.body).not.toContain("Test#Password1");
  });
});
