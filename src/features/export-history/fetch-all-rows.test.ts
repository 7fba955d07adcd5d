import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchAllRows, MAX_CSV_ROWS } from "./use-csv-download.ts";

afterEach(() => vi.unstubAllGlobals());

const QUERY = { from: 1, to: 2, keypair: "web-01" };

function trace(id: number) {
  return { trace_id: `t-${id}`, trace_rating: "normal", resource_name: "web-01" };
}

/** A traces route answering pages of `size` until `total`, each marker the last id. */
function stubPages(total: number, size: number, marker = (last: number) => `m-${last}`) {
  const asked: URLSearchParams[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      if (init.signal?.aborted) throw new DOMException("aborted", "AbortError");
      const params = new URL(url, "http://x").searchParams;
      asked.push(params);
      const start = Number(params.get("next")?.slice(2) ?? 0);
      const end = Math.min(total, start + size);
      const traces = Array.from({ length: end - start }, (_, i) => trace(start + i + 1));
      return Response.json({ traces, meta_data: { marker: end < total ? marker(end) : null } });
    }),
  );
  return asked;
}

describe("fetchAllRows (the CSV's pages)", () => {
  it("follows the markers at the server's largest page, with the filters on every page", async () => {
    const asked = stubPages(450, 200);
    const progress: number[] = [];
    const rows = await fetchAllRows("p", QUERY, new AbortController().signal, (n) =>
      progress.push(n),
    );
    expect(rows !== "tooMany" && rows.length).toBe(450);
    expect(progress).toEqual([200, 400, 450]);
    expect(asked.map((params) => params.get("next"))).toEqual([null, "m-200", "m-400"]);
    for (const params of asked) {
      expect(params.get("limit")).toBe("200");
      expect(params.get("resource_name")).toBe("web-01");
      expect(params.get("trace_type")).toBe("system");
    }
  });

  it("stops at a marker that does not move, rather than loop for ever", async () => {
    const asked = stubPages(1000, 200, () => "m-200");
    const rows = await fetchAllRows("p", QUERY, new AbortController().signal, () => undefined);
    expect(rows !== "tooMany" && rows.length).toBe(400);
    expect(asked).toHaveLength(2);
  });

  it(`refuses more than ${MAX_CSV_ROWS} rows instead of building the file`, async () => {
    stubPages(MAX_CSV_ROWS + 1, 200);
    const rows = await fetchAllRows("p", QUERY, new AbortController().signal, () => undefined);
    expect(rows).toBe("tooMany");
  });

  it("stops when cancelled", async () => {
    stubPages(1000, 200);
    const abort = new AbortController();
    const result = fetchAllRows("p", QUERY, abort.signal, () => abort.abort());
    await expect(result).rejects.toThrow();
  });
});
