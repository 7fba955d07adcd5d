import { PermittedButton } from "../../../components/permitted-button.tsx";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { notPermittedReason, sessionMay } from "../../../lib/permissions.ts";
import type { Session } from "../../../lib/session.ts";
import { useOnDemandModal } from "../../../lib/use-on-demand-modal.tsx";
import type { TakenNames } from "../keypair-name-rule.ts";
import { createActionWords } from "../words/en.ts";

const loadModal = () =>
  import("./create-keypair-modal.tsx").then((loaded) => loaded.CreateKeypairModal);

type Props = { session: Session; takenNames: TakenNames };

/**
 * The toolbar's "Create key pair". The dialog's code loads when the button is hovered, focused or
 * clicked; it is mounted only while open, so closing drops its state, the private key with it.
 */
export function CreateKeypairAction({ session, takenNames }: Props) {
  const t = useWords(createActionWords);
  const { Modal, warm, open, close } = useOnDemandModal(loadModal);
  const action = "kps:SSHKeyPair:create";
  return (
    <>
      <PermittedButton
        reason={sessionMay(session, action) ? null : notPermittedReason(action)}
        onClick={open}
        onPointerEnter={warm}
        onFocus={warm}
      >
        {t.create}
      </PermittedButton>
      {Modal && <Modal projectId={session.project.id} takenNames={takenNames} onClose={close} />}
    </>
  );
}
