// Virtual MFA devices of the embedded IAM (RFC 6238 through otpauth: 6 digits, 30 s steps,
// SHA-1, one step either side for clock drift). The secret is sealed under the master key as
// access-key secrets are (envelope.ts), bound to its user. A code is good once: the step of the
// last accepted code is kept, and only a later step is accepted after it.
import { Secret, TOTP } from "otpauth";
import { ENVELOPE_VERSION, open, seal } from "../crypto/envelope.ts";
import type { Db } from "../store/database.ts";
import { sql } from "../store/statements.ts";

const PERIOD_S = 30;
const DIGITS = 6;
const WINDOW = 1;

export type CodeCheck = "accepted" | "wrong" | "replayed";

type Row = { wrapped_key: Buffer; sealed: Buffer; last_step: number };

export class MfaDeviceStore {
  constructor(
    private readonly db: Db,
    private readonly masterKey: Buffer,
  ) {}

  /** Binds a new device to the user (replacing any) and returns its base32 secret, once. */
  create(userId: string): string {
    const secret = new Secret({ size: 20 });
    const envelope = seal(this.masterKey, Buffer.from(secret.bytes), deviceAad(userId));
    sql(
      this.db,
      `INSERT OR REPLACE INTO mfa_devices (user_id, format_version, wrapped_key, sealed, last_step)
       VALUES (?, ?, ?, ?, 0)`,
    ).run(userId, ENVELOPE_VERSION, envelope.wrappedKey, envelope.sealed);
    return secret.base32;
  }

  has(userId: string): boolean {
    return sql(this.db, "SELECT 1 FROM mfa_devices WHERE user_id = ?").get(userId) !== undefined;
  }

  /** The device's base32 secret (the demo prints sam's); undefined without a device. */
  secret(userId: string): string | undefined {
    const bytes = this.open(userId)?.bytes;
    if (!bytes) return undefined;
    const base32 = new Secret({ buffer: Uint8Array.from(bytes).buffer }).base32;
    bytes.fill(0);
    return base32;
  }

  /** Checks a six-digit code; an accepted one can never be accepted again. */
  check(userId: string, passcode: string, now = Date.now()): CodeCheck {
    if (!/^\d{6}$/.test(passcode)) return "wrong";
    const device = this.open(userId);
    if (!device) return "wrong";
    let delta: number | null;
    try {
      delta = TOTP.validate({
        token: passcode,
        secret: new Secret({ buffer: Uint8Array.from(device.bytes).buffer }),
        algorithm: "SHA1",
        digits: DIGITS,
        period: PERIOD_S,
        timestamp: now,
        window: WINDOW,
      });
    } finally {
      device.bytes.fill(0);
    }
    if (delta === null) return "wrong";
    const step = TOTP.counter({ period: PERIOD_S, timestamp: now }) + delta;
    // One statement decides, so two requests racing with the same code cannot both pass.
    const taken = sql(
      this.db,
      "UPDATE mfa_devices SET last_step = ? WHERE user_id = ? AND last_step < ?",
    ).run(step, userId, step);
    return taken.changes === 1 ? "accepted" : "replayed";
  }

  private open(userId: string): { bytes: Buffer } | undefined {
    const row = sql(
      this.db,
      "SELECT wrapped_key, sealed, last_step FROM mfa_devices WHERE user_id = ?",
    ).get(userId) as Row | undefined;
    if (!row) return undefined;
    const bytes = open(
      this.masterKey,
      { wrappedKey: row.wrapped_key, sealed: row.sealed },
      deviceAad(userId),
    );
    return { bytes };
  }
}

function deviceAad(userId: string): string {
  return `iam-mfa-device:v${ENVELOPE_VERSION}:${userId}`;
}
