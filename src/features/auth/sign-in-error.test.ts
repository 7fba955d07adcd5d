import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api-error.ts";
import { signInErrorText } from "./sign-in-error.ts";
import { signInFailure } from "./sign-in-failure.ts";
import { signInWords } from "./words/sign-in-en.ts";
import { signInFailureWords } from "./words/sign-in-failure-en.ts";

const t = { ...signInWords.get(), ...signInFailureWords.get() };

function iam(status: number, message: string): ApiError {
  return new ApiError({ status, code: `IAM.${status}`, message, serviceMessage: message });
}

describe("signInFailure", () => {
  it("names the project, not the password, when IAM refused the project", () => {
    const said = "The user has no access to the requested project.";
    const failure = signInFailure(iam(401, said));
    expect(failure).toMatchObject({ reason: "project", iamMessage: said });
    expect(signInErrorText(failure, t)).toBe(`${t.iamSaid({ message: said })} ${t.checkProject}`);
  });

  it("blames the credentials when IAM did, and quotes it", () => {
    const said = "The username or password is wrong.";
    const failure = signInFailure(iam(401, said));
    expect(failure).toMatchObject({ reason: "credentials", iamMessage: said });
    expect(signInErrorText(failure, t)).toContain(t.iamSaid({ message: said }));
  });

  it("treats a 403 or 404 from IAM, or Chinese words naming the project, as a project it will not give", () => {
    expect(signInFailure(iam(403, "Forbidden.")).reason).toBe("project");
    expect(signInFailure(iam(404, "Could not find project.")).reason).toBe("project");
    expect(signInFailure(iam(401, "用户无权访问该项目")).reason).toBe("project");
  });

  it("says how long to wait when throttled", () => {
    const error = new ApiError({ status: 429, code: "IAM.429", message: "slow", retryAfter: 53 });
    expect(signInFailure(error)).toMatchObject({ reason: "throttled", retryAfter: 53 });
    expect(signInErrorText(signInFailure(error), t)).toBe(t.tooManyAttempts({ seconds: 53 }));
  });

  it("says nothing IAM did not say when it said nothing", () => {
    const error = new ApiError({ status: 401, code: "HTTP.401", message: "HTTP.401" });
    expect(signInFailure(error).iamMessage).toBeNull();
    expect(signInErrorText(signInFailure(error), t)).toBe(t.wrongCredentials);
  });

  it("tells the MFA refusals apart by their code, before blaming the password", () => {
    const refusal = (code: string) =>
      new ApiError({ status: 401, code, message: "x", serviceMessage: "the project's user" });
    expect(signInFailure(refusal("IAM.7101")).reason).toBe("codeNeeded");
    expect(signInFailure(refusal("IAM.7102")).reason).toBe("codeWrong");
    expect(signInFailure(refusal("IAM.7103")).reason).toBe("codeUsed");
    expect(signInErrorText(signInFailure(refusal("IAM.7103")), t)).toBe(t.codeUsed);
  });

  it("keeps the user IAM wants a code for, so the next try can carry it", () => {
    const error = new ApiError({ status: 401, code: "IAM.7101", message: "x", userId: "u-42" });
    expect(signInFailure(error)).toMatchObject({ reason: "codeNeeded", userId: "u-42" });
    expect(signInFailure(new Error("offline")).userId).toBeNull();
  });
});
