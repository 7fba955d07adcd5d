import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod/mini";
import { keypairDetailResponseSchema, listKeypairsResponseSchema } from "../../contract/kps.ts";
import { apiFetch, apiJson } from "./api-client.ts";
import { ApiError } from "./api-error.ts";

// Armor lines are assembled, so no literal one sits in the repository (where a real key would be flagged).
const DASHES = "-".repeat(5);

const REQUEST_ID = "0123456789abcdef0123456789abcdef";

function stubFetch(response: Response | (() => Promise<Response>)) {
  const fetch = vi.fn(typeof response === "function" ? response : async () => response);
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("apiFetch error mapping", () => {
  it("reads KPS's flat envelope, with the request id from the header", async () => {
    stubFetch(
      Response.json(
        { error_code: "KPS.6005", error_msg: "No private key managed: web-01" },
        { status: 400, headers: { "X-Request-Id": REQUEST_ID } },
      ),
    );
    const error = await failure(apiFetch("/v3/p/keypairs"));
    expect(error).toMatchObject({
      status: 400,
      code: "KPS.6005",
      message: "No private key managed: web-01",
      requestId: REQUEST_ID,
    });
  });

  it("reads the gateway's envelope and prefers its own request id", async () => {
    stubFetch(
      Response.json(
        {
          error_code: "APIGW.0301",
          error_msg: "Incorrect IAM authentication information: expired",
          request_id: "b".repeat(32),
        },
        { status: 401, headers: { "X-Request-Id": REQUEST_ID } },
      ),
    );
    const error = await failure(apiFetch("/v3/p/keypairs"));
    expect(error).toMatchObject({ status: 401, code: "APIGW.0301", requestId: "b".repeat(32) });
    expect(error.message).toContain("expired");
  });

  it("reads IAM's nested envelope", async () => {
    stubFetch(
      Response.json(
        {
          error: {
            code: 401,
            message: "The username or password is wrong.",
            title: "Unauthorized",
          },
        },
        { status: 401, headers: { "X-Request-Id": REQUEST_ID } },
      ),
    );
    const error = await failure(apiFetch("/v3/auth/tokens", { method: "POST", body: {} }));
    expect(error).toMatchObject({
      status: 401,
      code: "IAM.401",
      message: "The username or password is wrong.",
      requestId: REQUEST_ID,
    });
  });

  it("keeps a Chinese message intact", async () => {
    stubFetch(
      new Response(JSON.stringify({ error_code: "KPS.9004", error_msg: "账号已冻结" }), {
        status: 403,
        headers: { "Content-Type": "application/json;charset=UTF-8" },
      }),
    );
    const error = await failure(apiFetch("/v3/p/keypairs"));
    expect(error).toMatchObject({ code: "KPS.9004", message: "账号已冻结", requestId: null });
  });

  it("turns an unparseable body into the status's code, with no service words", async () => {
    stubFetch(
      new Response("<html>502 Bad Gateway</html>", {
        status: 502,
        statusText: "Bad Gateway",
        headers: { "X-Request-Id": REQUEST_ID },
      }),
    );
    const error = await failure(apiFetch("/v3/p/keypairs"));
    expect(error).toMatchObject({
      status: 502,
      code: "HTTP.502",
      message: "HTTP.502",
      serviceMessage: null,
      requestId: REQUEST_ID,
    });
  });

  it("reads Retry-After on 429", async () => {
    stubFetch(
      Response.json(
        { error_code: "KPS.0002", error_msg: "Too many exports" },
        { status: 429, headers: { "Retry-After": "7" } },
      ),
    );
    const error = await failure(apiFetch("/v3/p/keypairs/private-key/batch-export"));
    expect(error).toMatchObject({ status: 429, retryAfter: 7 });
  });

  it("times out with a readable error, and a caller's abort stays an AbortError", async () => {
    const hang = (_input: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    vi.stubGlobal("fetch", vi.fn(hang));
    const timedOut = await failure(apiFetch("/v3/p/keypairs", { timeoutMs: 20 }));
    expect(timedOut).toMatchObject({ status: 0, code: "TIMEOUT" });
    expect(timedOut.serviceMessage).toBeNull();

    const controller = new AbortController();
    const pending = apiFetch("/v3/p/keypairs", { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("maps a network failure", async () => {
    stubFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(await failure(apiFetch("/v3/p/keypairs"))).toMatchObject({ status: 0, code: "NETWORK" });
  });
});

describe("apiJson", () => {
  it("sends the token, JSON content type and parses with the schema", async () => {
    const fetch = stubFetch(Response.json({ value: 1, extra: true }));
    const { data } = await apiJson("/v3/x", z.object({ value: z.number() }), {
      method: "POST",
      body: [{ keypair: { name: "a" } }],
      token: "t0k",
    });
    expect(data).toEqual({ value: 1 });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const headers = init.headers as Record<string, string>;
    expect(headers["X-Auth-Token"]).toBe("t0k");
    expect(headers["Content-Type"]).toBe("application/json;charset=UTF-8");
    expect(init.body).toBe('[{"keypair":{"name":"a"}}]');
  });

  it("rejects a body of the wrong shape without quoting it", async () => {
    stubFetch(Response.json({ private_key: `${DASHES}BEGIN RSA PRIVATE KEY${DASHES}` }));
    const error = await failure(apiJson("/v3/x", z.object({ value: z.number() })));
    expect(error.code).toBe("BAD_RESPONSE");
    expect(error.message).not.toContain("BEGIN");
  });
});

describe("the real service's other shapes (kps-api.md section 7)", () => {
  it("reads frozen_state as a number, a string or null, and ignores unknown fields", async () => {
    stubFetch(
      Response.json({
        keypairs: [
          { keypair: { name: "a", frozen_state: 0, is_key_protection: true, tags: [] } },
          { keypair: { name: "b", frozen_state: "4", key_protection_version: 2 } },
          { keypair: { name: "c", frozen_state: null } },
        ],
        page_info: { next_marker: "c", current_count: "3", total: 9 },
        request_id: REQUEST_ID,
      }),
    );
    const { data } = await apiJson("/v3/p/keypairs", listKeypairsResponseSchema);
    expect(data.keypairs.map(({ keypair }) => keypair.frozen_state)).toEqual([0, 4, undefined]);
    expect(data.page_info?.next_marker).toBe("c");
  });

  it("accepts a last page with no page_info, with page_info and no next_marker, or keypairs null", async () => {
    for (const body of [
      { keypairs: [{ keypair: { name: "z" } }] },
      { keypairs: [{ keypair: { name: "z" } }], page_info: { current_count: 1 } },
      { keypairs: [{ keypair: { name: "z" } }], page_info: null },
      { keypairs: null },
    ]) {
      stubFetch(Response.json(body));
      const { data } = await apiJson("/v3/p/keypairs", listKeypairsResponseSchema);
      expect(data.page_info?.next_marker ?? null).toBeNull();
    }
  });

  it("reads a detail with frozen_state as a string, times as numbers or strings, extra fields", async () => {
    for (const [frozen, time] of [
      ["4", 1767605400000],
      [4, "2026-01-05T09:30:00Z"],
    ] as const) {
      stubFetch(
        Response.json({
          keypair: {
            name: "a",
            id: "17",
            frozen_state: frozen,
            create_time: time,
            update_time: null,
            description: null,
            region_id: "cn-north-4",
          },
        }),
      );
      const { data } = await apiJson("/v3/p/keypairs/a", keypairDetailResponseSchema);
      expect(data.keypair.frozen_state).toBe(4);
      expect(data.keypair.create_time).toBe(time);
    }
  });

  it("an error with error_code but no error_msg still says what happened, with the status", async () => {
    stubFetch(
      Response.json(
        { error_code: "KPS.0004" },
        { status: 500, headers: { "X-Request-Id": REQUEST_ID } },
      ),
    );
    const error = await failure(apiFetch("/v3/p/keypairs"));
    expect(error).toMatchObject({ code: "KPS.0004", status: 500, requestId: REQUEST_ID });
    expect(error).toMatchObject({ message: "KPS.0004", serviceMessage: null });
  });

  it("a body labelled JSON that does not parse, or an empty one, is the status's code", async () => {
    for (const body of ['{"error_code":"KPS.00', ""]) {
      stubFetch(
        new Response(body, {
          status: 500,
          headers: { "Content-Type": "application/json", "X-Request-Id": REQUEST_ID },
        }),
      );
      const error = await failure(apiFetch("/v3/p/keypairs"));
      expect(error).toMatchObject({ code: "HTTP.500", requestId: REQUEST_ID });
      expect(error).toMatchObject({ message: "HTTP.500", serviceMessage: null });
    }
  });

  it("an IAM error whose code is a string, and a gateway error with the id only in the body", async () => {
    stubFetch(
      Response.json(
        { error: { code: "401", message: "The request you have made requires authentication." } },
        { status: 401 },
      ),
    );
    expect(await failure(apiFetch("/v3/auth/projects"))).toMatchObject({
      code: "IAM.401",
      message: "The request you have made requires authentication.",
    });
    stubFetch(
      Response.json(
        { error_code: "APIGW.0308", error_msg: "throttled", request_id: "c".repeat(32) },
        { status: 429, headers: { "Retry-After": "7" } },
      ),
    );
    expect(await failure(apiFetch("/v3/p/keypairs"))).toMatchObject({
      code: "APIGW.0308",
      requestId: "c".repeat(32),
      retryAfter: 7,
    });
  });
});
