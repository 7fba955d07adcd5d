import { Button, Group, Text } from "@mantine/core";
import { useId } from "react";
import type { KeypairSummary } from "../../../../contract/kps.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { notPermittedReason, sessionMay } from "../../../lib/permissions.ts";
import type { Session } from "../../../lib/session.ts";
import { exportActionWords } from "../words/en.ts";
import { useExportFlow } from "./use-export-flow.tsx";

type Props = {
  session: Session;
  keypairs: KeypairSummary[];
  /** The service no longer matches the list (a key cleared, frozen or deleted). */
  onListStale: () => void;
};

/** The batch export of the selected rows. */
export function ExportAction({ session, keypairs, onListStale }: Props) {
  const t = useWords(exportActionWords);
  const reasonId = useId();
  const flow = useExportFlow({
    projectId: session.project.id,
    projectName: session.project.name,
    onListStale,
    selection: keypairs,
  });
  // What the token's roles say is shown before anything is ticked; the server still decides.
  const action = "kps:SSHKeyPair:exportPrivateKey" as const;
  const reason = sessionMay(session, action)
    ? keypairs.length === 0
      ? t.selectFirst
      : null
    : notPermittedReason(action);
  return (
    <Group gap="sm">
      {reason && (
        <Text id={reasonId} size="sm" c="dimmed" maw={360}>
          {reason}
        </Text>
      )}
      <Button
        disabled={reason !== null}
        aria-describedby={reason ? reasonId : undefined}
        onClick={() => flow.open(keypairs)}
      >
        {t.exportSelected}
      </Button>
      {flow.dialogs}
    </Group>
  );
}
