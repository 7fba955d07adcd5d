import type { BatchImportResult } from "../../../contract/kps.ts";
import { MAX_BATCH_EXPORT } from "../../../contract/kps.ts";
import { type PublicKeyFacts, parsePublicKeyLine } from "../../lib/ssh-key/public-key-line.ts";
import {
  type ExistingNames,
  type NameProblem,
  nameFromFileName,
  nameProblem,
} from "./import-names.ts";
import type { FileProblem, KeyProblem } from "./read-key-file.ts";

/** BatchImportKeypair takes ten items, like batch export. */
export const MAX_BATCH_IMPORT = MAX_BATCH_EXPORT;

export type BatchRow = {
  id: number;
  fileName: string;
  name: string;
  /** What the file holds as KPS would read it, or why it cannot be imported. */
  key: ({ ok: true } & PublicKeyFacts) | { ok: false; problem: KeyProblem };
  /** null until KPS has answered for this row. */
  outcome: { imported: true } | ({ imported: false } & Unimported) | null;
};

/** Why KPS did not import a row: its own reason, shown as sent, or that it gave none. */
export type Unimported =
  | { code: "refused"; reason: string }
  | { code: "noReason" | "notReported"; reason?: undefined };

export type AddedFile = { fileName: string; text: string | null; problem?: FileProblem };

let nextId = 1;

/** Adds files as rows while there is room; the names of the rest come back, left out. */
export function addFiles(rows: BatchRow[], files: AddedFile[]) {
  const room = Math.max(0, MAX_BATCH_IMPORT - rows.length);
  const added = files.slice(0, room).map(
    (file): BatchRow => ({
      id: nextId++,
      fileName: file.fileName,
      name: nameFromFileName(file.fileName),
      key: keyOf(file),
      outcome: null,
    }),
  );
  const leftOut = files.slice(room).map((file) => file.fileName);
  return { rows: [...rows, ...added], leftOut };
}

function keyOf(file: AddedFile): BatchRow["key"] {
  if (file.text === null)
    return { ok: false, problem: file.problem ?? { code: "file.unreadable" } };
  const parsed = parsePublicKeyLine(file.text);
  return parsed.ok ? parsed : { ok: false, problem: parsed.refusal };
}

/** A name problem, counting the other rows still to import (one batch cannot reuse a name). */
export function rowNameProblem(
  row: BatchRow,
  rows: BatchRow[],
  existing: ExistingNames,
): NameProblem | null {
  if (row.outcome?.imported) return null;
  const problem = nameProblem(row.name, existing);
  if (problem) return problem;
  const twice = rows.some(
    (other) => other.id !== row.id && !other.outcome?.imported && other.name === row.name,
  );
  return twice ? { code: "name.twice", params: { name: row.name } } : null;
}

/** The rows to send now: not imported yet, with a key KPS takes and a usable name. */
export function sendableRows(rows: BatchRow[], existing: ExistingNames): BatchRow[] {
  return rows.filter(
    (row) => !row.outcome?.imported && row.key.ok && rowNameProblem(row, rows, existing) === null,
  );
}

/** Marks each sent row imported or failed; a row KPS did not mention failed too, and says so. */
export function applyResult(rows: BatchRow[], sent: BatchRow[], result: BatchImportResult) {
  const sentIds = new Set(sent.map((row) => row.id));
  const succeeded = new Set(result.succeeded);
  const reasons = new Map(result.failed.map((item) => [item.name, item.reason]));
  return rows.map((row): BatchRow => {
    if (!sentIds.has(row.id)) return row;
    if (succeeded.has(row.name)) return { ...row, outcome: { imported: true } };
    const reason = reasons.get(row.name);
    const why: Unimported = reason
      ? { code: "refused", reason }
      : { code: reasons.has(row.name) ? "noReason" : "notReported" };
    return { ...row, outcome: { imported: false, ...why } };
  });
}
