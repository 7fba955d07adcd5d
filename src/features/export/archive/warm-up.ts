import { ed25519 } from "@noble/curves/ed25519.js";
import { p256, p384, p521 } from "@noble/curves/nist.js";
import JSZip from "jszip";
import { analyzeArchive } from "./analyze-archive.ts";

/*
 * A fresh worker is cold: compiling and first running JSZip and the key parser took about 40 of
 * the 45 ms a real check of ten keys needed in Chromium, against 4 ms once warm. The worker is
 * booted while the user reads the confirmation, so it runs the whole check once there, on an
 * archive it makes up: PKCS#1-shaped entries of random integers, which exercise the zip
 * reader, the PEM and DER parsers and the big-integer check, and are refused as "parts do not
 * match". No key material is involved.
 */

const DASHES = "-".repeat(5);
const ENTRIES = 10;

function derLength(length: number): number[] {
  return length < 0x80 ? [length] : [0x82, length >> 8, length & 0xff];
}

function derInteger(bytes: number): number[] {
  const value = crypto.getRandomValues(new Uint8Array(bytes));
  // Positive and minimally encoded, as a real key's integers are.
  value[0] = (value[0] ?? 0) | 0x40;
  value[0] &= 0x7f;
  return [0x02, ...derLength(bytes), ...value];
}

function randomPkcs1Pem(): string {
  // version 0, then n, e, d, p, q, dp, dq and qinv sized as in an RSA 4096 key.
  const sizes = [512, 3, 512, 256, 256, 256, 256, 256];
  const fields = [0x02, 0x01, 0x00, ...sizes.flatMap((size) => derInteger(size))];
  const der = Uint8Array.from([0x30, ...derLength(fields.length), ...fields]);
  const base64 = btoa(String.fromCharCode(...der)).replace(/.{64}/g, "$&\n");
  const label = "RSA PRIVATE KEY";
  return `${DASHES}BEGIN ${label}${DASHES}\n${base64}\n${DASHES}END ${label}${DASHES}\n`;
}

/** The made-up archive, and the key pairs it claims to answer for. */
export async function warmUpArchive() {
  const zip = new JSZip();
  for (let index = 0; index < ENTRIES; index += 1) {
    zip.file(`warm-up-${index}.pem`, randomPkcs1Pem());
  }
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "STORE" });
  const expected = Array.from({ length: ENTRIES }, (_, index) => ({
    name: `warm-up-${index}`,
    fingerprint: "",
  }));
  return { bytes, expected };
}

/**
 * The first point multiplication on each curve builds its tables (about 120 ms for P-521 in
 * Node); done here, a real archive's Ed25519 and ECDSA checks take a few ms each.
 */
function warmCurves(): void {
  ed25519.getPublicKey(ed25519.utils.randomSecretKey());
  for (const curve of [p256, p384, p521]) curve.getPublicKey(curve.utils.randomSecretKey(), false);
}

export async function warmUp(): Promise<void> {
  warmCurves();
  const { bytes, expected } = await warmUpArchive();
  await analyzeArchive(bytes, expected);
}
