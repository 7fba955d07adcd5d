import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { KeypairSummary } from "../../../../contract/kps.ts";
import { isAbortError, isApiError } from "../../../lib/api-error.ts";
import { revokeAllObjectUrls } from "../../../lib/download.ts";
import { useExportPolicy } from "../../../lib/export-policy.ts";
import { getSession, useSession } from "../../../lib/session.ts";
import { useSecondsUntil } from "../../../lib/use-seconds-until.ts";
import { useShownAfter } from "../../../lib/use-shown-after.ts";
import { exportAndInspect } from "../api/batch-export.ts";
import { freshSignIn, type StepUpCredentials } from "../api/fresh-token.ts";
import { loadInspector } from "../archive/load-inspector.ts";
import { explainExportError, isListStale, waitWords } from "../explain-export-error.ts";
import { reasonHeader } from "../reason-rules.ts";
import {
  isFreshAuthRefusal,
  needsFreshAuth,
  type StepUp,
  serverReasonRefusal,
  stepUpAfter,
  stepUpProblem,
} from "../step-up.ts";
import { ConfirmExportModal, type ExportRequest } from "./confirm-export-modal.tsx";

const loadPreview = () => import("./export-preview-modal.tsx");

/**
 * The dialog turns busy only for an export slower than this. A quick one goes straight from the
 * confirmation to its preview: drawing the busy dialog took the main thread while the archive
 * arrived and was checked, and put ~20 ms between the click and the verdict.
 */
export const PENDING_SHOWN_AFTER_MS = 150;

/**
 * The export, and the preview's code in parallel: the modal is rendered only once both are in,
 * never through React.lazy, whose Suspense fallback held the first preview back ~300 ms.
 */
async function exportWithPreview(
  input: Parameters<typeof exportAndInspect>[0] & {
    credentials?: StepUpCredentials;
    onFreshToken: () => void;
  },
) {
  const session = getSession();
  if (input.credentials && session) {
    // The password (and code) for a fresh token first; the export then goes with it.
    await freshSignIn(session, input.credentials, input.signal);
    input.onFreshToken();
  }
  const [result, preview] = await Promise.all([exportAndInspect(input), loadPreview()]);
  return { result, Preview: preview.ExportPreviewModal };
}

type Options = {
  projectId: string;
  projectName: string;
  /** The service no longer matches the list (a key cleared, frozen or deleted). */
  onListStale: () => void;
  /**
   * The live selection, for the batch: the open confirmation lists and sends what is selected
   * now, so a key pair that left the selection (deleted since) is neither shown nor resent.
   */
  selection?: KeypairSummary[];
};

/**
 * Confirm → export → guarded preview → download, for the batch and for one key alike. Export is
 * a mutation, never a query: its result (the zip and the keys inside) lives only in this
 * mutation and is dropped with reset() when the preview closes.
 */
