import { Group, Radio } from "@mantine/core";
import { useWords } from "../../../lib/i18n/i18n.ts";
import type { KeyScope } from "../import-names.ts";
import { keyWords } from "./words/en.ts";

type Props = { value: KeyScope; onChange: (scope: KeyScope) => void; disabled?: boolean };

/** KPS's two scopes in words: an account key pair is shared by the account's IAM users. */
export function ScopeChoice({ value, onChange, disabled }: Props) {
  const t = useWords(keyWords);
  return (
    <Radio.Group
      label={t.scopeLabel}
      value={value}
      onChange={(scope) => onChange(scope === "domain" ? "domain" : "user")}
    >
      <Group mt={4}>
        <Radio value="user" label={t.scopeUser} disabled={disabled} />
        <Radio value="domain" label={t.scopeDomain} disabled={disabled} />
      </Group>
    </Radio.Group>
  );
}
