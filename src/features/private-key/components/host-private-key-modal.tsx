import { Alert, Button, FileInput, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { KeypairDetail } from "../../../../contract/kps.ts";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { KeyTextarea } from "../../../components/key-textarea.tsx";
import { currentFormat } from "../../../lib/i18n/format.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { checkPrivateKeyFor } from "../../../lib/ssh-key/possession-check.ts";
import { keyProblemText } from "../../../lib/ssh-key/problems/key-problem-text.ts";
import { useImportPrivateKey } from "../api/import-private-key.ts";
import { explainHostError } from "../explain-private-key-error.ts";
import { BoldSlot } from "./bold-slot.tsx";
import { hostWords } from "./words/en.ts";

/** The contract's limit on private_key; a bigger file is not a key KPS hosts. */
const MAX_KEY_BYTES = 32 * 1024;

type Props = { projectId: string; keypair: KeypairDetail; onClose: () => void };

/**
 * Loaded on demand. The key lives only in this component's state and the mutation's variables:
 * the action unmounts the modal on close, and reset() drops the mutation, so nothing keeps it.
 */
export function HostPrivateKeyModal({ projectId, keypair, onClose }: Props) {
  const t = useWords(hostWords);
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useImportPrivateKey(projectId);

  function close() {
    mutation.reset();
    setText("");
    onClose();
  }

  async function choose(chosen: File | null) {
    setFile(chosen);
    setProblem(null);
    mutation.reset();
    if (!chosen) return;
    if (chosen.size > MAX_KEY_BYTES) {
      setText("");
      setProblem(hostWords.get().tooLarge({ size: currentFormat().bytes(MAX_KEY_BYTES) }));
      return;
    }
    setText(await chosen.text());
  }

  function host() {
    mutation.reset();
    // Checked before anything is sent: a mismatch or an encrypted key never leaves the browser.
    const check = checkPrivateKeyFor(text, keypair.public_key);
    if (!check.ok) {
      setProblem(keyProblemText(check.problem));
      return;
    }
    setProblem(null);
    mutation.mutate(
      { projectId, name: keypair.name, privateKey: check.text },
      {
        onSuccess: () => {
          notifications.show({
            color: "teal",
            title: hostWords.get().doneTitle,
            message: hostWords.get().doneText({ name: keypair.name }),
          });
          close();
        },
      },
    );
  }

  return (
    <Modal
      opened
      onClose={close}
      title={t.title({ name: keypair.name })}
      size="lg"
      closeButtonProps={{ "aria-label": t.close }}
    >
      <Stack>
        <Text size="sm">
          <BoldSlot text={t.intro} slot="name" value={keypair.name} />
        </Text>
        <FileInput
          label={t.fileLabel}
          value={file}
          onChange={(chosen) => void choose(chosen)}
          clearable
          disabled={mutation.isPending}
        />
        <KeyTextarea
          label={t.pasteLabel}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setFile(null);
            setProblem(null);
            mutation.reset();
          }}
          rows={6}
          disabled={mutation.isPending}
        />
        {problem && (
          <Alert color="red" title={t.problemTitle} role="alert">
            <Text size="sm">{problem}</Text>
            <Text size="sm" mt={4}>
              {t.nothingSent}
            </Text>
          </Alert>
        )}
        {mutation.isError && <ErrorAlert explanation={explainHostError(mutation.error)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t.cancel}
          </Button>
          <Button onClick={host} disabled={text.trim() === ""} loading={mutation.isPending}>
            {t.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
