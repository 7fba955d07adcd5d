import { Alert, Code, Text } from "@mantine/core";
import type { ConsoleSetup } from "../../../../contract/console.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { signInWords } from "../words/sign-in-en.ts";

type Props = { demo: NonNullable<ConsoleSetup["demo"]> };

/** The demo's sign-in, as the terminal that started the server prints it. */
export function DemoAccounts({ demo }: Props) {
  const t = useWords(signInWords);
  // Labels and values, not a sentence: the same list reads right in every language.
  return (
    <Alert color="gray" title={t.demoTitle} role="note">
      <Text size="sm">
        {t.demoAccount} <Code>{demo.account}</Code> · {t.demoUsers}{" "}
        {demo.users.map((name, index) => (
          <span key={name}>
            {index > 0 && t.listSeparator}
            <Code>{name}</Code>
          </span>
        ))}{" "}
        · {t.demoPassword} <Code>{demo.password}</Code>
        {/* The demo's own device, printed at start like the password: add it to an authenticator. */}
        {demo.mfa && (
          <>
            {" "}
            · {t.demoMfa} <Code>{demo.mfa.user}</Code> <Code>{demo.mfa.secret}</Code>
          </>
        )}
      </Text>
    </Alert>
  );
}
