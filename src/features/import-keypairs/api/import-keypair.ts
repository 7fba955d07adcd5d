import { useMutation } from "@tanstack/react-query";
import { createKeypairResponseSchema } from "../../../../contract/kps.ts";
import { apiJson } from "../../../lib/api-client.ts";
import { keypairKeys } from "../../../lib/query-keys.ts";
import type { KeyScope } from "../import-names.ts";

export type ImportKeypairInput = {
  projectId: string;
  name: string;
  scope: KeyScope;
  /** The line parsePublicKeyLine rebuilt from what it read, never the raw paste. */
  publicKey: string;
};

/** CreateKeypair with a public key (kps-api.md section 3, case 3): nothing private is sent. */
export async function importKeypair({ projectId, name, scope, publicKey }: ImportKeypairInput) {
  const { data } = await apiJson(
    `/v3/${encodeURIComponent(projectId)}/keypairs`,
    createKeypairResponseSchema,
    { method: "POST", body: { keypair: { name, type: "ssh", scope, public_key: publicKey } } },
  );
  return { name: data.keypair.name, fingerprint: data.keypair.fingerprint ?? null };
}

export function useImportKeypair(projectId: string) {
  return useMutation({
    mutationFn: importKeypair,
    meta: { invalidates: [keypairKeys.list(projectId)] },
  });
}
