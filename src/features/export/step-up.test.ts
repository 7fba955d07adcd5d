import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api-error.ts";
import { testSession } from "../../testing/test-session.ts";
import { StepUpRefusedError } from "./api/fresh-token.ts";
import { needsFreshAuth, stepUpAfter, stepUpProblem } from "./step-up.ts";

const NOW = 1_800_000_000_000;
const at = (secondsAgo: number) => ({ ...testSession(), authAt: NOW - secondsAgo * 1000 });
const iam = (status: number, code: string, userId?: string) =>
  new StepUpRefusedError(new ApiError({ status, code, message: code, userId }));

describe("needsFreshAuth", () => {
  it("asks once the password check is older than the window, a little before its end", () => {
    expect(needsFreshAuth(at(200), 300, NOW)).toBe(false);
    expect(needsFreshAuth(at(296), 300, NOW)).toBe(true);
    expect(needsFreshAuth(at(1), 2, NOW)).toBe(false);
    expect(needsFreshAuth(at(2), 2, NOW)).toBe(true);
  });

  it("leaves an unknown sign-in time to the server's refusal", () => {
    expect(needsFreshAuth(testSession(), 300, NOW)).toBe(false);
    expect(needsFreshAuth(null, 300, NOW)).toBe(false);
  });
});

describe("stepUpAfter", () => {
  const kps7003 = new ApiError({ status: 403, code: "KPS.7003", message: "again" });

  it("asks for the password on KPS.7003, not for a permission", () => {
    expect(stepUpAfter(kps7003, { stage: "none" }, testSession())).toEqual({ stage: "password" });
  });

  it("asks for the code on IAM.7101, for the user IAM names or else the session's", () => {
    expect(
      stepUpAfter(iam(401, "IAM.7101", "u-sam"), { stage: "password" }, testSession()),
    ).toEqual({
      stage: "code",
      userId: "u-sam",
    });
    expect(stepUpAfter(iam(401, "IAM.7101"), { stage: "password" }, testSession())).toEqual({
      stage: "code",
      userId: "u1",
    });
  });

  it("keeps the code asked for after a wrong or used one", () => {
    const code = { stage: "code", userId: "u1" } as const;
    expect(stepUpAfter(iam(401, "IAM.7103"), code, testSession())).toBe(code);
    expect(stepUpAfter(kps7003, code, testSession())).toBe(code);
  });
});

describe("stepUpProblem", () => {
  it.each([
    [iam(401, "IAM.401"), { code: "wrongPassword" }],
    [iam(401, "IAM.7102"), { code: "codeWrong" }],
    [iam(401, "IAM.7103"), { code: "codeUsed" }],
    [
      new StepUpRefusedError(
        new ApiError({ status: 429, code: "IAM.429", message: "", retryAfter: 42 }),
      ),
      { code: "throttled", seconds: 42 },
    ],
    [new StepUpRefusedError(new TypeError("offline")), { code: "failed" }],
    [new ApiError({ status: 401, code: "APIGW.0301", message: "" }), null],
  ])("%#: reads the fresh sign-in's refusal", (error, problem) => {
    expect(stepUpProblem(error)).toEqual(problem);
  });
});
