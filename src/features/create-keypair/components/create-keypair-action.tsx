import { notifications } from "@mantine/notifications";
import { type ComponentType, useCallback, useState } from "react";
import { PermittedButton } from "../../../components/permitted-button.tsx";
import { notPermittedReason, sessionMay } from "../../../lib/permissions.ts";
import type { Session } from "../../../lib/session.ts";
import type { TakenNames } from "../keypair-name-rule.ts";
import type { CreateKeypairModalProps } from "./create-keypair-modal.tsx";

const loadModal = () =>
  import("./create-keypair-modal.tsx").then((loaded) => loaded.CreateKeypairModal);

type Props = { session: Session; takenNames: TakenNames };

/**
 * The toolbar's "Create key pair". The dialog's code loads when the button is hovered, focused or
 * clicked; it is mounted only while open, so closing drops its state, the private key with it.
 */
export function CreateKeypairAction({ session, takenNames }: Props) {
  const [Modal, setModal] = useState<ComponentType<CreateKeypairModalProps> | null>(null);
  const warm = useCallback(() => {
    loadModal().catch(() => undefined);
  }, []);
  const open = useCallback(() => {
    loadModal()
      .then((loaded) => setModal(() => loaded))
      .catch(() =>
        notifications.show({
          color: "red",
          title: "The dialog could not be loaded",
          message: "Check the connection, then reload the page and try again.",
        }),
      );
  }, []);
  const close = useCallback(() => setModal(null), []);
  const action = "kps:SSHKeyPair:create";
  return (
    <>
      <PermittedButton
        reason={sessionMay(session, action) ? null : notPermittedReason(action)}
        onClick={open}
        onPointerEnter={warm}
        onFocus={warm}
      >
        Create key pair
      </PermittedButton>
      {Modal && <Modal projectId={session.project.id} takenNames={takenNames} onClose={close} />}
    </>
  );
}
