import { Button, Group, Text } from "@mantine/core";
import { memo, type ReactNode } from "react";
import { MAX_BATCH_EXPORT } from "../../../../contract/kps.ts";
import { CAP_MESSAGE, selectionCounter } from "../selection.ts";

type Props = {
  selected: readonly string[];
  capMessageId: string;
  onClear: () => void;
  actions?: ReactNode;
};

export const SelectionBar = memo(function SelectionBar({
  selected,
  capMessageId,
  onClear,
  actions,
}: Props) {
  const atCap = selected.length >= MAX_BATCH_EXPORT;
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Group gap="md">
        <Text fw={600} aria-live="polite">
          {selectionCounter(selected)}
        </Text>
        {/* Always in the DOM so the capped checkboxes can point at it; shown only at the cap. */}
        <Text id={capMessageId} size="sm" fw={700} hidden={!atCap} aria-live="polite">
          {CAP_MESSAGE}
        </Text>
        <Button
          variant="default"
          size="compact-sm"
          onClick={onClear}
          disabled={selected.length === 0}
        >
          Clear selection
        </Button>
      </Group>
      {actions}
    </Group>
  );
});
