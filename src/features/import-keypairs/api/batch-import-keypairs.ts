import { useMutation } from "@tanstack/react-query";
import { batchImportResponseSchema } from "../../../../contract/kps.ts";
import { apiJson } from "../../../lib/api-client.ts";
import { keypairKeys } from "../../../lib/query-keys.ts";
import type { KeyScope } from "../import-names.ts";

export type BatchImportItem = { name: string; publicKey: string };
export type BatchImportInput = { projectId: string; scope: KeyScope; items: BatchImportItem[] };

/**
 * BatchImportKeypair in the SDK models' shape, `[{"keypair":{name,type,public_key,scope}}]`
 * (kps-api.md section 8). One item's failure does not stop the others, so the answer is read
 * per name, in either of the shapes the documents give (contract/kps.ts).
 */
export async function batchImportKeypairs({ projectId, scope, items }: BatchImportInput) {
  const body = items.map((item) => ({
    keypair: { name: item.name, type: "ssh", public_key: item.publicKey, scope },
  }));
  const { data } = await apiJson(
    `/v3/${encodeURIComponent(projectId)}/keypairs/batch-import`,
    batchImportResponseSchema,
    { method: "POST", body },
  );
  return data;
}

export function useBatchImportKeypairs(projectId: string) {
  return useMutation({
    mutationFn: batchImportKeypairs,
    meta: { invalidates: [keypairKeys.list(projectId)] },
  });
}
