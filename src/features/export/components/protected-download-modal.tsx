import { Alert, Button, Group, Modal, PasswordInput, Progress, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useRef, useState } from "react";
import { saveBlob } from "../../../lib/download.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from "../protect/passphrase-rules.ts";
import {
  type ProtectEntry,
  ProtectFailedError,
  type ProtectPhase,
  type ProtectRefusal,
  protectOne,
  protectToZip,
} from "../protect/protected-download.ts";
import { protectRefusalText } from "../protect/refusal-text.ts";
import { protectWords } from "../protect/words/en.ts";
import { richWords } from "./rich-words.tsx";

export const PROTECTED_ARCHIVE_FILE_NAME = "keypairs-protected.zip";

export type ProtectedDownloadProps = {
  entries: ProtectEntry[];
  /** "zip" saves keypairs-protected.zip; "pem" saves the one entry under saveAs. */
  output: "zip" | "pem";
  saveAs: string;
  onClose: () => void;
};

const PHASE_VALUE: Record<ProtectPhase, number> = { protecting: 30, checking: 70, done: 100 };
// Command names, the same in every language.
const SSH = "ssh";
const SSH_KEYGEN = "ssh-keygen";
const STRENGTH_COLOR = ["red", "orange", "yellow", "teal"] as const;

/**
 * Loaded on demand from the preview. The passphrase lives only in this dialog's state and in
 * the worker it is handed to; closing unmounts both, and nothing is stored, logged or put in a URL.
 */
export function ProtectedDownloadModal({
  entries,
  output,
  saveAs,
  onClose,
}: ProtectedDownloadProps) {
  const t = useWords(protectWords);
  const [passphrase, setPassphrase] = useState("");
  const [repeat, setRepeat] = useState("");
  const [touched, setTouched] = useState(false);
  const [phases, setPhases] = useState<(ProtectPhase | null)[] | null>(null);
  const [problem, setProblem] = useState<ProtectRefusal | null>(null);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const strength = passphraseStrength(passphrase);
  const strengthWords =
    strength.verdict === "tooShort"
      ? t.tooShort({ min: MIN_PASSPHRASE_LENGTH })
      : t[strength.verdict];
  const tooShort = passphrase.length < MIN_PASSPHRASE_LENGTH;
  const differs = repeat !== passphrase;
  const fileName = output === "zip" ? PROTECTED_ARCHIVE_FILE_NAME : saveAs;

  function cancel() {
    running.current?.abort();
    running.current = null;
    setPhases(null);
  }

  async function start() {
    setTouched(true);
    if (tooShort || differs) return;
    const controller = new AbortController();
    running.current = controller;
    setProblem(null);
    setPhases(entries.map(() => null));
    const options = {
      signal: controller.signal,
      onProgress: (index: number, phase: ProtectPhase) =>
        setPhases((current) => current?.map((value, at) => (at === index ? phase : value)) ?? null),
    };
    try {
      const blob =
        output === "zip"
          ? new Blob([await protectToZip(entries, passphrase, options)], {
              type: "application/zip",
            })
          : new Blob([await protectOne(entries[0] as ProtectEntry, passphrase, options)], {
              type: "application/x-pem-file",
            });
      saveBlob(blob, fileName);
      notifications.show({
        color: "teal",
        title: t.downloadingTitle({ file: fileName }),
        message: t.downloadingText,
      });
      onClose();
    } catch (error) {
      if (controller.signal.aborted) return;
      setPhases(null);
      setProblem(error instanceof ProtectFailedError ? error.refusal : { code: "failed" });
    } finally {
      if (running.current === controller) running.current = null;
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t.title({ file: fileName })}
      size="lg"
      zIndex={300}
      closeButtonProps={{ "aria-label": t.close }}
    >
      <Stack>
        <Text size="sm">
          {richWords(t.intro, { ssh: <code>{SSH}</code>, sshKeygen: <code>{SSH_KEYGEN}</code> })}
        </Text>
        <PasswordInput
          label={t.passphrase}
          description={t.passphraseHint({ min: MIN_PASSPHRASE_LENGTH })}
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          disabled={phases !== null}
          autoComplete="new-password"
          error={touched && tooShort ? t.passphraseTooShort({ min: MIN_PASSPHRASE_LENGTH }) : null}
          visibilityToggleButtonProps={{ "aria-label": t.showPassphrase }}
          data-autofocus
        />
        <div>
          <Progress
            value={(strength.score / 3) * 100}
            color={STRENGTH_COLOR[strength.score]}
            size="sm"
            aria-label={t.strengthLabel}
          />
          <Text size="xs" mt={4} aria-live="polite">
            {t.strength({ verdict: passphrase ? strengthWords : t.strengthEmpty })}
          </Text>
        </div>
        <PasswordInput
          label={t.repeat}
          value={repeat}
          onChange={(event) => setRepeat(event.currentTarget.value)}
          disabled={phases !== null}
          autoComplete="new-password"
          error={touched && differs ? t.differs : null}
          visibilityToggleButtonProps={{ "aria-label": t.showRepeat }}
        />
        {phases && (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {entries.map((entry, index) => {
              const phase = phases[index] ?? null;
              return (
                <li key={entry.fileName}>
                  <Text size="sm">
                    {t.entryPhase({ file: entry.fileName, phase: phase ? t[phase] : t.waiting })}
                  </Text>
                  <Progress
                    value={phase ? PHASE_VALUE[phase] : 0}
                    animated={phase !== null && phase !== "done"}
                    aria-label={t.progress({ file: entry.fileName })}
                  />
                </li>
              );
            })}
          </Stack>
        )}
        {problem && (
          <Alert color="red" title={t.nothingSaved} role="alert">
            {protectRefusalText(problem, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          {phases ? (
            <Button variant="default" onClick={cancel}>
              {t.cancel}
            </Button>
          ) : (
            <Button variant="default" onClick={onClose}>
              {t.closeButton}
            </Button>
          )}
          <Button onClick={start} loading={phases !== null}>
            {t.download({ file: fileName })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
