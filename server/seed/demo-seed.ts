// The explicit demo account (embedded mode only): who can sign in and which key pairs they see.

import type { EmbeddedKps } from "../embedded-kps.ts";
import {
  createDomain,
  createProject,
  createUser,
  findUser,
  grant,
  grantRole,
} from "../iam/identities.ts";
import { type SeedKeypair, seedKeypairs } from "./seed-keypairs.ts";

export const DEMO = {
  account: "demo",
  password: "KpsDemo#2026",
  users: ["alice", "bob", "sam"],
  projects: ["cn-north-4", "ap-southeast-1"],
} as const;

const DEMO_ACCESS_KEY_DESCRIPTION = "Demo access key";

/**
 * alice's demo access key and its secret, printed at start beside the demo sign-in (the demo is
 * public by design); undefined once she has deleted or deactivated it.
 */
export function demoAccessKey({
  db,
  accessKeys,
}: EmbeddedKps): { ak: string; sk: string } | undefined {
  const alice = db
    .prepare(
      "SELECT u.id FROM users u JOIN domains d ON d.id = u.domain_id WHERE d.name = ? AND u.name = 'alice'",
    )
    .get(DEMO.account) as { id: string } | undefined;
  const key = alice
    ? accessKeys.list(alice.id).find((k) => k.description === DEMO_ACCESS_KEY_DESCRIPTION)
    : undefined;
  const found = key ? accessKeys.activeSecret(key.access) : undefined;
  if (!found) return undefined;
  const sk = found.secret.toString("utf8");
  found.secret.fill(0);
  return { ak: found.key.access, sk };
}

/** The demo user with a virtual MFA device (issue 15): support staff, who export for customers. */
export const DEMO_MFA_USER = "sam";

/**
 * Gives sam a virtual MFA device unless `enabled` is false (KPS_DEMO_MFA=0, for journeys written
 * before the console asked for codes), and returns its base32 secret for the terminal and the
 * sign-in page, as the demo password is; undefined without one.
 */
export function demoMfaDevice(
  { db, mfaDevices }: EmbeddedKps,
  enabled: boolean,
): { user: string; secret: string } | undefined {
  const sam = findUser(db, DEMO.account, DEMO_MFA_USER);
  if (!sam) return undefined;
  if (!enabled) {
    db.prepare("DELETE FROM mfa_devices WHERE user_id = ?").run(sam.id);
    return undefined;
  }
  const secret = mfaDevices.secret(sam.id) ?? mfaDevices.create(sam.id);
  return { user: DEMO_MFA_USER, secret };
}

/** Ten hosted, unfrozen key pairs of the demo that alice may export (for benchmarks). */
export const DEMO_EXPORTABLE_TEN = [
  "web-01",
  "web-02",
  "web-03",
  "web-04",
  "web-05",
  "web-06",
  "web-07",
  "web-08",
  "db-01",
  "db-02",
] as const;

/** Seeds the demo once per store; returns false when it was already there. */
export async function seedDemo({ db, vault, accessKeys }: EmbeddedKps): Promise<boolean> {
  if (db.prepare("SELECT 1 FROM domains WHERE name = ?").get(DEMO.account)) return false;
  const domainId = createDomain(db, DEMO.account);
  const north = createProject(db, domainId, "cn-north-4", "CN North-Beijing4");
  const southeast = createProject(db, domainId, "ap-southeast-1", "AP-Hong Kong");
  const [alice, bob, sam] = await Promise.all(
    DEMO.users.map((name) => createUser(db, domainId, name, DEMO.password)),
  );
  if (!alice || !bob || !sam) throw new Error("demo users were not created");
  // So the SDK cores, KooCLI and Terraform can be tried against the demo at once.
  accessKeys.create(alice, DEMO_ACCESS_KEY_DESCRIPTION);
  grant(db, alice, north, "DEW KeypairFullAccess");
  grant(db, alice, southeast, "DEW KeypairFullAccess");
  grant(db, bob, north, "DEW KeypairReadOnlyAccess");
  grant(db, sam, north, "DEW KeypairFullAccess");
  grant(db, sam, southeast, "DEW KeypairFullAccess");
  // The export history (issue 15): sam and alice may read it, bob may not.
  for (const project of [north, southeast]) {
    grantRole(db, alice, project, "CTS ReadOnlyAccess");
    grantRole(db, sam, project, "CTS ReadOnlyAccess");
  }

  const specs: SeedKeypair[] = [
    ...range(8).map((i) => ({
      name: `web-${pad(i)}`,
      hosted: true,
      ownerId: alice,
      description: i === 1 ? "Front-end web servers, rotated quarterly" : undefined,
    })),
    ...range(4).map((i) => ({
      name: `db-${pad(i)}`,
      hosted: true,
      scope: "user" as const,
      ownerId: alice,
    })),
    {
      name: "bastion-ed25519",
      algorithm: "SSH_ED25519",
      hosted: true,
      ownerId: alice,
      description: "Jump host",
    },
    { name: "ci-ecdsa-p256", algorithm: "ECDSA_NISTP256", hosted: true, ownerId: alice },
    { name: "ci-ecdsa-p384", algorithm: "ECDSA_NISTP384", hosted: true, ownerId: alice },
    { name: "ci-ecdsa-p521", algorithm: "ECDSA_NISTP521", hosted: true, ownerId: alice },
    { name: "batch-rsa-3072", algorithm: "SSH_RSA_3072", hosted: true, ownerId: alice },
    {
      name: "vault-rsa-4096",
      algorithm: "SSH_RSA_4096",
      hosted: true,
      ownerId: alice,
      scope: "user",
    },
    ...range(4).map((i) => ({
      name: `legacy-${pad(i)}`,
      ownerId: alice,
      description: "Created before hosting was enabled",
    })),
    { name: "laptop-ed25519", algorithm: "SSH_ED25519", ownerId: alice, scope: "user" },
    { name: "frozen-billing", hosted: true, frozenState: 1, ownerId: alice },
    { name: "frozen-violation", hosted: true, frozenState: 4, ownerId: alice },
    { name: "frozen-police", frozenState: 2, ownerId: alice },
    {
      name: "frozen-realname",
      hosted: true,
      frozenState: 8,
      ownerId: alice,
      algorithm: "SSH_ED25519",
    },
    { name: "frozen-mixed", frozenState: 10, ownerId: alice },
    { name: "bob-private", hosted: true, scope: "user", ownerId: bob },
    {
      name: "sam-support-tools",
      hosted: true,
      scope: "user",
      ownerId: sam,
      algorithm: "ECDSA_NISTP256",
    },
    {
      name: `archive-${"x".repeat(255 - "archive-".length)}`,
      hosted: true,
      ownerId: alice,
      description: "A name of 255 characters",
    },
  ];
  await seedKeypairs(db, vault, north, specs);
  await seedKeypairs(db, vault, southeast, [
    { name: "hk-web-01", hosted: true, ownerId: alice },
    { name: "hk-web-02", hosted: true, ownerId: alice, algorithm: "SSH_ED25519" },
    { name: "hk-legacy", ownerId: sam },
  ]);
  return true;
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index + 1);
const pad = (n: number) => String(n).padStart(2, "0");
