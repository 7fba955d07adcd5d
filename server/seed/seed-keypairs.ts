// Puts real key pairs straight into the store, for the demo and for benchmarks.
import type { Algorithm } from "../../contract/kps.ts";
import { generateSshKey } from "../keys/ssh-keys.ts";
import { insertKeypair, updateDescription } from "../kps/keypair-store.ts";
import type { PrivateKeyVault } from "../kps/private-key-vault.ts";
import type { Db } from "../store/database.ts";

export type SeedKeypair = {
  name: string;
  algorithm?: Algorithm;
  scope?: "domain" | "user";
  hosted?: boolean;
  frozenState?: number;
  description?: string;
  ownerId: string;
};

export async function seedKeypairs(
  db: Db,
  vault: PrivateKeyVault,
  projectId: string,
  specs: SeedKeypair[],
): Promise<void> {
  const keys = await Promise.all(
    specs.map((spec) => generateSshKey(spec.algorithm ?? "SSH_RSA_2048")),
  );
  const now = Date.now();
  db.transaction(() => {
    specs.forEach((spec, index) => {
      const key = keys[index];
      if (!key) return;
      const id = insertKeypair(db, {
        project_id: projectId,
        name: spec.name,
        type: "ssh",
        scope: spec.scope ?? "domain",
        user_id: spec.ownerId,
        algorithm: spec.algorithm ?? "SSH_RSA_2048",
        public_key: key.publicKey,
        fingerprint: key.fingerprint,
        frozen_state: spec.frozenState ?? 0,
        create_time: now - index * 3_600_000,
      });
      if (spec.description) updateDescription(db, id, spec.description, now);
      if (spec.hosted)
        vault.store({ id, project_id: projectId, name: spec.name }, key.privateKey, now);
    });
  })();
}
