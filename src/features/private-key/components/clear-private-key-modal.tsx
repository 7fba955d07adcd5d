import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { KeypairDetail } from "../../../../contract/kps.ts";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useClearPrivateKey } from "../api/clear-private-key.ts";
import { explainClearError } from "../explain-private-key-error.ts";

type Props = { projectId: string; keypair: KeypairDetail; onClose: () => void };

/** Typing the name is the confirmation: a stray Enter or click cannot clear the wrong key. */
export function ClearPrivateKeyModal({ projectId, keypair, onClose }: Props) {
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
            title: "Private key cleared",
            message: `KPS no longer hosts the private key of ${keypair.name}.`,
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
      title={`Clear the private key of ${keypair.name}`}
      size="lg"
      closeButtonProps={{ "aria-label": "Close clear private key" }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          clear();
        }}
      >
        <Stack>
          <Alert color="red" title="This cannot be undone">
            <Text size="sm">
              KPS will delete the hosted private key of{" "}
              <b style={{ overflowWrap: "anywhere" }}>{keypair.name}</b>. The key pair and its
              public key stay, but its private key can no longer be exported. It can only be hosted
              again by importing the private key from a copy you hold.
            </Text>
          </Alert>
          <TextInput
            label="Type the key pair's name to confirm"
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
              Cancel
            </Button>
            <Button type="submit" color="red" disabled={!matches} loading={mutation.isPending}>
              Clear private key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
