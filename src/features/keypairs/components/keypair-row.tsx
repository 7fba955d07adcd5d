import { Table } from "@mantine/core";
import { memo, useId, useRef } from "react";
import type { KeypairSummary } from "../../../../contract/kps.ts";
import type { Language } from "../../../lib/i18n/language.ts";
import { blockerWords, frozenState, scopeWords, statusWords } from "../keypair-words.ts";
import { exportBlocker } from "../selection.ts";
import type { listWords, valueWords } from "../words/en.ts";
import { CopyFingerprintButton } from "./copy-fingerprint-button.tsx";
import classes from "./keypair-row.module.css";

export const ROW_HEIGHT = 56;

type Props = {
  keypair: KeypairSummary;
  checked: boolean;
  disabled: boolean;
  reason: string | null;
  note: string | undefined;
  capMessageId: string;
  rowIndex: number;
  onToggle: (keypair: KeypairSummary, extend: boolean) => void;
  onOpen: (name: string) => void;
  /** The table's words, passed down: a subscription to the language per row cost every mount. */
  t: ReturnType<typeof listWords.get>;
  values: ReturnType<typeof valueWords.get>;
  language: Language;
};

// Memoised on primitive props so scrolling re-renders only the rows that enter the view.
export const KeypairRow = memo(function KeypairRow({
  keypair,
  checked,
  disabled,
  reason,
  note,
  capMessageId,
  rowIndex,
  onToggle,
  onOpen,
  t,
  values,
  language,
}: Props) {
  const reasonId = useId();
  // A change event does not say whether Shift was held; the click before it does.
  const shiftHeld = useRef(false);
  const held = exportBlocker(keypair);
  const blocker = held && blockerWords(held, values, language);
  const frozen = frozenState(keypair) !== 0;
  // Rows held back by the cap point at the one visible cap message instead of repeating it.
  const describedBy = disabled ? (blocker ? reasonId : capMessageId) : undefined;

  // Plain <tr>/<td> with the Table's own classes: the Table.Tr/Td components add a styled Box
  // per cell, six per row, for the same markup.
  return (
    <tr
      className={Table.classes.tr}
      data-with-row-border
      data-hover
      style={{ height: ROW_HEIGHT }}
      aria-rowindex={rowIndex}
      // Clicking anywhere on the row but its controls ticks it, as in a mail list; a click that
      // ends a text selection (copying a name) does not.
      onClick={(event) => {
        if ((event.target as Element).closest("button, a, input, label")) return;
        if (window.getSelection()?.toString()) return;
        onToggle(keypair, event.shiftKey);
      }}
      data-selectable={disabled ? undefined : true}
    >
      <td className={Table.classes.td}>
        {/* A native title instead of a Tooltip per row: far cheaper while scrolling 10,000 rows. */}
        <span className={classes.checkbox} title={reason ?? undefined}>
          {/* A native checkbox drawn like Mantine's: its role, name and keyboard are the
              browser's own. */}
          <input
            type="checkbox"
            className={`mantine-focus-auto ${classes.checkboxInput}`}
            aria-label={t.selectOne({ name: keypair.name })}
            aria-describedby={describedBy}
            checked={checked}
            disabled={disabled}
            onClick={(event) => {
              shiftHeld.current = event.shiftKey;
            }}
            onChange={() => {
              onToggle(keypair, shiftHeld.current);
              shiftHeld.current = false;
            }}
          />
        </span>
      </td>
      <td className={Table.classes.td}>
        <button
          type="button"
          className={`mantine-focus-auto ${classes.name}`}
          onClick={() => onOpen(keypair.name)}
          title={keypair.name}
        >
          {keypair.name}
        </button>
        {blocker && (
          <p id={reasonId} className={classes.reason} title={blocker}>
            {blocker}
          </p>
        )}
        {/* Held back only for now (the cap, or what the user may do): said on the row too, so
            it does not look like a key that can never be exported. Screen readers get the
            shared message through aria-describedby. */}
        {!blocker && note && (
          <p className={classes.reason} aria-hidden="true">
            {note}
          </p>
        )}
      </td>
      <td className={`${Table.classes.td} ${classes.tabletUp}`}>
        <p className={classes.text}>{scopeWords(keypair, values)}</p>
      </td>
      <td className={`${Table.classes.td} ${classes.wideOnly}`}>
        <div className={classes.fingerprintCell}>
          <p className={classes.fingerprint}>{keypair.fingerprint ?? values.notReported}</p>
          {keypair.fingerprint && (
            <CopyFingerprintButton
              value={keypair.fingerprint}
              label={t.copyFingerprint({ name: keypair.name })}
            />
          )}
        </div>
      </td>
      <td className={Table.classes.td}>
        <span className={classes.badge} data-hosted={keypair.is_key_protection || undefined}>
          {keypair.is_key_protection ? values.hosted : values.notHosted}
        </span>
      </td>
      <td className={`${Table.classes.td} ${classes.tabletUp}`}>
        <p
          className={frozen ? `${classes.text} ${classes.frozen}` : classes.text}
          title={statusWords(keypair, values)}
        >
          {statusWords(keypair, values)}
        </p>
      </td>
    </tr>
  );
});
