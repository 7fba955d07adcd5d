import { Checkbox, Table, UnstyledButton } from "@mantine/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useRef } from "react";
import { type KeypairSummary, MAX_BATCH_EXPORT } from "../../../../contract/kps.ts";
import { useSizedWithoutMeasuring } from "../../../components/sized-without-measuring.ts";
import { VirtualSpacerRow } from "../../../components/virtual-spacer-row.tsx";
import { useLanguage, useWords } from "../../../lib/i18n/i18n.ts";
import { blockerWords } from "../keypair-words.ts";
import { headerCheckbox, type RowHold, rowCheckbox } from "../selection.ts";
import { listWords, valueWords } from "../words/en.ts";
import classes from "./keypair-row.module.css";
import { KeypairRow, ROW_HEIGHT } from "./keypair-row.tsx";

const MIN_HEIGHT = 320;

type Props = {
  rows: readonly KeypairSummary[];
  selected: readonly string[];
  sort: "asc" | "desc";
  /** The shared message a row held back points at: the cap's, or why nothing may be selected. */
  capMessageId: string;
  selectionBlocker: string | null;
  onSortChange: (sort: "asc" | "desc") => void;
  /** `extend`: shift-click, which selects the range from the last row ticked. */
  onToggle: (keypair: KeypairSummary, extend: boolean) => void;
  /** The rows on screen now, which the header checkbox is about. */
  onToggleView: (inView: readonly KeypairSummary[]) => void;
  onOpen: (name: string) => void;
};

const COLUMNS = 6;

type HoldWords = { reason: string | null; note: string | undefined };

/** A held-back row's title, and the few words under its name when it is held only for now. */
function useHoldWords(selectionBlocker: string | null): (hold: RowHold) => HoldWords {
  const t = useWords(listWords);
  const values = useWords(valueWords);
  const language = useLanguage();
  return (hold) => {
    if (hold === null) return { reason: null, note: undefined };
    if (hold.by === "blocked") return { reason: selectionBlocker, note: t.readOnly };
    if (hold.by === "cap")
      return { reason: t.capMessage({ max: MAX_BATCH_EXPORT }), note: t.selectionFull };
    return { reason: blockerWords(hold.blocker, values, language), note: undefined };
  };
}

type HeadProps = {
  checked: boolean;
  indeterminate: boolean;
  disabled: boolean;
  sort: "asc" | "desc";
  onSortChange: (sort: "asc" | "desc") => void;
  onToggleView: () => void;
};

/**
 * The header row, memoised on what it shows: a keystroke changes the rows under it, and a header
 * of Mantine cells and a Checkbox re-rendered with them cost a share of it.
 */
const KeypairTableHead = memo(function KeypairTableHead({
  checked,
  indeterminate,
  disabled,
  sort,
  onSortChange,
  onToggleView,
}: HeadProps) {
  const t = useWords(listWords);
  return (
    <Table.Thead>
      <Table.Tr aria-rowindex={1}>
        <Table.Th w={48}>
          <Checkbox
            aria-label={t.chooseInView({ max: MAX_BATCH_EXPORT })}
            checked={checked}
            indeterminate={indeterminate}
            disabled={disabled}
            onChange={onToggleView}
          />
        </Table.Th>
        <Table.Th aria-sort={sort === "asc" ? "ascending" : "descending"}>
          <UnstyledButton
            fw={700}
            fz="sm"
            onClick={() => onSortChange(sort === "asc" ? "desc" : "asc")}
            aria-label={sort === "asc" ? t.sortedAsc : t.sortedDesc}
          >
            {t.nameColumn} {sort === "asc" ? "▲" : "▼"}
          </UnstyledButton>
        </Table.Th>
        <Table.Th w={140} className={classes.tabletUp}>
          {t.scopeColumn}
        </Table.Th>
        <Table.Th w={380} className={classes.wideOnly}>
          {t.fingerprintColumn}
        </Table.Th>
        <Table.Th w={116}>{t.privateKeyColumn}</Table.Th>
        <Table.Th w={240} className={classes.tabletUp}>
          {t.statusColumn}
        </Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
});

/**
 * Only the rows in view (plus a few) are in the DOM, with spacer rows above and below, so 10,000
 * key pairs scroll as smoothly as 30 while the markup stays a real table.
 */
export const KeypairTable = memo(function KeypairTable(props: Props) {
  const { rows, selected, sort } = props;
  const t = useWords(listWords);
  const holdWords = useHoldWords(props.selectionBlocker);
  const scrollRef = useRef<HTMLDivElement>(null);
  const sizing = useSizedWithoutMeasuring(MIN_HEIGHT, 4);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    ...sizing,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  // The rows actually on screen, without the overscan rendered above and below them.
  const range = virtualizer.range;
  const inView = range ? rows.slice(range.startIndex, range.endIndex + 1) : [];
  const header = headerCheckbox(selected, inView);
  const headerDisabled = header.disabled || props.selectionBlocker !== null;
  // The header toggles what is in view when it is clicked, read then: the callback stays the
  // same while the rows change, so the memoised header need not re-render with them.
  const inViewNow = useRef(inView);
  inViewNow.current = inView;
  const { onToggleView } = props;
  const onHeaderToggle = useCallback(() => onToggleView(inViewNow.current), [onToggleView]);
  const values = useWords(valueWords);
  const language = useLanguage();

  return (
    <div ref={scrollRef} style={{ flex: 1, minHeight: MIN_HEIGHT, overflow: "auto" }}>
      <Table stickyHeader layout="fixed" highlightOnHover aria-rowcount={rows.length + 1}>
        <KeypairTableHead
          checked={header.checked}
          indeterminate={header.indeterminate}
          disabled={headerDisabled}
          sort={sort}
          onSortChange={props.onSortChange}
          onToggleView={onHeaderToggle}
        />
        <Table.Tbody>
          <VirtualSpacerRow height={top} columns={COLUMNS} />
          {items.map((item) => {
            const keypair = rows[item.index] as KeypairSummary;
            const checkbox = rowCheckbox(selected, keypair, props.selectionBlocker);
            const { reason, note } = holdWords(checkbox.hold);
            return (
              <KeypairRow
                key={keypair.name}
                keypair={keypair}
                rowIndex={item.index + 2}
                checked={checkbox.checked}
                disabled={checkbox.disabled}
                reason={reason}
                note={note}
                capMessageId={props.capMessageId}
                onToggle={props.onToggle}
                onOpen={props.onOpen}
                t={t}
                values={values}
                language={language}
              />
            );
          })}
          <VirtualSpacerRow height={bottom} columns={COLUMNS} />
        </Table.Tbody>
      </Table>
    </div>
  );
});
