import { EXPORT_REASON_HEADER } from "../../../../contract/export-audit.ts";
import type { KeypairSummary } from "../../../../contract/kps.ts";
import { apiFetch } from "../../../lib/api-client.ts";
import type { ArchiveRefusal, ArchiveReport } from "../archive/archive-types.ts";
import { loadedInspector, loadInspector } from "../archive/load-inspector.ts";

/** Ten keys are tens of KB; reading stops past this so a hostile body never fills memory. */
const MAX_READ_BYTES = 256 * 1024;

export type ExportResult = {
  /** The server's bytes, unchanged: what "Download keypairs.zip" saves. */
  bytes: ArrayBuffer;
  report: ArchiveReport;
  requestId: string | null;
};

/**
 * The archive failed the guard; carries the request id so support can find the export. Its
 * words come with the inspector (loaded on demand), so the refusal's ~40 sentences stay out of
 * the first load: `text` says it in the language chosen when it is read.
 */
export class RefusedArchiveError extends Error {
  override name = "RefusedArchiveError";
  constructor(
    readonly refusal: ArchiveRefusal,
    readonly requestId: string | null,
    private readonly say: (refusal: ArchiveRefusal) => string,
  ) {
    super(refusal.code);
  }

  get text(): string {
    return this.say(this.refusal);
  }
}

/** The body, or null when it is larger than any export (reading stops there). */
async function readCapped(response: Response): Promise<ArrayBuffer | null> {
  const declared = Number(response.headers.get("Content-Length"));
  if (declared > MAX_READ_BYTES) return null;
  if (!response.body) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_READ_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}

/**
 * BatchExportPrivateKey, then the guarded inspection. The body is the contract's bare array
 * with names only: nothing else is needed and less is sent. The label of the response is not
 * trusted (zip or octet-stream); the inspector judges the bytes.
 */
export async function exportAndInspect(input: {
  projectId: string;
  keypairs: KeypairSummary[];
  /** X-Export-Reason, already percent-encoded; null sends none. */
  reason: string | null;
  signal: AbortSignal;
}): Promise<ExportResult> {
  const { projectId, keypairs, signal } = input;
  const headers: Record<string, string> = { Accept: "application/zip, application/octet-stream" };
  if (input.reason !== null) headers[EXPORT_REASON_HEADER] = input.reason;
  const response = await apiFetch(
    `/v3/${encodeURIComponent(projectId)}/keypairs/private-key/batch-export`,
    {
      method: "POST",
      body: keypairs.map((keypair) => ({ keypair: { name: keypair.name } })),
      headers,
      signal,
    },
  );
  const requestId = response.headers.get("X-Request-Id");
  const bytes = await readCapped(response);
  // Marks (names only, no data) let `npm run bench` split transfer, checking and rendering.
  performance.mark("kps:export-received");
  // Loaded on demand so JSZip, the inspector and its words stay out of the first load; the
  // confirmation has loaded it by now, and then the check starts in this very task.
  const { inspectArchive, ArchiveRejectedError, refusalText } =
    loadedInspector() ?? (await loadInspector());
  if (bytes === null) throw new RefusedArchiveError({ code: "tooLarge" }, requestId, refusalText);
  try {
    const report = await inspectArchive(
      bytes,
      keypairs.map((keypair) => ({ name: keypair.name, fingerprint: keypair.fingerprint })),
      { signal },
    );
    performance.mark("kps:archive-checked");
    return { bytes, report, requestId };
  } catch (error) {
    if (error instanceof ArchiveRejectedError) {
      throw new RefusedArchiveError(error.refusal, requestId, refusalText);
    }
    throw error;
  }
}
