import { Group, Radio } from "@mantine/core";
import type { KeyScope } from "../import-names.ts";

type Props = { value: KeyScope; onChange: (scope: KeyScope) => void; disabled?: boolean };

/** KPS's two scopes in words: an account key pair is shared by the account's IAM users. */
export function ScopeChoice({ value, onChange, disabled }: Props) {
  return (
    <Radio.Group
      label="Who may use it"
      value={value}
      onChange={(scope) => onChange(scope === "domain" ? "domain" : "user")}
    >
      <Group mt={4}>
        <Radio value="user" label="Only me (user)" disabled={disabled} />
        <Radio value="domain" label="Everyone in the account (domain)" disabled={disabled} />
      </Group>
    </Radio.Group>
  );
}
