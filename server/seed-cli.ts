// npm run seed -- --keypairs 10000 [--project cn-north-4] [--prefix bulk] [--audit 100000]
// Fills a project of the demo account with many real key pairs, for benchmarks. ED25519 keeps
// generation fast; every third key pair is hosted so the list shows a realistic mix. --audit adds
// that many export-history rows by alice and sam (issue 15), written in one transaction.
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { readConfig } from "./config.ts";
import { openEmbeddedStore } from "./embedded-kps.ts";
import { findGrantedProject, findUser } from "./iam/identities.ts";
import { seedAuditRows } from "./seed/audit-seed.ts";
import { DEMO, seedDemo } from "./seed/demo-seed.ts";
import { seedKeypairs } from "./seed/seed-keypairs.ts";

const { values } = parseArgs({
  options: {
    keypairs: { type: "string", default: "10000" },
    project: { type: "string", default: "cn-north-4" },
    prefix: { type: "string", default: "bulk" },
    audit: { type: "string", default: "0" },
  },
});
const auditRows = Number(values.audit);
if (!Number.isInteger(auditRows) || auditRows < 0 || auditRows > 1_000_000)
  throw new Error("--audit must be 0..1000000");
const count = Number(values.keypairs);
if (!Number.isInteger(count) || count < 1 || count > 100_000)
  throw new Error("--keypairs must be 1..100000");

const config = readConfig();
mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
const store = openEmbeddedStore(config.dataDir);
await seedDemo(store);
const alice = findUser(store.db, DEMO.account, "alice");
const project = alice && findGrantedProject(store.db, alice.id, { name: values.project });
if (!alice || !project) throw new Error(`alice has no project ${values.project}`);

const width = String(count).length;
const started = Date.now();
for (let start = 0; start < count; start += 500) {
  const batch = Array.from({ length: Math.min(500, count - start) }, (_, i) => {
    const n = start + i;
    return {
      name: `${values.prefix}-${String(n).padStart(width, "0")}`,
      algorithm: "SSH_ED25519" as const,
      hosted: n % 3 === 0,
      frozenState: n % 97 === 0 ? 1 : 0,
      ownerId: alice.id,
    };
  });
  await seedKeypairs(store.db, store.vault, project.id, batch);
}
console.log(
  `Seeded ${count} key pairs into ${values.project} in ${Date.now() - started} ms (data in ${config.dataDir}).`,
);
if (auditRows > 0) {
  const sam = findUser(store.db, DEMO.account, "sam");
  const auditStarted = Date.now();
  seedAuditRows(store.db, {
    projectId: project.id,
    actors: [alice, ...(sam ? [sam] : [])].map((user) => ({
      userId: user.id,
      name: `${DEMO.account}/${user.name}`,
    })),
    count: auditRows,
    keypairNames: ["web-01", "web-02", "db-01", "bastion-ed25519", `${values.prefix}-0`],
  });
  console.log(`Seeded ${auditRows} export-history rows in ${Date.now() - auditStarted} ms.`);
}
store.db.close();
