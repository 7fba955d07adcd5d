import { Badge, Button, Code, Group, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { EntryReport, EntryStatus } from "../archive/archive-types.ts";

const STATUS: Record<EntryStatus, { color: string; label: string }> = {
  verified: { color: "teal.9", label: "Verified" },
  mismatch: { color: "red.9", label: "Fingerprint mismatch" },
  unexpected: { color: "orange.9", label: "Unexpected file" },
  unreadable: { color: "red.9", label: "Unreadable" },
};

const bytes = new Intl.NumberFormat("en-US");

type Props = { entry: EntryReport; onDownload: (entry: EntryReport) => void };

export function ArchiveEntryCard({ entry, onDownload }: Props) {
  const [revealed, setRevealed] = useState(false);
  const status = STATUS[entry.status];
  const algorithm = entry.algorithm
    ? `${entry.algorithm}${entry.keySize ? ` ${entry.keySize}` : ""}`
    : "Unknown algorithm";

  return (
    <Paper withBorder px="sm" py="xs" radius="sm" component="li" aria-label={entry.fileName}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Badge color={status.color} variant="filled" style={{ flexShrink: 0 }}>
              {status.label}
            </Badge>
            <Text ff="monospace" fw={600} size="sm" truncate="end" title={entry.fileName}>
              {entry.fileName}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            <Button
              size="compact-xs"
              variant="default"
              aria-pressed={revealed}
              aria-label={`${revealed ? "Hide" : "Reveal"} ${entry.fileName}`}
              onClick={() => setRevealed(!revealed)}
            >
              {/* The accessible name starts with the visible word (WCAG 2.5.3). */}
              {revealed ? "Hide" : "Reveal"}
            </Button>
            <Button
              size="compact-xs"
              variant="light"
              aria-label={`Download ${entry.fileName}`}
              onClick={() => onDownload(entry)}
            >
              Download
            </Button>
          </Group>
        </Group>
        <Text size="xs">
          {bytes.format(entry.size)} bytes · {algorithm}
        </Text>
        <FingerprintLine entry={entry} />
        {entry.problem && (
          <Text size="sm" c="red.9" fw={500}>
            {entry.problem}
          </Text>
        )}
        {revealed ? (
          // Rendered as a text node, never as HTML.
          <Code block style={{ whiteSpace: "pre", overflowX: "auto", maxHeight: 240 }}>
            {entry.text}
          </Code>
        ) : (
          <Text size="xs" c="dimmed" ff="monospace">
            •••••••• key body hidden ••••••••
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function FingerprintLine({ entry }: { entry: EntryReport }) {
  if (entry.status === "verified") {
    return (
      <Text size="xs">
        <Text span inherit c="teal.9" fw={700}>
          ✓ Fingerprint matches
        </Text>{" "}
        the listed one:{" "}
        <Text span inherit ff="monospace">
          {entry.derivedFingerprint}
        </Text>
      </Text>
    );
  }
  if (entry.status === "mismatch") {
    return (
      <Stack gap={0}>
        <Text size="sm" c="red.9" fw={700}>
          ✗ Fingerprint does NOT match the listed one
        </Text>
        <Text size="xs" ff="monospace">
          In the file: {entry.derivedFingerprint ?? "could not be derived"}
        </Text>
        <Text size="xs" ff="monospace">
          Listed: {entry.expectedFingerprint ?? "none"}
        </Text>
      </Stack>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      Fingerprint: {entry.derivedFingerprint ?? "could not be derived"}
    </Text>
  );
}
