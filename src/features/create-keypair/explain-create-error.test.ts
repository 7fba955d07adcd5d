import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api-error.ts";
import { errorWords } from "../../lib/words/en.ts";
import { KEY_MISMATCH, NO_PRIVATE_KEY } from "./api/create-keypair.ts";
import { createErrorWords } from "./components/words/en.ts";
import { explainCreateError } from "./explain-create-error.ts";

const error = (status: number, code: string, serviceMessage: string | null = null) =>
  new ApiError({ status, code, message: serviceMessage ?? code, serviceMessage });

describe("explainCreateError", () => {
  it("gives each failure create knows better its own code and words", () => {
    const cases: [ApiError, string][] = [
      [error(0, NO_PRIVATE_KEY), "create.noPrivateKey"],
      [error(0, KEY_MISMATCH), "create.keyMismatch"],
      [error(400, "KPS.0002", "parameter error"), "create.refused"],
      [error(403, "KPS.9003", "denied"), "create.forbidden"],
      [error(500, "KPS.6008"), "create.hostingFailed"],
      [error(500, "KPS.6010"), "create.hostingFailed"],
    ];
    const said = cases.map(([failure, reason]) => {
      const explained = explainCreateError(failure);
      expect(explained.reason, failure.code).toBe(reason);
      return explained.title;
    });
    expect(said[0]).toBe(createErrorWords.get().noPrivateKeyTitle);
    expect(new Set(said).size).toBe(5);
  });

  it("leaves the rest to the common words, naming the operation", () => {
    const explained = explainCreateError(error(500, "KPS.0001", "boom"));
    expect(explained).toMatchObject({
      reason: "serverFailed",
      text: errorWords.get().serverFailedText({ what: createErrorWords.get().what.toLowerCase() }),
      serviceMessage: "boom",
    });
  });
});
