import { Button, Checkbox, Group, List, Modal, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { KeypairSummary } from "../../../../contract/kps.ts";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useWords } from "../../../lib/i18n/i18n.ts";
import type { ExportErrorExplanation } from "../explain-export-error.ts";
import { confirmWords } from "../words/en.ts";
import { richWords } from "./rich-words.tsx";

type Props = {
  opened: boolean;
  projectName: string;
  keypairs: KeypairSummary[];
  pending: boolean;
  /** None of these is selected any more (deleted, cleared or frozen since): nothing to send. */
  nothingLeft: boolean;
  /** Seconds until KPS takes another export after a 429; Export waits for them. */
  waitSeconds: number;
  error: ExportErrorExplanation | null;
  onExport: () => void;
  onCancelRequest: () => void;
  onClose: () => void;
};

export function ConfirmExportModal(props: Props) {
  const t = useWords(confirmWords);
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t.title(props.keypairs.length)}
      size="lg"
      closeButtonProps={{ "aria-label": t.close }}
    >
      <ConfirmBody {...props} />
    </Modal>
  );
}

// Its own component so the acknowledgement starts unticked every time the dialog opens.
function ConfirmBody(props: Props) {
  const t = useWords(confirmWords);
  const [understood, setUnderstood] = useState(false);
  return (
    <Stack>
      <Text size="sm">
        {richWords(props.keypairs.length === 1 ? t.introOne : t.introMany, {
          project: <b>{props.projectName}</b>,
        })}
      </Text>

      {/* At most ten names: shown in full, never behind a scroll. */}
      <List size="sm" spacing={2} aria-label={t.listLabel}>
        {props.keypairs.map((keypair) => (
          <List.Item key={keypair.name} style={{ overflowWrap: "anywhere" }}>
            {keypair.name}
          </List.Item>
        ))}
      </List>
      <Checkbox
        checked={understood}
        disabled={props.pending}
        onChange={(event) => setUnderstood(event.currentTarget.checked)}
        label={t.acknowledge}
      />
      {props.error && <ErrorAlert explanation={props.error} />}
      {!props.error && props.waitSeconds > 0 && (
        <Text size="sm" fw={600} role="status">
          {t.throttled(props.waitSeconds)}
        </Text>
      )}
      {props.nothingLeft && (
        <Text size="sm" fw={600}>
          {t.nothingLeft}
        </Text>
      )}
      <Group justify="flex-end">
        {props.pending ? (
          <Button variant="default" onClick={props.onCancelRequest}>
            {t.cancelExport}
          </Button>
        ) : (
          <Button variant="default" onClick={props.onClose}>
            {t.cancel}
          </Button>
        )}
        <Button
          onClick={props.onExport}
          disabled={!understood || props.nothingLeft || props.waitSeconds > 0}
          loading={props.pending}
        >
          {t.export}
        </Button>
      </Group>
    </Stack>
  );
}
