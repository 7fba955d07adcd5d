import type { KeypairDetail } from "../../../../contract/kps.ts";
import { PermittedButton } from "../../../components/permitted-button.tsx";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { notPermittedReason, sessionMay } from "../../../lib/permissions.ts";
import type { Session } from "../../../lib/session.ts";
import { exportActionWords } from "../words/en.ts";
import { useExportFlow } from "./use-export-flow.tsx";

type Props = {
  session: Session;
  keypair: KeypairDetail;
  /** The service no longer matches the list (a key cleared, frozen or deleted). */
  onListStale: () => void;
};

function blocker(session: Session, keypair: KeypairDetail, frozen: string): string | null {
  if ((keypair.frozen_state ?? 0) !== 0) return frozen;
  const action = "kps:SSHKeyPair:exportPrivateKey" as const;
  return sessionMay(session, action) ? null : notPermittedReason(action);
}

/**
 * The drawer's export of one key: the batch's own flow (confirm, guarded preview with the
 * possession check and masked body, download of the server's bytes) for a list of one.
 */
export function ExportOneAction({ session, keypair, onListStale }: Props) {
  const t = useWords(exportActionWords);
  const flow = useExportFlow({
    projectId: session.project.id,
    projectName: session.project.name,
    onListStale,
  });
  // A key cleared while its preview is open keeps the preview until the user closes it.
  if (!keypair.is_key_protection) return flow.dialogs;
  return (
    <>
      <PermittedButton
        variant="light"
        reason={blocker(session, keypair, t.frozen)}
        onClick={() => flow.open([keypair])}
      >
        {t.exportOne}
      </PermittedButton>
      {flow.dialogs}
    </>
  );
}
