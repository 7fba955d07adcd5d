import { Alert, Table, Text } from "@mantine/core";
import type { PublicKeyLineResult } from "../../../lib/ssh-key/public-key-line.ts";

/** What the browser read from the key, before anything is sent: the user compares it at the source. */
export function KeyFacts({ parsed }: { parsed: PublicKeyLineResult }) {
  if (!parsed.ok) {
    return (
      <Alert color="red" title="This key cannot be imported" role="alert">
        <Text size="sm">{parsed.problem}</Text>
        <Text size="sm" mt={4}>
          Nothing was sent.
        </Text>
      </Alert>
    );
  }
  const rows: [string, string][] = [
    ["Algorithm", parsed.curve ? `${parsed.algorithm} (${parsed.curve})` : parsed.algorithm],
    ["Size", `${parsed.keySize} bits`],
    ["Fingerprint (MD5)", parsed.fingerprint],
    ["Fingerprint (SHA256)", parsed.sha256],
  ];
  return (
    <Table aria-label="The public key as read" withTableBorder variant="vertical" fz="sm">
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
