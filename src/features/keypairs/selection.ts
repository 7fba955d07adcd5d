import { type KeypairSummary, MAX_BATCH_EXPORT } from "../../../contract/kps.ts";
import { frozenState } from "./keypair-words.ts";

/*
 * The selection rules, pure so they can be tested without a browser. A selection is an ordered
 * list of key-pair names; it outlives search, filter and sort because it never depends on them.
 */

/** Why a key pair's private key cannot be exported, as facts (keypair-words.ts says them). */
export type ExportBlocker = { frozen: number | null; notHosted: boolean };

/** Why a key pair's private key cannot be exported, or null when it can. */
export function exportBlocker(keypair: KeypairSummary): ExportBlocker | null {
  const state = frozenState(keypair);
  const frozen = state === 0 ? null : state;
  const notHosted = keypair.is_key_protection !== true;
  return frozen === null && !notHosted ? null : { frozen, notHosted };
}

/**
 * What holds an unticked row back: the key pair itself (`export`), the cap (`cap`, for now),
 * or that the user may select nothing (`blocked`). The row turns it into words.
 */
export type RowHold =
  | { by: "export"; blocker: ExportBlocker }
  | { by: "cap" }
  | { by: "blocked" }
  | null;

export type RowCheckbox = { checked: boolean; disabled: boolean; hold: RowHold };

/** `blocked`: why nothing may be selected at all (the user may neither export nor delete). */
export function rowCheckbox(
  selected: readonly string[],
  keypair: KeypairSummary,
  blocked: string | null = null,
): RowCheckbox {
  const checked = selected.includes(keypair.name);
  // A selected row can always be unticked, even if it became unexportable after a refresh.
  if (checked) return { checked, disabled: false, hold: null };
  if (blocked) return { checked, disabled: true, hold: { by: "blocked" } };
  const blocker = exportBlocker(keypair);
  if (blocker) return { checked, disabled: true, hold: { by: "export", blocker } };
  if (selected.length >= MAX_BATCH_EXPORT) return { checked, disabled: true, hold: { by: "cap" } };
  return { checked, disabled: false, hold: null };
}

export function toggleName(selected: readonly string[], keypair: KeypairSummary): string[] {
  if (selected.includes(keypair.name)) return selected.filter((name) => name !== keypair.name);
  if (rowCheckbox(selected, keypair).disabled) return [...selected];
  return [...selected, keypair.name];
}

export type HeaderCheckbox = { checked: boolean; indeterminate: boolean; disabled: boolean };

/**
 * "Checked" only when every exportable row in view is selected; "indeterminate" when some rows
 * in view are selected but not all of them, which is what the cap usually leaves.
 */
export function headerCheckbox(
  selected: readonly string[],
  visible: readonly KeypairSummary[],
): HeaderCheckbox {
  const exportable = visible.filter((keypair) => exportBlocker(keypair) === null);
  const chosen = new Set(selected);
  const selectedInView = visible.filter((keypair) => chosen.has(keypair.name)).length;
  const allExportableChosen =
    exportable.length > 0 && exportable.every((keypair) => chosen.has(keypair.name));
  return {
    checked: allExportableChosen,
    indeterminate: selectedInView > 0 && !allExportableChosen,
    disabled: exportable.length === 0 && selectedInView === 0,
  };
}

/** Adds exportable rows in view up to the cap; when nothing more can be added, clears the view. */
export function toggleView(
  selected: readonly string[],
  visible: readonly KeypairSummary[],
): string[] {
  const chosen = new Set(selected);
  const addable = visible.filter(
    (keypair) => !chosen.has(keypair.name) && exportBlocker(keypair) === null,
  );
  const room = MAX_BATCH_EXPORT - selected.length;
  if (addable.length === 0 || room <= 0) {
    const inView = new Set(visible.map((keypair) => keypair.name));
    return selected.filter((name) => !inView.has(name));
  }
  return [...selected, ...addable.slice(0, room).map((keypair) => keypair.name)];
}

/**
 * Shift-click: adds the exportable rows from the last one ticked to this one, in the order shown,
 * as far as the cap allows. Without an anchor still on screen it is a plain toggle.
 */
export function selectRange(
  selected: readonly string[],
  visible: readonly KeypairSummary[],
  anchor: string | null,
  target: KeypairSummary,
): string[] {
  const from = visible.findIndex((keypair) => keypair.name === anchor);
  const to = visible.indexOf(target);
  if (from < 0 || to < 0) return toggleName(selected, target);
  const span = visible.slice(Math.min(from, to), Math.max(from, to) + 1);
  let next = [...selected];
  for (const keypair of span) {
    if (next.length >= MAX_BATCH_EXPORT) break;
    if (!next.includes(keypair.name) && exportBlocker(keypair) === null)
      next = [...next, keypair.name];
  }
  return next;
}
