import { Button, FileInput, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMemo, useState } from "react";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { KeyTextarea } from "../../../components/key-textarea.tsx";
import { parsePublicKeyLine } from "../../../lib/ssh-key/public-key-line.ts";
import { useImportKeypair } from "../api/import-keypair.ts";
import { explainImportError } from "../explain-import-error.ts";
import { type KeyScope, nameFromFileName, nameProblem } from "../import-names.ts";
import { readKeyFile } from "../read-key-file.ts";
import type { ImportModalProps } from "./import-actions.tsx";
import { KeyFacts } from "./key-facts.tsx";
import classes from "./refusal.module.css";
import { ScopeChoice } from "./scope-choice.tsx";

/** Loaded on demand. The key is read in the browser as it is typed; only a key KPS takes is sent. */
export function ImportKeypairModal({ projectId, existing, onClose }: ImportModalProps) {
  const [name, setName] = useState("");
  const [nameTouched, setNameTouched] = useState(false);
  const [scope, setScope] = useState<KeyScope>("user");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const mutation = useImportKeypair(projectId);

  const parsed = useMemo(() => (text.trim() === "" ? null : parsePublicKeyLine(text)), [text]);
  const nameError = nameTouched || tried ? nameProblem(name, existing) : null;

  async function choose(chosen: File | null) {
    setFile(chosen);
    setFileProblem(null);
    mutation.reset();
    if (!chosen) return;
    const read = await readKeyFile(chosen);
    if (!read.ok) {
      setText("");
      setFileProblem(read.problem);
      return;
    }
    setText(read.text);
    if (name === "") setName(nameFromFileName(chosen.name));
  }

  function submit() {
    setTried(true);
    mutation.reset();
    // Checked before anything is sent: a refused key or name never leaves the browser.
    if (nameProblem(name, existing) || !parsed?.ok) return;
    const { fingerprint } = parsed;
    mutation.mutate(
      { projectId, name, scope, publicKey: parsed.line },
      {
        onSuccess: (imported) => {
          notifications.show({
            color: "teal",
            title: "Public key imported",
            message: `${imported.name} · MD5 ${imported.fingerprint ?? fingerprint}`,
          });
          onClose();
        },
      },
    );
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title="Import a public key"
      size="lg"
      closeButtonProps={{ "aria-label": "Close import public key" }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text size="sm">
            Import the public half of a key pair you made yourself (for example with ssh-keygen).
            KPS stores only the public key; the private key stays with you.
          </Text>
          <TextInput
            label="Name"
            // Our own refusal rather than Mantine's error, whose red falls short of AA contrast.
            description={
              nameError ? (
                <strong className={classes.refusal}>{nameError}</strong>
              ) : (
                "Letters, digits, _ and -; up to 255 characters."
              )
            }
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              mutation.reset();
            }}
            onBlur={() => setNameTouched(true)}
            maxLength={300}
            disabled={mutation.isPending}
          />
          <ScopeChoice value={scope} onChange={setScope} disabled={mutation.isPending} />
          <FileInput
            label="Public key file"
            description={
              fileProblem ? (
                <strong className={classes.refusal}>{fileProblem}</strong>
              ) : (
                "The .pub file, at most 16 KiB."
              )
            }
            value={file}
            onChange={(chosen) => void choose(chosen)}
            accept=".pub,text/plain"
            clearable
            clearButtonProps={{ "aria-label": "Clear the chosen file" }}
            disabled={mutation.isPending}
          />
          <KeyTextarea
            label="Or paste the public key"
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setFile(null);
              setFileProblem(null);
              mutation.reset();
            }}
            rows={4}
            disabled={mutation.isPending}
          />
          {parsed && <KeyFacts parsed={parsed} />}
          {tried && !parsed && !fileProblem && (
            <Text size="sm" className={classes.refusal} role="alert">
              Paste or choose a public key.
            </Text>
          )}
          {mutation.isError && <ErrorAlert explanation={explainImportError(mutation.error)} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Import
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
