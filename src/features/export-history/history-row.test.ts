import { describe, expect, it } from "vitest";
import type { Trace } from "../../../contract/traces.ts";
import { parseCsv } from "../../testing/parse-csv.ts";
import { historyCsv, kindWord, outcomeWord } from "./history-csv.ts";
import { toHistoryRow } from "./history-row.ts";
import { rowWords } from "./words/en.ts";

const success: Trace = {
  trace_id: "00000000-0000-0000-0000-000000000001",
  trace_name: "batchExportPrivateKey",
  trace_rating: "normal",
  request: JSON.stringify([{ keypair: { name: "web-01" } }, { keypair: { name: "db-01" } }]),
  code: "200",
  message: "Ticket SUP-88: rotate",
  time: Date.UTC(2026, 11, 3, 10, 0, 0),
  user: { id: "u1", name: "alice", domain: { name: "demo" } },
  resource_name: "web-01,db-01",
  source_ip: "192.0.2.7",
  request_id: "req-1",
};

const refused: Trace = {
  trace_id: "00000000-0000-0000-0000-000000000002",
  trace_name: "exportPrivateKey",
  trace_rating: "warning",
  request: JSON.stringify({ keypair: { name: "plain-01" } }),
  response: JSON.stringify({ error_code: "KPS.4016" }),
  code: "400",
  location_info: "KPS.4016",
  user: { name: "alice" },
  resource_name: "plain-01",
  request_id: "req-2",
  attempts: 3,
};

describe("toHistoryRow", () => {
  it("reads a batch success: names from the request, no error code, the reason", () => {
    expect(toHistoryRow(success)).toMatchObject({
      outcome: "succeeded",
      kind: "batch",
      keypairs: ["web-01", "db-01"],
      errorCode: null,
      reason: "Ticket SUP-88: rotate",
      user: "alice",
      sourceIp: "192.0.2.7",
      requestId: "req-1",
      attempts: 1,
    });
  });

  it("reads a single refusal with its code and a flood's attempt count", () => {
    expect(toHistoryRow(refused)).toMatchObject({
      outcome: "refused",
      kind: "single",
      keypairs: ["plain-01"],
      errorCode: "KPS.4016",
      reason: null,
      time: null,
      attempts: 3,
    });
  });

  it("reads failures as incidents and survives what a real CTS may leave out", () => {
    const row = toHistoryRow({ trace_id: "x", trace_rating: "incident", response: "not json" });
    expect(row).toMatchObject({
      outcome: "failed",
      kind: "unknown",
      keypairs: [],
      errorCode: null,
    });
    expect(toHistoryRow({ trace_id: "y", response: '{"error_code":"KPS.0004"}' }).errorCode).toBe(
      "KPS.0004",
    );
    expect(toHistoryRow({ trace_id: "z", resource_name: "a,b" }).keypairs).toEqual(["a", "b"]);
  });
});

describe("the rows' words", () => {
  const t = rowWords.get();
  it("names outcome and kind through the words", () => {
    const row = toHistoryRow(refused);
    expect(outcomeWord(row, t)).toBe(t.refused);
    expect(kindWord(row, t)).toBe(t.single);
    expect(kindWord(toHistoryRow({ trace_id: "q" }), t)).toBe(t.unknown);
  });

  it("writes the CSV with the header in the words and a UTC time", () => {
    const rows = parseCsv(historyCsv([toHistoryRow(success), toHistoryRow(refused)], t));
    expect(rows[0]).toEqual([
      t.time,
      t.user,
      t.keypairs,
      t.outcome,
      t.errorCode,
      t.reason,
      t.source,
      t.requestId,
      t.kind,
      t.traceId,
    ]);
    expect(rows[1]?.[0]).toBe("2026-12-03T10:00:00.000Z");
    expect(rows[1]?.[2]).toBe("web-01 db-01");
    expect(rows[2]?.[4]).toBe("KPS.4016");
    expect(rows).toHaveLength(3);
  });
});
