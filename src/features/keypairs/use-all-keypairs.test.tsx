// @vitest-environment jsdom
import { cleanup, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isApiError } from "../../lib/api-error.ts";
import { clearSession, setSession } from "../../lib/session.ts";
import { renderWithProviders } from "../../testing/render-with-providers.tsx";
import { TEST_PROJECT_ID, testSession } from "../../testing/test-session.ts";
import { useAllKeypairs } from "./use-all-keypairs.ts";

type Drawn = { rows: string[]; complete: boolean; error: unknown };

/** What the page would draw, render by render. */
function Probe({ drawn }: { drawn: Drawn[] }) {
  const { rows, complete, query } = useAllKeypairs(TEST_PROJECT_ID);
  drawn.push({ rows: rows.map((row) => row.name), complete, error: query.error });
  return null;
}

const names = (page: number, size: number) =>
  Array.from({ length: size }, (_, i) => `p${page}-${String(i).padStart(2, "0")}`);

/**
 * The list endpoint over `pages` pages of `size`, by marker; `answer` may replace a page's body.
 * Each request notes how many rows had been drawn when it went out.
 */
function serveList(
  pages: number,
  size: number,
  drawn: Drawn[],
  answer: (page: number, body: unknown) => unknown = (_page, body) => body,
) {
  const requests: { marker: string | null; drawnRows: number }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      const marker = new URL(url, "http://console").searchParams.get("marker");
      requests.push({ marker, drawnRows: drawn.at(-1)?.rows.length ?? 0 });
      const page = marker === null ? 0 : Number(/^p(\d+)-/.exec(marker)?.[1]) + 1;
      const rows = names(page, size);
      const last = page === pages - 1;
      const body = {
        keypairs: rows.map((name) => ({
          keypair: { name, fingerprint: "aa:bb", frozen_state: 0 },
        })),
        ...(last ? {} : { page_info: { next_marker: rows.at(-1), current_count: size } }),
      };
      return Response.json(answer(page, body));
    }),
  );
  return requests;
}

beforeEach(() => setSession(testSession()));
afterEach(() => {
  cleanup();
  clearSession("user");
  vi.unstubAllGlobals();
});

describe("useAllKeypairs", () => {
  it("brings in every page, in order, and says complete only once its rows are all drawn", async () => {
    const drawn: Drawn[] = [];
    const requests = serveList(8, 5, drawn);
    renderWithProviders(<Probe drawn={drawn} />);
    const all = Array.from({ length: 8 }, (_, page) => names(page, 5)).flat();
    await waitFor(() => expect(drawn.at(-1)).toMatchObject({ complete: true }));
    expect(drawn.at(-1)?.rows).toEqual(all);
    expect(requests.map((request) => request.marker)).toEqual([
      null,
      ...Array.from({ length: 7 }, (_, page) => `p${page}-04`),
    ]);
    // Never "complete" over a part of the list: a selection is pruned against these rows.
    for (const render of drawn) if (render.complete) expect(render.rows).toEqual(all);
  });

  it("asks for the next page without waiting for the last one to be drawn, and draws pages together", async () => {
    const drawn: Drawn[] = [];
    const requests = serveList(8, 5, drawn);
    renderWithProviders(<Probe drawn={drawn} />);
    await waitFor(() => expect(drawn.at(-1)).toMatchObject({ complete: true }));
    // Drawing after each page held every request behind a render: the last would go out with
    // 35 rows drawn. Here it goes out before most of them are.
    expect(requests.at(-1)?.drawnRows).toBeLessThan(35);
    const distinctDraws = new Set(drawn.map((render) => render.rows.length)).size;
    expect(distinctDraws).toBeLessThan(8);
  });

  it("draws the first rows and the last page as they come, not at the next frame", async () => {
    // Frames that never come, as in a tab in the background: only what waits for one waits.
    vi.stubGlobal("requestAnimationFrame", () => 1);
    const drawn: Drawn[] = [];
    serveList(3, 5, drawn);
    renderWithProviders(<Probe drawn={drawn} />);
    await waitFor(() => expect(drawn.at(-1)).toMatchObject({ complete: true }));
    expect(drawn.at(-1)?.rows).toHaveLength(15);
    expect(drawn.some((render) => render.rows.length === 5)).toBe(true);
  });

  it("stops at a marker that does not move, with the rows it has", async () => {
    const drawn: Drawn[] = [];
    const requests = serveList(3, 2, drawn, (page, body) =>
      page === 0 ? body : { ...(body as object), page_info: { next_marker: "p0-01" } },
    );
    renderWithProviders(<Probe drawn={drawn} />);
    await waitFor(() => expect(drawn.at(-1)).toMatchObject({ complete: true }));
    expect(requests).toHaveLength(2);
    expect(drawn.at(-1)?.rows).toEqual([...names(0, 2), ...names(1, 2)]);
  });

  it("refuses a malformed page from a hostile upstream: no more pages, the rows so far stay", async () => {
    const drawn: Drawn[] = [];
    const requests = serveList(5, 3, drawn, (page, body) =>
      page === 1
        ? { keypairs: [{ keypair: { name: 42 } }], page_info: { next_marker: "x" } }
        : body,
    );
    renderWithProviders(<Probe drawn={drawn} />);
    // A 200 with a bad body is retried twice (1 s, then 2 s) before it is said.
    await waitFor(() => expect(drawn.at(-1)?.error).toBeTruthy(), { timeout: 10_000 });
    const last = drawn.at(-1);
    expect(isApiError(last?.error) && last.error.code).toBe("BAD_RESPONSE");
    expect(last).toMatchObject({ rows: names(0, 3), complete: false });
    // The run reading ahead reads the bad page once, having already asked for the page it
    // names, whose answer it abandons; the client then asks for the bad page and retries.
    expect(requests.map((request) => request.marker)).toEqual([
      null,
      "p0-02",
      "x",
      "p0-02",
      "p0-02",
      "p0-02",
    ]);
  });
});
