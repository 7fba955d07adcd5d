import { Badge, Button, Group, Paper, Stack, Text, TextInput } from "@mantine/core";
import { type BatchRow, rowNameProblem } from "../batch-rows.ts";
import type { ExistingNames } from "../import-names.ts";
import classes from "./refusal.module.css";

type Props = {
  row: BatchRow;
  rows: BatchRow[];
  existing: ExistingNames;
  disabled: boolean;
  onRename: (name: string) => void;
  onRemove: () => void;
};

function status(row: BatchRow, nameProblem: string | null) {
  if (row.outcome?.imported) return { color: "teal.9", label: "Imported" };
  if (row.outcome) return { color: "red.9", label: "Not imported" };
  if (!row.key.ok) return { color: "red.9", label: "Refused" };
  if (nameProblem) return { color: "orange.9", label: "Fix the name" };
  return { color: "blue.9", label: "Ready" };
}

/** One file: its name (editable until imported), what it holds or why not, and KPS's answer. */
export function BatchRowCard({ row, rows, existing, disabled, onRename, onRemove }: Props) {
  const nameProblem = rowNameProblem(row, rows, existing);
  const { color, label } = status(row, nameProblem);
  const done = row.outcome?.imported === true;
  return (
    <Paper withBorder p="xs" aria-label={`File ${row.fileName}`} role="group">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
            {row.fileName}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Badge color={color} variant="filled">
              {label}
            </Badge>
            {!done && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                aria-label={`Remove ${row.fileName}`}
                onClick={onRemove}
                disabled={disabled}
              >
                Remove
              </Button>
            )}
          </Group>
        </Group>
        <TextInput
          label={`Name for ${row.fileName}`}
          size="xs"
          value={row.name}
          onChange={(event) => onRename(event.currentTarget.value)}
          // Our own refusal rather than Mantine's error, whose red falls short of AA contrast.
          description={
            row.key.ok && nameProblem ? (
              <strong className={classes.refusal}>{nameProblem}</strong>
            ) : undefined
          }
          readOnly={done}
          disabled={disabled}
          maxLength={300}
          spellCheck={false}
          autoComplete="off"
        />
        {row.key.ok ? (
          <Text size="xs" style={{ overflowWrap: "anywhere" }}>
            {row.key.curve ? `${row.key.algorithm} (${row.key.curve})` : row.key.algorithm}{" "}
            {row.key.keySize} bits · MD5 {row.key.fingerprint}
          </Text>
        ) : (
          <Text size="xs" className={classes.refusal}>
            {row.key.problem} Nothing will be sent for this file.
          </Text>
        )}
        {row.outcome && !row.outcome.imported && (
          <Text size="xs" className={classes.refusal} style={{ overflowWrap: "anywhere" }}>
            KPS did not import it: {row.outcome.reason}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