export function useExportFlow({ projectId, projectName, onListStale, selection }: Options) {
  const [opened, setOpened] = useState<KeypairSummary[] | null>(null);
  const mutation = useMutation({ mutationFn: exportWithPreview });
  // The preview replaces the confirmation in the same render: closing the confirmation from
  // onSuccess drew a frame with neither dialog, and the preview only in a second render.
  const live = opened && !mutation.data ? (selection ?? opened) : null;
  // Everything left the selection: the dialog stays with its error (nothing is lost), listing
  // what was asked for, and nothing can be sent.
  const nothingLeft = live !== null && live.length === 0;
  const confirming = nothingLeft ? opened : live;
  const controller = useRef<AbortController | null>(null);
  const { reasonMode, freshAuthSeconds } = useExportPolicy();
  const session = useSession();
  const [stepUp, setStepUp] = useState<StepUp>({ stage: "none" });
  // A throttled export says how long to wait; Export stays off and the wait counts down.
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const waitSeconds = useSecondsUntil(retryAt);
  const { reset, mutate } = mutation;
  const pendingShown = useShownAfter(mutation.isPending, PENDING_SHOWN_AFTER_MS);

  useEffect(
    () => () => {
      controller.current?.abort();
      revokeAllObjectUrls();
      loadInspector()
        .then((inspector) => inspector.releaseArchiveInspector())
        .catch(() => undefined);
    },
    [],
  );

  // Stable while a request is in flight, so its pending state (a prop the dialog draws only
  // after PENDING_SHOWN_AFTER_MS) does not redraw the dialog either.
  const start = useCallback(
    ({ reason, credentials }: ExportRequest) => {
      // One export at a time: the dialog stays live for a quick one, so a second click is
      // ignored here rather than sending (and auditing) the same export twice.
      if (!confirming || nothingLeft || waitSeconds > 0 || controller.current) return;
      // The password was checked too long ago for this server: ask for it before sending.
      if (!credentials && needsFreshAuth(getSession(), freshAuthSeconds, Date.now())) {
        reset();
        setStepUp({ stage: "password" });
        return;
      }
      const abort = new AbortController();
      controller.current = abort;
      mutate(
        {
          projectId,
          keypairs: confirming,
          reason: reasonHeader(reason, reasonMode),
          signal: abort.signal,
          credentials,
          onFreshToken: () => setStepUp({ stage: "none" }),
        },
        {
          onError: (error) => {
            setStepUp((current) => stepUpAfter(error, current, getSession()));
            if (isApiError(error) && error.status === 429) {
              setRetryAt(Date.now() + (error.retryAfter ?? 60) * 1000);
            }
            if (isAbortError(error)) reset();
            else if (isListStale(error)) onListStale();
          },
          onSettled: () => {
            if (controller.current === abort) controller.current = null;
          },
        },
      );
    },
    [
      confirming,
      nothingLeft,
      waitSeconds,
      freshAuthSeconds,
      reasonMode,
      projectId,
      mutate,
      reset,
      onListStale,
    ],
  );

  const cancelRequest = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    reset();
  }, [reset]);

  function open(keypairs: KeypairSummary[]) {
    cancelRequest();
    setStepUp({ stage: "none" });
    setOpened(keypairs);
    // Warm the preview chunk and the archive worker while the user reads the confirmation.
    loadPreview().catch(() => undefined);
    loadInspector()
      .then((inspector) => inspector.warmArchiveInspector())
      .catch(() => undefined);
  }

  const closeConfirm = useCallback(() => {
    cancelRequest();
    setOpened(null);
  }, [cancelRequest]);

  function closePreview() {
    reset();
    setOpened(null);
    revokeAllObjectUrls();
  }

  // Refusals the dialog answers in its own fields (reason, password, code), not in an alert.
  const inPlace =
    isFreshAuthRefusal(mutation.error) ||
    stepUpProblem(mutation.error) !== null ||
    serverReasonRefusal(mutation.error) !== null;
  const explained =
    mutation.isError && !isAbortError(mutation.error) && !inPlace
      ? // Named from what was sent: the dialog may already list fewer once the list refreshes.
        explainExportError(
          mutation.error,
          (mutation.variables?.keypairs ?? []).map((keypair) => keypair.name),
        )
      : null;

  const error =
    explained && isApiError(mutation.error) && mutation.error.status === 429
      ? { ...explained, action: waitWords(waitSeconds) }
      : explained;

  const dialogs = (
    <>
      <ConfirmExportModal
        opened={confirming !== null}
        projectName={projectName}
        keypairs={confirming ?? []}
        pending={pendingShown}
        nothingLeft={nothingLeft}
        waitSeconds={waitSeconds}
        error={error}
        reasonMode={reasonMode}
        reasonRefusal={serverReasonRefusal(mutation.error)}
        stepUp={stepUp}
        stepUpProblem={stepUpProblem(mutation.error)}
        userName={session?.user.name ?? ""}
        onExport={start}
        onCancelRequest={cancelRequest}
        onClose={closeConfirm}
      />
      {mutation.data && (
        <mutation.data.Preview result={mutation.data.result} onClose={closePreview} />
      )}
    </>
  );
  return { open, dialogs };
}
