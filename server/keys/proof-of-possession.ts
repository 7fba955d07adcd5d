// Proof that a private key is the private half of a stored public key. Matching the public half
// proves nothing (a file can carry the victim's public key next to a random secret), so the key
// Node signs with is built from the secret parts alone, its public key is derived by OpenSSL and
// compared, and a random challenge signed with it must verify under the stored public key.
// Node's crypto only; the RSA checks are the parameter consistency checks of OpenSSL's
// RSA_check_key, which Node does not expose.
import {
  createECDH,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from "node:crypto";
import type sshpk from "sshpk";

export function provesPossession(privateKey: sshpk.PrivateKey, publicKey: sshpk.Key): boolean {
  try {
    if (privateKey.type !== publicKey.type) return false;
    const signer = secretOnlyKey(privateKey, publicKey);
    if (!signer) return false;
    const challenge = randomBytes(32);
    const digest = privateKey.type === "ed25519" ? null : (DIGESTS[publicKey.size] ?? "sha256");
    const stored = createPublicKey(publicKey.toString("pkcs8"));
    return verify(digest, challenge, stored, sign(digest, challenge, signer));
  } catch {
    // Parts OpenSSL refuses (a zero scalar, p = n, q = 1) are not a proof either.
    return false;
  }
}

const DIGESTS: Readonly<Record<number, string>> = { 256: "sha256", 384: "sha384", 521: "sha512" };

/** Node's key from the secret parts only; null when the derived public key is not the stored one. */
function secretOnlyKey(privateKey: sshpk.PrivateKey, publicKey: sshpk.Key): KeyObject | null {
  const part = (key: sshpk.Key | sshpk.PrivateKey, name: string) =>
    (key as unknown as { part: Record<string, { data: Buffer }> }).part[name]?.data ??
    Buffer.alloc(0);
  switch (privateKey.type) {
    case "ed25519": {
      // PKCS#8 holds only the seed: OpenSSL derives the public key from it.
      const seed = part(privateKey, "k");
      if (seed.length !== 32) return null;
      const key = createPrivateKey({
        key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
        format: "der",
        type: "pkcs8",
      });
      const derived = createPublicKey(key).export({ format: "jwk" }).x ?? "";
      return Buffer.from(derived, "base64url").equals(part(publicKey, "A")) ? key : null;
    }
    case "ecdsa": {
      const curve = CURVES[publicKey.size];
      if (!curve) return null;
      const scalar = fixedLength(part(privateKey, "d"), curve.bytes);
      const ecdh = createECDH(curve.openssl);
      ecdh.setPrivateKey(scalar);
      const point = ecdh.getPublicKey();
      if (!point.equals(part(publicKey, "Q"))) return null;
      const coordinate = (from: number) =>
        point.subarray(from, from + curve.bytes).toString("base64url");
      return createPrivateKey({
        key: {
          kty: "EC",
          crv: curve.jwk,
          x: coordinate(1),
          y: coordinate(1 + curve.bytes),
          d: scalar.toString("base64url"),
        },
        format: "jwk",
      });
    }
    case "rsa": {
      const value = (name: string) => toBigInt(part(privateKey, name));
      const [n, e, d, p, q, qi] = ["n", "e", "d", "p", "q", "iqmp"].map(value) as bigint[] &
        [bigint, bigint, bigint, bigint, bigint, bigint];
      if (n !== toBigInt(part(publicKey, "n")) || e !== toBigInt(part(publicKey, "e"))) return null;
      if (p <= 1n || q <= 1n || p * q !== n) return null;
      // OpenSSH files carry no d mod (p-1) and d mod (q-1): OpenSSH derives them, and so do we.
      const reduced = (name: string, modulus: bigint) =>
        part(privateKey, name).length > 0 ? value(name) : d % modulus;
      const dp = reduced("dmodp", p - 1n);
      const dq = reduced("dmodq", q - 1n);
      // The CRT parts are what OpenSSL and OpenSSH sign with: each must follow from p, q and d.
      const consistent =
        dp === d % (p - 1n) &&
        dq === d % (q - 1n) &&
        (e * dp) % (p - 1n) === 1n &&
        (e * dq) % (q - 1n) === 1n &&
        (q * qi) % p === 1n;
      if (!consistent) return null;
      const jwk = (x: bigint) => fromBigInt(x).toString("base64url");
      return createPrivateKey({
        key: {
          kty: "RSA",
          n: jwk(n),
          e: jwk(e),
          d: jwk(d),
          p: jwk(p),
          q: jwk(q),
          dp: jwk(dp),
          dq: jwk(dq),
          qi: jwk(qi),
        },
        format: "jwk",
      });
    }
    default:
      return null;
  }
}

// SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32) } }
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

const CURVES: Readonly<Record<number, { openssl: string; jwk: string; bytes: number }>> = {
  256: { openssl: "prime256v1", jwk: "P-256", bytes: 32 },
  384: { openssl: "secp384r1", jwk: "P-384", bytes: 48 },
  521: { openssl: "secp521r1", jwk: "P-521", bytes: 66 },
};

/** sshpk keeps integers in SSH mpint form (a leading zero when the top bit is set). */
function fixedLength(value: Buffer, bytes: number): Buffer {
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start += 1;
  const trimmed = value.subarray(start);
  if (trimmed.length > bytes) throw new Error("scalar too long");
  return Buffer.concat([Buffer.alloc(bytes - trimmed.length), trimmed]);
}

function toBigInt(value: Buffer): bigint {
  return value.length === 0 ? 0n : BigInt(`0x${value.toString("hex")}`);
}

function fromBigInt(value: bigint): Buffer {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, "hex");
}
