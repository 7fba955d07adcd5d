import { Modal } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { saveBlob } from "../../../lib/download.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { type CreatedKeypair, useCreateKeypair } from "../api/create-keypair.ts";
import { explainCreateError } from "../explain-create-error.ts";
import type { TakenNames } from "../keypair-name-rule.ts";
import { type CreateKeypairChoices, CreateKeypairForm } from "./create-keypair-form.tsx";
import { PrivateKeyOffer } from "./private-key-offer.tsx";
import { createErrorWords, formWords, offerWords } from "./words/en.ts";

export type CreateKeypairModalProps = {
  projectId: string;
  takenNames: TakenNames;
  onClose: () => void;
};

type Created = { keypair: CreatedKeypair; hosted: boolean };

/**
 * Loaded on demand. The private key lives only in this component's state: the mutation is reset
 * the moment it answers, and the action unmounts this dialog on close, which drops the key.
 */
export function CreateKeypairModal({ projectId, takenNames, onClose }: CreateKeypairModalProps) {
  const t = useWords(formWords);
  const offer = useWords(offerWords);
  // explainCreateError reads these words while rendering: a language switch must re-render.
  useWords(createErrorWords);
  const mutation = useCreateKeypair(projectId);
  const [created, setCreated] = useState<Created | null>(null);
  const [downloaded, setDownloaded] = useState(false);
  const [notNeeded, setNotNeeded] = useState(false);
  const [asking, setAsking] = useState(false);
  const [downloadFailed, setDownloadFailed] = useState(false);
  // Until the key is saved or declined, an outside click or Escape must not lose it.
  const guarded = mutation.isPending || (created !== null && !downloaded && !notNeeded);

  function close() {
    mutation.reset();
    setCreated(null);
    onClose();
  }

  function requestClose() {
    if (mutation.isPending) return;
    if (guarded) {
      setAsking(true);
      return;
    }
    close();
  }

  function create(choices: CreateKeypairChoices) {
    mutation.mutate(
      { projectId, ...choices },
      {
        onSuccess: (keypair) => {
          setCreated({ keypair, hosted: choices.hosted });
          mutation.reset();
          const words = offerWords.get();
          notifications.show({
            color: "teal",
            title: words.createdToastTitle,
            message: words.createdToastMessage({ name: keypair.name }),
          });
        },
      },
    );
  }

  function download(keypair: CreatedKeypair) {
    try {
      saveBlob(
        new Blob([keypair.privateKey], { type: "application/x-pem-file" }),
        `${keypair.name}.pem`,
      );
      setDownloaded(true);
      setDownloadFailed(false);
    } catch {
      setDownloadFailed(true);
    }
  }

  return (
    <Modal
      opened
      onClose={requestClose}
      closeOnClickOutside={!guarded}
      closeOnEscape={!guarded}
      title={created ? offer.createdTitle({ name: created.keypair.name }) : t.title}
      size="lg"
      closeButtonProps={{ "aria-label": t.close }}
    >
      {created ? (
        <PrivateKeyOffer
          keypair={created.keypair}
          hosted={created.hosted}
          downloaded={downloaded}
          downloadFailed={downloadFailed}
          notNeeded={notNeeded}
          onDownload={() => download(created.keypair)}
          onNotNeededChange={setNotNeeded}
          asking={asking}
          onConfirmClose={close}
          onKeepOpen={() => setAsking(false)}
          onDone={close}
        />
      ) : (
        <CreateKeypairForm
          takenNames={takenNames}
          pending={mutation.isPending}
          error={mutation.isError ? explainCreateError(mutation.error) : null}
          onSubmit={create}
          onCancel={requestClose}
          onChange={() => {
            if (mutation.isError) mutation.reset();
          }}
        />
      )}
    </Modal>
  );
}
