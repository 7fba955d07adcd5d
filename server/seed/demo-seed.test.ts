import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readConfig } from "../config.ts";
import { openEmbeddedStore } from "../embedded-kps.ts";
import { findGrantedProject, findUser } from "../iam/identities.ts";
import { extraPolicies } from "../iam/tokens.ts";
import { listVisible } from "../kps/keypair-store.ts";
import { DEMO, demoAccessKey, demoMfaDevice, seedDemo } from "./demo-seed.ts";

describe("demo seed", () => {
  it("shows every state the console must show, once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kps-demo-"));
    const store = openEmbeddedStore(dir);
    try {
      expect(await seedDemo(store)).toBe(true);
      expect(await seedDemo(store)).toBe(false);
      // One access key for alice, the same one on every start, its secret opened for printing.
      const key = demoAccessKey(store);
      expect(key?.ak).toMatch(/^[A-Z0-9]{20}$/);
      expect(key?.sk).toMatch(/^[A-Za-z0-9]{40}$/);
      expect(demoAccessKey(store)).toEqual(key);
      const alice = findUser(store.db, DEMO.account, "alice");
      const project = alice && findGrantedProject(store.db, alice.id, { name: "cn-north-4" });
      if (!alice || !project) throw new Error("alice or her project is missing");
      const all = store.db
        .prepare("SELECT * FROM keypairs WHERE project_id = ?")
        .all(project.id) as {
        scope: string;
        algorithm: string;
        frozen_state: number;
        description: string;
        name: string;
      }[];
      expect(all.length).toBeGreaterThanOrEqual(30);
      const visible = listVisible(
        store.db,
        { projectId: project.id, userId: alice.id },
        undefined,
        1000,
      );
      expect(
        visible.filter((k) => k.hosted === 1 && k.frozen_state === 0).length,
      ).toBeGreaterThanOrEqual(12);
      expect(new Set(all.map((k) => k.algorithm)).size).toBe(7);
      expect(new Set(all.map((k) => k.scope))).toEqual(new Set(["domain", "user"]));
      expect(new Set(visible.filter((k) => k.frozen_state > 0).map((k) => k.hosted))).toEqual(
        new Set([0, 1]),
      );
      expect(visible.some((k) => k.hosted === 0 && k.frozen_state === 0)).toBe(true);
      expect(all.some((k) => k.description)).toBe(true);
      expect(Math.max(...all.map((k) => k.name.length))).toBe(255);
      const bob = findUser(store.db, DEMO.account, "bob");
      expect(bob && findGrantedProject(store.db, bob.id, { name: "cn-north-4" })?.policy).toBe(
        "DEW KeypairReadOnlyAccess",
      );
      // Issue 15: sam's virtual MFA device, the same on every start; the history to sam and alice.
      const device = demoMfaDevice(store, true);
      expect(device).toEqual({ user: "sam", secret: expect.stringMatching(/^[A-Z2-7]{32}$/) });
      expect(demoMfaDevice(store, true)).toEqual(device);
      const roles = (name: string) => {
        const user = findUser(store.db, DEMO.account, name);
        const granted = user && findGrantedProject(store.db, user.id, { name: "cn-north-4" });
        return user && granted ? extraPolicies(store.db, user.id, granted.id) : [];
      };
      expect(roles("sam")).toEqual(["CTS ReadOnlyAccess"]);
      expect(roles("alice")).toEqual(["CTS ReadOnlyAccess"]);
      expect(roles("bob")).toEqual([]);
      // KPS_DEMO_MFA=0: sam signs in with the password alone.
      expect(demoMfaDevice(store, false)).toBeUndefined();
      const sam = findUser(store.db, DEMO.account, "sam");
      expect(sam && store.mfaDevices.has(sam.id)).toBe(false);
    } finally {
      store.db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads the export settings, refusing a mode it does not know", () => {
    expect(readConfig({}).exportPolicy).toEqual({ reasonMode: "required", freshAuthSeconds: 300 });
    expect(
      readConfig({ KPS_EXPORT_REASON: "hidden", KPS_EXPORT_FRESH_AUTH_S: "60" }).exportPolicy,
    ).toEqual({ reasonMode: "hidden", freshAuthSeconds: 60 });
    expect(() => readConfig({ KPS_EXPORT_REASON: "sometimes" })).toThrow(/KPS_EXPORT_REASON/);
    expect(() => readConfig({ KPS_EXPORT_FRESH_AUTH_S: "-1" })).toThrow(/KPS_EXPORT_FRESH_AUTH_S/);
    expect(readConfig({ KPS_DEMO_MFA: "0" }).demoMfa).toBe(false);
    expect(readConfig({}).ctsEndpoint).toBeNull();
  });

  it("is off by default on a non-loopback address, and when asked", () => {
    expect(readConfig({}).demo).toBe(true);
    expect(readConfig({ HOST: "0.0.0.0" }).demo).toBe(false);
    expect(readConfig({ HOST: "0.0.0.0", KPS_DEMO: "1" }).demo).toBe(true);
    expect(readConfig({ KPS_DEMO: "0" }).demo).toBe(false);
    expect(readConfig({ KPS_ENDPOINT: "https://kms", IAM_ENDPOINT: "https://iam" }).demo).toBe(
      false,
    );
  });
});
