import type { KeypairDetail } from "../../../../contract/kps.ts";
import type { Session } from "../../../lib/session.ts";
import { KeypairModalAction } from "./keypair-modal-action.tsx";

const loadModal = () =>
  import("./host-private-key-modal.tsx").then((loaded) => loaded.HostPrivateKeyModal);

/** Offered only for a key pair whose private key is not hosted. */
export function HostPrivateKeyAction(props: { session: Session; keypair: KeypairDetail }) {
  if (props.keypair.is_key_protection) return null;
  return (
    <KeypairModalAction {...props} action="kps:SSHKeyPair:importPrivateKey" load={loadModal}>
      Host private key
    </KeypairModalAction>
  );
}
