import { Code, Drawer, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { memo, type ReactNode } from "react";
import type { KeypairDetail, KeypairSummary } from "../../../../contract/kps.ts";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { algorithmWords } from "../../../lib/algorithm-words.ts";
import { explainError } from "../../../lib/explain-error.ts";
import { type Format, useFormat } from "../../../lib/i18n/format.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { sha256FingerprintOfLine } from "../../../lib/ssh-key/sha256-fingerprint.ts";
import { keypairDetailOptions } from "../api/keypair-queries.ts";
import { scopeWords, statusWords } from "../keypair-words.ts";
import { detailWords, valueWords } from "../words/en.ts";
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
  const t = useWords(detailWords);
  return (
    <Drawer
      opened={name !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={name ? t.title({ name }) : t.titleNone}
      closeButtonProps={{ "aria-label": t.close }}
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
  const t = useWords(detailWords);
  const fields = useFields();
  const detail = useQuery(keypairDetailOptions(projectId, name));
  if (detail.data) {
    return (
      <Stack gap="md">
        {actions && (
          <Group gap="xs" aria-label={t.actions} role="group">
            {actions(detail.data)}
          </Group>
        )}
        <DetailFields projectId={projectId} keypair={detail.data} />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {summary && <FieldList fields={fields.summary(summary)} />}
      {detail.isError ? (
        <ErrorAlert
          explanation={explainError(detail.error, {
            what: t.loadWhat,
            failedTitle: summary ? t.loadRestFailed : t.loadFailed,
          })}
          onRetry={() => detail.refetch()}
        />
      ) : (
        <Stack aria-busy="true" aria-label={t.loading}>
          <Skeleton h={20} />
          <Skeleton h={80} />
          <Skeleton h={20} w="60%" />
        </Stack>
      )}
    </Stack>
  );
}

/** Epoch milliseconds as documented, or an ISO string as some answers carry: local, UTC on hover. */
function time(value: number | string | null | undefined, format: Format, none: string): ReactNode {
  const ms = typeof value === "string" ? Date.parse(value) : value;
  if (typeof ms !== "number" || !Number.isFinite(ms)) return none;
  const date = new Date(ms);
  return (
    <time dateTime={date.toISOString()} title={format.utc(date)}>
      {format.dateTime(date)}
    </time>
  );
}

type Field = [label: string, value: ReactNode];

/** The drawer's fields in the language chosen now, dates in the user's time zone. */
function useFields() {
  const t = useWords(detailWords);
  const values = useWords(valueWords);
  const format = useFormat();
  /** What the list row already holds: shown at once, before (or without) the detail call. */
  const summary = (keypair: KeypairSummary): Field[] => [
    [t.scope, scopeWords(keypair, values)],
    [t.fingerprintMd5, keypair.fingerprint ?? values.notReported],
    // What `ssh-keygen -l` shows by default, derived here: KPS lists only MD5.
    [t.fingerprintSha256, sha256FingerprintOfLine(keypair.public_key) ?? values.notReported],
    [t.privateKey, keypair.is_key_protection ? values.hostedByKps : values.notHosted],
    [t.status, statusWords(keypair, values)],
  ];
  const detail = (keypair: KeypairDetail): Field[] => {
    const [scope, ...rest] = summary(keypair);
    return [
      scope as Field,
      [t.algorithm, algorithmWords(keypair.algorithm)],
      ...rest,
      [t.created, time(keypair.create_time, format, values.notReported)],
      [t.updated, time(keypair.update_time, format, values.notReported)],
    ];
  };
  return { summary, detail };
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
  const t = useWords(detailWords);
  const values = useWords(valueWords);
  const fields = useFields();
  return (
    <Stack gap="sm">
      <FieldList fields={fields.detail(keypair)} />
      <DescriptionField
        key={keypair.name}
        projectId={projectId}
        name={keypair.name}
        description={keypair.description ?? ""}
      />
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {t.publicKey}
        </Text>
        <DownloadPublicKeyButton keypair={keypair} />
      </Group>
      <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
        {keypair.public_key ?? values.notReported}
      </Code>
    </Stack>
  );
}
