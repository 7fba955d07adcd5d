// The four create cases of the contract: generate, generate and host, import a public key,
// import and host a private key.
import type { CreateKeypairRequest } from "../../contract/kps.ts";
import { kpsError } from "../http/errors.ts";
import type { Caller } from "../iam/tokens.ts";
import { parsePublicKeyLine } from "../keys/public-key-line.ts";
import { generateSshKey } from "../keys/ssh-keys.ts";
import { generateLimited } from "../limits/expensive-work.ts";
import type { Db } from "../store/database.ts";
import { auditedChange, type ChangeNote, type RequestInfo } from "./change-audit.ts";
import { insertKeypair, nameTaken } from "./keypair-store.ts";
import type { PrivateKeyVault } from "./private-key-vault.ts";
import { provenPrivateKey } from "./proven-private-key.ts";

export type CreatedKeypair = {
  name: string;
  type: string;
  public_key: string;
  private_key?: string;
  fingerprint: string;
  user_id: string;
};

type Request = CreateKeypairRequest["keypair"];

/** A create that hosts a private key is a change to a hosted key, and audited as one. */
export async function createKeypair(
  db: Db,
  vault: PrivateKeyVault,
  caller: Caller,
  request: Request,
  info: RequestInfo,
): Promise<CreatedKeypair> {
  if (!request.key_protection) return db.transaction(await prepare(db, vault, caller, request))();
  const note: ChangeNote = {
    operation: "host-private-key",
    caller,
    name: request.name,
    fingerprint: null,
  };
  return auditedChange(
    db,
    info,
    note,
    () => caller,
    () =>
      prepare(db, vault, caller, request, (fingerprint) => {
        note.fingerprint = fingerprint;
      }),
  );
}

/** Checks, parses, proves or generates; returns the insert, to run inside a transaction. */
async function prepare(
  db: Db,
  vault: PrivateKeyVault,
  caller: Caller,
  request: Request,
  noteFingerprint: (fingerprint: string) => void = () => {},
): Promise<() => CreatedKeypair> {
  if (request.user_id && request.user_id !== caller.userId) throw kpsError("KPS.0006");
  const viewer = { projectId: caller.projectId, userId: caller.userId };
  const taken = () => {
    if (nameTaken(db, viewer, request.name))
      throw kpsError("KPS.0002", "parameter error: the key pair already exists");
  };
  // Before anything slow (an RSA 4096 key takes hundreds of milliseconds), and again inside the
  // insert's transaction so that two concurrent creates of one name cannot both succeed.
  taken();
  const protection = request.key_protection;
  let material: { publicKey: string; fingerprint: string; algorithm: string; privateKey?: string };
  if (request.public_key) {
    // Importing a public key: key_protection is allowed only with the matching private key.
    if (protection && !protection.private_key) throw kpsError("KPS.0002");
    const parsed = parsePublicKeyLine(request.public_key);
    if (!parsed.ok) throw kpsError("KPS.0002", `parameter error: ${parsed.reason}`);
    noteFingerprint(parsed.value.fingerprint);
    material = {
      ...parsed.value,
      privateKey: protection?.private_key
        ? provenPrivateKey(protection.private_key, parsed.value.key)
        : undefined,
    };
  } else {
    if (protection?.private_key) throw kpsError("KPS.0002");
    const algorithm = request.algorithm ?? "SSH_RSA_2048";
    material = { ...(await generateLimited(() => generateSshKey(algorithm))), algorithm };
    noteFingerprint(material.fingerprint);
  }
  return () => {
    const now = Date.now();
    taken();
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
    return {
      name: request.name,
      type: request.type ?? "ssh",
      public_key: material.publicKey,
      // A generated private key is returned once, hosted or not; an imported one never comes back here.
      ...(request.public_key ? {} : { private_key: material.privateKey }),
      fingerprint: material.fingerprint,
      user_id: caller.userId,
    };
  };
}
