// Permanent access keys of the embedded IAM: at most two per user, the secret shown once at
// creation and otherwise kept sealed under the master key (envelope.ts), bound to its AK.
import { randomBytes } from "node:crypto";
import { ENVELOPE_VERSION, open, seal } from "../crypto/envelope.ts";
import type { Db } from "../store/database.ts";
import { sql } from "../store/statements.ts";

export const MAX_ACCESS_KEYS_PER_USER = 2;

export type AccessKeyStatus = "active" | "inactive";

export type AccessKey = {
  access: string;
  user_id: string;
  status: AccessKeyStatus;
  description: string;
  create_time: number;
};

type Row = AccessKey & { wrapped_key: Buffer; sealed: Buffer };

const COLUMNS = "access, user_id, status, description, create_time";
// Huawei's AKs are 20 upper-case letters and digits, SKs 40 letters and digits.
const AK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const SK_ALPHABET = `${AK_ALPHABET}abcdefghijklmnopqrstuvwxyz`;
export const ACCESS_KEY_PATTERN = /^[A-Z0-9]{20}$/;

export class TooManyAccessKeys extends Error {}

export class AccessKeyStore {
  constructor(
    private readonly db: Db,
    private readonly masterKey: Buffer,
  ) {}

  /** A new active key and its secret, which is never given out again. */
  create(userId: string, description: string, now = Date.now()): AccessKey & { secret: string } {
    const access = randomString(AK_ALPHABET, 20);
    const secret = randomString(SK_ALPHABET, 40);
    const envelope = seal(this.masterKey, Buffer.from(secret, "utf8"), accessKeyAad(access));
    // The count and the insert in one transaction, so two racing creates cannot make a third.
    this.db.transaction(() => {
      const { n } = sql(this.db, "SELECT COUNT(*) AS n FROM access_keys WHERE user_id = ?").get(
        userId,
      ) as { n: number };
      if (n >= MAX_ACCESS_KEYS_PER_USER) throw new TooManyAccessKeys();
      sql(
        this.db,
        `INSERT INTO access_keys (access, user_id, status, description, create_time,
                                  format_version, wrapped_key, sealed)
         VALUES (?, ?, 'active', ?, ?, ?, ?, ?)`,
      ).run(
        access,
        userId,
        description,
        now,
        ENVELOPE_VERSION,
        envelope.wrappedKey,
        envelope.sealed,
      );
    })();
    return { access, user_id: userId, status: "active", description, create_time: now, secret };
  }

  list(userId: string): AccessKey[] {
    return sql(
      this.db,
      `SELECT ${COLUMNS} FROM access_keys WHERE user_id = ? ORDER BY create_time, access`,
    ).all(userId) as AccessKey[];
  }

  find(access: string): AccessKey | undefined {
    return sql(this.db, `SELECT ${COLUMNS} FROM access_keys WHERE access = ?`).get(access) as
      | AccessKey
      | undefined;
  }

  update(access: string, change: { status?: AccessKeyStatus; description?: string }): void {
    if (change.status !== undefined)
      sql(this.db, "UPDATE access_keys SET status = ? WHERE access = ?").run(change.status, access);
    if (change.description !== undefined)
      sql(this.db, "UPDATE access_keys SET description = ? WHERE access = ?").run(
        change.description,
        access,
      );
  }

  delete(access: string): boolean {
    return sql(this.db, "DELETE FROM access_keys WHERE access = ?").run(access).changes > 0;
  }

  /** The key and its secret when it exists and is active; the caller must wipe the secret. */
  activeSecret(access: string): { key: AccessKey; secret: Buffer } | undefined {
    if (!ACCESS_KEY_PATTERN.test(access)) return undefined;
    const row = sql(
      this.db,
      `SELECT ${COLUMNS}, wrapped_key, sealed FROM access_keys WHERE access = ?`,
    ).get(access) as Row | undefined;
    if (row?.status !== "active") return undefined;
    const secret = open(
      this.masterKey,
      { wrappedKey: row.wrapped_key, sealed: row.sealed },
      accessKeyAad(row.access),
    );
    const { wrapped_key: _w, sealed: _s, ...key } = row;
    return { key, secret };
  }
}

function accessKeyAad(access: string): string {
  return `iam-access-key:v${ENVELOPE_VERSION}:${access}`;
}

// Rejection sampling keeps every character equally likely.
function randomString(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}
