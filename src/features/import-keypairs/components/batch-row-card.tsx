import { Badge, Button, Group, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useFormat } from "../../../lib/i18n/format.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { type BatchRow, rowNameProblem } from "../batch-rows.ts";
import type { ExistingNames, NameProblem } from "../import-names.ts";
import { keyProblemWords, nameProblemWords } from "../problem-words.ts";
import classes from "./refusal.module.css";
import { batchWords, keyWords, nameWords, refusalWords } from "./words/en.ts";

type Props = {
  row: BatchRow;
  rows: BatchRow[];
  existing: ExistingNames;
  disabled: boolean;
  onRename: (name: string) => void;
  onRemove: () => void;
};

type Words = ReturnType<typeof batchWords.get>;

function status(row: BatchRow, nameProblem: NameProblem | null, t: Words) {
  if (row.outcome?.imported) return { color: "teal.9", label: t.statusImported };
  if (row.outcome) return { color: "red.9", label: t.statusNotImported };
  if (!row.key.ok) return { color: "red.9", label: t.statusRefused };
  if (nameProblem) return { color: "orange.9", label: t.statusFixName };
  return { color: "blue.9", label: t.statusReady };
}

function unimportedWords(outcome: BatchRow["outcome"], t: Words): string | null {
  if (!outcome || outcome.imported) return null;
  // KPS's own reason is shown as it sent it; ours only when it gave none.
  if (outcome.code === "refused") return t.notImported({ reason: outcome.reason });
  return t.notImported({ reason: outcome.code === "noReason" ? t.noReason : t.notReported });
}

/** One file: its name (editable until imported), what it holds or why not, and KPS's answer. */
export function BatchRowCard({ row, rows, existing, disabled, onRename, onRemove }: Props) {
  const t = useWords(batchWords);
  const keys = useWords(keyWords);
  const names = useWords(nameWords);
  const refusals = useWords(refusalWords);
  const format = useFormat();
  const nameProblem = rowNameProblem(row, rows, existing);
  const { color, label } = status(row, nameProblem, t);
  const done = row.outcome?.imported === true;
  const unimported = unimportedWords(row.outcome, t);
  const { fileName } = row;
  return (
    <Paper withBorder p="xs" aria-label={t.rowLabel({ fileName })} role="group">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
            {fileName}
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
                aria-label={t.removeLabel({ fileName })}
                onClick={onRemove}
                disabled={disabled}
              >
                {t.remove}
              </Button>
            )}
          </Group>
        </Group>
        <TextInput
          label={t.nameFor({ fileName })}
          size="xs"
          value={row.name}
          onChange={(event) => onRename(event.currentTarget.value)}
          // Our own refusal rather than Mantine's error, whose red falls short of AA contrast.
          description={
            row.key.ok && nameProblem ? (
              <strong className={classes.refusal}>{nameProblemWords(nameProblem, names)}</strong>
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
            {t.keySummary({
              algorithm: row.key.curve
                ? keys.algorithmCurve({ algorithm: row.key.algorithm, curve: row.key.curve })
                : row.key.algorithm,
              bits: row.key.keySize,
              fingerprint: row.key.fingerprint,
            })}
          </Text>
        ) : (
          <Text size="xs" className={classes.refusal}>
            {t.refusedForFile({ reason: keyProblemWords(row.key.problem, refusals, format) })}
          </Text>
        )}
        {unimported && (
          <Text size="xs" className={classes.refusal} style={{ overflowWrap: "anywhere" }}>
            {unimported}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
