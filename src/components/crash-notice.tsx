import { Alert, Button, Group, Text } from "@mantine/core";
import { useWords } from "../lib/i18n/i18n.ts";
import { crashWords } from "../lib/words/crash-en.ts";

type Props = { region: "console" | "page"; onRetry: () => void; onReload?: () => void };

/**
 * What a render crash leaves on screen. The thrown error is never shown: it may quote whatever
 * was being rendered, and a key console must not print that.
 */
export function CrashNotice({ region, onRetry, onReload }: Props) {
  const t = useWords(crashWords);
  return (
    <Alert
      color="red"
      title={region === "console" ? t.crashConsoleTitle : t.crashPageTitle}
      role="alert"
      m="md"
    >
      <Text size="sm">{t.crashText}</Text>
      <Group mt="sm" gap="xs">
        <Button size="xs" variant="light" onClick={onRetry}>
          {t.crashRetry}
        </Button>
        {onReload && (
          <Button size="xs" variant="default" onClick={onReload}>
            {t.crashReload}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
