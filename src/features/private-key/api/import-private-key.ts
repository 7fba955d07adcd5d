import { useMutation } from "@tanstack/react-query";
import { z } from "zod/mini";
import { apiJson } from "../../../lib/api-client.ts";
import { keypairKeys } from "../../../lib/query-keys.ts";

// The answer is only the name (kps-api.md §8 adds user_id and key_protection); nothing else is read.
const importPrivateKeyResponseSchema = z.object({ keypair: z.object({ name: z.string() }) });

export type ImportPrivateKeyInput = {
  projectId: string;
  name: string;
  /** Checked in the browser first (checkPrivateKeyFor): exactly the text that passed. */
  privateKey: string;
};

/** ImportPrivateKey: host the private key of an existing key pair, sealed with the default key. */
export async function importPrivateKey({ projectId, name, privateKey }: ImportPrivateKeyInput) {
  const { data } = await apiJson(
    `/v3/${encodeURIComponent(projectId)}/keypairs/private-key/import`,
    importPrivateKeyResponseSchema,
    {
      method: "POST",
      body: {
        keypair: {
          name,
          key_protection: { private_key: privateKey, encryption: { type: "default" } },
        },
      },
    },
  );
  return data.keypair.name;
}

export function useImportPrivateKey(projectId: string) {
  return useMutation({
    mutationFn: importPrivateKey,
    meta: { invalidates: [keypairKeys.all(projectId)] },
  });
}
