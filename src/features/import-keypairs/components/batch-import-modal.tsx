import { Alert, Box, Button, FileButton, Group, List, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useRef, useState } from "react";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useFormat } from "../../../lib/i18n/format.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { useBatchImportKeypairs } from "../api/batch-import-keypairs.ts";
import {
  type AddedFile,
  addFiles,
  applyResult,
  type BatchRow,
  MAX_BATCH_IMPORT,
  sendableRows,
} from "../batch-rows.ts";
import { explainBatchImportError } from "../explain-import-error.ts";
import type { KeyScope } from "../import-names.ts";
import { readKeyFile } from "../read-key-file.ts";
import { BatchRowCard } from "./batch-row-card.tsx";
import type { ImportModalProps } from "./import-actions.tsx";
import { ScopeChoice } from "./scope-choice.tsx";
import { batchWords, importErrorWords, keyWords } from "./words/en.ts";

async function readFiles(files: File[]): Promise<AddedFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const read = await readKeyFile(file);
      return read.ok
        ? { fileName: file.name, text: read.text }
        : { fileName: file.name, text: null, problem: read.problem };
    }),
  );
}

/**
 * Loaded on demand. Each file is a row, read in the browser; only rows with a key KPS takes and a
 * usable name are sent. After a partial failure the imported rows stay, locked, and a retry sends
 * only the others, so nothing is imported twice.
 */
export function BatchImportModal({ projectId, existing, onClose }: ImportModalProps) {
  const t = useWords(batchWords);
  const keys = useWords(keyWords);
  // explainBatchImportError reads these words while rendering: a language switch must re-render.
  useWords(importErrorWords);
  const format = useFormat();
  const [rows, setRows] = useState<BatchRow[]>([]);
  const [leftOut, setLeftOut] = useState<string[]>([]);
  const [scope, setScope] = useState<KeyScope>("user");
  const [dragging, setDragging] = useState(false);
  const mutation = useBatchImportKeypairs(projectId);
  // Files arrive after an await; counting room against the latest rows keeps the cap at ten.
  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  }, [rows]);
  const sendable = sendableRows(rows, existing);
  const imported = rows.filter((row) => row.outcome?.imported).length;
  const busy = mutation.isPending;

  async function add(files: File[]) {
    if (files.length === 0) return;
    mutation.reset();
    // Only files that fit are read: a drop of a thousand files reads ten at most.
    const room = Math.max(0, MAX_BATCH_IMPORT - rowsRef.current.length);
    const read = await readFiles(files.slice(0, room));
    const unread = files.slice(room).map((file) => ({ fileName: file.name, text: null }));
    const next = addFiles(rowsRef.current, [...read, ...unread]);
    rowsRef.current = next.rows;
    setRows(next.rows);
    setLeftOut(next.leftOut);
  }

  function send() {
    const sent = sendable;
    if (sent.length === 0) return;
    mutation.mutate(
      {
        projectId,
        scope,
        items: sent.map((row) => ({ name: row.name, publicKey: row.key.ok ? row.key.line : "" })),
      },
      {
        onSuccess: (result) => {
          setRows((current) => applyResult(current, sent, result));
          const count = result.succeeded.length;
          if (count > 0) {
            notifications.show({
              color: "teal",
              title: batchWords.get().importedTitle(count),
              message: result.succeeded.join(", "),
            });
          }
        },
      },
    );
  }

  const update = (id: number, change: (row: BatchRow) => BatchRow) => {
    mutation.reset();
    setRows((current) => current.map((row) => (row.id === id ? change(row) : row)));
  };

  return (
    <Modal
      opened
      onClose={() => !busy && onClose()}
      title={t.title}
      size="xl"
      closeButtonProps={{ "aria-label": t.close }}
    >
      <Stack>
        <Text size="sm">{t.intro({ max: format.number(MAX_BATCH_IMPORT) })}</Text>
        <Box
          p="md"
          bd={`2px dashed ${dragging ? "var(--mantine-color-blue-6)" : "var(--mantine-color-default-border)"}`}
          style={{ borderRadius: "var(--mantine-radius-md)" }}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            void add(Array.from(event.dataTransfer.files));
          }}
        >
          <Group justify="center" gap="sm">
            <Text size="sm">{t.drop}</Text>
            <FileButton onChange={(files) => void add(files)} accept=".pub,text/plain" multiple>
              {(props) => (
                <Button {...props} variant="default" disabled={busy}>
                  {t.choose}
                </Button>
              )}
            </FileButton>
          </Group>
        </Box>
        {leftOut.length > 0 && (
          <Alert color="red" title={t.leftOutTitle} role="alert">
            <List size="sm">
              {leftOut.map((fileName, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two files may share a name; the list is replaced whole
                <List.Item key={`${index}:${fileName}`}>
                  {t.leftOut({ max: format.number(MAX_BATCH_IMPORT), fileName })}
                </List.Item>
              ))}
            </List>
            <Text size="sm" mt={4}>
              {t.leftOutNothingSent}
            </Text>
          </Alert>
        )}
        {rows.length > 0 && (
          <Stack gap="xs" aria-label={t.filesLabel}>
            {rows.map((row) => (
              <BatchRowCard
                key={row.id}
                row={row}
                rows={rows}
                existing={existing}
                disabled={busy}
                onRename={(name) =>
                  update(row.id, (current) => ({ ...current, name, outcome: null }))
                }
                onRemove={() =>
                  setRows((current) => current.filter((other) => other.id !== row.id))
                }
              />
            ))}
          </Stack>
        )}
        <ScopeChoice value={scope} onChange={setScope} disabled={busy} />
        {mutation.isError && <ErrorAlert explanation={explainBatchImportError(mutation.error)} />}
        <Group justify="space-between">
          <Text size="sm" c="dimmed" role="status">
            {rows.length === 0
              ? t.noFiles
              : t.progress({
                  imported: format.number(imported),
                  total: format.number(rows.length),
                  ready: format.number(sendable.length),
                })}
          </Text>
          <Group>
            <Button variant="default" onClick={onClose} disabled={busy}>
              {imported > 0 ? t.closeButton : keys.cancel}
            </Button>
            <Button onClick={send} disabled={sendable.length === 0} loading={busy}>
              {imported > 0
                ? t.retryButton({ count: format.number(sendable.length) })
                : t.importButton({ count: format.number(sendable.length) })}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
