import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client.ts";
import { keypairKeys } from "../../../lib/query-keys.ts";

export type ClearPrivateKeyInput = { projectId: string; name: string };

/** ClearPrivateKey: the hosted private key is deleted; the key pair and its public key stay. */
export async function clearPrivateKey({ projectId, name }: ClearPrivateKeyInput): Promise<void> {
  await apiFetch(
    `/v3/${encodeURIComponent(projectId)}/keypairs/${encodeURIComponent(name)}/private-key`,
    { method: "DELETE" },
  );
}

export function useClearPrivateKey(projectId: string) {
  return useMutation({
    mutationFn: clearPrivateKey,
    meta: { invalidates: [keypairKeys.all(projectId)] },
  });
}
