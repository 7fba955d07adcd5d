// BatchImportKeypair: each item is a create that must carry a public key; one item's failure is
// reported and does not stop the others.
import { batchImportRequestSchema } from "../../contract/kps.ts";
import { ApiFailure } from "../http/errors.ts";
import type { Caller } from "../iam/tokens.ts";
import type { Db } from "../store/database.ts";
import type { RequestInfo } from "./change-audit.ts";
import { createKeypair } from "./create-keypair.ts";
import { parse } from "./kps-request.ts";
import type { PrivateKeyVault } from "./private-key-vault.ts";

export async function batchImport(
  db: Db,
  vault: PrivateKeyVault,
  caller: Caller,
  info: RequestInfo,
  body: unknown,
) {
  const items = parse(batchImportRequestSchema, body);
  const succeeded: { keypair: Awaited<ReturnType<typeof createKeypair>> }[] = [];
  const failed: { keypair_name: string; failed_reason: string }[] = [];
  for (const item of items) {
    if (!item.public_key) {
      failed.push({ keypair_name: item.name, failed_reason: "public_key is required for import" });
      continue;
    }
    try {
      const created = await createKeypair(db, vault, caller, item, info);
      succeeded.push({ keypair: created });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      failed.push({ keypair_name: item.name, failed_reason: `${error.code}: ${error.message}` });
    }
  }
  // The SDK models' names (kps-api.md section 8); the older `failured_keypairs` of DEW's API page
  // is read by the console but never sent.
  return { succeeded_keypairs: succeeded, failed_keypairs: failed };
}
