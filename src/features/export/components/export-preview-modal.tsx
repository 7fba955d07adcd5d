import { Alert, Badge, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { type ComponentType, useEffect, useState } from "react";
import { revokeAllObjectUrls, saveBlob } from "../../../lib/download.ts";
import { useFormat } from "../../../lib/i18n/format.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import type { ExportResult } from "../api/batch-export.ts";
import type { EntryReport } from "../archive/archive-types.ts";
import { findingWords, previewWords } from "../archive/words/en.ts";
import { ArchiveEntryCard } from "./archive-entry-card.tsx";
import classes from "./export-preview-modal.module.css";
import { verdictText } from "./finding-text.ts";
import type { ProtectedDownloadProps } from "./protected-download-modal.tsx";

export const ARCHIVE_FILE_NAME = "keypairs.zip";

type Props = { result: ExportResult; onClose: () => void };
type ProtectRequest = Omit<ProtectedDownloadProps, "onClose">;

// The passphrase dialog and its worker load only when asked for (hover, focus or click).
const loadProtected = () =>
  import("./protected-download-modal.tsx").then((module) => module.ProtectedDownloadModal);
const warmProtected = () => {
  loadProtected().catch(() => undefined);
};

const toProtect = (entry: EntryReport) => ({
  fileName: entry.fileName,
  keypairName: entry.keypairName,
  text: entry.text,
  listedFingerprint: entry.expectedFingerprint ?? entry.derivedFingerprint ?? "",
});

/** Loaded lazily: this module is the only way into the archive preview. */
export function ExportPreviewModal({ result, onClose }: Props) {
  const t = useWords(previewWords);
  const findings = useWords(findingWords);
  // Read at the first render: read in an effect (the default), the answer re-rendered all ten
  // cards once more before the preview's first frame.
  const phone = useMediaQuery("(max-width: 36em)", undefined, { getInitialValueInEffect: false });
  // One set of Intl formatters for the ten cards: each costs about a millisecond to build.
  const format = useFormat();
  // The browser saves without a word on some set-ups; the preview says it was handed over.
  const [saved, setSaved] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ fileName: string; retry: () => void } | null>(null);
  const [protecting, setProtecting] = useState<{
    Dialog: ComponentType<ProtectedDownloadProps>;
    request: ProtectRequest;
  } | null>(null);
  const { report } = result;
  useEffect(() => () => revokeAllObjectUrls(), []);

  function protect(request: ProtectRequest) {
    loadProtected().then(
      (Dialog) => setProtecting({ Dialog, request }),
      () => setFailed({ fileName: request.saveAs, retry: () => protect(request) }),
    );
  }
  const protectAll = () =>
    protect({
      entries: report.entries.map(toProtect),
      output: "zip",
      saveAs: "keypairs-protected.zip",
    });
  const protectEntry = (entry: EntryReport) =>
    protect({ entries: [toProtect(entry)], output: "pem", saveAs: entry.saveAs });

  function save(make: () => Blob, fileName: string) {
    try {
      saveBlob(make(), fileName);
      setFailed(null);
      setSaved(fileName);
    } catch {
      setFailed({ fileName, retry: () => save(make, fileName) });
    }
  }
  // The exact ArrayBuffer the server sent: same bytes, same SHA-256.
  const saveZip = () =>
    save(() => new Blob([result.bytes], { type: "application/zip" }), ARCHIVE_FILE_NAME);
  const saveEntry = (entry: EntryReport) =>
    save(() => new Blob([entry.text], { type: "application/x-pem-file" }), entry.saveAs);

  return (
    <Modal
      opened
      onClose={onClose}
      title={t.title({ file: ARCHIVE_FILE_NAME })}
      // Wide screens show ten entries in two columns without scrolling; a phone gets all of it.
      size="min(1280px, 100%)"
      fullScreen={phone}
      closeButtonProps={{ "aria-label": t.close({ file: ARCHIVE_FILE_NAME }) }}
      // In full at the first frame: with Mantine's 250 ms fade, the frame that first held the
      // verdict showed it nearly transparent, and each frame of the fade drew the dialog again.
      transitionProps={{ duration: 0 }}
    >
      <Stack>
        <Alert
          variant="filled"
          color={report.verdict.ok ? "teal.9" : "red.9"}
          title={report.verdict.ok ? t.archiveVerified : t.archiveProblems}
        >
          {verdictText(report.verdict, findings)}
        </Alert>
        {report.missing.length > 0 && (
          <Alert color="red" title={t.missingTitle}>
            <Group gap="xs">
              {report.missing.map((name) => (
                <Badge key={name} color="red" variant="outline">
                  {t.missingFile({ file: `${name}.pem` })}
                </Badge>
              ))}
            </Group>
          </Alert>
        )}
        <ul className={classes.files} aria-label={t.filesLabel}>
          {report.entries.map((entry) => (
            <ArchiveEntryCard
              key={entry.fileName}
              entry={entry}
              format={format}
              onDownload={saveEntry}
              onProtect={entry.status === "verified" ? protectEntry : undefined}
              onWarmProtect={warmProtected}
            />
          ))}
        </ul>
        {failed && (
          <Alert color="red" title={t.downloadFailed} role="alert">
            <Text size="sm">{t.downloadFailedText({ file: failed.fileName })}</Text>
            <Button mt="sm" size="xs" variant="light" onClick={failed.retry}>
              {t.retryDownload}
            </Button>
          </Alert>
        )}
        {saved && !failed && (
          <Text size="sm" role="status">
            {t.handedOver({ file: saved })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.closeButton}
          </Button>
          {report.verdict.ok && (
            <Button
              variant="light"
              onClick={protectAll}
              onMouseEnter={warmProtected}
              onFocus={warmProtected}
            >
              {t.downloadProtected}
            </Button>
          )}
          <Button onClick={saveZip} color={report.verdict.ok ? undefined : "red"}>
            {t.download({ file: ARCHIVE_FILE_NAME })}
          </Button>
        </Group>
      </Stack>
      {protecting && (
        <protecting.Dialog {...protecting.request} onClose={() => setProtecting(null)} />
      )}
    </Modal>
  );
}
