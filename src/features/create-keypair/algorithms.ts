import type { Algorithm } from "../../../contract/kps.ts";

/** The algorithms Huawei's console offers, in its order; the wire names are kps-api.md §4's. */
export const ALGORITHM_CHOICES: readonly { value: Algorithm; label: string }[] = [
  { value: "SSH_ED25519", label: "ED25519" },
  { value: "ECDSA_NISTP256", label: "ECDSA P-256" },
  { value: "ECDSA_NISTP384", label: "ECDSA P-384" },
  { value: "ECDSA_NISTP521", label: "ECDSA P-521" },
  { value: "SSH_RSA_2048", label: "RSA 2048" },
  { value: "SSH_RSA_3072", label: "RSA 3072" },
  { value: "SSH_RSA_4096", label: "RSA 4096" },
];

/** The service's own default when no algorithm is named. */
export const DEFAULT_ALGORITHM: Algorithm = "SSH_RSA_2048";
