import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api-error.ts";
import { signInErrorText } from "./sign-in-error.ts";

function iam(status: number, message: string): ApiError {
  return new ApiError({ status, code: `IAM.${status}`, message, serviceMessage: message });
}

describe("signInErrorText", () => {
  it("names the project, not the password, when IAM refused the project", () => {
    const text = signInErrorText(iam(401, "The user has no access to the requested project."));
    expect(text).toContain("The user has no access to the requested project.");
    expect(text).toContain("Check the project name");
    expect(text).not.toMatch(/password/);
  });

  it("blames the credentials when IAM did, and quotes it", () => {
    const text = signInErrorText(iam(401, "The username or password is wrong."));
    expect(text).toContain("IAM said: “The username or password is wrong.”");
    expect(text).toContain("user name or password is wrong");
  });

  it("treats a 403 or 404 from IAM as a project it will not give", () => {
    expect(signInErrorText(iam(403, "Forbidden."))).toContain("Check the project name");
    expect(signInErrorText(iam(404, "Could not find project."))).toContain(
      "Could not find project.",
    );
  });

  it("says how long to wait when throttled", () => {
    const error = new ApiError({ status: 429, code: "IAM.429", message: "slow", retryAfter: 53 });
    expect(signInErrorText(error)).toContain("Wait 53 seconds");
  });

  it("says nothing IAM did not say when it said nothing", () => {
    const error = new ApiError({
      status: 401,
      code: "HTTP.401",
      message: "The server answered 401",
    });
    expect(signInErrorText(error)).not.toContain("IAM said");
  });
});
