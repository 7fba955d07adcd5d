import type { KeypairDetail } from "../../../../contract/kps.ts";
import { notPermittedReason, sessionMay } from "../../../lib/permissions.ts";
import type { Session } from "../../../lib/session.ts";
import { useOnDemandModal } from "../use-on-demand-modal.tsx";
import { PermittedButton } from "./permitted-button.tsx";

const loadModal = () =>
  import("./clear-private-key-modal.tsx").then((loaded) => loaded.ClearPrivateKeyModal);

/** Offered only while KPS hosts the private key. */
export function ClearPrivateKeyAction({
  session,
  keypair,
}: {
  session: Session;
  keypair: KeypairDetail;
}) {
  const modal = useOnDemandModal(loadModal);
  if (!keypair.is_key_protection) return null;
  const action = "kps:SSHKeyPair:clearPrivateKey" as const;
  const reason = sessionMay(session, action) ? null : notPermittedReason(action);
  return (
    <>
      <PermittedButton
        variant="light"
        color="red"
        reason={reason}
        onClick={modal.open}
        onPointerEnter={modal.warm}
        onFocus={modal.warm}
      >
        Clear private key
      </PermittedButton>
      {modal.Modal && (
        <modal.Modal projectId={session.project.id} keypair={keypair} onClose={modal.close} />
      )}
    </>
  );
}
