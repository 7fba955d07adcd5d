import { afterEach, describe, expect, it, vi } from "vitest";
import { testSession } from "../testing/test-session.ts";
import { ApiError } from "./api-error.ts";
import { createQueryClient } from "./query-client.ts";
import { keypairKeys } from "./query-keys.ts";
import { clearSession, getSession, setSession } from "./session.ts";

const session = testSession();

afterEach(() => {
  clearSession("user");
  vi.unstubAllGlobals();
});

function unauthorized() {
  return new ApiError({ status: 401, code: "APIGW.0301", message: "expired" });
}

describe("the query client", () => {
  it("refetches what a mutation names in meta.invalidates, whether it succeeded or failed", async () => {
    const client = createQueryClient();
    const list = keypairKeys.list(session.project.id);
    const fetchList = vi.fn(async () => ["web-01"]);
    await client.fetchQuery({ queryKey: list, queryFn: fetchList });
    const observer = client.getQueryCache().find({ queryKey: list });
    expect(observer?.state.isInvalidated).toBe(false);

    const failing = client.getMutationCache().build(client, {
      mutationFn: async () => {
        throw new ApiError({ status: 400, code: "KPS.0002", message: "bad" });
      },
      meta: { invalidates: [keypairKeys.all(session.project.id)] },
    });
    await failing.execute(undefined).catch(() => undefined);
    expect(client.getQueryCache().find({ queryKey: list })?.state.isInvalidated).toBe(true);
  });

  it("ends the session on a 401 from a mutation, revokes the token and drops the cache", async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetchMock);
    setSession(session);
    const client = createQueryClient();
    client.setQueryData(keypairKeys.list(session.project.id), ["web-01"]);
    const mutation = client.getMutationCache().build(client, {
      mutationFn: async () => {
        throw unauthorized();
      },
    });
    await mutation.execute(undefined).catch(() => undefined);
    expect(getSession()).toBeNull();
    expect(client.getQueryData(keypairKeys.list(session.project.id))).toBeUndefined();
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect([url, init.method]).toEqual(["/v3/auth/tokens", "DELETE"]);
  });

  it("keeps the session when the mutation says a 401 is an answer (step-up)", async () => {
    vi.stubGlobal("fetch", vi.fn());
    setSession(session);
    const client = createQueryClient();
    const mutation = client.getMutationCache().build(client, {
      mutationFn: async () => {
        throw unauthorized();
      },
      meta: { keepsSessionOn401: true },
    });
    await mutation.execute(undefined).catch(() => undefined);
    expect(getSession()?.user.name).toBe("alice");
  });
});
