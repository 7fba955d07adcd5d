import { Checkbox, Table, UnstyledButton } from "@mantine/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useRef } from "react";
import type { KeypairSummary } from "../../../../contract/kps.ts";
import { headerCheckbox, rowCheckbox } from "../selection.ts";
import classes from "./keypair-row.module.css";
import { KeypairRow, ROW_HEIGHT } from "./keypair-row.tsx";

type Props = {
  rows: KeypairSummary[];
  selected: readonly string[];
  sort: "asc" | "desc";
  /** The shared message a row held back points at: the cap's, or why nothing may be selected. */
  capMessageId: string;
  selectionBlocker: string | null;
  onSortChange: (sort: "asc" | "desc") => void;
  /** `extend`: shift-click, which selects the range from the last row ticked. */
  onToggle: (keypair: KeypairSummary, extend: boolean) => void;
  /** The rows on screen now, which the header checkbox is about. */
  onToggleView: (inView: KeypairSummary[]) => void;
  onOpen: (name: string) => void;
};

const COLUMNS = 6;

/**
 * Only the rows in view (plus a few) are in the DOM, with spacer rows above and below, so 10,000
 * key pairs scroll as smoothly as 30 while the markup stays a real table.
 */
export const KeypairTable = memo(function KeypairTable(props: Props) {
  const { rows, selected, sort } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  // The rows actually on screen, without the overscan rendered above and below them.
  const range = virtualizer.range;
  const inView = range ? rows.slice(range.startIndex, range.endIndex + 1) : [];
  const header = headerCheckbox(selected, inView);
  const headerDisabled = header.disabled || props.selectionBlocker !== null;

  return (
    <div ref={scrollRef} style={{ flex: 1, minHeight: 320, overflow: "auto" }}>
      <Table stickyHeader layout="fixed" highlightOnHover aria-rowcount={rows.length + 1}>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th w={48}>
              <Checkbox
                aria-label="Choose exportable key pairs in view, up to 10"
                checked={header.checked}
                indeterminate={header.indeterminate}
                disabled={headerDisabled}
                onChange={() => props.onToggleView(inView)}
              />
            </Table.Th>
            <Table.Th aria-sort={sort === "asc" ? "ascending" : "descending"}>
              <UnstyledButton
                fw={700}
                fz="sm"
                onClick={() => props.onSortChange(sort === "asc" ? "desc" : "asc")}
                aria-label={`Name, sorted ${sort === "asc" ? "A to Z" : "Z to A"}; sort ${sort === "asc" ? "Z to A" : "A to Z"}`}
              >
                Name {sort === "asc" ? "▲" : "▼"}
              </UnstyledButton>
            </Table.Th>
            <Table.Th w={140} className={classes.tabletUp}>
              Scope
            </Table.Th>
            <Table.Th w={380} className={classes.wideOnly}>
              Fingerprint
            </Table.Th>
            <Table.Th w={116}>Private key</Table.Th>
            <Table.Th w={240} className={classes.tabletUp}>
              Status
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {top > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, never focusable
            <tr aria-hidden="true">
              <td colSpan={COLUMNS} style={{ height: top, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const keypair = rows[item.index] as KeypairSummary;
            const checkbox = rowCheckbox(selected, keypair, props.selectionBlocker);
            return (
              <KeypairRow
                key={keypair.name}
                keypair={keypair}
                rowIndex={item.index + 2}
                checked={checkbox.checked}
                disabled={checkbox.disabled}
                reason={checkbox.reason}
                note={checkbox.note}
                capMessageId={props.capMessageId}
                onToggle={props.onToggle}
                onOpen={props.onOpen}
              />
            );
          })}
          {bottom > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, never focusable
            <tr aria-hidden="true">
              <td colSpan={COLUMNS} style={{ height: bottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
});
