import { useMutation } from "@tanstack/react-query";
import { type Algorithm, createKeypairResponseSchema } from "../../../../contract/kps.ts";
import { apiJson } from "../../../lib/api-client.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { keypairKeys } from "../../../lib/query-keys.ts";
import { checkPrivateKeyFor } from "../../../lib/ssh-key/possession-check.ts";
import { DEFAULT_ALGORITHM } from "../algorithms.ts";

/** Our code for a create whose answer lacks the private key: the key pair exists, unusable. */
export const NO_PRIVATE_KEY = "NO_PRIVATE_KEY";
/** Our code for an answer whose private key is not the half of its public key. */
export const KEY_MISMATCH = "KEY_MISMATCH";

export type CreateKeypairInput = {
  projectId: string;
  name: string;
  algorithm: Algorithm;
  scope: "user" | "domain";
  /** KPS keeps the private key, sealed with its default key, so it can be exported later. */
  hosted: boolean;
};

export type CreatedKeypair = { name: string; publicKey: string; privateKey: string };

/** CreateKeypair, generating case (kps-api.md §3, cases 1 and 2): the private key comes back once. */
export async function createKeypair({
  projectId,
  name,
  algorithm,
  scope,
  hosted,
}: CreateKeypairInput): Promise<CreatedKeypair> {
  const { data, headers } = await apiJson(
    `/v3/${encodeURIComponent(projectId)}/keypairs`,
    createKeypairResponseSchema,
    {
      method: "POST",
      body: {
        keypair: {
          name,
          type: "ssh",
          scope,
          // The v3 API documents no algorithm field (kps-api.md §4): its default is not named,
          // so the documented body goes to the real service unchanged.
          ...(algorithm === DEFAULT_ALGORITHM ? {} : { algorithm }),
          ...(hosted ? { key_protection: { encryption: { type: "default" } } } : {}),
        },
      },
    },
  );
  const { private_key: privateKey, public_key: publicKey = "" } = data.keypair;
  const requestId = headers.get("X-Request-Id");
  // A create that answers without the private key leaves the user with a key pair they cannot use.
  if (!privateKey) {
    throw new ApiError({
      status: 0,
      code: NO_PRIVATE_KEY,
      requestId,
      // A code, for a log; the words are explainCreateError's.
      message: NO_PRIVATE_KEY,
    });
  }
  // Offered only once proven to be the private half of the public key KPS now lists: a broken or
  // hostile upstream must not hand the user a key that will never open their servers.
  const check = checkPrivateKeyFor(privateKey, publicKey);
  if (!check.ok) {
    throw new ApiError({ status: 0, code: KEY_MISMATCH, message: check.problem, requestId });
  }
  // The name asked for, already checked against the rule, names the file; not the answer's.
  return { name, publicKey, privateKey: check.text };
}

/**
 * The answer holds a private key: the dialog copies it into its own state and resets the
 * mutation at once, and gcTime 0 (query-client.ts) lets the cache forget it.
 */
export function useCreateKeypair(projectId: string) {
  return useMutation({
    mutationFn: createKeypair,
    gcTime: 0,
    meta: { invalidates: [keypairKeys.all(projectId)] },
  });
}
