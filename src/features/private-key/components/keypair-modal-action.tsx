import type { ButtonProps } from "@mantine/core";
import type { ComponentType } from "react";
import type { KpsAction } from "../../../../contract/iam.ts";
import type { KeypairDetail } from "../../../../contract/kps.ts";
import { PermittedButton } from "../../../components/permitted-button.tsx";
import { notPermittedReason, sessionMay } from "../../../lib/permissions.ts";
import type { Session } from "../../../lib/session.ts";
import { useOnDemandModal } from "../../../lib/use-on-demand-modal.tsx";

type KeypairModalProps = { projectId: string; keypair: KeypairDetail; onClose: () => void };

type Props = {
  session: Session;
  keypair: KeypairDetail;
  action: KpsAction;
  load: () => Promise<ComponentType<KeypairModalProps>>;
  color?: ButtonProps["color"];
  children: string;
};

/** A drawer button that needs one permission and opens its dialog, loaded on demand. */
export function KeypairModalAction({ session, keypair, action, load, color, children }: Props) {
  const modal = useOnDemandModal(load);
  return (
    <>
      <PermittedButton
        variant="light"
        color={color}
        reason={sessionMay(session, action) ? null : notPermittedReason(action)}
        onClick={modal.open}
        onPointerEnter={modal.warm}
        onFocus={modal.warm}
      >
        {children}
      </PermittedButton>
      {modal.Modal && (
        <modal.Modal projectId={session.project.id} keypair={keypair} onClose={modal.close} />
      )}
    </>
  );
}
