import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { KeypairDetail } from "../../../../contract/kps.ts";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { useClearPrivateKey } from "../api/clear-private-key.ts";
import { explainClearError } from "../explain-private-key-error.ts";
import { BoldSlot } from "./bold-slot.tsx";
import { clearWords } from "./words/en.ts";

type Props = { projectId: string; keypair: KeypairDetail; onClose: () => void };

/** Typing the name is the confirmation: a stray Enter or click cannot clear the wrong key. */
export function ClearPrivateKeyModal({ projectId, keypair, onClose }: Props) {
  const t = useWords(clearWords);
  const [typed, setTyped] = useState("");
  const mutation = useClearPrivateKey(projectId);
  const matches = typed === keypair.name;

  function close() {
    mutation.reset();
    onClose();
  }

  function clear() {
    if (!matches) return;
    mutation.mutate(
      { projectId, name: keypair.name },
      {
        onSuccess: () => {
          notifications.show({
            color: "teal",
            title: clearWords.get().doneTitle,
            message: clearWords.get().doneText({ name: keypair.name }),
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
      <form
        onSubmit={(event) => {
          event.preventDefault();
          clear();
        }}
      >
        <Stack>
          <Alert color="red" title={t.warningTitle}>
            <Text size="sm">
              <BoldSlot text={t.warning} slot="name" value={keypair.name} />
            </Text>
          </Alert>
          <TextInput
            label={t.confirmLabel}
            description={keypair.name}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
          />
          {mutation.isError && <ErrorAlert explanation={explainClearError(mutation.error)} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t.cancel}
            </Button>
            <Button type="submit" color="red" disabled={!matches} loading={mutation.isPending}>
              {t.confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
