import { Button, Group, Text } from "@mantine/core";
import { memo, type ReactNode } from "react";
import { MAX_BATCH_EXPORT } from "../../../../contract/kps.ts";
import { useFormat } from "../../../lib/i18n/format.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { listWords } from "../words/en.ts";

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
  const t = useWords(listWords);
  const format = useFormat();
  const atCap = selected.length >= MAX_BATCH_EXPORT;
  const max = format.number(MAX_BATCH_EXPORT);
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Group gap="md">
        <Text fw={600} aria-live="polite">
          {t.selected({ count: format.number(selected.length), max })}
        </Text>
        {/* Always in the DOM so the capped checkboxes can point at it; shown only at the cap. */}
        <Text id={capMessageId} size="sm" fw={700} hidden={!atCap} aria-live="polite">
          {t.capMessage({ max })}
        </Text>
        <Button
          variant="default"
          size="compact-sm"
          onClick={onClear}
          disabled={selected.length === 0}
        >
          {t.clearSelection}
        </Button>
      </Group>
      {actions}
    </Group>
  );
});
