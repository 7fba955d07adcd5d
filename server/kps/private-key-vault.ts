// Hosted private keys in and out of the store, sealed under the master key and bound to their row.
import { ENVELOPE_VERSION, keypairAad, open, seal } from "../crypto/envelope.ts";
import { kpsError } from "../http/errors.ts";
import type { Db } from "../store/database.ts";
import { type ExportableRow, type KeypairRow, writeSealed } from "./keypair-store.ts";

export class PrivateKeyVault {
  constructor(
    private readonly db: Db,
    private readonly masterKey: Buffer,
  ) {}

  store(
    row: Pick<KeypairRow, "id" | "project_id" | "name">,
    privateKey: string,
    now = Date.now(),
  ): void {
    const envelope = seal(
      this.masterKey,
      Buffer.from(privateKey, "utf8"),
      keypairAad(row.project_id, row.id, row.name),
    );
    writeSealed(
      this.db,
      row.id,
      {
        format_version: ENVELOPE_VERSION,
        wrapped_key: envelope.wrappedKey,
        sealed: envelope.sealed,
      },
      now,
    );
  }

  /**
   * The plaintext key (UTF-8 PEM bytes) of a row read with its sealed blobs; a blob that fails
   * to open is a 500.
   */
  open(row: Pick<ExportableRow, "id" | "project_id" | "name" | "wrapped_key" | "sealed">): Buffer {
    if (!row.wrapped_key || !row.sealed) throw kpsError("KPS.6005");
    return open(
      this.masterKey,
      { wrappedKey: row.wrapped_key, sealed: row.sealed },
      keypairAad(row.project_id, row.id, row.name),
    );
  }
}
