import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api-error.ts";
import { errorWords } from "../../lib/words/en.ts";
import { RefusedArchiveError } from "./api/batch-export.ts";
import { refusalText } from "./archive/refusal-text.ts";
import { refusalWords } from "./archive/words/en.ts";
import { explainExportError, waitWords } from "./explain-export-error.ts";
import { exportErrorWords } from "./words/en.ts";

const names = ["web-01", "web-010"];
const id = "0123456789abcdef0123456789abcdef";
const t = exportErrorWords.get();

function api(status: number, code: string, message: string, retryAfter?: number) {
  return new ApiError({
    status,
    code,
    message,
    serviceMessage: message,
    requestId: id,
    retryAfter,
  });
}

describe("explainExportError", () => {
  it("names the key whose private key is no longer hosted", () => {
    const explained = explainExportError(
      api(400, "KPS.6005", "No private key managed: web-010"),
      names,
    );
    expect(explained).toMatchObject({
      reason: "export.notHosted",
      text: t.notHostedText({ key: "web-010" }),
      code: "KPS.6005",
      requestId: id,
      listStale: true,
    });
    expect(explainExportError(api(400, "KPS.6005", "No private key managed"), names).text).toBe(
      t.notHostedText({ key: t.oneOfThem }),
    );
  });

  it("explains frozen, permission, not found, throttled and signed out", () => {
    expect(explainExportError(api(403, "KPS.9004", "frozen: web-01"), names)).toMatchObject({
      reason: "export.frozen",
      text: t.frozenText({ key: "web-01" }),
    });
    const denied = explainExportError(api(403, "KPS.9003", "No operation permission"), names);
    expect(denied.reason).toBe("export.forbidden");
    // The permission to ask for is a code name, the same in every language.
    expect(denied.action).toMatch(/kps:SSHKeyPair:exportPrivateKey/);
    expect(explainExportError(api(404, "HTTP.404", "x"), names).reason).toBe("export.gone");
    expect(explainExportError(api(400, "KPS.4016", "x"), names).listStale).toBe(true);
    expect(explainExportError(api(429, "KPS.0002", "slow down", 12), names)).toMatchObject({
      reason: "export.throttled",
      action: t.waitSeconds(12),
    });
    expect(explainExportError(api(401, "APIGW.0301", "expired"), names)).toMatchObject({
      reason: "unauthorized",
      title: errorWords.get().unauthorizedTitle,
      serviceMessage: "expired",
    });
    expect(explainExportError(api(500, "KPS.0004", "Response error"), names)).toMatchObject({
      reason: "export.serverFailed",
      action: t.tryLater,
    });
  });

  it("explains a refused archive with its reason and the request id", () => {
    const refusal = { code: "truncated" } as const;
    const explained = explainExportError(new RefusedArchiveError(refusal, id, refusalText), names);
    expect(explained).toMatchObject({
      reason: "archive.truncated",
      title: t.archiveTitle,
      text: refusalWords.get().truncated,
      requestId: id,
    });
  });

  it("names the key when only one was asked for, even if the message (in Chinese) does not", () => {
    const one = ["shape-not-hosted-cn"];
    const hosted = explainExportError(api(400, "KPS.6005", "未托管私钥"), one);
    expect(hosted.text).toBe(t.notHostedText({ key: "shape-not-hosted-cn" }));
    expect(hosted.serviceMessage).toBe("未托管私钥");
    expect(explainExportError(api(403, "KPS.9004", "密钥对已被冻结"), one).text).toBe(
      t.frozenText({ key: "shape-not-hosted-cn" }),
    );
    expect(explainExportError(api(404, "HTTP.404", "x"), one).text).toBe(
      t.goneText({ key: "shape-not-hosted-cn" }),
    );
    expect(explainExportError(api(400, "KPS.6004", "No Keypair find"), one).listStale).toBe(true);
  });

  it("says a 504 is no answer in time, with Export there to try again", () => {
    const timedOut = explainExportError(
      api(504, "KPS.0003", "Dependency service unavailable"),
      names,
    );
    expect(timedOut).toMatchObject({
      reason: "export.noAnswer",
      title: t.noAnswerTitle,
      text: t.noAnswerText,
      action: t.tryLater,
      requestId: id,
    });
  });

  it("counts the wait down to the moment Export may be pressed again", () => {
    expect(waitWords(3)).toBe(t.waitSeconds(3));
    expect(waitWords(0)).toBe(t.tryNow);
  });
});
