import { Table, Text } from "@mantine/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useEffect, useRef } from "react";
import { VirtualSpacerRow } from "../../../components/virtual-spacer-row.tsx";
import { useFormat } from "../../../lib/i18n/format.ts";
import { useWords } from "../../../lib/i18n/i18n.ts";
import { kindWord, outcomeWord } from "../history-csv.ts";
import type { HistoryRow } from "../history-row.ts";
import { rowWords } from "../words/en.ts";
import classes from "./history-table.module.css";

export const HISTORY_ROW_HEIGHT = 44;
const COLUMNS = 8;
/** How close to the end, in rows, the next page is asked for: before the user sees the end. */
const PREFETCH_ROWS = 40;

type Props = {
  rows: HistoryRow[];
  canLoadMore: boolean;
  onNearEnd: () => void;
};

/**
 * Only the rows in view (plus a few) are in the DOM, as in the key-pair table, so 100,000
 * attempts scroll like 30; the next page is fetched as the view nears the last loaded row.
 */
export const HistoryTable = memo(function HistoryTable({ rows, canLoadMore, onNearEnd }: Props) {
  const t = useWords(rowWords);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => HISTORY_ROW_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (canLoadMore && lastIndex >= rows.length - PREFETCH_ROWS) onNearEnd();
  }, [canLoadMore, lastIndex, rows.length, onNearEnd]);
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div ref={scrollRef} style={{ flex: 1, minHeight: 320, overflow: "auto" }}>
      <Table
        stickyHeader
        layout="fixed"
        miw={1180}
        aria-label={t.tableLabel}
        aria-rowcount={rows.length + 1}
      >
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th w={190}>{t.time}</Table.Th>
            <Table.Th w={110}>{t.user}</Table.Th>
            <Table.Th w={200}>{t.keypairs}</Table.Th>
            <Table.Th w={170}>{t.outcome}</Table.Th>
            <Table.Th>{t.reason}</Table.Th>
            <Table.Th w={120}>{t.source}</Table.Th>
            <Table.Th w={150}>{t.requestId}</Table.Th>
            <Table.Th w={80}>{t.kind}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <VirtualSpacerRow height={top} columns={COLUMNS} />
          {items.map((item) => {
            const row = rows[item.index] as HistoryRow;
            return <HistoryTableRow key={row.traceId} row={row} rowIndex={item.index + 2} />;
          })}
          <VirtualSpacerRow height={bottom} columns={COLUMNS} />
        </Table.Tbody>
      </Table>
    </div>
  );
});

const HistoryTableRow = memo(function HistoryTableRow({
  row,
  rowIndex,
}: {
  row: HistoryRow;
  rowIndex: number;
}) {
  const t = useWords(rowWords);
  const format = useFormat();
  const time = row.time === null ? null : new Date(row.time);
  const names = row.keypairs.join(", ");
  return (
    <Table.Tr aria-rowindex={rowIndex} h={HISTORY_ROW_HEIGHT} data-trace-id={row.traceId}>
      <Table.Td className={classes.cell} title={time ? format.utc(time) : undefined}>
        {time ? format.dateTime(time) : "—"}
      </Table.Td>
      <Table.Td className={classes.cell} title={row.user}>
        {row.user}
      </Table.Td>
      <Table.Td className={`${classes.cell} ${classes.mono}`} title={names}>
        {names}
      </Table.Td>
      <Table.Td className={classes.cell}>
        <Text span size="sm" fw={600} className={classes[row.outcome]}>
          {outcomeWord(row, t)}
        </Text>{" "}
        {row.errorCode && (
          <Text span size="xs" className={classes.mono}>
            {row.errorCode}
          </Text>
        )}
        {row.attempts > 1 && (
          <Text span size="xs" c="dimmed">
            {" "}
            {t.attempts({ count: String(row.attempts) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td className={classes.cell} title={row.reason ?? undefined}>
        {row.reason ?? (
          <Text span size="sm" c="dimmed">
            {t.noReason}
          </Text>
        )}
      </Table.Td>
      <Table.Td className={`${classes.cell} ${classes.mono}`} title={row.sourceIp}>
        {row.sourceIp}
      </Table.Td>
      <Table.Td className={`${classes.cell} ${classes.mono}`} title={row.requestId}>
        {row.requestId}
      </Table.Td>
      <Table.Td className={classes.cell}>{kindWord(row, t)}</Table.Td>
    </Table.Tr>
  );
});
