import { ActionIcon, Anchor, Badge, Checkbox, CopyButton, Group, Table, Text } from "@mantine/core";
import { memo, useId } from "react";
import type { KeypairSummary } from "../../../../contract/kps.ts";
import { CheckIcon, CopyIcon } from "../../../components/icons.tsx";
import { frozenState, scopeWords, statusWords } from "../keypair-words.ts";
import { exportBlocker } from "../selection.ts";

export const ROW_HEIGHT = 56;

type Props = {
  keypair: KeypairSummary;
  checked: boolean;
  disabled: boolean;
  reason: string | null;
  capMessageId: string;
  rowIndex: number;
  onToggle: (keypair: KeypairSummary) => void;
  onOpen: (name: string) => void;
};

// Memoised on primitive props so scrolling re-renders only the rows that enter the view.
export const KeypairRow = memo(function KeypairRow({
  keypair,
  checked,
  disabled,
  reason,
  capMessageId,
  rowIndex,
  onToggle,
  onOpen,
}: Props) {
  const reasonId = useId();
  const blocker = exportBlocker(keypair);
  const frozen = frozenState(keypair) !== 0;
  // Rows held back by the cap point at the one visible cap message instead of repeating it.
  const describedBy = disabled ? (blocker ? reasonId : capMessageId) : undefined;

  return (
    <Table.Tr h={ROW_HEIGHT} aria-rowindex={rowIndex}>
      <Table.Td>
        {/* A native title instead of a Tooltip per row: far cheaper while scrolling 10,000 rows. */}
        <span title={reason ?? undefined}>
          <Checkbox
            aria-label={`Select ${keypair.name}`}
            aria-describedby={describedBy}
            checked={checked}
            disabled={disabled}
            onChange={() => onToggle(keypair)}
          />
        </span>
      </Table.Td>
      <Table.Td>
        <Anchor
          component="button"
          type="button"
          onClick={() => onOpen(keypair.name)}
          title={keypair.name}
          fw={500}
          display="block"
          maw="100%"
          style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}
        >
          {keypair.name}
        </Anchor>
        {blocker && (
          <Text id={reasonId} size="xs" c="dimmed" truncate="end" title={blocker}>
            {blocker}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{scopeWords(keypair)}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Text ff="monospace" size="xs" truncate="end">
            {keypair.fingerprint ?? "—"}
          </Text>
          {keypair.fingerprint && (
            <CopyButton value={keypair.fingerprint}>
              {({ copied, copy }) => (
                <ActionIcon
                  variant="subtle"
                  color={copied ? "teal" : "gray"}
                  onClick={copy}
                  aria-label={`Copy fingerprint of ${keypair.name}`}
                >
                  {copied ? <CheckIcon /> : <CopyIcon />}
                </ActionIcon>
              )}
            </CopyButton>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={keypair.is_key_protection ? "blue" : "gray"}>
          {keypair.is_key_protection ? "Hosted" : "Not hosted"}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={frozen ? "red" : undefined} truncate="end" title={statusWords(keypair)}>
          {statusWords(keypair)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
});
