import type { KeypairDetail } from "../../../../contract/kps.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import type { Session } from "../../../lib/session.ts";
import { privateKeyActionWords } from "../words/en.ts";
import { KeypairModalAction } from "./keypair-modal-action.tsx";

const loadModal = () =>
  import("./clear-private-key-modal.tsx").then((loaded) => loaded.ClearPrivateKeyModal);

/** Offered only while KPS hosts the private key. */
export function ClearPrivateKeyAction(props: { session: Session; keypair: KeypairDetail }) {
  const t = useWords(privateKeyActionWords);
  if (!props.keypair.is_key_protection) return null;
  return (
    <KeypairModalAction
      {...props}
      action="kps:SSHKeyPair:clearPrivateKey"
      load={loadModal}
      color="red"
    >
      {t.clear}
    </KeypairModalAction>
  );
}
