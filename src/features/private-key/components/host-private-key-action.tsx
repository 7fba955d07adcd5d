import type { KeypairDetail } from "../../../../contract/kps.ts";
import { notPermittedReason, sessionMay } from "../../../lib/permissions.ts";
import type { Session } from "../../../lib/session.ts";
import { useOnDemandModal } from "../use-on-demand-modal.tsx";
import { PermittedButton } from "./permitted-button.tsx";

const loadModal = () =>
  import("./host-private-key-modal.tsx").then((loaded) => loaded.HostPrivateKeyModal);

/** Offered only for a key pair whose private key is not hosted. */
export function HostPrivateKeyAction({
  session,
  keypair,
}: {
  session: Session;
  keypair: KeypairDetail;
}) {
  const modal = useOnDemandModal(loadModal);
  if (keypair.is_key_protection) return null;
  const action = "kps:SSHKeyPair:importPrivateKey" as const;
  const reason = sessionMay(session, action) ? null : notPermittedReason(action);
  return (
    <>
      <PermittedButton
        variant="light"
        reason={reason}
        onClick={modal.open}
        onPointerEnter={modal.warm}
        onFocus={modal.warm}
      >
        Host private key
      </PermittedButton>
      {modal.Modal && (
        <modal.Modal projectId={session.project.id} keypair={keypair} onClose={modal.close} />
      )}
    </>
  );
}
