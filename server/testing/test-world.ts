// A real embedded server on a temporary SQLite file, with a small world of accounts and keys.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { ExportReasonMode } from "../../contract/export-audit.ts";
import { passwordAuthRequest } from "../../contract/iam.ts";
import { buildApp } from "../app.ts";
import { type EmbeddedKps, openEmbeddedStore } from "../embedded-kps.ts";
import { createDomain, createProject, createUser, grant, grantRole } from "../iam/identities.ts";
import { seedKeypairs } from "../seed/seed-keypairs.ts";

export const PASSWORD = "Test#Password1";

export type TestWorld = {
  app: FastifyInstance;
  store: EmbeddedKps;
  dataDir: string;
  projects: { main: string; other: string };
  users: { alice: string; bob: string; carol: string };
  /** Signs in and returns a project-scoped token. */
  token: (user: "alice" | "bob" | "carol", project?: "main" | "other") => Promise<string>;
  close: () => Promise<void>;
};

/**
 * alice: full access to main and other; bob: read-only on main; carol: full access to main.
 * In main: hosted-1..hosted-12 (domain, hosted), plain (not hosted), frozen (hosted, state 4),
 * ed-hosted (ED25519, hosted), alice-own (alice's user scope, hosted), carol-own (carol's).
 * In other: other-hosted (hosted). alice (both projects) and carol may read the export history
 * (CTS ReadOnlyAccess); bob may not.
 *
 * Export reasons are optional here unless a test asks otherwise: the tests written before
 * issue 15 are about other things, and the reason's own tests set "required".
 */
export async function createTestWorld(
  options: {
    exportRateLimit?: number;
    createRateLimit?: number;
    auditFailuresPerMinute?: number;
    trustedProxies?: string[];
    exportReason?: ExportReasonMode;
    freshAuthSeconds?: number;
  } = {},
): Promise<TestWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), "kps-test-"));
  const store = openEmbeddedStore(dataDir);
  const { db, vault } = store;
  const domain = createDomain(db, "acme");
  const main = createProject(db, domain, "cn-north-4");
  const other = createProject(db, domain, "ap-southeast-1");
  const [alice, bob, carol] = await Promise.all(
    ["alice", "bob", "carol"].map((n) => createUser(db, domain, n, PASSWORD)),
  );
  if (!alice || !bob || !carol) throw new Error("users not created");
  grant(db, alice, main, "DEW KeypairFullAccess");
  grant(db, alice, other, "DEW KeypairFullAccess");
  grant(db, bob, main, "DEW KeypairReadOnlyAccess");
  grant(db, carol, main, "DEW KeypairFullAccess");
  grantRole(db, alice, main, "CTS ReadOnlyAccess");
  grantRole(db, alice, other, "CTS ReadOnlyAccess");
  grantRole(db, carol, main, "CTS ReadOnlyAccess");
  await seedKeypairs(db, vault, main, [
    ...Array.from({ length: 12 }, (_, i) => ({
      name: `hosted-${i + 1}`,
      hosted: true,
      ownerId: alice,
    })),
    { name: "plain", ownerId: alice },
    { name: "frozen", hosted: true, frozenState: 4, ownerId: alice },
    { name: "ed-hosted", hosted: true, algorithm: "SSH_ED25519", ownerId: alice },
    { name: "alice-own", hosted: true, scope: "user", ownerId: alice },
    { name: "carol-own", hosted: true, scope: "user", ownerId: carol },
  ]);
  await seedKeypairs(db, vault, other, [{ name: "other-hosted", hosted: true, ownerId: alice }]);
  const app = await buildApp({
    backend: {
      embedded: store,
      exportRateLimit: options.exportRateLimit ?? 10_000,
      createRateLimit: options.createRateLimit ?? 10_000,
      auditFailuresPerMinute: options.auditFailuresPerMinute ?? 10_000,
    },
    trustedProxies: options.trustedProxies,
    exportPolicy: {
      reasonMode: options.exportReason ?? "optional",
      freshAuthSeconds: options.freshAuthSeconds ?? 300,
    },
    allowedHostNames: ["localhost", "127.0.0.1"],
    distDir: join(dataDir, "no-dist"),
  });
  const token = async (user: "alice" | "bob" | "carol", project: "main" | "other" = "main") => {
    const response = await app.inject({
      method: "POST",
      url: "/v3/auth/tokens",
      payload: passwordAuth(user, project === "main" ? "cn-north-4" : "ap-southeast-1"),
    });
    const value = response.headers["x-subject-token"];
    if (response.statusCode !== 201 || typeof value !== "string")
      throw new Error(`sign-in failed: ${response.body}`);
    return value;
  };
  return {
    app,
    store,
    dataDir,
    projects: { main, other },
    users: { alice, bob, carol },
    token,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function passwordAuth(user: string, project: string, password = PASSWORD, account = "acme") {
  return passwordAuthRequest(account, user, password, project);
}
