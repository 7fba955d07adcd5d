import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api-error.ts";
import { RefusedArchiveError } from "./api/batch-export.ts";
import { explainExportError } from "./explain-export-error.ts";

const names = ["web-01", "web-010"];
const id = "0123456789abcdef0123456789abcdef";

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
    expect(explained.text).toBe(
      "The private key of web-010 is no longer hosted by KPS, so it cannot be exported.",
    );
    expect(explained).toMatchObject({ code: "KPS.6005", requestId: id, listStale: true });
    expect(explainExportError(api(400, "KPS.6005", "No private key managed"), names).text).toMatch(
      /^The private key of one of the selected key pairs/,
    );
  });

  it("explains frozen, permission, not found, throttled and signed out", () => {
    expect(explainExportError(api(403, "KPS.9004", "frozen: web-01"), names).text).toBe(
      "web-01 is frozen, so its private key cannot be exported.",
    );
    expect(
      explainExportError(api(403, "KPS.9003", "No operation permission"), names).action,
    ).toMatch(/kps:SSHKeyPair:exportPrivateKey/);
    expect(explainExportError(api(404, "HTTP.404", "x"), names).title).toBe("Key pair not found");
    expect(explainExportError(api(400, "KPS.4016", "x"), names).listStale).toBe(true);
    expect(explainExportError(api(429, "KPS.0002", "slow down", 12), names).action).toBe(
      "Wait 12 seconds and try again.",
    );
    expect(explainExportError(api(401, "APIGW.0301", "expired"), names)).toMatchObject({
      title: "Signed out by the service",
      serviceMessage: "expired",
    });
    expect(explainExportError(api(500, "KPS.0004", "Response error"), names).action).toMatch(
      /request id/,
    );
  });

  it("explains a refused archive with the request id", () => {
    const explained = explainExportError(
      new RefusedArchiveError("The archive is truncated.", id),
      names,
    );
    expect(explained).toMatchObject({
      title: "The archive was refused",
      text: "The archive is truncated.",
      requestId: id,
    });
  });

  it("names the key when only one was asked for, even if the message (in Chinese) does not", () => {
    const one = ["shape-not-hosted-cn"];
    const hosted = explainExportError(api(400, "KPS.6005", "未托管私钥"), one);
    expect(hosted.text).toBe(
      "The private key of shape-not-hosted-cn is no longer hosted by KPS, so it cannot be exported.",
    );
    expect(hosted.serviceMessage).toBe("未托管私钥");
    expect(explainExportError(api(403, "KPS.9004", "密钥对已被冻结"), one).text).toMatch(
      /^shape-not-hosted-cn is frozen/,
    );
    expect(explainExportError(api(404, "HTTP.404", "x"), one).text).toMatch(
      /^shape-not-hosted-cn no longer exists/,
    );
    expect(explainExportError(api(400, "KPS.6004", "No Keypair find"), one).listStale).toBe(true);
  });

  it("says a 504 is no answer in time, with Export there to try again", () => {
    const timedOut = explainExportError(
      api(504, "KPS.0003", "Dependency service unavailable"),
      names,
    );
    expect(timedOut.title).toBe("No answer from KPS");
    expect(timedOut.text).toBe("KPS did not answer in time. No zip was sent.");
    expect(timedOut.action).toMatch(/^Try again/);
    expect(timedOut.requestId).toBe(id);
  });
});
