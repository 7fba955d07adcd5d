import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error.ts";
import { explainError } from "./explain-error.ts";

const requestId = "0123456789abcdef0123456789abcdef";

describe("explainError", () => {
  it("keeps the service's words apart from ours, with its code and request id", () => {
    const error = new ApiError({
      status: 400,
      code: "KPS.4001",
      message: "Invalid keypair name",
      serviceMessage: "Invalid keypair name",
      requestId,
    });
    expect(explainError(error, { what: "Create the key pair" })).toEqual({
      title: "Create the key pair: refused",
      text: "KPS refused the request; its reason is below.",
      action: "Correct what it names and try again.",
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
    expect(explainError(gone, { what: "Load the key pair" })).toMatchObject({
      title: "Key pair not found",
      action: "Refresh the list to see what is there now.",
      serviceMessage: "The key pair is not exist",
      code: "KPS.4016",
    });
  });

  it("lets an operation say better words for its own codes and falls back for the rest", () => {
    const operation = {
      what: "Host the private key",
      explain: (error: ApiError) =>
        error.code === "KPS.6011"
          ? {
              title: "Not the private half",
              text: "It does not match.",
              action: "Choose the right file.",
            }
          : null,
    };
    const own = new ApiError({ status: 400, code: "KPS.6011", message: "x", serviceMessage: "x" });
    expect(explainError(own, operation).title).toBe("Not the private half");
    const throttled = new ApiError({ status: 429, code: "KPS.0002", message: "x", retryAfter: 7 });
    expect(explainError(throttled, operation).action).toBe("Wait 7 seconds and try again.");
  });

  it("turns the client's own failures (codes, not sentences) into words", () => {
    const timeout = new ApiError({ status: 0, code: "TIMEOUT", message: "t" });
    expect(explainError(timeout, { what: "Delete web-01" })).toMatchObject({
      title: "No answer",
      serviceMessage: null,
    });
    const network = new ApiError({ status: 0, code: "NETWORK", message: "n" });
    expect(
      explainError(network, { what: "Delete web-01", failedTitle: "Could not delete" }).title,
    ).toBe("Could not delete");
    expect(explainError(new TypeError("boom"), { what: "Delete web-01" }).text).not.toContain(
      "boom",
    );
  });

  it("says who to ask on a refused permission, naming the operation", () => {
    const denied = new ApiError({
      status: 403,
      code: "KPS.9003",
      message: "No operation permission",
    });
    expect(explainError(denied, { what: "Delete web-01" })).toMatchObject({
      title: "Not permitted",
      text: "Your IAM user may not do this in this project (delete web-01).",
    });
  });
});
