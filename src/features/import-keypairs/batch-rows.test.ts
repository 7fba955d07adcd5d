import { generateKeyPairSync } from "node:crypto";
import sshpk from "sshpk";
import { describe, expect, it } from "vitest";
import {
  type AddedFile,
  addFiles,
  applyResult,
  type BatchRow,
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
    expect(nameProblem("", none)).toMatch(/Give/);
    expect(nameProblem("web 01", none)).toMatch(/only letters/);
    expect(nameProblem("a".repeat(256), none)).toMatch(/255/);
    expect(nameProblem("web-01", new Set(["web-01"]))).toBe(
      "A key pair named web-01 already exists.",
    );
    expect(nameProblem("web-01", none)).toBeNull();
  });
});

describe("batch rows", () => {
  it("adds ten files and refuses the eleventh with its reason", () => {
    const files = Array.from({ length: 11 }, (_, index) => file(`k${index + 1}.pub`));
    const { rows, refused } = addFiles([], files);
    expect(rows.map((row) => row.name)).toEqual(
      Array.from({ length: 10 }, (_, index) => `k${index + 1}`),
    );
    expect(refused).toEqual([
      { fileName: "k11.pub", reason: "A batch imports at most 10 files; k11.pub was not added." },
    ]);
    // A second choice counts against what is already there.
    expect(addFiles(rows, [file("late.pub")]).refused).toHaveLength(1);
  });

  it("keeps a refused file as a row with its reason, and never sends it", () => {
    const { rows } = addFiles(
      [],
      [
        file("good.pub"),
        file("private.pub", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbg==\n"),
        file("big.pub", null),
      ],
    );
    expect(rows[1]?.key).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/private key/),
    });
    expect(rows[2]?.key).toEqual({ ok: false, problem: "This file could not be read." });
    expect(sendableRows(rows, none).map((row) => row.fileName)).toEqual(["good.pub"]);
  });

  it("sends neither a name taken nor one used twice in the batch", () => {
    const { rows } = addFiles([], [file("a.pub"), file("b.pub"), file("c.pub")]);
    const renamed = rows.map((row) => (row.fileName === "c.pub" ? { ...row, name: "a" } : row));
    expect(sendableRows(renamed, new Set(["b"]))).toEqual([]);
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
      { imported: false, reason: "KPS.0002: parameter error: the key pair already exists" },
      { imported: true },
    ]);
    // Imported names are in the list now; they neither block nor get sent again.
    expect(sendableRows(after, new Set(["a", "c"])).map((row) => row.name)).toEqual(["b"]);
  });

  it("does not believe an answer about rows it did not send, and says when KPS is silent", () => {
    const { rows } = addFiles([], [file("a.pub"), file("b.pub")]);
    const [first] = rows as [BatchRow, BatchRow];
    const after = applyResult(rows, [first], { succeeded: ["b"], failed: [] });
    expect(after[0]?.outcome).toEqual({
      imported: false,
      reason: "KPS did not report on this key pair.",
    });
    expect(after[1]?.outcome).toBeNull();
  });
});
