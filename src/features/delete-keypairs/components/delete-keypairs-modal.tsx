import { Button, Group, List, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useRef, useState } from "react";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useDeleteKeypair } from "../api/delete-keypair.ts";
import { type DeleteOutcome, deletedNames, deleteInTurn } from "../delete-in-turn.ts";
import { explainDeleteError } from "../explain-delete-error.ts";

const CONFIRM_WORD = "DELETE";

type Props = {
  projectId: string;
  projectName: string;
  names: readonly string[];
  /** Closed by the user; names what was deleted so the page can drop it (selection, drawer). */
  onClose: (deleted: string[]) => void;
};

export function DeleteKeypairsModal({ projectId, projectName, names, onClose }: Props) {
  const mutation = useDeleteKeypair(projectId);
  const [typed, setTyped] = useState("");
  const started = useRef(false);
  const [outcomes, setOutcomes] = useState<DeleteOutcome[] | null>(null);
  const running = outcomes?.some((o) => o.state === "waiting" || o.state === "deleting") ?? false;
  const count = names.length;
  const noun = count === 1 ? "key pair" : "key pairs";

  async function start() {
    // Once per dialog: a second Enter or click must not send the deletes again.
    if (started.current) return;
    started.current = true;
    await deleteInTurn(names, (name) => mutation.mutateAsync(name), setOutcomes);
  }

  // While deletes are in flight the dialog stays: closing it would hide answers still coming.
  const close = () => {
    if (!running) onClose(deletedNames(outcomes ?? []));
  };

  return (
    <Modal
      opened
      onClose={close}
      title={`Delete ${count} ${noun}`}
      size="lg"
      closeOnEscape={!running}
      closeOnClickOutside={!running}
      withCloseButton={!running}
      closeButtonProps={{ "aria-label": "Close delete dialog" }}
    >
      <Stack>
        {outcomes === null ? (
          <>
            <Text size="sm">
              {count === 1 ? "This key pair" : "These key pairs"} in project <b>{projectName}</b>{" "}
              will be deleted, with any private key KPS hosts for them. This cannot be undone.
            </Text>
            <List size="sm" spacing={2} aria-label={`Key pairs to delete`}>
              {names.map((name) => (
                <List.Item key={name} style={{ overflowWrap: "anywhere" }}>
                  {name}
                </List.Item>
              ))}
            </List>
            {/* A form, so Enter in the field confirms once the word is right. */}
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (typed === CONFIRM_WORD) start();
              }}
            >
              <Stack>
                <TextInput
                  label={`Type ${CONFIRM_WORD} to confirm`}
                  value={typed}
                  onChange={(event) => setTyped(event.currentTarget.value)}
                  autoComplete="off"
                  spellCheck={false}
                  data-autofocus
                />
                <Group justify="flex-end">
                  <Button variant="default" onClick={close}>
                    Cancel
                  </Button>
                  <Button type="submit" color="red" disabled={typed !== CONFIRM_WORD}>
                    Delete {count} {noun}
                  </Button>
                </Group>
              </Stack>
            </form>
          </>
        ) : (
          <>
            <Stack gap="xs" aria-label="Delete results" role="list">
              {outcomes.map((outcome) => (
                <OutcomeRow key={outcome.name} outcome={outcome} />
              ))}
            </Stack>
            <Group justify="flex-end">
              <Button onClick={close} disabled={running}>
                Close
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

const STATE_WORDS = {
  waiting: "Waiting",
  deleting: "Deleting…",
  deleted: "Deleted",
  failed: "Not deleted",
} as const;

function OutcomeRow({ outcome }: { outcome: DeleteOutcome }) {
  const words = STATE_WORDS[outcome.state];
  // Words, not colour, carry the state: light badges fell short of AA contrast.
  return (
    <Stack gap={4} role="listitem" aria-label={`${outcome.name}: ${words}`}>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" fw={700} style={{ flexShrink: 0 }}>
          {words}
        </Text>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {outcome.name}
        </Text>
      </Group>
      {outcome.state === "failed" && (
        <ErrorAlert explanation={explainDeleteError(outcome.error, outcome.name)} />
      )}
    </Stack>
  );
}
