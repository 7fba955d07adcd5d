import { Alert, Code, Text } from "@mantine/core";
import type { ConsoleSetup } from "../../../../contract/console.ts";

type Props = { demo: NonNullable<ConsoleSetup["demo"]> };

/** The demo's sign-in, as the terminal that started the server prints it. */
export function DemoAccounts({ demo }: Props) {
  return (
    <Alert color="gray" title="Demo accounts" role="note">
      <Text size="sm">
        Account <Code>{demo.account}</Code>, users{" "}
        {demo.users.map((name, index) => (
          <span key={name}>
            {index > 0 && ", "}
            <Code>{name}</Code>
          </span>
        ))}
        , password <Code>{demo.password}</Code>.
      </Text>
    </Alert>
  );
}
