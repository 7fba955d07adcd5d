import { Button, Group, Text } from "@mantine/core";
import { useId } from "react";
import type { KeypairSummary } from "../../../../contract/kps.ts";
import { useExportFlow } from "./use-export-flow.tsx";

type Props = {
  projectId: string;
  projectName: string;
  keypairs: KeypairSummary[];
  /** The service no longer matches the list (a key cleared, frozen or deleted). */
  onListStale: () => void;
};

/** The batch export of the selected rows. */
export function ExportAction({ projectId, projectName, keypairs, onListStale }: Props) {
  const reasonId = useId();
  const flow = useExportFlow({ projectId, projectName, onListStale, selection: keypairs });
  return (
    <Group gap="sm">
      {keypairs.length === 0 && (
        <Text id={reasonId} size="sm" c="dimmed">
          Select key pairs with hosted private keys to export them.
        </Text>
      )}
      <Button
        disabled={keypairs.length === 0}
        aria-describedby={keypairs.length === 0 ? reasonId : undefined}
        onClick={() => flow.open(keypairs)}
      >
        Export private keys
      </Button>
      {flow.dialogs}
    </Group>
  );
}
