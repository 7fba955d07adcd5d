import type { Algorithm } from "../../../contract/kps.ts";

/**
 * The algorithms Huawei's console offers, in its order, with the names it shows: the same in
 * every language, so they are not words. The wire names are kps-api.md §4's.
 */
export const ALGORITHM_CHOICES: readonly (readonly [Algorithm, string])[] = [
  ["SSH_ED25519", "ED25519"],
  ["ECDSA_NISTP256", "ECDSA P-256"],
  ["ECDSA_NISTP384", "ECDSA P-384"],
  ["ECDSA_NISTP521", "ECDSA P-521"],
  ["SSH_RSA_2048", "RSA 2048"],
  ["SSH_RSA_3072", "RSA 3072"],
  ["SSH_RSA_4096", "RSA 4096"],
];

/** The service's own default when no algorithm is named. */
export const DEFAULT_ALGORITHM: Algorithm = "SSH_RSA_2048";
