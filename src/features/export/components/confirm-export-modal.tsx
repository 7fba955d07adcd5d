import { Button, Checkbox, Group, List, Modal, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { KeypairSummary } from "../../../../contract/kps.ts";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import type { ExportErrorExplanation } from "../explain-export-error.ts";

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
  const count = props.keypairs.length;
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={`Export ${count} private ${count === 1 ? "key" : "keys"}`}
      size="lg"
      closeButtonProps={{ "aria-label": "Close export confirmation" }}
    >
      <ConfirmBody {...props} />
    </Modal>
  );
}

// Its own component so the acknowledgement starts unticked every time the dialog opens.
function ConfirmBody(props: Props) {
  const [understood, setUnderstood] = useState(false);
  return (
    <Stack>
      <Text size="sm">
        {props.keypairs.length === 1
          ? "The private key of this key pair in project "
          : "The private keys of these key pairs in project "}
        <b>{props.projectName}</b> will be exported as one zip. You can check what is inside before
        saving it.
      </Text>

      {/* At most ten names: shown in full, never behind a scroll. */}
      <List size="sm" spacing={2} aria-label="Key pairs to export">
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
        label="I understand that anyone holding these private keys can sign in to the servers that trust them, and that I must store them safely."
      />
      {props.error && <ErrorAlert explanation={props.error} />}
      {!props.error && props.waitSeconds > 0 && (
        <Text size="sm" fw={600} role="status">
          KPS limits how often private keys can be exported: wait {props.waitSeconds}{" "}
          {props.waitSeconds === 1 ? "second" : "seconds"} before the next export.
        </Text>
      )}
      {props.nothingLeft && (
        <Text size="sm" fw={600}>
          None of these key pairs can be exported any more, so there is nothing left to send.
        </Text>
      )}
      <Group justify="flex-end">
        {props.pending ? (
          <Button variant="default" onClick={props.onCancelRequest}>
            Cancel export
          </Button>
        ) : (
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
        )}
        <Button
          onClick={props.onExport}
          disabled={!understood || props.nothingLeft || props.waitSeconds > 0}
          loading={props.pending}
        >
          Export
        </Button>
      </Group>
    </Stack>
  );
}
