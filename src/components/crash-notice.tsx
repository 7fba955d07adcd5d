import { Alert, Button, Group, Text } from "@mantine/core";

type Props = { region: string; onRetry: () => void; onReload?: () => void };

/**
 * What a render crash leaves on screen. The thrown error is never shown: it may quote whatever
 * was being rendered, and a key console must not print that.
 */
export function CrashNotice({ region, onRetry, onReload }: Props) {
  return (
    <Alert color="red" title={`${region} stopped working`} role="alert" m="md">
      <Text size="sm">
        Something in the console failed. Nothing was sent because of it, and your session is kept.
      </Text>
      <Group mt="sm" gap="xs">
        <Button size="xs" variant="light" onClick={onRetry}>
          Try again
        </Button>
        {onReload && (
          <Button size="xs" variant="default" onClick={onReload}>
            Reload the console
          </Button>
        )}
      </Group>
    </Alert>
  );
}
