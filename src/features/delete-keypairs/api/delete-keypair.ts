import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client.ts";
import { keypairKeys } from "../../../lib/query-keys.ts";

/** DeleteKeypair: 204 and no body; a not-found may come back as 400 KPS.4016/KPS.6004 or 404. */
export async function deleteKeypair(projectId: string, name: string): Promise<void> {
  await apiFetch(`/v3/${encodeURIComponent(projectId)}/keypairs/${encodeURIComponent(name)}`, {
    method: "DELETE",
  });
}

/** One mutation per key pair, so a batch is sent one by one and each answer stands alone. */
export function useDeleteKeypair(projectId: string) {
  return useMutation({
    mutationFn: (name: string) => deleteKeypair(projectId, name),
    meta: { invalidates: [keypairKeys.list(projectId)] },
  });
}
