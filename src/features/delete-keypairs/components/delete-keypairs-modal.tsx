import { Button, Group, List, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useRef, useState } from "react";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { useDeleteKeypair } from "../api/delete-keypair.ts";
import { type DeleteOutcome, deletedNames, deleteInTurn } from "../delete-in-turn.ts";
import { explainDeleteError } from "../explain-delete-error.ts";
import { deleteDialogWords } from "./words/en.ts";

const CONFIRM_WORD = "DELETE";

type Props = {
  projectId: string;
  projectName: string;
  names: readonly string[];
  /** Closed by the user; names what was deleted so the page can drop it (selection, drawer). */
  onClose: (deleted: string[]) => void;
};

export function DeleteKeypairsModal({ projectId, projectName, names, onClose }: Props) {
  const t = useWords(deleteDialogWords);
  const mutation = useDeleteKeypair(projectId);
  const [typed, setTyped] = useState("");
  const started = useRef(false);
  const [outcomes, setOutcomes] = useState<DeleteOutcome[] | null>(null);
  const running = outcomes?.some((o) => o.state === "waiting" || o.state === "deleting") ?? false;
  const count = names.length;
  // The project's name is set in bold inside the sentence, wherever the language puts it.
  const [beforeProject, afterProject] = t.warning(count).split("{project}");

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
      title={t.title(count)}
      size="lg"
      closeOnEscape={!running}
      closeOnClickOutside={!running}
      withCloseButton={!running}
      closeButtonProps={{ "aria-label": t.close }}
    >
      <Stack>
        {outcomes === null ? (
          <>
            <Text size="sm">
              {beforeProject}
              <b>{projectName}</b>
              {afterProject}
            </Text>
            <List size="sm" spacing={2} aria-label={t.toDelete}>
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
                  label={t.confirmLabel({ word: CONFIRM_WORD })}
                  value={typed}
                  onChange={(event) => setTyped(event.currentTarget.value)}
                  autoComplete="off"
                  spellCheck={false}
                  data-autofocus
                />
                <Group justify="flex-end">
                  <Button variant="default" onClick={close}>
                    {t.cancel}
                  </Button>
                  <Button type="submit" color="red" disabled={typed !== CONFIRM_WORD}>
                    {t.confirm(count)}
                  </Button>
                </Group>
              </Stack>
            </form>
          </>
        ) : (
          <>
            <Stack gap="xs" aria-label={t.results} role="list">
              {outcomes.map((outcome) => (
                <OutcomeRow key={outcome.name} outcome={outcome} />
              ))}
            </Stack>
            <Group justify="flex-end">
              <Button onClick={close} disabled={running}>
                {t.closeResults}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

function OutcomeRow({ outcome }: { outcome: DeleteOutcome }) {
  const t = useWords(deleteDialogWords);
  const words = {
    waiting: t.waiting,
    deleting: t.deleting,
    deleted: t.deletedOne,
    failed: t.failed,
  }[outcome.state];
  // Words, not colour, carry the state: light badges fell short of AA contrast.
  return (
    <Stack gap={4} role="listitem" aria-label={t.outcome({ name: outcome.name, state: words })}>
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
