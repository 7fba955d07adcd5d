import { Code, Drawer, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { memo, type ReactNode } from "react";
import type { KeypairDetail, KeypairSummary } from "../../../../contract/kps.ts";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { algorithmWords } from "../../../lib/algorithm-words.ts";
import { explainError } from "../../../lib/explain-error.ts";
import { sha256FingerprintOfLine } from "../../../lib/ssh-key/sha256-fingerprint.ts";
import { keypairDetailOptions } from "../api/keypair-queries.ts";
import { NOT_REPORTED, scopeWords, statusWords } from "../keypair-words.ts";
import { DescriptionField } from "./description-field.tsx";
import { DownloadPublicKeyButton } from "./download-public-key-button.tsx";

type Props = {
  projectId: string;
  name: string | null;
  onClose: () => void;
  /** The list's row for this key pair, shown while the details load or when they fail. */
  summary?: KeypairSummary;
  /** What other features offer for this key pair (export, host, delete…), composed by the page. */
  actions?: (keypair: KeypairDetail) => ReactNode;
};

export const KeypairDetailDrawer = memo(function KeypairDetailDrawer({
  projectId,
  name,
  summary,
  onClose,
  actions,
}: Props) {
  return (
    <Drawer
      opened={name !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={name ? `Key pair ${name}` : "Key pair"}
      closeButtonProps={{ "aria-label": "Close key pair details" }}
      // A 255-character name wraps instead of pushing the close button off the screen.
      styles={{ title: { overflowWrap: "anywhere", minWidth: 0 } }}
    >
      {name && <DetailBody projectId={projectId} name={name} summary={summary} actions={actions} />}
    </Drawer>
  );
});

function DetailBody({
  projectId,
  name,
  summary,
  actions,
}: {
  projectId: string;
  name: string;
  summary: KeypairSummary | undefined;
  actions: Props["actions"];
}) {
  const detail = useQuery(keypairDetailOptions(projectId, name));
  if (detail.data) {
    return (
      <Stack gap="md">
        {actions && (
          <Group gap="xs" aria-label="Key pair actions" role="group">
            {actions(detail.data)}
          </Group>
        )}
        <DetailFields projectId={projectId} keypair={detail.data} />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {summary && <FieldList fields={summaryFields(summary)} />}
      {detail.isError ? (
        <ErrorAlert
          explanation={explainError(detail.error, {
            what: "Load the key pair",
            failedTitle: summary
              ? "Could not load the rest of the details"
              : "Could not load the key pair",
          })}
          onRetry={() => detail.refetch()}
        />
      ) : (
        <Stack aria-busy="true" aria-label="Loading key pair details">
          <Skeleton h={20} />
          <Skeleton h={80} />
          <Skeleton h={20} w="60%" />
        </Stack>
      )}
    </Stack>
  );
}

const localTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** Epoch milliseconds as documented, or an ISO string as some answers carry: local, UTC on hover. */
function time(value: number | string | null | undefined): ReactNode {
  const ms = typeof value === "string" ? Date.parse(value) : value;
  if (typeof ms !== "number" || !Number.isFinite(ms)) return NOT_REPORTED;
  const date = new Date(ms);
  const utc = date
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");
  return (
    <time dateTime={date.toISOString()} title={utc}>
      {localTime.format(date)}
    </time>
  );
}

type Field = [label: string, value: ReactNode];

/** What the list row already holds: shown at once, before (or without) the detail call. */
function summaryFields(keypair: KeypairSummary): Field[] {
  return [
    ["Scope", scopeWords(keypair)],
    ["Fingerprint (MD5)", keypair.fingerprint ?? NOT_REPORTED],
    // What `ssh-keygen -l` shows by default, derived here: KPS lists only MD5.
    ["Fingerprint (SHA256)", sha256FingerprintOfLine(keypair.public_key) ?? NOT_REPORTED],
    ["Private key", keypair.is_key_protection ? "Hosted by KPS" : "Not hosted"],
    ["Status", statusWords(keypair)],
  ];
}

function FieldList({ fields }: { fields: Field[] }) {
  return (
    <dl
      style={{
        margin: 0,
        display: "grid",
        gridTemplateColumns: "max-content 1fr",
        gap: "6px 16px",
      }}
    >
      {fields.map(([label, value]) => (
        <div key={label} style={{ display: "contents" }}>
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: "anywhere" }}>
            {value}
          </Text>
        </div>
      ))}
    </dl>
  );
}

function DetailFields({ projectId, keypair }: { projectId: string; keypair: KeypairDetail }) {
  const [scope, ...rest] = summaryFields(keypair);
  const fields: Field[] = [
    scope as Field,
    ["Algorithm", algorithmWords(keypair.algorithm)],
    ...rest,
    ["Created", time(keypair.create_time)],
    ["Updated", time(keypair.update_time)],
  ];
  return (
    <Stack gap="sm">
      <FieldList fields={fields} />
      <DescriptionField
        key={keypair.name}
        projectId={projectId}
        name={keypair.name}
        description={keypair.description ?? ""}
      />
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          Public key
        </Text>
        <DownloadPublicKeyButton keypair={keypair} />
      </Group>
      <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
        {keypair.public_key ?? NOT_REPORTED}
      </Code>
    </Stack>
  );
}
