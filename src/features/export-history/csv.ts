/*
 * RFC 4180 with spreadsheet formula injection neutralised. Twenty lines, not a dependency: no CSV
 * writer is installed here, and writing is the simple half (the parsing half is what libraries
 * earn their keep on, and the console never parses CSV).
 */

/** A cell a spreadsheet would run as a formula (=, +, -, @) or one starting with tab or CR. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: an apostrophe before a would-be formula, then quoted when it must be. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The whole file: CRLF line ends (RFC 4180) and a byte-order mark, so a spreadsheet opening it
 * by double-click reads the UTF-8 (Chinese words, reasons) as UTF-8.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
