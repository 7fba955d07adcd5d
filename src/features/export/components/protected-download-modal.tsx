import { Alert, Button, Group, Modal, PasswordInput, Progress, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useRef, useState } from "react";
import { saveBlob } from "../../../lib/download.ts";
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from "../protect/passphrase-rules.ts";
import {
  type ProtectEntry,
  type ProtectPhase,
  protectOne,
  protectToZip,
} from "../protect/protected-download.ts";

export const PROTECTED_ARCHIVE_FILE_NAME = "keypairs-protected.zip";

export type ProtectedDownloadProps = {
  entries: ProtectEntry[];
  /** "zip" saves keypairs-protected.zip; "pem" saves the one entry under saveAs. */
  output: "zip" | "pem";
  saveAs: string;
  onClose: () => void;
};

const PHASE_VALUE: Record<ProtectPhase, number> = { protecting: 30, checking: 70, done: 100 };
const PHASE_WORDS: Record<ProtectPhase, string> = {
  protecting: "Protecting",
  checking: "Re-opening to check",
  done: "Protected and checked",
};
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
  const [passphrase, setPassphrase] = useState("");
  const [repeat, setRepeat] = useState("");
  const [touched, setTouched] = useState(false);
  const [phases, setPhases] = useState<(ProtectPhase | null)[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const strength = passphraseStrength(passphrase);
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
        title: `${fileName} is downloading`,
        message:
          "Every key in it was re-opened with the passphrase and matched its listed fingerprint.",
      });
      onClose();
    } catch (error) {
      if (controller.signal.aborted) return;
      setPhases(null);
      setProblem(error instanceof Error ? error.message : "The keys could not be protected.");
    } finally {
      if (running.current === controller) running.current = null;
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={`Download ${fileName} protected by a passphrase`}
      size="lg"
      zIndex={300}
      closeButtonProps={{ "aria-label": "Close protected download" }}
    >
      <Stack>
        <Text size="sm">
          Each key is encrypted as OpenSSH does it (bcrypt, 16 rounds, AES-256-CTR), so{" "}
          <code>ssh</code> and <code>ssh-keygen</code> open it with this passphrase. It cannot be
          recovered if you forget it.
        </Text>
        <PasswordInput
          label="Passphrase"
          description={`At least ${MIN_PASSPHRASE_LENGTH} characters`}
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          disabled={phases !== null}
          autoComplete="new-password"
          error={touched && tooShort ? `Use at least ${MIN_PASSPHRASE_LENGTH} characters.` : null}
          visibilityToggleButtonProps={{ "aria-label": "Show or hide the passphrase" }}
          data-autofocus
        />
        <div>
          <Progress
            value={(strength.score / 3) * 100}
            color={STRENGTH_COLOR[strength.score]}
            size="sm"
            aria-label="Passphrase strength"
          />
          <Text size="xs" mt={4} aria-live="polite">
            Strength: {passphrase ? strength.label : "enter a passphrase"}
          </Text>
        </div>
        <PasswordInput
          label="Repeat the passphrase"
          value={repeat}
          onChange={(event) => setRepeat(event.currentTarget.value)}
          disabled={phases !== null}
          autoComplete="new-password"
          error={touched && differs ? "The two passphrases differ." : null}
          visibilityToggleButtonProps={{ "aria-label": "Show or hide the repeated passphrase" }}
        />
        {phases && (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {entries.map((entry, index) => {
              const phase = phases[index] ?? null;
              return (
                <li key={entry.fileName}>
                  <Text size="sm">
                    {entry.fileName}: {phase ? PHASE_WORDS[phase] : "Waiting"}
                  </Text>
                  <Progress
                    value={phase ? PHASE_VALUE[phase] : 0}
                    animated={phase !== null && phase !== "done"}
                    aria-label={`Progress for ${entry.fileName}`}
                  />
                </li>
              );
            })}
          </Stack>
        )}
        {problem && (
          <Alert color="red" title="Nothing was saved" role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          {phases ? (
            <Button variant="default" onClick={cancel}>
              Cancel
            </Button>
          ) : (
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
          )}
          <Button onClick={start} loading={phases !== null}>
            {`Download ${fileName}`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
