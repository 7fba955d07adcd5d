import { Button, Group, NativeSelect, Radio, Stack, Switch, TextInput } from "@mantine/core";
import { type FormEvent, useRef, useState } from "react";
import type { Algorithm } from "../../../../contract/kps.ts";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import classes from "../../../components/field-error.module.css";
import type { ErrorExplanation } from "../../../lib/explain-error.ts";
import { useFormat } from "../../../lib/i18n/format.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { ALGORITHM_CHOICES, DEFAULT_ALGORITHM } from "../algorithms.ts";
import type { CreateKeypairInput } from "../api/create-keypair.ts";
import { nameProblem, type TakenNames } from "../keypair-name-rule.ts";
import { nameProblemWords } from "../name-problem-words.ts";
import { formWords, nameWords } from "./words/en.ts";

const ALGORITHM_DATA = ALGORITHM_CHOICES.map(([value, label]) => ({ value, label }));

export type CreateKeypairChoices = Omit<CreateKeypairInput, "projectId">;

type Props = {
  takenNames: TakenNames;
  pending: boolean;
  error: ErrorExplanation | null;
  onSubmit: (choices: CreateKeypairChoices) => void;
  onCancel: () => void;
  /** Any change makes an earlier failure stale. */
  onChange: () => void;
};

/** The name is judged as it is typed; a name that fails the rule is never sent. */
export function CreateKeypairForm({
  takenNames,
  pending,
  error,
  onSubmit,
  onCancel,
  onChange,
}: Props) {
  const t = useWords(formWords);
  const names = useWords(nameWords);
  const format = useFormat();
  const [name, setName] = useState("");
  const [touched, setTouched] = useState(false);
  const [algorithm, setAlgorithm] = useState<Algorithm>(DEFAULT_ALGORITHM);
  const [scope, setScope] = useState<"user" | "domain">("user");
  const [hosted, setHosted] = useState(true);
  const nameInput = useRef<HTMLInputElement>(null);
  const problem = nameProblem(name, takenNames);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problem) {
      nameInput.current?.focus();
      return;
    }
    onSubmit({ name, algorithm, scope, hosted });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          ref={nameInput}
          label={t.name}
          description={t.nameHint}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setTouched(true);
            onChange();
          }}
          error={touched && problem ? nameProblemWords(problem, names, format) : null}
          classNames={{ error: classes.error, input: classes.input }}
          required
          data-autofocus
          autoComplete="off"
          spellCheck={false}
          disabled={pending}
        />
        <NativeSelect
          label={t.algorithm}
          data={ALGORITHM_DATA}
          value={algorithm}
          onChange={(event) => {
            setAlgorithm(event.currentTarget.value as Algorithm);
            onChange();
          }}
          disabled={pending}
        />
        <Radio.Group
          label={t.scope}
          value={scope}
          onChange={(value) => {
            setScope(value === "domain" ? "domain" : "user");
            onChange();
          }}
        >
          <Stack gap="xs" mt={4}>
            <Radio
              value="user"
              label={t.scopeUser}
              description={t.scopeUserHint}
              disabled={pending}
            />
            <Radio
              value="domain"
              label={t.scopeDomain}
              description={t.scopeDomainHint}
              disabled={pending}
            />
          </Stack>
        </Radio.Group>
        <Switch
          label={t.host}
          description={hosted ? t.hostOn : t.hostOff}
          checked={hosted}
          onChange={(event) => {
            setHosted(event.currentTarget.checked);
            onChange();
          }}
          disabled={pending}
        />
        {error && <ErrorAlert explanation={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t.cancel}
          </Button>
          <Button type="submit" loading={pending}>
            {t.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
