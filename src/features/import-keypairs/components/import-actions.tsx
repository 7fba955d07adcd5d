import { Button, Group, Stack, Text } from "@mantine/core";
import { useId } from "react";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { notPermittedReason, sessionMay } from "../../../lib/permissions.ts";
import type { Session } from "../../../lib/session.ts";
import { useOnDemandModal } from "../../../lib/use-on-demand-modal.tsx";
import type { ExistingNames } from "../import-names.ts";
import { importActionWords } from "../words/en.ts";

export type ImportModalProps = { projectId: string; existing: ExistingNames; onClose: () => void };

const loadSingle = () =>
  import("./import-keypair-modal.tsx").then((loaded) => loaded.ImportKeypairModal);
const loadBatch = () =>
  import("./batch-import-modal.tsx").then((loaded) => loaded.BatchImportModal);

type Props = { session: Session; existing: ExistingNames };

/** The toolbar's import buttons; both need kps:SSHKeyPair:create and say so when it is missing. */
export function ImportActions({ session, existing }: Props) {
  const t = useWords(importActionWords);
  const single = useOnDemandModal(loadSingle);
  const batch = useOnDemandModal(loadBatch);
  const action = "kps:SSHKeyPair:create";
  const reason = sessionMay(session, action) ? null : notPermittedReason(action);
  const projectId = session.project.id;
  const reasonId = useId();
  // One reason for both buttons, read with each, rather than the same sentence twice.
  const describedBy = reason ? reasonId : undefined;
  return (
    <Stack gap={2} maw={420}>
      <Group gap="xs" justify="flex-end">
        <Button
          disabled={reason !== null}
          aria-describedby={describedBy}
          onClick={single.open}
          onPointerEnter={single.warm}
          onFocus={single.warm}
        >
          {t.importOne}
        </Button>
        <Button
          variant="default"
          disabled={reason !== null}
          aria-describedby={describedBy}
          onClick={batch.open}
          onPointerEnter={batch.warm}
          onFocus={batch.warm}
        >
          {t.importSeveral}
        </Button>
      </Group>
      {reason && (
        <Text id={reasonId} size="xs" c="dimmed" ta="right">
          {reason}
        </Text>
      )}
      {single.Modal && (
        <single.Modal projectId={projectId} existing={existing} onClose={single.close} />
      )}
      {batch.Modal && (
        <batch.Modal projectId={projectId} existing={existing} onClose={batch.close} />
      )}
    </Stack>
  );
}
