import { notifications } from "@mantine/notifications";
import { type ComponentType, useState } from "react";
import type { KeypairDetail } from "../../../../contract/kps.ts";
import { notPermittedReason, sessionMay } from "../../../lib/permissions.ts";
import type { Session } from "../../../lib/session.ts";
import { PermittedButton } from "./permitted-button.tsx";

type ModalProps = { projectId: string; keypair: KeypairDetail; onClose: () => void };
const loadModal = () => import("./host-private-key-modal.tsx");

/** Offered only for a key pair whose private key is not hosted; the modal loads on demand. */
export function HostPrivateKeyAction({
  session,
  keypair,
}: {
  session: Session;
  keypair: KeypairDetail;
}) {
  const [Modal, setModal] = useState<ComponentType<ModalProps> | null>(null);
  const [opened, setOpened] = useState(false);
  if (keypair.is_key_protection) return null;
  const action = "kps:SSHKeyPair:importPrivateKey" as const;
  const reason = sessionMay(session, action) ? null : notPermittedReason(action);

  function warm() {
    loadModal().catch(() => undefined);
  }
  function open() {
    loadModal()
      .then((loaded) => {
        setModal(() => loaded.HostPrivateKeyModal);
        setOpened(true);
      })
      .catch(() =>
        notifications.show({
          color: "red",
          title: "The dialog could not be loaded",
          message: "Check the connection, then reload the page and try again.",
        }),
      );
  }

  return (
    <>
      <PermittedButton
        variant="light"
        reason={reason}
        onClick={open}
        onPointerEnter={warm}
        onFocus={warm}
      >
        Host private key
      </PermittedButton>
      {opened && Modal && (
        <Modal projectId={session.project.id} keypair={keypair} onClose={() => setOpened(false)} />
      )}
    </>
  );
}
