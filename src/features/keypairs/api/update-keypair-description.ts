import { useMutation } from "@tanstack/react-query";
import { updateDescriptionRequestSchema } from "../../../../contract/kps.ts";
import { apiFetch } from "../../../lib/api-client.ts";
import { keypairKeys } from "../../../lib/query-keys.ts";

/** The contract's limit, counted as the service counts it (UTF-16 code units, as zod does). */
export const MAX_DESCRIPTION_LENGTH = 255;

type Input = { name: string; description: string };

/** UpdateKeypairDescription: PUT {keypair:{description}}, answered 200 with an empty body. */
export async function updateKeypairDescription(projectId: string, { name, description }: Input) {
  // The same schema the server applies, so a too-long text is refused here and never sent.
  const body = updateDescriptionRequestSchema.parse({ keypair: { description } });
  await apiFetch(`/v3/${encodeURIComponent(projectId)}/keypairs/${encodeURIComponent(name)}`, {
    method: "PUT",
    body,
  });
}

export function useUpdateKeypairDescription(projectId: string, name: string) {
  return useMutation({
    mutationFn: (description: string) => updateKeypairDescription(projectId, { name, description }),
    meta: { invalidates: [keypairKeys.detail(projectId, name), keypairKeys.list(projectId)] },
  });
}
