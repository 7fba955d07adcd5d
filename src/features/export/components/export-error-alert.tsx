import { Alert, Button, Text } from "@mantine/core";
import type { ExportErrorExplanation } from "../explain-export-error.ts";

type Props = { explanation: ExportErrorExplanation; onSignInAgain?: () => void };

export function ExportErrorAlert({ explanation, onSignInAgain }: Props) {
  const { title, text, action, code, serverMessage, requestId } = explanation;
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm">{text}</Text>
      <Text size="sm" fw={500} mt={4}>
        {action}
      </Text>
      {(code || requestId) && (
        <Text size="xs" c="dimmed" mt="xs" style={{ overflowWrap: "anywhere" }}>
          {code && <>Error code {code}</>}
          {serverMessage && <> · {serverMessage}</>}
          {requestId && <> · Request id {requestId}</>}
        </Text>
      )}
      {explanation.signInAgain && onSignInAgain && (
        <Button mt="sm" size="xs" variant="light" onClick={onSignInAgain}>
          Sign in again
        </Button>
      )}
    </Alert>
  );
}
