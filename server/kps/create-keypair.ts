// The four create cases of the contract: generate, generate and host, import a public key,
// import and host a private key.
import type { CreateKeypairRequest } from "../../contract/kps.ts";
import { kpsError } from "../http/errors.ts";
import type { Caller } from "../iam/tokens.ts";
import { generateSshKey, parsePublicKey, privateKeyFingerprint } from "../keys/ssh-keys.ts";
import { generateLimited } from "../limits/expensive-work.ts";
import type { Db } from "../store/database.ts";
import { insertKeypair, nameTaken } from "./keypair-store.ts";
import type { PrivateKeyVault } from "./private-key-vault.ts";

export type CreatedKeypair = {
  name: string;
  type: string;
  public_key: string;
  private_key?: string;
  fingerprint: string;
  user_id: string;
};

export async function createKeypair(
  db: Db,
  vault: PrivateKeyVault,
  caller: Caller,
  request: CreateKeypairRequest["keypair"],
): Promise<CreatedKeypair> {
  if (request.user_id && request.user_id !== caller.userId) throw kpsError("KPS.0006");
  const protection = request.key_protection;
  let material: { publicKey: string; fingerprint: string; algorithm: string; privateKey?: string };
  if (request.public_key) {
    // Importing a public key: key_protection is allowed only with the matching private key.
    if (protection && !protection.private_key) throw kpsError("KPS.0002");
    const parsed = parsePublicKey(request.public_key);
    if (!parsed)
      throw kpsError(
        "KPS.0002",
        "parameter error: public_key is not a supported OpenSSH public key",
      );
    if (
      protection?.private_key &&
      privateKeyFingerprint(protection.private_key) !== parsed.fingerprint
    ) {
      throw kpsError("KPS.6011");
    }
    material = { ...parsed, privateKey: protection?.private_key };
  } else {
    if (protection?.private_key) throw kpsError("KPS.0002");
    material = await generateLimited(() =>
      generateSshKey(request.algorithm ?? "SSH_RSA_2048"),
    ).then((key) => ({
      ...key,
      algorithm: request.algorithm ?? "SSH_RSA_2048",
    }));
  }
  const now = Date.now();
  // Checked after the (slow) key generation as well, inside the transaction, so that two
  // concurrent creates of one name cannot both succeed.
  db.transaction(() => {
    if (nameTaken(db, caller.projectId, request.name))
      throw kpsError("KPS.0002", "parameter error: the key pair already exists");
    const id = insertKeypair(db, {
      project_id: caller.projectId,
      name: request.name,
      type: request.type ?? "ssh",
      scope: request.scope ?? "user",
      user_id: caller.userId,
      algorithm: material.algorithm,
      public_key: material.publicKey,
      fingerprint: material.fingerprint,
      create_time: now,
    });
    if (protection && material.privateKey) {
      vault.store(
        { id, project_id: caller.projectId, name: request.name },
        material.privateKey,
        now,
      );
    }
  })();
  return {
    name: request.name,
    type: request.type ?? "ssh",
    public_key: material.publicKey,
    // A generated private key is returned once, hosted or not; an imported one never comes back here.
    ...(request.public_key ? {} : { private_key: material.privateKey }),
    fingerprint: material.fingerprint,
    user_id: caller.userId,
  };
}
