import { Button, type ButtonProps, Stack, Text } from "@mantine/core";
import { useId } from "react";

type Props = ButtonProps & {
  /** Why the action is not available; the button is disabled and describes itself with it. */
  reason: string | null;
  onClick: () => void;
  onPointerEnter?: () => void;
  onFocus?: () => void;
  children: string;
};

/** An action that says why it is disabled, in text a screen reader reads with it. */
export function PermittedButton({ reason, children, ...props }: Props) {
  const reasonId = useId();
  return (
    <Stack gap={2} maw={260}>
      <Button
        {...props}
        disabled={reason !== null}
        aria-describedby={reason ? reasonId : undefined}
      >
        {children}
      </Button>
      {reason && (
        <Text id={reasonId} size="xs" c="dimmed">
          {reason}
        </Text>
      )}
    </Stack>
  );
}
