import { Button, Checkbox, Group, List, Modal, Stack, Text } from "@mantine/core";
import { type FormEvent, memo, useEffect, useState } from "react";
import type { ExportReasonMode } from "../../../../contract/export-audit.ts";
import type { KeypairSummary } from "../../../../contract/kps.ts";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useWords } from "../../../lib/i18n/i18n.ts";
import type { StepUpCredentials } from "../api/fresh-token.ts";
import type { ExportErrorExplanation } from "../explain-export-error.ts";
import { reasonProblem } from "../reason-rules.ts";
import type { StepUp, StepUpProblem } from "../step-up.ts";
import { confirmWords } from "../words/en.ts";
import { ReasonField } from "./reason-field.tsx";
import { richWords } from "./rich-words.tsx";
import { CODE_PATTERN, StepUpFields } from "./step-up-fields.tsx";

/** What Export sends: the reason as typed, and the password (and code) when asked for. */
export type ExportRequest = { reason: string; credentials?: StepUpCredentials };

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
  reasonMode: ExportReasonMode;
  /** The server refused the reason (KPS.7001/7002): the field says so. */
  reasonRefusal: "required" | "invalid" | null;
  stepUp: StepUp;
  stepUpProblem: StepUpProblem | null;
  userName: string;
  onExport: (request: ExportRequest) => void;
  onCancelRequest: () => void;
  onClose: () => void;
};

// Memoised: the flow redraws as its request starts, and a quick export should reach its preview
// without redrawing this dialog (see PENDING_SHOWN_AFTER_MS).
export const ConfirmExportModal = memo(function ConfirmExportModal(props: Props) {
  const t = useWords(confirmWords);
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t.title(props.keypairs.length)}
      size="lg"
      closeButtonProps={{ "aria-label": t.close }}
      // Gone at once when the preview replaces it, not fading out under the preview's first
      // frame (and drawn again in each frame of the fade).
      transitionProps={{ duration: 0 }}
    >
      <ConfirmBody {...props} />
    </Modal>
  );
});

function credentialsFor(stepUp: StepUp, password: string, code: string) {
  if (stepUp.stage === "none") return { ready: true, credentials: undefined };
  if (stepUp.stage === "password") return { ready: password !== "", credentials: { password } };
  return {
    ready: password !== "" && CODE_PATTERN.test(code),
    credentials: { password, totp: { userId: stepUp.userId, passcode: code } },
  };
}

// Its own component so the acknowledgement starts unticked every time the dialog opens, and
// the reason, password and code live only as long as it does.
function ConfirmBody(props: Props) {
  const t = useWords(confirmWords);
  const [understood, setUnderstood] = useState(false);
  const [reason, setReason] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  // A fresh token was issued: what proved it is dropped at once.
  useEffect(() => {
    if (props.stepUp.stage === "none") {
      setPassword("");
      setCode("");
    }
  }, [props.stepUp.stage]);
  const reasonOk = reasonProblem(reason, props.reasonMode) === null;
  const { ready, credentials } = credentialsFor(props.stepUp, password, code);
  const canExport =
    understood && reasonOk && ready && !props.nothingLeft && props.waitSeconds === 0;
  // A form, so Enter in the reason, password or code field exports once everything is in.
  function submit(event: FormEvent) {
    event.preventDefault();
    if (canExport && !props.pending) props.onExport({ reason, credentials });
  }
  return (
    <Stack component="form" onSubmit={submit}>
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
      <ReasonField
        mode={props.reasonMode}
        value={reason}
        onChange={setReason}
        disabled={props.pending}
        serverRefusal={props.reasonRefusal}
      />
      <StepUpFields
        stepUp={props.stepUp}
        userName={props.userName}
        problem={props.stepUpProblem}
        password={password}
        code={code}
        disabled={props.pending}
        onPassword={setPassword}
        onCode={setCode}
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
        <Button type="submit" disabled={!canExport} loading={props.pending}>
          {t.export}
        </Button>
      </Group>
    </Stack>
  );
}
