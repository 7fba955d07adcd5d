import { Alert, Button, Group, Text } from "@mantine/core";
import type { ErrorExplanation } from "../lib/explain-error.ts";
import { useWords } from "../lib/i18n/i18n.ts";
import { errorWords } from "../lib/words/en.ts";

type Props = { explanation: ErrorExplanation; onRetry?: () => void; retryLabel?: string };

/** Every failure looks the same: our words, what to do, then the service's code, words and id. */
export function ErrorAlert({ explanation, onRetry, retryLabel }: Props) {
  const t = useWords(errorWords);
  const { title, text, action, code, serviceMessage, requestId } = explanation;
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm">{text}</Text>
      <Text size="sm" fw={500} mt={4}>
        {action}
      </Text>
      {(code || requestId || serviceMessage) && (
        <Text size="xs" c="dimmed" mt="xs" style={{ overflowWrap: "anywhere" }}>
          {[
            code && t.errorCode({ code }),
            serviceMessage,
            requestId && t.requestId({ id: requestId }),
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
      )}
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="light" onClick={onRetry}>
            {retryLabel ?? t.retry}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
