import { Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type ComponentType, useId, useState } from "react";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { notPermittedReason, sessionMay } from "../../../lib/permissions.ts";
import type { Session } from "../../../lib/session.ts";
import { deleteActionWords } from "../words/en.ts";

type ModalModule = typeof import("./delete-keypairs-modal.tsx");
type DeleteModal = ModalModule["DeleteKeypairsModal"];

// The dialog is loaded when the button is hovered or clicked, so the first load does not carry it.
const loadModal = () => import("./delete-keypairs-modal.tsx");

type Props = {
  session: Session;
  names: readonly string[];
  label: string;
  onDeleted?: (names: string[]) => void;
};

export function DeleteAction({ session, names, label, onDeleted }: Props) {
  const t = useWords(deleteActionWords);
  const reasonId = useId();
  const [Modal, setModal] = useState<ComponentType<Parameters<DeleteModal>[0]> | null>(null);
  const [confirming, setConfirming] = useState<readonly string[] | null>(null);
  const permitted = sessionMay(session, "kps:SSHKeyPair:delete");
  const reason = permitted ? null : notPermittedReason("kps:SSHKeyPair:delete");

  function open() {
    const chosen = [...names];
    loadModal()
      .then((module) => {
        setModal(() => module.DeleteKeypairsModal);
        setConfirming(chosen);
      })
      .catch(() =>
        notifications.show({
          color: "red",
          title: t.openFailedTitle,
          message: t.openFailedText,
        }),
      );
  }

  function close(deleted: string[]) {
    setConfirming(null);
    if (deleted.length === 0) return;
    notifications.show({
      color: "green",
      title: t.deleted(deleted.length),
      message: deleted.join(", "),
    });
    onDeleted?.(deleted);
  }

  return (
    <Group gap="xs">
      {reason && (
        <Text id={reasonId} size="sm" c="dimmed">
          {reason}
        </Text>
      )}
      <Button
        color="red"
        variant="light"
        disabled={reason !== null || names.length === 0}
        aria-describedby={reason ? reasonId : undefined}
        onMouseEnter={() => loadModal().catch(() => undefined)}
        onFocus={() => loadModal().catch(() => undefined)}
        onClick={open}
      >
        {label}
      </Button>
      {Modal && confirming && (
        <Modal
          projectId={session.project.id}
          projectName={session.project.name}
          names={confirming}
          onClose={close}
        />
      )}
    </Group>
  );
}
