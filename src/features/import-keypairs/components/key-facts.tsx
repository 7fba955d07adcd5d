import { Alert, Table, Text } from "@mantine/core";
import { useFormat } from "../../../lib/i18n/format.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import type { PublicKeyLineResult } from "../../../lib/ssh-key/public-key-line.ts";
import { keyProblemWords } from "../problem-words.ts";
import { keyWords, refusalWords } from "./words/en.ts";

/** What the browser read from the key, before anything is sent: the user compares it at the source. */
export function KeyFacts({ parsed }: { parsed: PublicKeyLineResult }) {
  const t = useWords(keyWords);
  const refusals = useWords(refusalWords);
  const format = useFormat();
  if (!parsed.ok) {
    return (
      <Alert color="red" title={t.cannotImport} role="alert">
        <Text size="sm">{keyProblemWords(parsed.refusal, refusals, format)}</Text>
        <Text size="sm" mt={4}>
          {t.nothingSent}
        </Text>
      </Alert>
    );
  }
  const { algorithm, curve } = parsed;
  const rows: [string, string][] = [
    [t.algorithm, curve ? t.algorithmCurve({ algorithm, curve }) : algorithm],
    [t.size, t.bits({ bits: parsed.keySize })],
    [t.fingerprintMd5, parsed.fingerprint],
    [t.fingerprintSha256, parsed.sha256],
  ];
  return (
    <Table aria-label={t.factsLabel} withTableBorder variant="vertical" fz="sm">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={170}>{label}</Table.Th>
            <Table.Td
              style={{
                fontFamily: "var(--mantine-font-family-monospace)",
                overflowWrap: "anywhere",
              }}
            >
              {value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
