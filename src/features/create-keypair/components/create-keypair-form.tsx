import { Button, Group, NativeSelect, Radio, Stack, Switch, TextInput } from "@mantine/core";
import { type FormEvent, useRef, useState } from "react";
import type { Algorithm } from "../../../../contract/kps.ts";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import type { ErrorExplanation } from "../../../lib/explain-error.ts";
import { ALGORITHM_CHOICES, DEFAULT_ALGORITHM } from "../algorithms.ts";
import type { CreateKeypairInput } from "../api/create-keypair.ts";
import { nameProblem, type TakenNames } from "../keypair-name-rule.ts";

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
          label="Name"
          description='Letters, digits, "_" and "-"; up to 255 characters.'
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setTouched(true);
            onChange();
          }}
          error={touched ? problem : null}
          required
          data-autofocus
          autoComplete="off"
          spellCheck={false}
          disabled={pending}
        />
        <NativeSelect
          label="Algorithm"
          data={ALGORITHM_CHOICES.map((choice) => ({ ...choice }))}
          value={algorithm}
          onChange={(event) => {
            setAlgorithm(event.currentTarget.value as Algorithm);
            onChange();
          }}
          disabled={pending}
        />
        <Radio.Group
          label="Scope"
          value={scope}
          onChange={(value) => {
            setScope(value === "domain" ? "domain" : "user");
            onChange();
          }}
        >
          <Stack gap="xs" mt={4}>
            <Radio
              value="user"
              label="Private key pair"
              description="Only your IAM user sees and uses it."
              disabled={pending}
            />
            <Radio
              value="domain"
              label="Account key pair"
              description="Every IAM user of the account may see and use it."
              disabled={pending}
            />
          </Stack>
        </Radio.Group>
        <Switch
          label="Host the private key in KPS"
          description={
            hosted
              ? "KPS keeps the private key encrypted, so it can be exported later."
              : "KPS keeps no copy: the private key can be downloaded once, right after creating."
          }
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
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            Create
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
