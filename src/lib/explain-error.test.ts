import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error.ts";
import { explainError } from "./explain-error.ts";
import { errorWords } from "./words/en.ts";

const requestId = "0123456789abcdef0123456789abcdef";
const t = errorWords.get();

describe("explainError", () => {
  it("keeps the service's words apart from ours, with its code and request id", () => {
    const error = new ApiError({
      status: 400,
      code: "KPS.4001",
      message: "Invalid keypair name",
      serviceMessage: "Invalid keypair name",
      requestId,
    });
    expect(explainError(error, { what: "Create" })).toEqual({
      reason: "refused",
      title: t.refusedTitle({ what: "Create" }),
      text: t.refusedText,
      action: t.refusedAction,
      code: "KPS.4001",
      serviceMessage: "Invalid keypair name",
      requestId,
    });
  });

  it("explains the service's own 'The key pair is not exist' instead of only quoting it", () => {
    const gone = new ApiError({
      status: 400,
      code: "KPS.4016",
      message: "The key pair is not exist",
      serviceMessage: "The key pair is not exist",
    });
    expect(explainError(gone, { what: "Load" })).toMatchObject({
      reason: "gone",
      serviceMessage: "The key pair is not exist",
      code: "KPS.4016",
    });
  });

  it("lets an operation say better words for its own codes and falls back for the rest", () => {
    const mismatch = { reason: "host.mismatch", title: "t", text: "x", action: "a" };
    const operation = {
      what: "Host",
      explain: (error: ApiError) => (error.code === "KPS.6011" ? mismatch : null),
    };
    const own = new ApiError({ status: 400, code: "KPS.6011", message: "x", serviceMessage: "x" });
    expect(explainError(own, operation)).toMatchObject(mismatch);
    const throttled = new ApiError({ status: 429, code: "KPS.0002", message: "x", retryAfter: 7 });
    expect(explainError(throttled, operation)).toMatchObject({
      reason: "rateLimited",
      action: t.rateLimitedAction({ seconds: 7 }),
    });
  });

  it("turns the client's own failures (codes, not sentences) into words", () => {
    const timeout = new ApiError({ status: 0, code: "TIMEOUT", message: "TIMEOUT" });
    expect(explainError(timeout, { what: "Delete" })).toMatchObject({
      reason: "client.timeout",
      serviceMessage: null,
    });
    const network = new ApiError({ status: 0, code: "NETWORK", message: "NETWORK" });
    expect(
      explainError(network, { what: "Delete", failedTitle: "Could not delete" }),
    ).toMatchObject({ reason: "client.network", title: "Could not delete" });
    const unreadable = new ApiError({ status: 200, code: "BAD_RESPONSE", message: "BAD_RESPONSE" });
    expect(explainError(unreadable, { what: "Delete" }).reason).toBe("client.badResponse");
    const crash = explainError(new TypeError("boom"), { what: "Delete" });
    expect(crash.reason).toBe("unexpected");
    expect(JSON.stringify(crash)).not.toContain("boom");
  });

  it("says who to ask on a refused permission, naming the operation", () => {
    const denied = new ApiError({
      status: 403,
      code: "KPS.9003",
      message: "No operation permission",
    });
    expect(explainError(denied, { what: "Delete web-01" })).toMatchObject({
      reason: "forbidden",
      text: t.forbiddenText({ what: "delete web-01" }),
    });
  });
});
