import { generateKeyPairSync } from "node:crypto";
import sshpk from "sshpk";
import { describe, expect, it } from "vitest";
import { freshOpenSshKey } from "../../testing/test-keys.ts";
import {
  type AddedFile,
  addFiles,
  applyResult,
  type BatchRow,
  rowNameProblem,
  sendableRows,
} from "./batch-rows.ts";
import { nameFromFileName, nameProblem } from "./import-names.ts";

function publicLine(): string {
  const { privateKey } = generateKeyPairSync("ed25519", {
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return sshpk.parsePrivateKey(privateKey, "pem").toPublic().toString("ssh");
}

const none = new Set<string>();
const file = (fileName: string, text: string | null = publicLine()): AddedFile => ({
  fileName,
  text,
});

describe("names", () => {
  it("derives a name KPS takes from a file name", () => {
    expect(nameFromFileName("id_ed25519.pub")).toBe("id_ed25519");
    expect(nameFromFileName("web 01.key.PUB")).toBe("web-01-key");
    expect(nameFromFileName("..pub")).toBe("imported-key");
    expect(nameFromFileName(`${"a".repeat(300)}.pub`)).toHaveLength(255);
  });

  it("refuses an empty, a malformed, an over-long and an existing name", () => {
    expect(nameProblem("", none)).toEqual({ code: "name.empty" });
    expect(nameProblem("web 01", none)).toEqual({ code: "name.characters" });
    expect(nameProblem("web.01", none)).toEqual({ code: "name.characters" });
    expect(nameProblem("a".repeat(256), none)).toEqual({
      code: "name.tooLong",
      params: { max: 255 },
    });
    expect(nameProblem("a".repeat(255), none)).toBeNull();
    expect(nameProblem("web-01", new Set(["web-01"]))).toEqual({
      code: "name.taken",
      params: { name: "web-01" },
    });
    expect(nameProblem("web-01", none)).toBeNull();
  });
});

describe("batch rows", () => {
  it("adds ten files and leaves out the eleventh, by name", () => {
    const files = Array.from({ length: 11 }, (_, index) => file(`k${index + 1}.pub`));
    const { rows, leftOut } = addFiles([], files);
    expect(rows.map((row) => row.name)).toEqual(
      Array.from({ length: 10 }, (_, index) => `k${index + 1}`),
    );
    expect(leftOut).toEqual(["k11.pub"]);
    // A second choice counts against what is already there.
    expect(addFiles(rows, [file("late.pub")]).leftOut).toEqual(["late.pub"]);
  });

  it("keeps a refused file as a row with its reason, and never sends it", () => {
    const { rows } = addFiles(
      [],
      [
        file("good.pub"),
        file("private.pub", freshOpenSshKey()),
        file("unread.pub", null),
        {
          fileName: "big.pub",
          text: null,
          problem: { code: "file.tooLarge", params: { limit: 1 } },
        },
      ],
    );
    expect(rows[1]?.key).toEqual({ ok: false, problem: { code: "text.privateKey" } });
    expect(rows[2]?.key).toEqual({ ok: false, problem: { code: "file.unreadable" } });
    expect(rows[3]?.key).toEqual({
      ok: false,
      problem: { code: "file.tooLarge", params: { limit: 1 } },
    });
    expect(sendableRows(rows, none).map((row) => row.fileName)).toEqual(["good.pub"]);
  });

  it("sends neither a name taken nor one used twice in the batch", () => {
    const { rows } = addFiles([], [file("a.pub"), file("b.pub"), file("c.pub")]);
    const renamed = rows.map((row) => (row.fileName === "c.pub" ? { ...row, name: "a" } : row));
    expect(sendableRows(renamed, new Set(["b"]))).toEqual([]);
    const [, , last] = renamed as [BatchRow, BatchRow, BatchRow];
    expect(rowNameProblem(last, renamed, none)).toEqual({
      code: "name.twice",
      params: { name: "a" },
    });
    expect(sendableRows(rows, new Set(["b"])).map((row) => row.name)).toEqual(["a", "c"]);
  });

  it("marks each sent row from KPS's answer and retries only the rows not imported", () => {
    const { rows } = addFiles([], [file("a.pub"), file("b.pub"), file("c.pub")]);
    const sent = sendableRows(rows, none);
    const after = applyResult(rows, sent, {
      succeeded: ["a", "c"],
      failed: [{ name: "b", reason: "KPS.0002: parameter error: the key pair already exists" }],
    });
    expect(after.map((row) => row.outcome)).toEqual([
      { imported: true },
      {
        imported: false,
        code: "refused",
        reason: "KPS.0002: parameter error: the key pair already exists",
      },
      { imported: true },
    ]);
    // Imported names are in the list now; they neither block nor get sent again.
    expect(sendableRows(after, new Set(["a", "c"])).map((row) => row.name)).toEqual(["b"]);
  });

  it("does not believe an answer about rows it did not send, and says when KPS is silent", () => {
    const { rows } = addFiles([], [file("a.pub"), file("b.pub")]);
    const [first] = rows as [BatchRow, BatchRow];
    const after = applyResult(rows, [first], { succeeded: ["b"], failed: [] });
    expect(after[0]?.outcome).toEqual({ imported: false, code: "notReported" });
    expect(after[1]?.outcome).toBeNull();
    const blank = applyResult(rows, [first], {
      succeeded: [],
      failed: [{ name: "a", reason: "" }],
    });
    expect(blank[0]?.outcome).toEqual({ imported: false, code: "noReason" });
  });
});
