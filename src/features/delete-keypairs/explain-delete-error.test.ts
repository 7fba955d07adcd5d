import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api-error.ts";
import { deleteErrorWords } from "./components/words/en.ts";
import { explainDeleteError } from "./explain-delete-error.ts";

const error = (status: number, code: string) =>
  new ApiError({ status, code, message: "m", serviceMessage: "m", requestId: "r".repeat(32) });
const t = deleteErrorWords.get();

describe("explainDeleteError", () => {
  it("reads every not-found shape the service may send as already gone", () => {
    for (const gone of [error(400, "KPS.4016"), error(400, "KPS.6004"), error(404, "HTTP.404")]) {
      const words = explainDeleteError(gone, "web-01");
      expect(words.reason).toBe("delete.gone");
      expect(words.text).toBe(t.goneText({ name: "web-01" }));
    }
  });

  it("names the missing permission and keeps the service's code and request id", () => {
    const words = explainDeleteError(error(403, "KPS.9003"), "web-01");
    expect(words.reason).toBe("delete.forbidden");
    expect(words.action).toContain("kps:SSHKeyPair:delete");
    expect(words.code).toBe("KPS.9003");
    expect(words.requestId).toBe("r".repeat(32));
  });

  it("says a frozen key pair is kept until the freeze is lifted", () => {
    expect(explainDeleteError(error(403, "KPS.9004"), "web-01").reason).toBe("delete.frozen");
  });

  it("falls back to the common words for anything else", () => {
    expect(explainDeleteError(error(500, "KPS.5003"), "web-01").reason).toBe("serverFailed");
  });
});
