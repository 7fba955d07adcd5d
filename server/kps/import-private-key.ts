// ImportPrivateKey: host (or replace) the private key of an existing key pair.
//
// Decision (issue 10): who may (re)place the private key of a key pair is whoever holds
// kps:SSHKeyPair:importPrivateKey on the project and can see the key pair: its owner for a
// private (user) key pair, any such user for an account (domain) one. Proof of possession is
// what makes that safe: only the true private half passes, so a replacement can change the
// file's encoding or comment but never the key, and gives nobody a key they did not already
// hold. Limiting domain key pairs to their creator would lock the account out of re-hosting
// when the creator leaves; every attempt is audited instead, host and replace told apart.
import { importPrivateKeyRequestSchema, KEYPAIR_NAME_PATTERN } from "../../contract/kps.ts";
import { kpsError } from "../http/errors.ts";
import { type Caller, callerMay } from "../iam/tokens.ts";
import type { Db } from "../store/database.ts";
import { auditedChange, type ChangeNote, type RequestInfo } from "./change-audit.ts";
import { parse, visibleRow } from "./kps-request.ts";
import type { PrivateKeyVault } from "./private-key-vault.ts";
import { provenPrivateKey } from "./proven-private-key.ts";

export function importPrivateKey(
  db: Db,
  vault: PrivateKeyVault,
  info: RequestInfo,
  authenticate: () => Caller,
  identify: () => Caller | null,
  body: unknown,
): Promise<{
  keypair: { name: string; user_id: string; key_protection: { encryption: unknown } };
}> {
  const note: ChangeNote = {
    operation: "host-private-key",
    caller: null,
    name: nameIn(body),
    fingerprint: null,
  };
  return auditedChange(db, info, note, identify, () => {
    const caller = authenticate();
    note.caller = caller;
    if (!callerMay(caller, "kps:SSHKeyPair:importPrivateKey")) throw kpsError("KPS.9003");
    const { keypair } = parse(importPrivateKeyRequestSchema, body);
    if (keypair.user_id && keypair.user_id !== caller.userId) throw kpsError("KPS.0006");
    const row = visibleRow(db, caller, keypair.name);
    note.fingerprint = row.fingerprint;
    if (row.hosted) note.operation = "replace-private-key";
    const privateKey = provenPrivateKey(keypair.key_protection.private_key, row.public_key);
    return () => {
      vault.store(row, privateKey);
      // As the SDK models have it (kps-api.md section 8); the private key itself is never echoed.
      return {
        keypair: {
          name: row.name,
          user_id: row.user_id,
          key_protection: { encryption: keypair.key_protection.encryption },
        },
      };
    };
  });
}

/** The name a refused body asked for, when it names one, so that its record says so. */
function nameIn(body: unknown): string | null {
  const name = (body as { keypair?: { name?: unknown } } | null)?.keypair?.name;
  return typeof name === "string" && KEYPAIR_NAME_PATTERN.test(name) ? name : null;
}
