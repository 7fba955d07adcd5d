import { Button, FileInput, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMemo, useState } from "react";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { KeyTextarea } from "../../../components/key-textarea.tsx";
import { useFormat } from "../../../lib/i18n/format.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { MAX_PUBLIC_KEY_BYTES, parsePublicKeyLine } from "../../../lib/ssh-key/public-key-line.ts";
import { useImportKeypair } from "../api/import-keypair.ts";
import { explainImportError } from "../explain-import-error.ts";
import { type KeyScope, nameFromFileName, nameProblem } from "../import-names.ts";
import { keyProblemWords, nameProblemWords } from "../problem-words.ts";
import { type FileProblem, readKeyFile } from "../read-key-file.ts";
import type { ImportModalProps } from "./import-actions.tsx";
import { KeyFacts } from "./key-facts.tsx";
import classes from "./refusal.module.css";
import { ScopeChoice } from "./scope-choice.tsx";
import { importErrorWords, keyWords, nameWords, refusalWords, singleWords } from "./words/en.ts";

/** Loaded on demand. The key is read in the browser as it is typed; only a key KPS takes is sent. */
export function ImportKeypairModal({ projectId, existing, onClose }: ImportModalProps) {
  const t = useWords(singleWords);
  const keys = useWords(keyWords);
  const names = useWords(nameWords);
  const refusals = useWords(refusalWords);
  // explainImportError reads these words while rendering: a language switch must re-render.
  useWords(importErrorWords);
  const format = useFormat();
  const [name, setName] = useState("");
  const [nameTouched, setNameTouched] = useState(false);
  const [scope, setScope] = useState<KeyScope>("user");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<FileProblem | null>(null);
  const [tried, setTried] = useState(false);
  const mutation = useImportKeypair(projectId);

  const parsed = useMemo(() => (text.trim() === "" ? null : parsePublicKeyLine(text)), [text]);
  const nameCode = nameTouched || tried ? nameProblem(name, existing) : null;
  const nameError = nameCode && nameProblemWords(nameCode, names);

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
          const words = singleWords.get();
          notifications.show({
            color: "teal",
            title: words.importedTitle,
            message: words.importedMessage({
              name: imported.name,
              fingerprint: imported.fingerprint ?? fingerprint,
            }),
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
      title={t.title}
      size="lg"
      closeButtonProps={{ "aria-label": t.close }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text size="sm">{t.intro}</Text>
          <TextInput
            label={t.name}
            // Our own refusal rather than Mantine's error, whose red falls short of AA contrast.
            description={
              nameError ? <strong className={classes.refusal}>{nameError}</strong> : t.nameHint
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
            label={t.file}
            description={
              fileProblem ? (
                <strong className={classes.refusal}>
                  {keyProblemWords(fileProblem, refusals, format)}
                </strong>
              ) : (
                t.fileHint({ limit: format.bytes(MAX_PUBLIC_KEY_BYTES) })
              )
            }
            value={file}
            onChange={(chosen) => void choose(chosen)}
            accept=".pub,text/plain"
            clearable
            clearButtonProps={{ "aria-label": t.clearFile }}
            disabled={mutation.isPending}
          />
          <KeyTextarea
            label={t.paste}
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
              {t.noKey}
            </Text>
          )}
          {mutation.isError && <ErrorAlert explanation={explainImportError(mutation.error)} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {keys.cancel}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t.import}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
