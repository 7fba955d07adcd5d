import { describe, expect, it } from "vitest";
import { batchImportResponseSchema } from "./kps.ts";

const read = (body: unknown) => batchImportResponseSchema.parse(body);

describe("batchImportResponseSchema reads every answer the documents allow", () => {
  it("the SDK models' succeeded_keypairs of {keypair} items and failed_keypairs", () => {
    expect(
      read({
        succeeded_keypairs: [{ keypair: { name: "a", fingerprint: "x", private_key: "never" } }],
        failed_keypairs: [{ keypair_name: "b", failed_reason: "KPS.0002: taken" }],
      }),
    ).toEqual({ succeeded: ["a"], failed: [{ name: "b", reason: "KPS.0002: taken" }] });
  });

  it("DEW's API page: failured_keypairs, bare {name} items and a missing reason", () => {
    expect(
      read({
        succeeded_keypairs: [{ name: "a" }],
        failured_keypairs: [{ keypair_name: "b" }],
      }),
    ).toEqual({ succeeded: ["a"], failed: [{ name: "b", reason: "" }] });
  });

  it("both failure lists at once, and nulls where lists are empty", () => {
    expect(
      read({
        succeeded_keypairs: null,
        failed_keypairs: [{ keypair_name: "b", failed_reason: null }],
        failured_keypairs: [{ keypair_name: "c", failed_reason: "why" }],
      }),
    ).toEqual({
      succeeded: [],
      failed: [
        { name: "b", reason: "" },
        { name: "c", reason: "why" },
      ],
    });
    expect(read({})).toEqual({ succeeded: [], failed: [] });
  });

  it("refuses an item without a name rather than guessing", () => {
    expect(batchImportResponseSchema.safeParse({ succeeded_keypairs: [{}] }).success).toBe(false);
    expect(batchImportResponseSchema.safeParse({ failed_keypairs: [{ name: "b" }] }).success).toBe(
      false,
    );
  });
});
